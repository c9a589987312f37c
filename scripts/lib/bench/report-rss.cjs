// Preloaded into each node process of a benchmarked command when GNU time is absent:
// appends the process's peak resident set (KB) to BRIEFPRESS_RSS_FILE at exit.
const { appendFileSync } = require('node:fs');
process.on('exit', () =>
  appendFileSync(process.env.BRIEFPRESS_RSS_FILE, `${process.resourceUsage().maxRSS}\n`),
);
