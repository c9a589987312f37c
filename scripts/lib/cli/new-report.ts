import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { chooseSlug } from '../model/slug.ts';
import { REPORT_SCHEMA_FILE, toolRoot } from '../io/project.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { parseCommandLine } from './args.ts';
import { UsageError } from '../problems.ts';

const TEMPLATE = path.join(toolRoot, 'templates/new-report.yaml');
const BRANDS_DIR = path.join(toolRoot, 'templates/brands');

export interface NewReportOptions {
  title: string;
  /** YYYY-MM-DD; a real calendar date. */
  date: string;
  kind: string;
  brand: string;
  /** The folder the report goes in (default content/). */
  dir: string;
}

/** `npm run new -- "Event title" [--date …] [--kind …] [--brand …] [--dir …]`: exit 0 written, 1 exists, 2
 * bad usage. */
export async function runNew(argv: string[], today: string): Promise<number> {
  let options: NewReportOptions | 'help';
  try {
    options = parseNewArgs(argv, today);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`new: ${error.message}\nRun with --help for usage.\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const { slug, warning } = chooseSlug(options.date, options.title);
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  const file = path.join(options.dir, `${slug}.yaml`);
  if (existsSync(file)) {
    process.stderr.write(
      `new: ${file} already exists; it was left as it is. Edit it, or choose another title or --date.\n`,
    );
    return 1;
  }
  await writeFileAtomic(file, await scaffold(options, slug));
  process.stdout.write(
    `${file} written. Replace its TODOs, then: npm run check -- ${file}   (or ` +
      `npm run dev to see the PDF and deck as you edit)\n`,
  );
  return 0;
}

/** The new report's text: the template with the event's details filled in, every other section commented. */
export async function scaffold(options: NewReportOptions, slug: string): Promise<string> {
  let schema = path.relative(path.resolve(options.dir), REPORT_SCHEMA_FILE).split(path.sep).join('/');
  if (!schema.startsWith('.')) schema = `./${schema}`;
  const values: Record<string, string> = {
    schema,
    brand: options.brand,
    kind: scalar(options.kind),
    title: scalar(options.title),
    date: options.date,
    slug,
  };
  const template = await readFile(TEMPLATE, 'utf8');
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A YAML scalar for one line of user text: plain when that is safe, quoted otherwise. */
function scalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

function parseNewArgs(argv: string[], today: string): NewReportOptions | 'help' {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      kind: { type: 'string' },
      brand: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new UsageError('give the event title, in quotes: npm run new -- "Event title"');
  const title = positionals[0]!.trim();
  if (!title || /\n/.test(title)) throw new UsageError('the title must be one line of text');
  const date = values.date ?? today;
  if (!isRealDate(date))
    throw new UsageError(`--date must be a real date written YYYY-MM-DD, e.g. 2026-01-20 (got "${date}")`);
  const kind = (values.kind ?? 'Webinar').trim();
  if (!kind) throw new UsageError('--kind needs a word such as Webinar or Roundtable');
  const brand = values.brand ?? 'default';
  if (!existsSync(path.join(BRANDS_DIR, brand, '_brand.yml'))) {
    const known = readdirSync(BRANDS_DIR).filter((d) => existsSync(path.join(BRANDS_DIR, d, '_brand.yml')));
    throw new UsageError(`no brand "${brand}"; brands here: ${known.join(', ')}`);
  }
  return { title, date, kind, brand, dir: values.dir ?? 'content' };
}

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const HELP = `Usage: npm run new -- "Event title" [--date YYYY-MM-DD] [--kind KIND] [--brand NAME] [--dir DIR]

Starts a report: writes DIR/<date>-<title words>.yaml with the event filled in,
one placeholder speaker and recommendation (marked TODO), and every other
section present but commented out. Editors with the YAML extension complete
and check its keys from the schema named on its first line.

  --date YYYY-MM-DD  the event's date (default: today)
  --kind KIND        Webinar, Roundtable, Seminar… (default: Webinar)
  --brand NAME       a folder under templates/brands/ (default: default)
  --dir DIR          where to write it (default: content/)
  -h, --help         show this help

An existing file is never overwritten.
Exit status: 0 written, 1 the file already exists, 2 bad usage (e.g. a date that does not exist).
`;
