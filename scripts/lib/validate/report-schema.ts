import { z } from 'zod';
import { languageTag } from './language-tag.ts';

/**
 * The report format (shared/content-format.md) as one schema: it is the source
 * of the TypeScript types, of validation, and of content/report.schema.json.
 * Messages say what to write, since they are read by editors, not programmers.
 */

const text = (what = 'text') =>
  z
    .string({ error: (i) => (i.input === undefined ? `${what} is required` : notText(what, i.input)) })
    .trim()
    .min(1, { error: 'must not be empty: write the text, or remove it' });

/** Prose with ": " in it becomes a mapping in YAML; a date or number loses its form. Say how to keep it text. */
function notText(what: string, input: unknown): string {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    return `must be ${what}, but a ": " in it made YAML read \`key: value\`. Put the whole text in double quotes`;
  }
  if (Array.isArray(input))
    return `must be ${what}, not a list. Write it on one line, or in double quotes if it starts with [`;
  return `must be ${what}. Put it in double quotes if it looks like a number, a date or yes/no`;
}

/** Inline Markdown: **bold**, *italic*, [label](https://…). */
const inline = () => text().describe('Text; inline Markdown allowed: **bold**, *italic*, [label](https://…)');
/** Several paragraphs separated by a blank line. */
const paragraphs = () => text().describe('Paragraphs separated by a blank line; inline Markdown allowed');
/** A path to an image file, relative to the YAML file. */
const imagePath = () =>
  text('a file path')
    .refine((p) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(p), {
      error: 'must be a file path, not a URL: download the image into the project and name its path',
    })
    .describe('Image file (PNG, JPEG or WebP), relative to this file and inside the project');

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-01-20' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD, e.g. 2026-01-20' })
  .refine(isRealDate, {
    error: (i) => `is not a real calendar date: ${whyNotADate(String(i.input))}. Check the day and the month`,
  })
  .describe('Date of the event, YYYY-MM-DD');

const clock = z
  .string({ error: 'must be a time written HH:MM (24-hour), e.g. 17:00, in quotes' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time written HH:MM (24-hour), e.g. 17:00' })
  .describe('Time, HH:MM on a 24-hour clock');

/** The one address a report may hold: where its web edition will live. Nothing is ever fetched from it. */
const webAddress = z
  .string({ error: 'must be the https:// address where the web edition will be published' })
  .trim()
  .refine(isPublicHttps, {
    error:
      'must be a full https:// address without user name or password, e.g. https://www.example.org/briefs/water-2026/',
  });

export const personSchema = z.strictObject({
  name: inline(),
  role: inline().optional(),
  affiliation: text().optional().describe('Organisation; may hold several lines'),
  photo: imagePath().optional(),
});

/**
 * A point: text, or `{text, slide}` where `slide` is a short form of the same
 * point for the deck and the share cards; the PDF, the web edition and the
 * slide's notes carry the full `text`.
 */
const pointSchema = z.union(
  [
    inline(),
    z.strictObject({
      text: inline(),
      slide: inline().describe(
        "Short form for the slide: a takeaway of a line or two, in the speaker's words",
      ),
    }),
  ],
  {
    // A mapping without `text` is prose that YAML read as `key: value` (a ": " in it): say how to keep it text.
    error: (i) =>
      i.input !== null &&
      typeof i.input === 'object' &&
      !Array.isArray(i.input) &&
      !('text' in i.input) &&
      !('slide' in i.input)
        ? notText('text', i.input)
        : 'must be text, or a mapping with `text` and `slide` (a short form for the slide)',
  },
);

export const speakerSchema = personSchema.extend({
  points: z
    .array(pointSchema, { error: 'must be a list of points, each starting with "- "' })
    .min(1, { error: 'needs at least one point: add a line `- …` below `points:`' }),
});

const recommendationSchema = z.union([inline(), z.strictObject({ headline: inline(), text: paragraphs() })], {
  error: 'must be text, or a mapping with `headline` and `text`',
});

const sectionKeys = [
  'framework',
  'discussion',
  'moderators',
  'highlights',
  'recommendations',
  'summary',
  'conclusion',
  'thanks',
  'contact',
] as const;
export type SectionKey = (typeof sectionKeys)[number];

export const eventSchema = z
  .strictObject({
    kind: text().describe('Webinar, Roundtable, Seminar…: the cover label'),
    title: inline(),
    subtitle: inline().optional(),
    date: isoDate,
    start: clock.optional(),
    end: clock.optional(),
    timezone: text().optional().describe('Shown after the time, e.g. PKT'),
    venue: text().optional(),
  })
  .superRefine((event, ctx) => {
    if (event.end && !event.start)
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'needs a `start` time too: add `start: "HH:MM"` or remove `end`',
      });
    if (event.start && event.end && event.end <= event.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `must be after the start (${event.start}). Times are 24-hour: write 18:00 for 6 pm`,
      });
    }
  });

