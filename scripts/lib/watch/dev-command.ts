import { parseCommandLine } from '../cli/args.ts';
import { toolRoot } from '../io/project.ts';
import { buildDate } from '../render/output.ts';
import { kindNames, loadKinds, type KindName } from '../render/kinds.ts';
import { watchReports } from './watch.ts';

/**
 * `npm run dev`: builds every report, then rebuilds what each save affects
 * until Ctrl-C. Exit 0 on Ctrl-C, 2 for bad usage.
 */
export async function runDev(argv: string[]): Promise<number> {
  let files: string[];
  let outDir: string;
  let names: KindName[];
  try {
    const { values, positionals } = parseCommandLine({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const asked = (values.only ?? DEFAULT_KINDS.join(',')).split(',').map((n) => n.trim());
    const unknown = asked.filter((n) => !kindNames.includes(n as KindName));
    // In build order whatever the order asked: the e-mail attaches the PDF and deck written before it.
    names = kindNames.filter((n) => asked.includes(n));
    if (unknown.length)
      throw new Error(`--only: no output "${unknown.join(', ')}"; outputs: ${kindNames.join(', ')}`);
    if (values.out === '') throw new Error('--out needs a folder');
    files = positionals;
    outDir = values.out ?? 'out';
  } catch (error) {
    process.stderr.write(
      `dev: ${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.\n`,
    );
    return 2;
  }
  const watcher = watchReports({
    contentDir: 'content',
    toolRoot,
    outDir,
    kinds: await loadKinds(names),
    files: files.length ? files : undefined,
    creationDate: buildDate(),
    log: (line) => process.stdout.write(`${line}\n`),
    report: (text) => process.stderr.write(`${text}\n`),
  });
  await watcher.ready;
  const server = await serveBuilds();
  process.stdout.write('Watching content/, templates/ and the images reports name; Ctrl-C to stop.\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  await server?.close();
  process.stdout.write('\nStopped.\n');
  return 0;
}

/**
 * dev is a warm build server too: `npm run build` in another terminal hands
 * its work to this process (see ../serve/server.ts). Not when another server
 * already runs for the project, nor with BRIEFPRESS_SERVER=off.
 */
async function serveBuilds() {
  if (process.env.BRIEFPRESS_SERVER === 'off') return undefined;
  const { startServer, ServerError } = await import('../serve/server.ts');
  try {
    return await startServer({ toolRoot, log: (line) => process.stdout.write(`${line}\n`) });
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    process.stdout.write(`Not serving builds: ${error.message}.\n`);
    return undefined;
  }
}

const DEFAULT_KINDS: KindName[] = ['pdf', 'slides', 'web'];

const HELP = `Usage: npm run dev -- [FILE…] [--out DIR] [--only ${kindNames.join(',')}]

Builds each report, then watches content/, templates/ (brands, fonts, layouts)
and the images the reports name, and rebuilds only what a save affects: a report
change rebuilds that report, a brand change the reports of that brand, an image
change the reports showing it. One line per rebuild, with its time.

  FILE…          watch only these reports (default: every content/*.yaml, new ones too)
  --out DIR      where to write the outputs (default: out/)
  --only LIST    which outputs, comma-separated (default: ${DEFAULT_KINDS.join(',')})
  -h, --help     show this help

A save with a mistake prints the problem as file:line:column and keeps the last
good files; fix it and save again. Every file is written whole or not at all.
A change to layout code (templates/pdf, templates/slides, templates/web, scripts/) or to a font
needs a restart: Ctrl-C, then npm run dev again.

While it runs, npm run build (and build:pdf, build:slides, build:email, build:web) in
another terminal hands its work to this warm process, as with npm run serve.
`;
