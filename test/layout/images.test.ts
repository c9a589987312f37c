import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, rm, stat, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { prepareImage, forgetImages } from '../../scripts/lib/layout/images.ts';
import { planImage } from '../../scripts/lib/layout/image-size.ts';
import { pixelSizeOf, useImageCache } from '../../scripts/lib/io/image-cache.ts';
import { InputError } from '../../scripts/lib/problems.ts';
import type { ImageRef } from '../../scripts/lib/model/types.ts';

let dir: string;
const ref = (name: string, format: ImageRef['format'] = 'jpeg'): ImageRef => ({
  file: path.join(dir, name),
  shown: name,
  format,
});
const pixel = async (data: Buffer, x: number, y: number) => {
  const { data: raw, info } = await sharp(data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 4;
  return [raw[i]!, raw[i + 1]!, raw[i + 2]!, raw[i + 3]!];
};
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefpress-images-'));
  // Every test prepares from scratch with sharp, but the one about the on-disk cache.
  useImageCache(undefined);
  // A camera-sized photo: noise gives it the byte weight of a real one (a flat image would be tiny).
  const grain = await sharp({
    create: {
      width: 1000,
      height: 750,
      channels: 3,
      background: '#7a8f9c',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .raw()
    .toBuffer();
  await sharp(grain, { raw: { width: 1000, height: 750, channels: 3 } })
    .resize(4000, 3000, { kernel: 'nearest' })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'X100', Copyright: 'secret-owner' } })
    .toFile(path.join(dir, 'camera.jpg'));
  // Stored landscape, left half red; EXIF orientation 6 says "rotate 90° clockwise", so upright it is
  // portrait with red on top.
  await sharp({ create: { width: 400, height: 200, channels: 3, background: '#0000ff' } })
    .composite([
      { input: { create: { width: 200, height: 200, channels: 3, background: '#ff0000' } }, left: 0, top: 0 },
    ])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(path.join(dir, 'rotated.jpg'));
  // A logo: a teal square on a transparent ground.
  await sharp({
    create: { width: 800, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([
      {
        input: { create: { width: 400, height: 200, channels: 4, background: '#0F766E' } },
        left: 200,
        top: 100,
      },
    ])
    .png()
    .toFile(path.join(dir, 'logo.png'));
  await sharp({
    create: {
      width: 900,
      height: 600,
      channels: 3,
      background: '#336699',
      noise: { type: 'gaussian', mean: 100, sigma: 20 },
    },
  })
    .webp({ quality: 90 })
    .toFile(path.join(dir, 'screenshot.webp'));
  await sharp(path.join(dir, 'logo.png')).webp({ lossless: true }).toFile(path.join(dir, 'logo.webp'));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#884422' } })
    .jpeg()
    .toFile(path.join(dir, 'small.jpg'));
});

after(async () => {
  forgetImages();
  await rm(dir, { recursive: true, force: true });
});

test('a 4000×3000 camera JPEG placed 2 in wide comes back at most 600 px wide and far lighter', async () => {
  const source = (await stat(path.join(dir, 'camera.jpg'))).size;
  const image = await prepareImage(ref('camera.jpg'), { widthPt: 144, heightPt: 108, fit: 'contain' });
  assert.equal(image.format, 'jpg');
  assert.ok(image.data.subarray(0, 3).equals(JPEG_MAGIC), 'JPEG bytes');
  assert.ok(image.width <= 600 && image.width >= 590, `width ${image.width}`);
  const meta = await sharp(image.data).metadata();
  assert.deepEqual([meta.width, meta.height], [image.width, image.height]);
  assert.equal(image.height, 450);
  assert.ok(source > 2_000_000, `source is camera-sized (${source} B)`);
  assert.ok(image.data.length * 10 < source, `${image.data.length} B is not a tenth of ${source} B`);
});

test('metadata is stripped: no EXIF (camera, owner) and no orientation left', async () => {
  const image = await prepareImage(ref('camera.jpg'), { widthPt: 100, heightPt: 100, fit: 'cover' });
  const meta = await sharp(image.data).metadata();
  assert.equal(meta.exif, undefined);
  assert.equal(meta.orientation, undefined);
  assert.ok(!image.data.includes('secret-owner'));
});

test('cover crops to the box shape; contain keeps the whole picture', async () => {
  const cover = await prepareImage(ref('camera.jpg'), { widthPt: 72, heightPt: 72, fit: 'cover' });
  assert.deepEqual([cover.width, cover.height], [300, 300]);
  const contain = await prepareImage(ref('camera.jpg'), { widthPt: 72, heightPt: 72, fit: 'contain' });
  assert.deepEqual([contain.width, contain.height], [300, 225]);
});

test('never upscales a small image', async () => {
  const image = await prepareImage(ref('small.jpg'), { widthPt: 432, heightPt: 432, fit: 'contain' });
  assert.deepEqual([image.width, image.height], [300, 200]);
  const cover = await prepareImage(ref('small.jpg'), { widthPt: 432, heightPt: 432, fit: 'cover' });
  assert.deepEqual([cover.width, cover.height], [200, 200]);
});

test('EXIF orientation is applied: the stored landscape comes back upright, red on top', async () => {
  const image = await prepareImage(ref('rotated.jpg'), { widthPt: 300, heightPt: 300, fit: 'contain' });
  assert.deepEqual([image.width, image.height], [200, 400]);
  const top = await pixel(image.data, 100, 20);
  const bottom = await pixel(image.data, 100, 380);
  assert.ok(top[0]! > 200 && top[2]! < 60, `top is red: ${top}`);
  assert.ok(bottom[2]! > 200 && bottom[0]! < 60, `bottom is blue: ${bottom}`);
});

test('transparency is kept as PNG; a flat logo becomes a lossless palette PNG', async () => {
  const image = await prepareImage(ref('logo.png', 'png'), { widthPt: 72, heightPt: 72, fit: 'contain' });
  assert.equal(image.format, 'png');
  assert.ok(image.data.subarray(0, 4).equals(PNG_MAGIC));
  assert.deepEqual([image.width, image.height], [300, 150]);
  assert.equal(image.data[25], 3, 'PNG colour type 3 (palette)');
  assert.equal((await pixel(image.data, 5, 5))[3], 0, 'corner transparent');
  assert.deepEqual(await pixel(image.data, 150, 75), [0x0f, 0x76, 0x6e, 255]);
});

test('WebP is converted: opaque to JPEG, with transparency to PNG', async () => {
  const photo = await prepareImage(ref('screenshot.webp', 'webp'), {
    widthPt: 144,
    heightPt: 96,
    fit: 'contain',
  });
  assert.equal(photo.format, 'jpg');
  assert.ok(photo.data.subarray(0, 3).equals(JPEG_MAGIC));
  assert.deepEqual([photo.width, photo.height], [600, 400]);
  const logo = await prepareImage(ref('logo.webp', 'webp'), { widthPt: 72, heightPt: 72, fit: 'contain' });
  assert.equal(logo.format, 'png');
  assert.equal((await pixel(logo.data, 5, 5))[3], 0);
});

test('same input, same bytes: preparing again from scratch gives identical output', async () => {
  const box = { widthPt: 200, heightPt: 150, fit: 'cover' } as const;
  const first = await prepareImage(ref('camera.jpg'), box);
  const logoFirst = await prepareImage(ref('logo.png', 'png'), box);
  forgetImages();
  const second = await prepareImage(ref('camera.jpg'), box);
  const logoSecond = await prepareImage(ref('logo.png', 'png'), box);
  assert.notEqual(second, first, 'recomputed, not cached');
  assert.ok(second.data.equals(first.data));
  assert.ok(logoSecond.data.equals(logoFirst.data));
});

test('the cache returns the same result, and a changed file is prepared again', async () => {
  const box = { widthPt: 90, heightPt: 90, fit: 'cover' } as const;
  const file = path.join(dir, 'changing.jpg');
  await sharp({ create: { width: 500, height: 500, channels: 3, background: '#00ff00' } })
    .jpeg()
    .toFile(file);
  const first = await prepareImage(ref('changing.jpg'), box);
  const again = await prepareImage(ref('changing.jpg'), box);
  assert.equal(again, first);
  await sharp({ create: { width: 500, height: 500, channels: 3, background: '#ff00ff' } })
    .jpeg()
    .toFile(file);
  await utimes(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
  const changed = await prepareImage(ref('changing.jpg'), box);
  assert.notEqual(changed, first);
  const centre = await pixel(changed.data, 100, 100);
  assert.ok(centre[0]! > 200 && centre[1]! < 60, `new content is magenta: ${centre}`);
});

test('the on-disk cache gives the same bytes without sharp, and a changed file gets a new entry', async () => {
  const cache = path.join(dir, 'cache');
  useImageCache(cache);
  try {
    const box = { widthPt: 120, heightPt: 80, fit: 'cover' } as const;
    forgetImages();
    const photo = await prepareImage(ref('camera.jpg'), box);
    const logo = await prepareImage(ref('logo.png', 'png'), box);
    const entries = (await readdir(cache)).sort();
    assert.equal(entries.length, 2, `one entry per image: ${entries}`);
    forgetImages();
    const photoAgain = await prepareImage(ref('camera.jpg'), box);
    const logoAgain = await prepareImage(ref('logo.png', 'png'), box);
    assert.notEqual(photoAgain, photo, 'read back, not the copy in memory');
    assert.ok(photoAgain.data.equals(photo.data));
    assert.ok(logoAgain.data.equals(logo.data));
    assert.deepEqual(
      [photoAgain.format, photoAgain.width, photoAgain.height],
      [photo.format, photo.width, photo.height],
    );
    assert.deepEqual(
      [logoAgain.format, logoAgain.width, logoAgain.height],
      [logo.format, logo.width, logo.height],
    );
    // A hit really is read from disk: an entry swapped for another JPEG comes back as that JPEG.
    const photoEntry = path.join(
      cache,
      entries.find((e) => e.endsWith('.jpg'))!,
    );
    await copyFile(path.join(dir, 'small.jpg'), photoEntry);
    forgetImages();
    const swapped = await prepareImage(ref('camera.jpg'), box);
    assert.deepEqual([swapped.width, swapped.height], [300, 200]);
    // New content is a new name: the file is prepared again, whatever its time stamp.
    const file = path.join(dir, 'cached-changing.jpg');
    await sharp({ create: { width: 500, height: 500, channels: 3, background: '#00ff00' } })
      .jpeg()
      .toFile(file);
    const green = await prepareImage(ref('cached-changing.jpg'), box);
    await sharp({ create: { width: 500, height: 500, channels: 3, background: '#ff00ff' } })
      .jpeg()
      .toFile(file);
    await utimes(file, new Date(2031, 0, 1), new Date(2031, 0, 1));
    const magenta = await prepareImage(ref('cached-changing.jpg'), box);
    assert.ok(!magenta.data.equals(green.data));
    const centre = await pixel(magenta.data, 100, 60);
    assert.ok(centre[0]! > 200 && centre[1]! < 60, `new content is magenta: ${centre}`);
    assert.equal((await readdir(cache)).length, 4);
  } finally {
    useImageCache(undefined);
    forgetImages();
  }
});

test('pixelSizeOf reads the size from the PNG and JPEG headers sharp writes', async () => {
  const jpeg = await sharp({ create: { width: 123, height: 45, channels: 3, background: '#abcdef' } })
    .jpeg({ mozjpeg: true })
    .toBuffer();
  const png = await sharp({ create: { width: 67, height: 89, channels: 4, background: '#abcdef80' } })
    .png({ palette: true })
    .toBuffer();
  assert.deepEqual(pixelSizeOf(jpeg), { width: 123, height: 45 });
  assert.deepEqual(pixelSizeOf(png), { width: 67, height: 89 });
  assert.equal(pixelSizeOf(Buffer.from('not an image')), undefined);
  assert.equal(pixelSizeOf(jpeg.subarray(0, 20)), undefined);
});

test('a broken image is an InputError naming the file and what to do', async () => {
  const whole = await sharp({
    create: {
      width: 640,
      height: 480,
      channels: 3,
      background: '#123456',
      noise: { type: 'gaussian', mean: 100, sigma: 30 },
    },
  })
    .jpeg()
    .toBuffer();
  await writeFile(path.join(dir, 'cut.jpg'), whole.subarray(0, Math.floor(whole.length / 3)));
  await assert.rejects(
    prepareImage(ref('cut.jpg'), { widthPt: 72, heightPt: 72, fit: 'cover' }),
    (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /cut\.jpg:1:1: cannot read this image .*save it again as JPEG or PNG/);
      return true;
    },
  );
});

test('planImage: portraits keep their top when cropped square; wide shots are cut evenly', () => {
  const tall = planImage({ width: 1000, height: 2000 }, { widthPt: 72, heightPt: 72, fit: 'cover' }, 300);
  assert.deepEqual(tall.crop, { left: 0, top: 250, width: 1000, height: 1000 });
  assert.deepEqual(tall.out, { width: 300, height: 300 });
  const wide = planImage({ width: 3000, height: 1000 }, { widthPt: 72, heightPt: 72, fit: 'cover' }, 300);
  assert.deepEqual(wide.crop, { left: 1000, top: 0, width: 1000, height: 1000 });
  assert.throws(
    () => planImage({ width: 10, height: 10 }, { widthPt: 0, heightPt: 72, fit: 'cover' }, 300),
    RangeError,
  );
});
