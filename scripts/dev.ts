/** `npm run dev`: rebuilds the PDF, the deck and the web edition (page and share cards) of each report on
 * every save, in one warm process. */
import { runDev } from './lib/watch/dev-command.ts';

process.exitCode = await runDev(process.argv.slice(2));
