import { createElement } from 'react';
import { textStyle, type FittedText, type TextBox } from '../../../../../templates/web/cards/kit.tsx';
import type { SatoriFont } from './faces.ts';
import { svgLines, svgWords } from './svg-text.ts';

/** The lines satori breaks a text into in a box at a size: measured by the renderer that will draw the card. */
export async function measureLines(
  box: TextBox,
  size: number,
  text: string,
  fonts: SatoriFont[],
): Promise<string[]> {
  const { default: satori } = await import('satori');
  const { height: _fixed, ...style } = textStyle({ box, size, lines: 1 }, '#000');
  const svg = await satori(createElement('div', { style }, text), {
    width: box.width,
    fonts,
    embedFont: false,
  });
  return svgLines(svgWords(svg));
}

/** How many lines a box may fill at a size. */
export function linesAllowed(box: TextBox, size: number): number {
  const byHeight =
    box.maxHeight === undefined ? Infinity : Math.floor(box.maxHeight / (size * box.lineHeight) + 1e-9);
  return Math.max(1, Math.min(box.maxLines ?? Infinity, byHeight));
}

/**
 * Fits a text box: the largest of its sizes at which the whole text fits in
 * the lines allowed; when it fits at none, the smallest size with the text
 * cut at a word and ended with an ellipsis (the caller warns, naming the field).
 */
export async function fitBox(box: TextBox, fonts: SatoriFont[]): Promise<FittedText> {
  const text = box.lineBreaks
    ? box.text
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n')
    : box.text.replace(/\s+/g, ' ').trim();
  for (const size of box.sizes) {
    const lines = await measureLines(box, size, text, fonts);
    if (lines.length <= linesAllowed(box, size))
      return { box, text, size, lines: lines.length, shortened: false };
  }
  const size = box.sizes.at(-1)!;
  const allowed = linesAllowed(box, size);
  const words = text.split(' ');
  // The most words that fit with the ellipsis: a binary search, each step one layout.
  let low = 1;
  let high = words.length - 1;
  let best = { text: '…', lines: 1 };
  let shown = 0;
  while (low <= high) {
    const middle = Math.ceil((low + high) / 2);
    const cut = `${words
      .slice(0, middle)
      .join(' ')
      .replace(/[\s,;:.!?–—-]+$/u, '')}…`;
    const lines = await measureLines(box, size, cut, fonts);
    if (lines.length <= allowed) {
      best = { text: cut, lines: lines.length };
      shown = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  // Not even the first word fits, or the word after the cut is as long as what the cut shows ("Prof…" of
  // "Prof. Donaudampfschifffahrts…"): cut between letters instead, when that shows at least twice as much.
  if (best.text === '…' || [...(words[shown] ?? '')].length >= [...best.text].length) {
    const inWord = await cutInWord(box, size, allowed, text, fonts);
    if ([...inWord.text].length >= 2 * [...best.text].length) best = inWord;
  }
  return { box, text: best.text, size, lines: best.lines, shortened: true };
}

/** The most letters that fit (a one-word title of 400 letters, a long name), and an ellipsis. */
async function cutInWord(
  box: TextBox,
  size: number,
  allowed: number,
  text: string,
  fonts: SatoriFont[],
): Promise<{ text: string; lines: number }> {
  const letters = Array.from(
    new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text),
    (g) => g.segment,
  );
  let low = 1;
  let high = letters.length - 1;
  let best = { text: '…', lines: 1 };
  while (low <= high) {
    const middle = Math.ceil((low + high) / 2);
    const cut = `${letters.slice(0, middle).join('').trimEnd()}…`;
    const lines = await measureLines(box, size, cut, fonts);
    if (lines.length <= allowed) {
      best = { text: cut, lines: lines.length };
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
