import path from 'node:path';
import { subsetWoff2 } from '../../layout/web-fonts.ts';
import type { Brand, FontFace } from '../../model/types.ts';
import type { FolderFile } from '../output.ts';

/**
 * The brand's fonts for the page: each face of the body and heading families
 * subset to the characters the page holds, as WOFF2 in fonts/, with the
 * @font-face rules that name them. A browser downloads only the faces the
 * page actually uses.
 */
export async function webFonts(brand: Brand, text: string): Promise<{ css: string; files: FolderFile[] }> {
  const { body, heading, headingWeight } = brand.fonts;
  // Headings are set in one weight: a separate heading family needs only those faces.
  const faces = [
    ...body.faces.map((face) => ({ family: body.family, face })),
    ...(heading.family === body.family
      ? []
      : heading.faces
          .filter((f) => f.weight === headingWeight)
          .map((face) => ({ family: heading.family, face }))),
  ];
  const subsets = await Promise.all(faces.map(({ face }) => subsetWoff2(face.file, text)));
  const files: FolderFile[] = [];
  const rules: string[] = [];
  faces.forEach(({ family, face }, i) => {
    const file = `fonts/${fileName(family, face)}`;
    files.push({ path: file, bytes: subsets[i]! });
    rules.push(
      `@font-face {\n  font-family: ${JSON.stringify(family)};\n  src: url("${file}") ` +
        `format("woff2");\n  font-weight: ${face.weight};\n  font-style: ${face.style};\n ` +
        ` font-display: swap;\n}\n`,
    );
  });
  return { css: rules.join(''), files };
}

/** "Noto Serif" 700 italic → "noto-serif-700-italic.woff2" */
function fileName(family: string, face: FontFace): string {
  const base =
    family
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || path.basename(face.file).toLowerCase();
  return `${base}-${face.weight}${face.style === 'italic' ? '-italic' : ''}.woff2`;
}
