// Apart from build-report.ts so that `npm run new` names the file without loading zod and the Markdown parser.
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import transliterate from '@sindresorhus/transliterate';

/** The words of the title a slug keeps after the date. */
const MAX_WORDS = 6;
/**
 * The title's part of a slug, in characters: file names may be 255 bytes, and
 * the outputs add extensions, temporary and send-log suffixes to it.
 */
const MAX_TITLE_CHARS = 80;
/** A letter, mark or digit that transliteration left outside ASCII. */
const LEFT_OVER = /[^\p{ASCII}\s\p{P}\p{S}]/u;

/** A slug and, when the title could not be written in Latin letters, why it holds a hash instead. */
export interface SlugChoice {
  slug: string;
  warning?: string;
}

/**
 * The file name of a report's outputs: the date and the first words of the
 * title, transliterated to ASCII by @sindresorhus/slugify (which knows
 * Latin with its ligatures and special letters, Cyrillic, Greek, Arabic and
 * Urdu, Vietnamese…): "Łódź Dialogue" → "2026-01-20-lodz-dialogue",
 * "Straße & Œuvre: Ærø" → "…-strasse-and-oeuvre-aero".
 *
 * Letters of a script it cannot transliterate (Chinese, Japanese, Devanagari…)
 * would vanish, and two such titles on one date would share a file name. Then
 * the slug ends in a short hash of the title, and the warning says to set
 * `report.slug` for a name people can read.
 */
export function chooseSlug(date: string, title: string): SlugChoice {
  const text = title.normalize('NFC');
  const all = slugify(text, { decamelize: false }).split('-').filter(Boolean).slice(0, MAX_WORDS);
  const words = fitting(all);
  const untransliterated = text.split(/\s+/).filter((word) => LEFT_OVER.test(transliterate(word)));
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  // A word cut short could be the start of another title's: the hash keeps them apart.
  const cut = words.length > 0 && words[0] !== all[0];
  if (words.length && !untransliterated.length && !cut) return { slug: [date, ...words].join('-') };
  if (words.length && !untransliterated.length) return { slug: [date, ...words, hash].join('-') };
  const slug = [date, ...words, hash].join('-');
  const why = untransliterated.length
    ? `has letters that cannot be written in Latin letters for a file name (${untransliterated
        .slice(0, 3)
        .map((w) => `"${w}"`)
        .join(', ')})`
    : 'has no letters or digits for a file name';
  return {
    slug,
    warning:
      `the title ${why}; the outputs are named ${slug}, after the date and a ` +
      `hash of the title. Set report.slug to choose a readable name.`,
  };
}

/** The words that fit in MAX_TITLE_CHARS; a first word longer than that is cut to it. */
function fitting(words: string[]): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    if (length + word.length + (kept.length ? 1 : 0) > MAX_TITLE_CHARS) break;
    kept.push(word);
    length += word.length + (kept.length > 1 ? 1 : 0);
  }
  if (!kept.length && words.length) kept.push(words[0]!.slice(0, MAX_TITLE_CHARS));
  return kept;
}
