/** `npm run check`: validates every report without rendering. */
import { runCheck } from './lib/cli/check-command.ts';

process.exitCode = await runCheck(process.argv.slice(2));
