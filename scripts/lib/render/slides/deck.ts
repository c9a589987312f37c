import type { Report } from '../../model/types.ts';
import type { DeckPlan, PlannedSlide } from '../../layout/slides/types.ts';
import { prepareImage } from '../../layout/images.ts';
import { PptxGenJS, type Slide } from './pptxgen.ts';
import type { DeckTheme } from '../../../../templates/slides/theme.ts';
import { defineMasters, LAYOUTS as SLIDE_LAYOUTS } from '../../../../templates/slides/masters.ts';
import type { DrawContext, PlacedImage } from '../../../../templates/slides/parts.ts';
import { drawCover } from '../../../../templates/slides/cover.ts';
import { drawSection } from '../../../../templates/slides/section.ts';
import { drawPeople } from '../../../../templates/slides/people.ts';
import { drawSpeaker } from '../../../../templates/slides/speaker.ts';
import { drawHighlights } from '../../../../templates/slides/highlights.ts';
import { drawRecommendations } from '../../../../templates/slides/recommendations.ts';
import { drawThanks } from '../../../../templates/slides/thanks.ts';

type Layout = PlannedSlide['layout'];
type Draw<L extends Layout> = (
  slide: Slide,
  planned: Extract<PlannedSlide, { layout: L }>,
  context: DrawContext,
) => void | Promise<void>;

/** Each planned layout: the slide layout (master) it sits on and the template that fills it. */
const LAYOUTS: {
  [L in Layout]: { master: (planned: Extract<PlannedSlide, { layout: L }>) => string; draw: Draw<L> };
} = {
  cover: { master: () => SLIDE_LAYOUTS.title, draw: drawCover },
  text: { master: () => SLIDE_LAYOUTS.list, draw: drawSection },
  people: { master: (p) => SLIDE_LAYOUTS.people(p.people.length), draw: drawPeople },
  speaker: { master: () => SLIDE_LAYOUTS.speaker, draw: drawSpeaker },
  highlights: { master: (p) => SLIDE_LAYOUTS.pictures(p.items.length), draw: drawHighlights },
  recommendations: { master: () => SLIDE_LAYOUTS.recommendations, draw: drawRecommendations },
  thanks: { master: () => SLIDE_LAYOUTS.closing, draw: drawThanks },
};

/** Writes the planned slides with pptxgenjs; returns pptxgenjs's zip, before repackaging. `onSlide` hears
 * each slide drawn (progress). */
export async function writeDeck(
  report: Report,
  plan: DeckPlan,
  theme: DeckTheme,
  onSlide?: (done: number) => void,
): Promise<Uint8Array> {
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_WIDE'; // 13.33 × 7.5 in: the 960 × 540 pt of templates/slides/grid.ts
  pres.title = report.event.titleText;
  pres.subject = `${report.label}: ${report.event.kind}, ${report.event.dateText}`;
  pres.author = report.authors.join(', ') || report.brand.organisation.full;
  // Written into app.xml unescaped (https://github.com/gitbrent/PptxGenJS/pull/1427).
  pres.company = escapeXml(report.brand.organisation.full);
  pres.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };
  // One proofing language on every run, paragraph end and field (pptxgenjs writes en-US where a run has none;
  // patched, see scripts/patches).
  pres.language = report.language;

  const image = async (
    ref: Parameters<DrawContext['image']>[0],
    box: { w: number; h: number },
    fit: 'cover' | 'contain',
  ): Promise<PlacedImage> => {
    const prepared = await prepareImage(ref, { widthPt: box.w, heightPt: box.h, fit });
    return {
      data: `image/${prepared.format === 'jpg' ? 'jpeg' : 'png'};base64,${prepared.data.toString('base64')}`,
      width: prepared.width,
      height: prepared.height,
    };
  };
  // The logo is read and encoded here; pptxgenjs is never given a path or URL to fetch.
  const logo = report.brand.logo && (await image(report.brand.logo, { w: 72, h: 72 }, 'contain')).data;
  const context: DrawContext = {
    theme,
    lang: report.language,
    labels: report.labels,
    image,
    logo,
    wordmark: plan.wordmark,
  };

  defineMasters(pres, plan, theme, report.language, logo);
  let drawn = 0;
  for (const planned of plan.slides) {
    const layout = LAYOUTS[planned.layout] as { master: (p: PlannedSlide) => string; draw: Draw<Layout> };
    const slide = pres.addSlide({ masterName: layout.master(planned) });
    await layout.draw(slide, planned, context);
    slide.addNotes(planned.notes.join('\n'));
    onSlide?.(++drawn);
  }
  return (await pres.write({ outputType: 'uint8array' })) as Uint8Array;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
