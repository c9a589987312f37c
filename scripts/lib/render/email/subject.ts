import type { Report } from '../../model/types.ts';
import { OutputError } from '../output.ts';

/** The words a brand's `email.subject` template may use, each as `{name}`. */
const FIELDS: Record<string, (report: Report) => string> = {
  organisation: (r) => r.brand.organisation.full,
  short: (r) => r.brand.organisation.short,
  label: (r) => r.label,
  kind: (r) => r.event.kind,
  title: (r) => r.event.titleText,
  subtitle: (r) => r.event.subtitleText ?? '',
  date: (r) => r.event.dateText,
};

/**
 * The subject line: the brand's `defaults.briefpress.email.subject` template
 * when set (e.g. "{short} {label}: {title}"), else "Organisation | Label: Title".
 */
export function subjectOf(report: Report): string {
  const template = report.brand.email.subject ?? '{organisation} | {label}: {title}';
  const subject = template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const field = FIELDS[name.trim()];
    if (!field) {
      throw new OutputError(
        `the brand's e-mail subject "${template}" uses ${whole}, which is not known. ` +
          `Use any of ${Object.keys(FIELDS)
            .map((f) => `{${f}}`)
            .join(
              ', ',
            )} in defaults.briefpress.email.subject of templates/brands/${report.brand.name}/_brand.yml.`,
      );
    }
    return field(report);
  });
  // A subject is one line; a template or title with line breaks must not start new headers.
  return subject.replace(/\s+/g, ' ').trim();
}
