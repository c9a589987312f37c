/** `npm run build [-- FILE… --out DIR]`: each report → OUT/<slug>.pdf and OUT/<slug>.pptx. */
import { runBuild } from './lib/cli/build-command.ts';
import { pdfOutput } from './lib/render/pdf/index.ts';
import { slidesOutput } from './lib/render/slides/index.ts';

process.exitCode = await runBuild('build', [pdfOutput, slidesOutput]);
