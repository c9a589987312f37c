/**
 * The running text of a report's input: every string under a key that holds
 * words a reader sees. The font coverage check, the link check and the PDF's
 * long-word warning walk the same fields, each skipping a few more keys.
 */

/** Keys whose strings are paths, names, dates or settings, never running text. */
export const NOT_TEXT_KEYS = [
  '$schema',
  'brand',
  'photo',
  'image',
  'slug',
  'language',
  'url',
  'date',
  'start',
  'end',
  'contact',
] as const;

/** Calls `visit` with the path and value of every string in `value`, not descending into `skip`'s keys. */
export function walkText(
  value: unknown,
  skip: ReadonlySet<string>,
  visit: (where: PropertyKey[], text: string) => void,
  where: PropertyKey[] = [],
): void {
  if (typeof value === 'string') visit(where, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkText(v, skip, visit, [...where, i]));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value))
      if (!skip.has(key)) walkText(v, skip, visit, [...where, key]);
  }
}
