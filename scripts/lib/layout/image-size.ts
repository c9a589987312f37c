/**
 * How many pixels an image needs where it is placed: the box at the print
 * resolution, cropped to the box's shape (`cover`) or fitted whole inside it
 * (`contain`), and never more pixels than the photo has.
 */

export interface ImageBox {
  /** Placed size in PDF points (1/72 in). */
  widthPt: number;
  heightPt: number;
  /** `cover` fills the box, cropping the photo; `contain` shows all of it. */
  fit: 'cover' | 'contain';
}

export interface PixelSize {
  width: number;
  height: number;
}

export interface ImagePlan {
  /** The part of the (upright) source kept, in source pixels. */
  crop: { left: number; top: number; width: number; height: number };
  /** The size it is scaled down to. */
  out: PixelSize;
}

/** Plans the crop and the scale for a source of `source` pixels placed in `box` at `dpi`. */
export function planImage(source: PixelSize, box: ImageBox, dpi: number): ImagePlan {
  if (!(box.widthPt > 0 && box.heightPt > 0 && dpi > 0)) {
    throw new RangeError(
      `image box must have a positive size and dpi, got ${box.widthPt}×${box.heightPt} pt at ${dpi} dpi`,
    );
  }
  const wantWidth = (box.widthPt / 72) * dpi;
  const wantHeight = (box.heightPt / 72) * dpi;
  const crop =
    box.fit === 'cover' ? coverCrop(source, wantWidth / wantHeight) : { left: 0, top: 0, ...source };
  const scale = Math.min(1, wantWidth / crop.width, wantHeight / crop.height);
  return {
    crop,
    out: {
      width: Math.max(1, Math.round(crop.width * scale)),
      height: Math.max(1, Math.round(crop.height * scale)),
    },
  };
}

/**
 * The largest region of the box's shape. Wide photos are cut evenly left and
 * right; tall ones keep more of the top, where faces are in portraits and
 * head-and-shoulders shots (a plain centre crop cuts foreheads).
 */
function coverCrop(source: PixelSize, aspect: number): ImagePlan['crop'] {
  if (source.width / source.height > aspect) {
    const width = Math.max(1, Math.min(source.width, Math.round(source.height * aspect)));
    return { left: Math.floor((source.width - width) / 2), top: 0, width, height: source.height };
  }
  const height = Math.max(1, Math.min(source.height, Math.round(source.width / aspect)));
  return { left: 0, top: Math.floor((source.height - height) / 4), width: source.width, height };
}
