import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { reportJsonSchema } from './json-schema.ts';

/**
 * Things worth telling an editor that do not stop a build: a schema line that
 * is missing or names an out-of-date schema (the editor would then complete
 * and check the wrong keys), and placeholder text left from `npm run new`.
 */

const SCHEMA_LINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)/;

export interface SchemaChecker {
  /** What is wrong with the schema a report names on its first line, if anything. */
  forReport(reportFile: string, text: string): string | undefined;
  /** What is wrong with a schema file no report has led to yet (content/report.schema.json itself). */
  forFile(schemaFile: string, shown: string): string | undefined;
}

/** Compares schema files with the one generated from the code; each file is judged once per checker. */
export function schemaChecker(): SchemaChecker {
  const expected = reportJsonSchema();
  const verdicts = new Map<string, string | undefined>();
  const verdict = (schemaFile: string, named: string) => {
    if (!verdicts.has(schemaFile)) verdicts.set(schemaFile, judge(schemaFile, named, expected));
    return verdicts.get(schemaFile);
  };
  return {
    forReport(reportFile, text) {
      const firstLine = text.split('\n', 1)[0] ?? '';
      const named = SCHEMA_LINE.exec(firstLine)?.[1];
      if (!named)
        return (
          `${reportFile}:1:1: no schema line; make the first line \`# yaml-language-server: ` +
          `$schema=./report.schema.json\` so editors complete and check keys.`
        );
      if (/^[a-z][a-z0-9+.-]*:/i.test(named)) return undefined;
      const problem = verdict(path.resolve(path.dirname(reportFile), named), named);
      return problem && `${reportFile}:1:1: ${problem}`;
    },
    forFile(schemaFile, shown) {
      if (verdicts.has(path.resolve(schemaFile))) return undefined;
      const problem = verdict(path.resolve(schemaFile), shown);
      return problem && `${shown}: ${problem}`;
    },
  };
}

function judge(schemaFile: string, named: string, expected: string): string | undefined {
  if (!existsSync(schemaFile))
    return `the schema line names ${named}, which does not exist; run \`npm run schema\` or fix the path.`;
  // A FIFO or device named here would block or never end the read.
  if (!statSync(schemaFile).isFile())
    return `the schema line names ${named}, which is not a file; name content/report.schema.json.`;
  if (readFileSync(schemaFile, 'utf8') === expected) return undefined;
  return (
    `${named} is out of date with the report format, so editors check the wrong ` +
    `keys; run \`npm run schema\` to rewrite content/report.schema.json.`
  );
}

/** `file:line:column` of every TODO left outside comments, as `npm run new` writes them. */
export function placeholdersIn(reportFile: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const column = line.search(/\bTODO\b/);
    if (column === -1 || line.trimStart().startsWith('#')) return;
    const hash = line.search(/\s#/);
    if (hash !== -1 && hash < column) return;
    found.push(
      `${reportFile}:${i + 1}:${column + 1}: placeholder text from \`npm run new\` is still here; replace it.`,
    );
  });
  return found;
}
