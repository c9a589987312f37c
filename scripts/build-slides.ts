/** `npm run build:slides [-- FILE… --out DIR]`: each report → OUT/<slug>.pptx. */
import { runBuild } from './lib/cli/build-command.ts';
import { slidesOutput } from './lib/render/slides/index.ts';

process.exitCode = await runBuild('build:slides', [slidesOutput]);
