import { isNode, type Node } from 'yaml';
import type { YamlSource } from '../load/yaml-source.ts';
import { parseParagraphs } from './inline.ts';
import { contactProblems, linkProblem } from './links.ts';
import { pathToString, type Problem } from '../problems.ts';
import type { ReportInput } from '../validate/report-schema.ts';
import { NOT_TEXT_KEYS, walkText } from '../validate/text-fields.ts';

/** Keys whose values are not Markdown text: paths, names, dates and the report's own address (checked by the
 * schema). */
const NOT_MARKDOWN: ReadonlySet<string> = new Set([...NOT_TEXT_KEYS]);

/**
 * Every link in the report's Markdown whose target may not reach an output
 * (model/links.ts), and a contact website or phone whose link would not be (a
 * website that is not a web address, a phone without digits), each at
 * the file, line and column where its target is written. `text` is the file as read.
 */
export function linkProblems(input: ReportInput, src: YamlSource, text: string): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], needle: string, message: string, from = 0) => {
    const node = nodeAt(src, path);
    const [start, end] = node?.range ?? [0, 0];
    const found = needle ? text.slice(start, end).indexOf(needle, from) : -1;
    const offset = found === -1 ? start : start + found;
    const pos = src.lines.linePos(offset);
    problems.push({ file: src.shown, line: pos.line, column: pos.col, where: pathToString(path), message });
    return found === -1 ? from : found + needle.length;
  };
  walkText(input, NOT_MARKDOWN, (path, value) => {
    let cursor = 0;
    for (const paragraph of parseParagraphs(value)) {
      // A link with bold or italic in its label is several runs with one target: its neighbours.
      paragraph.forEach((run, i) => {
        if (run.href === undefined || run.href === paragraph[i - 1]?.href) return;
        const problem = linkProblem(run.href);
        if (problem) cursor = report(path, run.href, problem, cursor);
      });
    }
  });
  for (const { key, message } of contactProblems(input.contact ?? {})) report(['contact', key], '', message);
  return problems;
}

/** The YAML node of the value at `path`, when there is one. */
function nodeAt(src: YamlSource, path: readonly PropertyKey[]): Node | undefined {
  const node: unknown = src.doc.getIn(path, true);
  return isNode(node) ? node : undefined;
}
