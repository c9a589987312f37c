import { planImage } from '../../../layout/image-size.ts';
import { loadSharp, oneImageAtATime, scaleThenCrop, SOURCE_OPTIONS } from '../../../layout/image-gate.ts';
import type { WebBox } from '../../../layout/web-images.ts';
import type { ImageRef } from '../../../model/types.ts';
import type { CardImage } from '../../../../../templates/web/cards/view.ts';

/** An image a card shows: where it goes in the card's data, the file, the box and the format satori gets it in. */
export interface ImageWanted {
  /** "photo" or "frame.logo" */
  key: string;
  ref: ImageRef;
  box: WebBox;
  /** PNG keeps a logo's transparency; JPEG keeps a photo small. */
  format: 'png' | 'jpeg';
}

/** The image upright, cropped or fitted to its box at 1× (cards are drawn at their pixel size), as a data: URL. */
export function cardImage(wanted: ImageWanted): Promise<CardImage> {
  // One decode at a time, from the file, shrunk on load (layout/image-gate.ts): memory stays that of one image.
  return oneImageAtATime(() => drawCardImage(wanted));
}

async function drawCardImage(wanted: ImageWanted): Promise<CardImage> {
  const sharp = await loadSharp();
  const open = () => sharp(wanted.ref.file, SOURCE_OPTIONS);
  const { autoOrient: upright } = await open().metadata();
  const plan = planImage(
    upright,
    { widthPt: wanted.box.width, heightPt: wanted.box.height, fit: wanted.box.fit },
    72,
  );
  const resized = scaleThenCrop(open(), upright, plan).toColourspace('srgb');
  const encoded =
    wanted.format === 'png'
      ? resized.png()
      : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 88, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return {
    src: `data:image/${wanted.format};base64,${data.toString('base64')}`,
    width: info.width,
    height: info.height,
  };
}
