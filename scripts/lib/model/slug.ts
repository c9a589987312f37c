// Apart from build-report.ts so that `npm run new` names the file without loading zod and the Markdown parser.

/** "2026-01-20" + "The Evolving Militant Ecosystem: …" → "2026-01-20-the-evolving-militant-ecosystem" */
export function defaultSlug(date: string, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 6);
  return [date, ...words].join('-');
}
