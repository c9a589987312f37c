import type { OutputKind } from '../output.ts';
import { planDeck } from './plan/index.ts';
import { planProblems } from './plan/check.ts';
import { OutputError } from '../output.ts';
import { LAYOUT_FAULT } from '../text-guard.ts';
import { deckTheme } from '../../../../templates/slides/theme.ts';
import { planGrid } from '../../../../templates/slides/grid.ts';
import { writeDeck } from './deck.ts';
import { guardDeck } from './guard.ts';
import { repackage } from './package.ts';

/**
 * The slide deck: the report planned into slides measured to fit (render/slides/plan/),
 * drawn by the layouts in templates/slides/ with pptxgenjs, then repackaged so
 * PowerPoint opens it without a repair prompt and the same input gives the same bytes,
 * and read back again to check that no text of the report was lost (guard.ts).
 */
export const slidesOutput: OutputKind = {
  title: 'slide deck',
  extension: '.pptx',
  async render({ report }, context) {
    const theme = deckTheme(report.brand);
    const plan = planDeck(report, planGrid, theme.text, context.warn);
    // Every planned text measured again against its box: what still does not fit is named, and nothing written.
    const problems = planProblems(report, plan, planGrid);
    if (problems.length) {
      const shown = problems.slice(0, 8);
      if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
      throw new OutputError(
        `the slide deck failed its check, so it was not written: some text does not fit its place on a slide ` +
          `(measured for the widest font a recipient may see):\n  ${shown.join('\n  ')}\n${LAYOUT_FAULT}`,
      );
    }
    const zip = await writeDeck(report, plan, theme, (done) =>
      context.progress?.(`${done} of ${plan.slides.length} slides`),
    );
    context.progress?.(`${plan.slides.length} slides; packaging`);
    const bytes = repackage(zip, { creationDate: context.creationDate, language: report.language });
    // The written package read back: every text of the report on a slide or in its notes.
    guardDeck(report, bytes);
    return { bytes, summary: `${plan.slides.length} slides` };
  },
};
