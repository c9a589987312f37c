/**
 * Decoding a large photo takes memory in proportion to its pixels: ten
 * 100-megapixel highlights prepared at once (the PDF, the deck and the web
 * edition each ask for all of theirs in parallel) took 879 MB and 71 s on a
 * loaded 2-core machine. Every decode goes through this gate, one image at a
 * time per process, with the limits below, so memory stays that of one image.
 */
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` after every decode started before it has finished. */
export function oneImageAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** Refused before decoding: the same limit load-time validation puts on images (validate/assets.ts). */
export const MAX_INPUT_PIXELS = 100_000_000;

/**
 * sharp's input options for a user's image: EXIF orientation applied, broken
 * data refused (camera warnings allowed), at most MAX_INPUT_PIXELS, and read
 * top to bottom (sequentialRead), which lets libvips stream a JPEG through
 * crop and resize instead of holding the decoded picture.
 */
export const SOURCE_OPTIONS = {
  autoOrient: true,
  failOn: 'error',
  limitInputPixels: MAX_INPUT_PIXELS,
  sequentialRead: true,
} as const;

type Sharp = (typeof import('sharp'))['default'];
let loaded: Promise<Sharp> | undefined;

/**
 * sharp, loaded on first use, with libvips' operation cache off: it kept up to
 * 50 MB of decoded pixels of images that are never asked for again (measured:
 * ten 100-megapixel JPEGs in a row, 270 MB peak with the cache, 205 without).
 */
export function loadSharp(): Promise<Sharp> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return loaded as Promise<Sharp>;
}

/**
 * A plan's crop and scale as sharp operations, scaled first and cropped after:
 * the same pixels kept, but a JPEG is then decoded already shrunk (libvips'
 * shrink-on-load decodes at 1/2, 1/4 or 1/8 size) instead of at full size and
 * cropped (one 100-megapixel JPEG: 94 MB peak instead of 147).
 */
export function scaleThenCrop<
  T extends {
    resize: (w: number, h: number, o: { fit: 'fill' }) => T;
    extract: (r: { left: number; top: number; width: number; height: number }) => T;
  },
>(
  pipeline: T,
  source: { width: number; height: number },
  plan: {
    crop: { left: number; top: number; width: number; height: number };
    out: { width: number; height: number };
  },
): T {
  const scaleX = plan.out.width / plan.crop.width;
  const scaleY = plan.out.height / plan.crop.height;
  const width = Math.max(plan.out.width, Math.round(source.width * scaleX));
  const height = Math.max(plan.out.height, Math.round(source.height * scaleY));
  const left = Math.min(width - plan.out.width, Math.round(plan.crop.left * scaleX));
  const top = Math.min(height - plan.out.height, Math.round(plan.crop.top * scaleY));
  const scaled = pipeline.resize(width, height, { fit: 'fill' });
  return width === plan.out.width && height === plan.out.height
    ? scaled
    : scaled.extract({ left, top, width: plan.out.width, height: plan.out.height });
}
