/** Writes content/report.schema.json from the report schema, so editors complete and check keys. */
import { writeFileAtomic } from './lib/io/atomic.ts';
import { reportJsonSchema, REPORT_SCHEMA_FILE } from './lib/validate/json-schema.ts';

await writeFileAtomic(REPORT_SCHEMA_FILE, reportJsonSchema());
console.log(`${REPORT_SCHEMA_FILE} written`);
