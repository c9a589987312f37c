import { plain } from '../../../model/inline.ts';
import type { Report } from '../../../model/types.ts';
import { textHeight, wrapLines, type TextParagraph } from '../../../layout/measure-text.ts';
import type { TextBlock } from '../../../layout/slides/fit.ts';
import type { DeckPlan, PlannedSlide, SlideGrid } from '../../../layout/slides/types.ts';
import { cardWidth, highlightWidth } from '../../../layout/slides/geometry.ts';
import { comparable, expectedTexts, quote } from '../../text-guard.ts';

/**
 * The deck's fit check (issue 11): every planned text measured again, as
 * drawn, against the box it is drawn in, with the widest metrics a recipient
 * may see (`roomy`: the clones, Liberation Sans and DejaVu). The planner
 * splits and shortens text so that it fits; what it could not fit (an item
 * alone taller than an empty slide, a role no card can hold) would run out of
 * its shape or under the footer in some viewer, so the build names it and
 * stops instead. Returns one line per problem, none when all fits.
 */
export function planProblems(report: Report, plan: DeckPlan, grid: SlideGrid): string[] {
  const fields = expectedTexts(report).map((e) => ({
    where: e.where,
    text: comparable(e.text).toLocaleLowerCase(),
  }));
  // The fields a box's paragraphs come from, found by their text (a slide shows a point's first sentence, an
  // upper-cased role, pieces marked with "…").
  const fieldOf = (paragraphs: TextParagraph[]) => {
    const where = paragraphs.flatMap((p) => {
      const text = comparable(plain(p.runs)).replace(/…/g, '').toLocaleLowerCase();
      const found = fields.find((f) => text && (f.text.includes(text) || text.includes(f.text)));
      return found ? [found.where] : [];
    });
    return [...new Set(where), quote(paragraphs.map((p) => plain(p.runs)).join(' '))].join(' ');
  };
  const problems: string[] = [];
  plan.slides.forEach((slide, index) => {
    const name = `slide ${index + 1} (${plain(slide.title.runs)})`;
    const tooTall = (paragraphs: TextParagraph[], heightPt: number, boxPt: number, what: string) => {
      if (heightPt > boxPt + 0.01)
        problems.push(
          `${name}: ${fieldOf(paragraphs)} needs ${Math.ceil(heightPt)} pt, ` +
            `but its ${what} is ${Math.floor(boxPt)} pt high`,
        );
    };
    const oneLine = (paragraph: TextParagraph, widthPt: number, what: string) => {
      if (wrapLines(paragraph.runs, paragraph.style, widthPt, 'roomy').length > 1)
        problems.push(`${name}: ${fieldOf([paragraph])} does not fit on one line as the ${what}`);
    };
    const list = (items: TextBlock[], gapPt: number, boxPt: number, widthPt: number, what: string) => {
      const heights = items.map((item) => textHeight(item.paragraphs, widthPt, 'roomy'));
      const total = heights.reduce((sum, h) => sum + h, 0) + gapPt * Math.max(0, items.length - 1);
      if (total <= boxPt + 0.01) return;
      // Name the item that ends past the box's foot.
      let used = 0;
      const over = items.findIndex((_, i) => (used += heights[i]! + (i > 0 ? gapPt : 0)) > boxPt + 0.01);
      tooTall(items[over]!.paragraphs, total, boxPt, what);
    };
    titleCheck(slide, grid, oneLine);
    checkSlide(slide, grid, { tooTall, oneLine, list });
  });
  const one = (p: TextParagraph, widthPt: number, what: string) => {
    if (wrapLines(p.runs, p.style, widthPt, 'roomy').length > 1)
      problems.push(`every slide: ${quote(plain(p.runs))} does not fit on one line as the ${what}`);
  };
  one(plan.runningHead, grid.kicker.w, 'running head');
  one(plan.footer, grid.footer.w, 'footer');
  return problems;
}

type Checks = {
  tooTall(paragraphs: TextParagraph[], heightPt: number, boxPt: number, what: string): void;
  oneLine(paragraph: TextParagraph, widthPt: number, what: string): void;
  list(items: TextBlock[], gapPt: number, boxPt: number, widthPt: number, what: string): void;
};

/** Slide titles are drawn on one line (a wrapped title would grow into the running head). */
function titleCheck(slide: PlannedSlide, grid: SlideGrid, oneLine: Checks['oneLine']): void {
  if (slide.layout === 'cover' || slide.layout === 'thanks') return;
  oneLine(slide.title, slide.layout === 'speaker' ? grid.speakerTitle.w : grid.title.w, 'slide title');
}

/** Each layout's boxes, with the gaps the templates draw between list items (templates/slides/). */
function checkSlide(slide: PlannedSlide, grid: SlideGrid, { tooTall, oneLine, list }: Checks): void {
  const card = (text: TextBlock, widthPt: number, heightPt: number) =>
    tooTall(text.paragraphs, textHeight(text.paragraphs, widthPt, 'roomy'), heightPt, 'card');
  switch (slide.layout) {
    case 'cover': {
      const { cover } = grid;
      tooTall([slide.title], textHeight([slide.title], cover.w, 'roomy'), cover.h, 'title box');
      tooTall(
        slide.details.paragraphs,
        textHeight(slide.details.paragraphs, cover.w, 'roomy'),
        cover.details.h,
        'details box',
      );
      oneLine(slide.kind, cover.kind.w, 'kind of event');
      oneLine(slide.byline, cover.byline.w, 'byline');
      return;
    }
    case 'text':
      return list(slide.items, grid.gap + 6, grid.text.h, grid.text.w, 'text box');
    case 'speaker':
      card(slide.card.text, grid.card.w, grid.card.h);
      return list(slide.points, grid.gap, grid.points.h, grid.points.w, 'points box');
    case 'recommendations':
      return list(
        slide.items.map((i) => i.text),
        grid.gap + 4,
        grid.recommendations.h,
        grid.recommendations.w,
        'recommendations box',
      );
    case 'people': {
      const { people } = grid;
      const width = cardWidth(people) - 2 * people.inset;
      for (const c of slide.people) card(c.text, width, people.cardHeight - people.textTop - people.inset);
      return;
    }
    case 'highlights': {
      const { highlights: box } = grid;
      const width = highlightWidth(box, slide.items.length);
      for (const item of slide.items)
        if (item.caption) {
          const lines = item.caption.paragraphs.map((p) => wrapLines(p.runs, p.style, width, 'roomy').length);
          const style = item.caption.paragraphs[0]!.style;
          const drawn = lines.reduce((sum, n) => sum + n, 0);
          tooTall(
            item.caption.paragraphs,
            drawn * style.lineSpacingPt,
            box.captionLines * style.lineSpacingPt,
            'caption box',
          );
        }
      return;
    }
    case 'thanks':
      tooTall(
        slide.text.paragraphs,
        textHeight(slide.text.paragraphs, grid.closing.contact.w, 'roomy'),
        grid.closing.contact.h,
        'contact box',
      );
      oneLine(slide.byline, grid.cover.byline.w, 'byline');
      return;
  }
}
