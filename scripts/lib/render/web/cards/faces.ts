import { readFile } from 'node:fs/promises';
import type { Brand, FontFace, FontFamily } from '../../../model/types.ts';
import type { CardFace } from '../../../../../templates/web/cards/kit.tsx';
import type { CardFrame } from '../../../../../templates/web/cards/view.ts';

/** A face as satori loads it (TTF, OTF or WOFF bytes: satori reads no WOFF2, which brands never hold). */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/** The brand's fonts for the cards, as satori lays them out (and outlines them for resvg to draw). */
export interface CardFonts {
  satori: SatoriFont[];
}

/** Every face of the brand's body and heading families, each file once. */
export function cardFaceFiles(brand: Brand): { family: string; face: FontFace }[] {
  const { body, heading } = brand.fonts;
  const all = [
    ...body.faces.map((face) => ({ family: body.family, face })),
    ...heading.faces.map((face) => ({ family: heading.family, face })),
  ];
  return all.filter(
    (entry, i) =>
      all.findIndex((other) => other.face.file === entry.face.file && other.family === entry.family) === i,
  );
}

export async function loadCardFonts(brand: Brand): Promise<CardFonts> {
  const faces = cardFaceFiles(brand);
  const data = await Promise.all(faces.map(({ face }) => readFile(face.file)));
  return {
    satori: faces.map(({ family, face }, i) => ({
      name: family,
      data: data[i]!,
      weight: face.weight,
      style: face.style,
    })),
  };
}

/** Which face draws what on a card, from what the brand has (a family may lack an italic or a bold). */
export function cardFaces(brand: Brand): CardFrame['faces'] {
  const { body, heading } = brand.fonts;
  return {
    heading: pick(heading, 700, 'normal') ?? pick(heading, 400, 'normal') ?? first(heading),
    body: pick(body, 400, 'normal') ?? first(body),
    bodyBold: pick(body, 700, 'normal') ?? pick(body, 400, 'normal') ?? first(body),
    quote:
      pick(heading, 400, 'italic') ?? pick(body, 400, 'italic') ?? pick(body, 400, 'normal') ?? first(body),
  };
}

function pick(family: FontFamily, weight: 400 | 700, style: 'normal' | 'italic'): CardFace | undefined {
  return family.faces.some((f) => f.weight === weight && f.style === style)
    ? { family: family.family, weight, style }
    : undefined;
}

/** A family's first face: every family has at least one (the brand schema requires it). */
function first(family: FontFamily): CardFace {
  const face = family.faces[0]!;
  return { family: family.family, weight: face.weight, style: face.style };
}
