import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { toolRoot } from '../io/project.ts';

/**
 * Typst as the yardstick: the same report set as a comparable branded brief
 * (cover, sections, speakers with their points, recommendations, page
 * numbers, the brand's Noto fonts) and compiled to PDF by
 * @myriaddreamin/typst-ts-node-compiler, a bench-only install that brings
 * Typst without a download: `npm install --no-save @myriaddreamin/typst-ts-node-compiler`.
 */
const PACKAGE = '@myriaddreamin/typst-ts-node-compiler';

/** Where the compiler is installed, or undefined when it is not. */
export function typstCompiler(): string | undefined {
  try {
    return createRequire(path.join(toolRoot, 'package.json')).resolve(PACKAGE);
  } catch {
    return undefined;
  }
}

export const typstInstallHint = `npm install --no-save ${PACKAGE}`;

interface SampleReport {
  event: { title: string; subtitle?: string; kind?: string };
  framework?: string;
  speakers: { name: string; affiliation?: string; points: (string | { text: string })[] }[];
  recommendations: (string | { text: string })[];
  summary?: string;
  conclusion?: string;
}

/**
 * Writes into `dir` a Typst document of `reportFile` and a script compiling it
 * (`node compile.mjs OUT.pdf`, one process as a cold build is); returns the script.
 */
export async function writeTypstBrief(reportFile: string, dir: string, compiler: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const report = parse(await readFile(reportFile, 'utf8')) as SampleReport;
  const text = (value: string | { text: string }) => escape(typeof value === 'string' ? value : value.text);
  const paragraphs = (value?: string) =>
    value
      ? value
          .trim()
          .split(/\n\s*\n/)
          .map(escape)
          .join('\n\n')
      : '';
  const source =
    `#set document(title: "${escape(report.event.title)}")
#set page(paper: "a4", margin: (x: 58pt, y: 64pt), footer: context align(right, ` +
    `text(size: 8pt, fill: rgb("#1F2937"), counter(page).display())))
#set text(font: "Noto Serif", size: 10.2pt, lang: "en")
#set par(leading: 0.75em, justify: false)
#show heading: it => block(above: 18pt, below: 10pt, text(font: "Noto ` +
    `Sans", weight: "bold", fill: rgb("#1F3A5F"), size: 20pt, it.body))
#page(margin: 0pt, footer: none, fill: rgb("#1F3A5F"))[
  #pad(x: 58pt, top: 260pt)[
    #text(font: "Noto Sans", fill: white, size: 11pt, upper("${escape(report.event.kind ?? 'Webinar')}"))
    #v(12pt)
    #text(font: "Noto Sans", fill: white, weight: "bold", size: 31pt, ` +
    `"${escape(report.event.title)}")
    #v(10pt)
    #text(fill: white, size: 15pt, "${escape(report.event.subtitle ?? '')}")
  ]
]
= Conceptual framework
${paragraphs(report.framework)}
= Speakers
${report.speakers.map((s) => `#block(breakable: false)[#text(font: "Noto Sans", weight: "bold", size: 13pt, "${escape(s.name)}") \\ #text(size: 8.4pt, "${escape((s.affiliation ?? '').trim().replace(/\n/g, ', '))}")]\n${s.points.map((p) => `- ${text(p)}`).join('\n')}`).join('\n\n')}
= Policy recommendations
${report.recommendations.map((r) => `+ ${text(r)}`).join('\n')}
= Executive summary
${paragraphs(report.summary)}
= Conclusion
${paragraphs(report.conclusion)}
`;
  await writeFile(path.join(dir, 'brief.typ'), source);
  const script = path.join(dir, 'compile.mjs');
  await writeFile(
    script,
    `import { readFileSync, writeFileSync } from 'node:fs';` +
      `
import { createRequire } from 'node:module';
const { NodeCompiler } = createRequire(import.meta.url)(${JSON.stringify(compiler)});` +
      `
const compiler = NodeCompiler.create({ fontArgs: ` +
      `[{ fontPaths: [${JSON.stringify(path.join(toolRoot, 'templates/fonts/noto'))}] ` +
      `}] });
const pdf = compiler.pdf({ mainFileContent: readFileSync(${JSON.stringify(path.join(dir, 'brief.typ'))}, ` +
      `'utf8') });
writeFileSync(process.argv[2], pdf);
process.stdout.write(\`\${process.argv[2]}  \${pdf.length} bytes\\n\`);
`,
  );
  return script;
}

/** Text as Typst markup: its special characters escaped. */
function escape(value: string): string {
  return value.replace(/[\\#$*_`<>@=\-+/[\]"~]/g, (c) => `\\${c}`);
}
