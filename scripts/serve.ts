/** `npm run serve`: a warm build process the build commands hand their work to, until Ctrl-C. */
import { runServe } from './lib/serve/serve-command.ts';

process.exitCode = await runServe(process.argv.slice(2));
