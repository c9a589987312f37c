import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readZip, writeZip } from '../../../scripts/lib/render/slides/zip.ts';

const parts = new Map<string, Uint8Array>([
  ['[Content_Types].xml', new TextEncoder().encode('<Types/>'.repeat(200))],
  ['ppt/media/ünïcode name.bin', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)],
  ['empty.txt', new Uint8Array()],
]);

test('the deck zip: another zip reader gets every part back, in order, with names, dates and CRCs it accepts', () => {
  const date = new Date(1980, 0, 1);
  const zip = writeZip(parts, date);
  const read = unzipSync(zip);
  assert.deepEqual(Object.keys(read), [...parts.keys()]);
  for (const [name, bytes] of parts) assert.deepEqual(read[name], bytes, name);
  assert.equal(strFromU8(read['[Content_Types].xml']!), '<Types/>'.repeat(200));
  assert.ok(zip.length < 5000 + 1600 + 300, 'parts are compressed');
  assert.deepEqual(writeZip(parts, date), zip, 'the same parts and date give the same bytes');
});

test(
  'the deck zip reader takes stored and DEFLATE entries as another writer ' +
    'makes them (pptxgenjs stores its parts)',
  () => {
    const stored = zipSync({
      'a/b.xml': [parts.get('[Content_Types].xml')!, { level: 0 }],
      'c.bin': [parts.get('ppt/media/ünïcode name.bin')!, { level: 9 }],
      'folder/': new Uint8Array(),
    });
    const read = readZip(stored);
    assert.deepEqual([...read.keys()], ['a/b.xml', 'c.bin', 'folder/']);
    assert.deepEqual(read.get('a/b.xml'), parts.get('[Content_Types].xml'));
    assert.deepEqual(read.get('c.bin'), parts.get('ppt/media/ünïcode name.bin'));
    assert.throws(() => readZip(new Uint8Array(100)), /not a zip file/);
  },
);
