/**
 * Reading a card's text back out of the SVG satori wrote (with embedFont
 * off, every word is a <text> element with its position and box), so the
 * render stage and the tests can see what will actually be drawn: every word,
 * where, on which line.
 */

/** One <text> element: a word or the space after it. */
export interface SvgWord {
  text: string;
  /** Left edge and baseline, in pixels. */
  x: number;
  y: number;
  width: number;
  /** The line box height. */
  height: number;
  fontSize: number;
}

const TEXT_ELEMENT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w-]+)="([^"]*)"/g;

/** Every <text> element of the SVG, in document order (the order satori laid the text out). */
export function svgWords(svg: string): SvgWord[] {
  const words: SvgWord[] = [];
  for (const [, attributes, content] of svg.matchAll(TEXT_ELEMENT)) {
    const a = Object.fromEntries([...attributes!.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));
    words.push({
      text: decodeEntities(content!),
      x: Number(a.x ?? 0),
      y: Number(a.y ?? 0),
      width: Number(a.width ?? 0),
      height: Number(a.height ?? 0),
      fontSize: Number(a['font-size'] ?? 0),
    });
  }
  return words;
}

/** The words grouped into lines (one baseline each), each line's text trimmed. */
export function svgLines(words: SvgWord[]): string[] {
  const lines: { y: number; text: string }[] = [];
  for (const word of words) {
    const line = lines.find((l) => Math.abs(l.y - word.y) < 0.5);
    if (line) line.text += word.text;
    else lines.push({ y: word.y, text: word.text });
  }
  return lines.map((l) => l.text.trim()).filter(Boolean);
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos));/gi,
    (_, dec: string, hex: string, name: string) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!;
    },
  );
}
