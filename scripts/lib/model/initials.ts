const TITLES = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'prof',
  'professor',
  'sir',
  'dame',
  'hon',
  'amb',
  'gen',
  'col',
  'maj',
  'capt',
  'lt',
  'engr',
  'barrister',
]);

/**
 * Whole user-perceived characters, so "Ọ̀" keeps its tone mark. Made on first use, not with the module: a V8
 * start-up snapshot (scripts/lib/snapshot) cannot hold an Intl.Segmenter.
 */
let graphemes: Intl.Segmenter | undefined;

/**
 * The one-letter digraphs DŽ, LJ, NJ, DZ have a title-case form (ǅ) for the
 * start of a name; upper-casing it gives "Ǆ", which reads as three letters.
 */
const TITLE_CASE: Record<string, string> = {
  Ǆ: 'ǅ',
  ǅ: 'ǅ',
  ǆ: 'ǅ',
  Ǉ: 'ǈ',
  ǈ: 'ǈ',
  ǉ: 'ǈ',
  Ǌ: 'ǋ',
  ǋ: 'ǋ',
  ǌ: 'ǋ',
  Ǳ: 'ǲ',
  ǲ: 'ǲ',
  ǳ: 'ǲ',
};

/** "Dr. Khurram Iqbal" → "KI": honorifics are skipped, at most two letters, each with its marks. */
export function initialsOf(name: string): string {
  const words = name
    .normalize('NFC')
    .replace(/[*_[\]()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !TITLES.has(w.replace(/\.$/, '').toLowerCase()));
  const firstGrapheme = (w: string): string => {
    graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
    return graphemes.segment(w)[Symbol.iterator]().next().value?.segment ?? '';
  };
  const letters = words
    .map(firstGrapheme)
    .filter((c) => /^\p{L}/u.test(c))
    .map((c) => TITLE_CASE[c] ?? c.toLocaleUpperCase());
  const picked = letters.length > 2 ? [letters[0]!, letters[letters.length - 1]!] : letters;
  return picked.join('') || '?';
}
