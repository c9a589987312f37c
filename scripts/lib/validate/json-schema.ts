import path from 'node:path';
import { z } from 'zod';
import { reportSchema } from './report-schema.ts';
import { toolRoot } from '../load/project.ts';

export const REPORT_SCHEMA_FILE = path.join(toolRoot, 'content/report.schema.json');

/** The report format as JSON Schema text, generated from the one schema. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(reportSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'briefpress report', $id: 'report.schema.json' }, null, 2)}\n`;
}
