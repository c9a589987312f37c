/** `npm run build [-- FILE… --out DIR]`: each report → OUT/<slug>.pdf, OUT/<slug>.pptx, OUT/<slug>.eml (which
 * attaches the two) and the web edition OUT/<slug>/ (which offers them). */
import { runBuild } from './lib/cli/build-command.ts';
import { pdfOutput } from './lib/render/pdf/index.ts';
import { slidesOutput } from './lib/render/slides/index.ts';
import { emailOutput } from './lib/render/email/index.ts';
import { webOutput } from './lib/render/web/index.ts';

process.exitCode = await runBuild('build', [pdfOutput, slidesOutput, emailOutput, webOutput]);
