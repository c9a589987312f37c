import type { Report } from '../../model/types.ts';
import { formatBytes } from '../../model/bytes.ts';
import { OutputError, type BuildOption, type RenderContext } from '../output.ts';

/** Megabytes as the brand file counts them (`max-size-mb`, binary, as most mail servers do). */
const MB = 1024 * 1024;

/** `--max-size MB`: the e-mail's size budget for this build, over the brand's. */
export const maxSizeOption: BuildOption = {
  name: 'max-size',
  placeholder: 'MB',
  help: "fail when the e-mail is larger (default: the brand's email.max-size-mb, else 10)",
  check: (value) =>
    /^\d+(\.\d+)?$/.test(value) && Number(value) > 0
      ? undefined
      : `must be a number of megabytes above 0, e.g. 10 or 7.5, not "${value}"`,
};

/** The budget in bytes: the flag when given, else the brand's. */
export function budgetOf(report: Report, context: RenderContext): number {
  const flag = context.options?.['max-size'];
  return flag === undefined ? report.brand.email.maxBytes : Math.round(Number(flag) * MB);
}

/** One part of the message, for naming the largest when over budget. */
export interface MessagePart {
  name: string;
  bytes: number;
}

/**
 * Stops the build when the message is over budget, so nothing over the limit
 * is ever written or sent, naming the largest parts so the user knows what to shrink.
 */
export function checkBudget(
  size: number,
  budget: number,
  parts: MessagePart[],
  report: Report,
  flagGiven: boolean,
): void {
  if (size <= budget) return;
  const largest = [...parts].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  const where = flagGiven
    ? 'set by --max-size'
    : `defaults.briefpress.email.max-size-mb in templates/brands/${report.brand.name}/_brand.yml, or --max-size MB`;
  throw new OutputError(
    `the e-mail would be ${formatBytes(size)} (${size} bytes), over its limit ` +
      `of ${megabytes(budget)} MB (${budget} bytes; ${where}). ` +
      (`Largest parts: ${largest.map((p) => `${p.name} ${formatBytes(p.bytes)}`).join(', ')} ` +
        `(attachments grow by a third in an e-mail). `) +
      `Make them smaller (fewer or smaller images in the report) or raise the limit.`,
  );
}

/** 10485760 → "10", 7864320 → "7.5" */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / MB) * 100) / 100);
}
