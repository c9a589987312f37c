import { readFile } from 'node:fs/promises';
import { cacheKey, readCached, writeCached } from '../io/image-cache.ts';
import { subsetInWorker } from './subset-in-worker.ts';

/**
 * A font face cut down to the characters a page or card uses, as WOFF2, by
 * subset-font (HarfBuzz's subsetter compiled to WebAssembly): the page needs
 * some 20 kB per face instead of 300–600 kB. Printable ASCII is always kept,
 * so a reader's search box or a later one-word edit never falls back to
 * another font. Cached by font bytes and character set.
 */
export async function subsetWoff2(fontFile: string, text: string): Promise<Buffer> {
  const font = await readFile(fontFile);
  const characters = charactersOf(text);
  const key = cacheKey(font, `woff2 ${characters}`);
  const cached = await readCached(key, 'woff2');
  if (cached) return cached;
  const woff2 = await subsetInWorker(font, characters, 'woff2');
  await writeCached(key, 'woff2', woff2);
  return woff2;
}

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Each character of the text and of printable ASCII once, in code point order (so the same text is the same key). */
function charactersOf(text: string): string {
  return [...new Set([...ASCII, ...text.normalize('NFC')])]
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
    .join('');
}
