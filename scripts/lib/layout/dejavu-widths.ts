import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toolRoot } from '../io/project.ts';
import { measureFiles } from './advance-widths.ts';

/**
 * DejaVu's advance widths, for measuring slide text the way LibreOffice draws
 * it where no Office font and no clone is installed (a stock Linux desktop
 * draws DejaVu Sans, or DejaVu Serif for a serif font). The fonts are not
 * shipped; their widths are, as a table (templates/fonts/office-metrics/
 * dejavu-widths.json, from Debian's fonts-dejavu-core 2.37): per code point
 * the widest of the Sans and Serif faces of a weight, upright or slanted. A
 * test checks the table against the installed fonts when they are there.
 */

export type Weight = 'regular' | 'bold';

const TABLE = path.join(toolRoot, 'templates/fonts/office-metrics/dejavu-widths.json');

/** The faces whose widest advance the table keeps, by weight (fonts-dejavu-core's file names). */
export const DEJAVU_FACES: Record<Weight, string[]> = {
  regular: ['DejaVuSans.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Italic.ttf'],
  bold: [
    'DejaVuSans-Bold.ttf',
    'DejaVuSans-BoldOblique.ttf',
    'DejaVuSerif-Bold.ttf',
    'DejaVuSerif-BoldItalic.ttf',
  ],
};

interface Table {
  about: string;
  unitsPerEm: number;
  /** Runs of consecutive code points: [first code point, width, width, …], widths in font units. */
  regular: number[][];
  bold: number[][];
}

let table: Table | undefined;
const loaded = new Map<Weight, Map<number, number>>();

/** Advance widths in em of every character DejaVu draws, in a weight. */
export function dejavuWidths(weight: Weight): Map<number, number> {
  let widths = loaded.get(weight);
  if (!widths) {
    table ??= JSON.parse(readFileSync(TABLE, 'utf8')) as Table;
    widths = new Map();
    for (const [first, ...run] of table[weight])
      run.forEach((w, i) => widths!.set(first! + i, w / table!.unitsPerEm));
    loaded.set(weight, widths);
  }
  return widths;
}

/** The table measured from the font files in `dir` (to write it anew, or to check it). */
export function measureDejaVu(dir: string): Table {
  const runsOf = (weight: Weight) => {
    const widest = new Map<number, number>();
    for (const file of DEJAVU_FACES[weight])
      for (const [code, em] of measureFiles([path.join(dir, file)]))
        widest.set(code, Math.max(widest.get(code) ?? 0, Math.round(em * 2048)));
    const runs: number[][] = [];
    for (const code of [...widest.keys()].sort((a, b) => a - b)) {
      const last = runs.at(-1);
      if (last && last[0]! + last.length - 1 === code) last.push(widest.get(code)!);
      else runs.push([code, widest.get(code)!]);
    }
    return runs;
  };
  return {
    about:
      'Advance widths of DejaVu 2.37 (Debian fonts-dejavu-core) in 1/2048 em, per code point the widest of ' +
      'the Sans and Serif faces of a weight, upright or slanted; runs of [first code point, width, …]. ' +
      'Written by scripts/lib/layout/dejavu-widths.ts (measureDejaVu); checked by test/layout/advance-widths.test.ts.',
    unitsPerEm: 2048,
    regular: runsOf('regular'),
    bold: runsOf('bold'),
  };
}
