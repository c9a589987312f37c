import { InputError } from '../problems.ts';
import { readRegularFile, UnreadableFileError } from './read-file.ts';

/** Inputs are hand-written YAML; anything bigger is a mistake, and parsing it would be slow. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * Reads a YAML input as text, refusing what is not a small UTF-8 text file,
 * so the parser never sees binary data or mis-decoded characters.
 */
export async function readTextFile(file: string, shown: string): Promise<string> {
  const fail = (message: string, line = 1, column = 1): never => {
    throw new InputError([{ file: shown, line, column, where: '', message }]);
  };
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, 'YAML file', MAX_INPUT_BYTES);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.code === 'ENOENT')
      return fail('file not found. Check the path, or run `npm run new -- "Event title"` to start a report.');
    if (error.code === 'EFBIG')
      return fail(
        `file is ${Math.ceil((error.size ?? 0) / 1024)} KiB; a report may be 1024 ` +
          `KiB (1 MiB) at most. Put images in separate files and name their paths.`,
      );
    return fail(error.reason);
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    fail(
      'file is empty. A report needs at least `event`, `speakers` and `recommendations`: ' +
        'start one with `npm run new -- "Event title"`.',
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail(
      'this file is saved as UTF-16 ("Unicode" in Notepad). Save it as UTF-8 (most editors: "Save with encoding").',
    );
  }
  const nul = bytes.indexOf(0);
  // As git judges: a zero byte near the start means binary (an image, a PDF, a Word file), later a stray character.
  if (nul !== -1 && nul < 8000)
    fail(
      'this is a binary file (an image, a PDF or a word-processor file?), not YAML text. Name a .yaml report here.',
    );
  if (nul !== -1) {
    const { line, column } = lineColumnAt(bytes, nul);
    fail(
      'a zero byte (NUL) is here, which text never holds. Delete it, or re-save the file as plain UTF-8 text.',
      line,
      column,
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnAt(bytes, bad);
    return fail(
      `not valid UTF-8 text${legacyGuess(bytes, bad)}. Save the file as UTF-8 (most editors: "Save with encoding").`,
      line,
      column,
    );
  }
}

/** Files saved by older editors are mostly Windows-1252 (a superset of Latin-1): say what the byte would be there. */
function legacyGuess(bytes: Uint8Array, offset: number): string {
  const char = new TextDecoder('windows-1252').decode(bytes.subarray(offset, offset + 1));
  return /\p{L}/u.test(char) ? ` (it looks like Latin-1 or Windows-1252, where this byte is "${char}")` : '';
}

/** Line and column of a byte offset; the column counts characters, as editors do, not bytes. */
function lineColumnAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if ((bytes[i]! & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, found by decoding growing prefixes line by line. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end === -1 ? bytes.length : end + 1;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      for (let i = start; i < end; i++) {
        const b = bytes[i]!;
        if (b < 0x80) continue;
        const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
        if (len === 0) return i;
        try {
          decoder.decode(bytes.subarray(i, i + len));
          i += len - 1;
        } catch {
          return i;
        }
      }
      return start;
    }
    start = end;
  }
  return 0;
}