export const reportSchema = z.strictObject({
  $schema: z.string().optional().describe('Editor hint: the JSON Schema of this format'),
  brand: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: 'must be a brand folder name under templates/brands/, e.g. default',
    })
    .optional()
    .describe('Folder under templates/brands/ (default: default)'),
  event: eventSchema,
  report: z
    .strictObject({
      label: text().optional().describe('Document label (default: Brief Report)'),
      language: languageTag.optional(),
      slug: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
          error: 'must be lowercase letters, digits and hyphens, e.g. militancy-webinar-2026',
        })
        .max(100, {
          error: 'must be 100 characters at most: it names the output files. Choose a shorter name',
        })
        .optional()
        .describe('Base name of the output files'),
      authors: z.array(text()).optional(),
      keywords: z.array(text()).optional(),
      url: webAddress
        .optional()
        .describe(
          'Where the web edition will be published (https://…): canonical link, link ' +
            'previews, "Read online" in the e-mail',
        ),
    })
    .optional(),
  framework: z
    .union(
      [
        paragraphs(),
        z.array(pointSchema, { error: 'must be paragraphs, or a list of points each starting with "- "' }),
      ],
      { error: 'must be paragraphs, or a list of points (text or {text, slide})' },
    )
    .optional()
    .describe('Conceptual Framework: paragraphs, or a list of points (text or {text, slide})'),
  moderators: z.array(personSchema).optional(),
  moderation: z.array(pointSchema).optional(),
  speakers: z
    .array(speakerSchema, { error: 'must be a list of speakers, each starting with "- name: …"' })
    .min(1, { error: 'needs at least one speaker: add `- name: …` with its `points:` below `speakers:`' }),
  highlights: z.array(z.strictObject({ image: imagePath(), caption: inline().optional() })).optional(),
  recommendations: z
    .array(recommendationSchema, { error: 'must be a list of recommendations, each starting with "- "' })
    .min(1, { error: 'needs at least one recommendation: add a line `- …` below `recommendations:`' }),
  summary: paragraphs().optional().describe('Executive Summary'),
  conclusion: paragraphs().optional(),
  thanks: z
    .strictObject({ name: inline(), role: text().optional(), text: paragraphs() })
    .optional()
    .describe('Thanking Remarks'),
  contact: z
    .strictObject({
      phone: text().optional(),
      email: z.email({ error: 'must be an e-mail address' }).optional(),
      website: text().optional(),
      address: text().optional(),
    })
    .optional()
    .describe("Replaces the brand's contact block"),
  headings: z
    .partialRecord(z.enum(sectionKeys), text())
    .optional()
    .describe('Renames section headings, e.g. recommendations: Key Recommendations'),
});

/** A report as written in YAML, after validation. */
export type ReportInput = z.infer<typeof reportSchema>;
export type PersonInput = z.infer<typeof personSchema>;
export type SpeakerInput = z.infer<typeof speakerSchema>;

function isPublicHttps(address: string): boolean {
  if (!URL.canParse(address)) return false;
  const url = new URL(address);
  return (
    url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password && !/\s/.test(address)
  );
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "February 2026 has 28 days", "there is no month 13". */
function whyNotADate(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12) return `there is no month ${m}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${MONTH_NAMES[m - 1]} ${y} has ${days} days`;
}
