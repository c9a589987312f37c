import { z } from 'zod';
import { reportSchema } from './report-schema.ts';

// Where the file goes lives with the project's other paths, so `npm run new` can name it without loading zod.
export { REPORT_SCHEMA_FILE } from '../io/project.ts';

/** The report format as JSON Schema text, generated from the one schema. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(reportSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'briefpress report', $id: 'report.schema.json' }, null, 2)}\n`;
}
