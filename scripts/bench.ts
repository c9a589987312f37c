/** `npm run bench`: how long builds take, cold and warm, and how that grows with the report. */
import { runBench } from './lib/bench/bench-command.ts';

process.exitCode = await runBench(process.argv.slice(2));
