/** `npm run build:web [-- FILE… --out DIR]`: each report → the folder OUT/<slug>/ (index.html, style.css,
 * images, fonts, cards). */
import { runBuild } from './lib/cli/build-command.ts';
import { webOutput } from './lib/render/web/index.ts';

process.exitCode = await runBuild('build:web', [webOutput]);
