import path from 'node:path';
import type { LoadedReport } from '../load-report.ts';
import { InputError } from '../problems.ts';

/**
 * The reports of one run, by the output name they were given: a second report
 * with the name of an earlier one (two titles in a script that has no Latin
 * letters, the same report.slug, a copy of a file) would overwrite its PDF,
 * deck, e-mail and web edition. `claim` refuses it, at the field the name comes from.
 */
export function slugClaims(outDir = ''): { claim(loaded: LoadedReport): void } {
  const taken = new Map<string, string>();
  return {
    claim({ report, slugAt }) {
      const earlier = taken.get(report.slug);
      if (earlier && earlier !== slugAt.file) {
        const outputs = path.join(outDir, `${report.slug}.*`);
        throw new InputError([
          {
            ...slugAt,
            message:
              `gives the outputs the name ${report.slug}, as ${earlier} does: this report ` +
              `would overwrite its ${outputs}. Set report.slug to another name in one of them.`,
          },
        ]);
      }
      taken.set(report.slug, slugAt.file);
    },
  };
}
