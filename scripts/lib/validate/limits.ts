import type { ReportInput } from './report-schema.ts';

/**
 * The largest report briefpress builds (README: Limits). Above them a build
 * would take minutes and hundreds of megabytes to make a brief no one reads
 * whole, so the report is refused at once, at the field that is too long,
 * instead (issue 11 item 4). Measured: the sample at 50× (800 points, 300
 * recommendations) is some 300 pages and 300 slides (npm run bench).
 */
export const LIMITS = {
  /** Points of all speakers together, with the moderators' framing points. */
  points: 2000,
  /** Speakers and moderators together. */
  people: 400,
  recommendations: 1000,
  highlights: 200,
  /** Characters in one text: a paragraph, a point, a recommendation. */
  textLength: 50_000,
} as const;

/** Pages of one brief: a backstop while laying out, for text that is long in ways the limits above do not count. */
export const MAX_PAGES = 5000;

export interface LimitProblem {
  where: PropertyKey[];
  message: string;
}

export function checkLimits(input: ReportInput): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const count = (n: number) => n.toLocaleString('en');
  const split = 'Split the report into several (one per session, say), or shorten it.';
  const points =
    input.speakers.reduce((sum, s) => sum + s.points.length, 0) + (input.moderation?.length ?? 0);
  if (points > LIMITS.points)
    problems.push({
      where: ['speakers'],
      message: `${count(points)} points in all; a report may have ${count(LIMITS.points)} at most. ${split}`,
    });
  const people = input.speakers.length + (input.moderators?.length ?? 0);
  if (people > LIMITS.people)
    problems.push({
      where: ['speakers'],
      message: `${count(people)} speakers and moderators; a report may have ${count(LIMITS.people)} at most. ${split}`,
    });
  if (input.recommendations.length > LIMITS.recommendations) {
    problems.push({
      where: ['recommendations'],
      message:
        `${count(input.recommendations.length)} recommendations; a report may have ` +
        `${count(LIMITS.recommendations)} at most. ${split}`,
    });
  }
  if ((input.highlights?.length ?? 0) > LIMITS.highlights) {
    problems.push({
      where: ['highlights'],
      message:
        `${count(input.highlights!.length)} highlights; a report may have ${count(LIMITS.highlights)} ` +
        `at most. Choose the best ones.`,
    });
  }
  const long = (value: unknown, where: PropertyKey[]): void => {
    if (typeof value === 'string') {
      if (value.length > LIMITS.textLength)
        problems.push({
          where,
          message:
            `is ${count(value.length)} characters long; one text may be ${count(LIMITS.textLength)} ` +
            `at most. Split it into paragraphs or points.`,
        });
    } else if (Array.isArray(value)) value.forEach((v, i) => long(v, [...where, i]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) long(v, [...where, k]);
  };
  long(input, []);
  return problems;
}
