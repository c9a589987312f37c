import zlib from 'node:zlib';

/**
 * The few ZIP operations a deck needs, on node's own zlib (native code, with
 * the CPU's CRC instructions) instead of a JavaScript inflater: measured on the
 * sample, re-zipping the deck took ~50 ms with fflate and ~15 ms this way.
 * Only what pptxgenjs writes and PowerPoint reads: no ZIP64, no encryption,
 * no data descriptors on write, one disk.
 */

/** A part name and its uncompressed bytes, in package order. */
export type ZipParts = Map<string, Uint8Array>;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** Every entry of a zip (folders too: their names end in `/`), uncompressed. */
export function readZip(zip: Uint8Array): ZipParts {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts: ZipParts = new Map();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL)
      throw new Error('damaged zip file: bad central directory entry');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== LOCAL)
      throw new Error(`damaged zip file: no local header for ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + compressed);
    if (method === 0) parts.set(name, data);
    else if (method === 8) parts.set(name, new Uint8Array(zlib.inflateRawSync(data)));
    else
      throw new Error(
        `zip entry ${name} uses compression method ${method}; only stored and DEFLATE are read`,
      );
    at += 46 + skip;
  }
  return parts;
}

/**
 * A zip of `parts` in their order, each DEFLATE-compressed at zlib's level 6,
 * every entry dated `date` (local fields, as ZIP stores them, so the bytes do
 * not depend on the time zone). Same parts and date, same bytes: zlib's output
 * depends only on its input and settings for a given zlib build.
 */
export function writeZip(parts: ZipParts, date: Date): Uint8Array {
  const dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const dosDate = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const encoder = new TextEncoder();
  const entries = [...parts].map(([name, bytes]) => {
    const nameBytes = encoder.encode(name);
    return {
      nameBytes,
      utf8: nameBytes.length !== name.length,
      size: bytes.length,
      crc: crc32(bytes),
      data: zlib.deflateRawSync(bytes, { level: 6 }),
    };
  });
  const localSize = entries.reduce((sum, e) => sum + 30 + e.nameBytes.length + e.data.length, 0);
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  // The fields a local header and a central directory entry share, from "version needed" on.
  const common = (p: number, e: (typeof entries)[number]) => {
    view.setUint16(p, 20, true);
    view.setUint16(p + 2, e.utf8 ? 0x800 : 0, true);
    view.setUint16(p + 4, 8, true);
    view.setUint16(p + 6, dosTime, true);
    view.setUint16(p + 8, dosDate, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.data.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, e.nameBytes.length, true);
  };
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    common(at + 4, e);
    out.set(e.nameBytes, at + 30);
    out.set(e.data, at + 30 + e.nameBytes.length);
    at += 30 + e.nameBytes.length + e.data.length;
  }
  const central = at;
  for (const [i, e] of entries.entries()) {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    common(at + 6, e);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(e.nameBytes, at + 46);
    at += 46 + e.nameBytes.length;
  }
  view.setUint32(at, END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}

/** node 22.2+ has zlib's CRC-32; @types/node 20 does not know it, hence the cast. */
const nativeCrc32 = (zlib as { crc32?: (bytes: Uint8Array) => number }).crc32;

/** zlib's CRC-32 where node has it, else a table-driven one (node 20). */
function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes) >>> 0;
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
