const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'professor', 'sir', 'dame', 'hon', 'amb', 'gen', 'col', 'maj', 'capt', 'lt', 'engr', 'barrister']);

/** "Dr. Khurram Iqbal" → "KI": honorifics are skipped, at most two letters. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[*_[\]()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !TITLES.has(w.replace(/\.$/, '').toLowerCase()));
  const letters = words.map((w) => Array.from(w.normalize('NFC'))[0] ?? '').filter((c) => /\p{L}/u.test(c));
  const picked = letters.length > 2 ? [letters[0]!, letters[letters.length - 1]!] : letters;
  return picked.join('').toLocaleUpperCase() || '?';
}
