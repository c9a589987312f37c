/** `npm run build:pdf [-- FILE… --out DIR]`: each report → OUT/<slug>.pdf. */
import { runBuild } from './lib/cli/build-command.ts';
import { pdfOutput } from './lib/render/pdf/index.ts';

process.exitCode = await runBuild('build:pdf', [pdfOutput]);
