/** `npm run new -- "Event title"`: starts a report in content/ from templates/new-report.yaml. */
import { runNew } from './lib/cli/new-report.ts';

const now = new Date();
const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
  .map((n) => String(n).padStart(2, '0'))
  .join('-');
process.exitCode = await runNew(process.argv.slice(2), today);
