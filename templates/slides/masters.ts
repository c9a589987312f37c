import type { Presentation, SlideMasterProps } from './pptx.ts';
import type { Box, DeckPlan } from '../../scripts/lib/layout/slides/types.ts';
import type { TextStyle } from '../../scripts/lib/layout/measure-text.ts';
import { cardWidth, highlightWidth } from '../../scripts/lib/layout/slides/geometry.ts';
import { grid, SLIDE } from './grid.ts';
import { at } from './parts.ts';
import type { DeckTheme } from './theme.ts';

/**
 * The slide layouts, one per kind of slide, as PowerPoint's own templates have
 * them: decorations (colour band, panel, rules, logo, running head, footer,
 * slide number) stay on the layout, and the title, body and caption areas are
 * real placeholders the slides fill. A recipient who edits the deck gets the
 * outline, "Reset slide" and new slides in the brand's layouts; a screen reader
 * gets each slide's title.
 */
export const LAYOUTS = {
  title: 'Title',
  list: 'List',
  people: (count: number) => `Moderators (${count})`,
  speaker: 'Speaker',
  pictures: (count: number) => `Pictures (${count})`,
  recommendations: 'Recommendations',
  closing: 'Closing',
} as const;

/** The placeholders' names, as the slides address them. */
export const PLACEHOLDERS = {
  title: 'Title',
  kind: 'Kind',
  details: 'Details',
  byline: 'Report label',
  body: 'Body',
  person: 'Person',
  card: (i: number) => `Card ${i + 1}`,
  photo: 'Photo',
  portrait: (i: number) => `Portrait ${i + 1}`,
  caption: (i: number) => `Caption ${i + 1}`,
  contact: 'Contact',
} as const;

type MasterObject = NonNullable<SlideMasterProps['objects']>[number];

/** The moderator cards of a slide with `count` of them, centred: each card's box. */
export function cardBoxes(count: number): Box[] {
  const { people: box } = grid;
  const width = cardWidth(box);
  const used = count * width + (count - 1) * box.gap;
  return Array.from({ length: count }, (_, i) => ({
    x: box.x + (box.w - used) / 2 + i * (width + box.gap),
    y: box.y,
    w: width,
    h: box.cardHeight,
  }));
}

/** A moderator card's portrait: a disc centred near its top. */
export function portraitBox(card: Box): Box {
  const { people } = grid;
  return {
    x: card.x + (card.w - people.disc) / 2,
    y: card.y + people.discTop,
    w: people.disc,
    h: people.disc,
  };
}

/** The image frames of a highlights slide with `count` images: each frame and, under it, its caption's box. */
export function pictureBoxes(count: number): { frame: Box; caption: Box }[] {
  const { highlights: box } = grid;
  const captionSpace = box.captionLines * 19.5 + 12;
  const width = highlightWidth(box, count);
  let x = box.x + (box.w - (count * width + (count - 1) * box.gap)) / 2;
  return Array.from({ length: count }, () => {
    const frame = { x, y: box.y, w: width, h: box.h - captionSpace };
    x += width + box.gap;
    return { frame, caption: { x: frame.x, y: frame.y + frame.h + 12, w: width, h: captionSpace - 12 } };
  });
}

/** Defines the layouts a deck uses on a presentation. `logo` is a `image/png;base64,…` string, or undefined. */
export function defineMasters(
  pres: Presentation,
  plan: DeckPlan,
  theme: DeckTheme,
  lang: string,
  logo: string | undefined,
): void {
  const { colors, text } = theme;
  // Filled boxes are empty text shapes: pptxgenjs writes plain shapes without the
  // <p:txBody> PowerPoint expects (https://github.com/gitbrent/PptxGenJS/issues/1441).
  const fill = (box: Box, color: string, name: string): MasterObject => ({
    text: {
      text: '',
      options: { ...at(box), shape: 'rect' as never, fill: { color }, margin: 0, objectName: name },
    },
  });
  const label = (
    box: Box,
    paragraph: DeckPlan['footer'],
    color: string,
    name: string,
    align: 'left' | 'right' = 'left',
  ): MasterObject => ({
    text: {
      text: paragraph.runs.map((r) => r.text).join(''),
      options: {
        ...at(box),
        margin: 0,
        valign: 'top',
        fontFace: paragraph.style.font,
        fontSize: paragraph.style.sizePt,
        bold: paragraph.style.bold,
        charSpacing: paragraph.style.charSpacingPt,
        lineSpacing: paragraph.style.lineSpacingPt,
        color,
        lang,
        align,
        objectName: name,
      },
    },
  });
  const disc = (box: Box, color: string, name: string): MasterObject => ({
    text: {
      text: '',
      options: { ...at(box), shape: 'ellipse' as never, fill: { color }, margin: 0, objectName: name },
    },
  });
  /** A picture placeholder: a portrait's place (pptxgenjs's `image` type, written `pic`). */
  const picture = (name: string, box: Box): MasterObject => ({
    placeholder: { options: { name, type: 'image', ...at(box) } as never, text: '' },
  });
  /** A placeholder: where, of which type, and the style a recipient's own text in it gets. */
  const placeholder = (
    name: string,
    type: 'title' | 'body',
    box: Box,
    style: TextStyle,
    color: string,
    options: { valign?: 'top' | 'bottom'; align?: 'left' | 'center' } = {},
  ): MasterObject => ({
    placeholder: {
      options: {
        name,
        type,
        ...at(box),
        margin: 0,
        valign: options.valign ?? 'top',
        align: options.align ?? 'left',
        fontFace: style.font,
        fontSize: style.sizePt,
        bold: style.bold,
        lineSpacing: style.lineSpacingPt,
        color,
        lang,
      } as never,
      text: '',
    },
  });
  const logoObject: MasterObject[] = logo
    ? [{ image: { ...at(grid.logo), data: logo, altText: 'Logo' } }]
    : plan.wordmark
      ? [label(grid.wordmark, plan.wordmark, colors.heading, 'Organisation', 'right')]
      : [];
  const slideNumber = (box: Box): SlideMasterProps['slideNumber'] =>
    ({
      ...at(box),
      fontFace: theme.fonts.body,
      fontSize: text.footer.sizePt,
      color: colors.muted,
      align: 'right',
      margin: 0,
      valign: 'top',
    }) as SlideMasterProps['slideNumber'];
  const content = (...objects: MasterObject[]) => ({
    objects: [
      fill(grid.band, colors.primary, 'Colour band'),
      ...logoObject,
      label(grid.kicker, plan.runningHead, colors.muted, 'Running head'),
      fill(grid.rule, colors.accent, 'Accent rule'),
      fill(grid.footerRule, colors.tint, 'Footer rule'),
      label(grid.footer, plan.footer, colors.muted, 'Footer'),
      placeholder(PLACEHOLDERS.title, 'title', grid.title, text.slideTitle, colors.heading, {
        valign: 'bottom',
      }),
      ...objects,
    ],
    slideNumber: slideNumber(grid.slideNumber),
  });
  const brandMark: MasterObject[] = logo
    ? [{ image: { ...at(grid.cover.logo), data: logo, altText: 'Logo' } }]
    : plan.wordmark
      ? [
          label(
            {
              x: grid.cover.logo.x,
              y: grid.cover.logo.y + (grid.cover.logo.h - plan.wordmark.style.lineSpacingPt) / 2,
              w: 240,
              h: plan.wordmark.style.lineSpacingPt,
            },
            plan.wordmark,
            colors.onPrimary,
            'Organisation',
          ),
        ]
      : [];
  const onColour = [
    fill({ x: 0, y: 0, w: SLIDE.w, h: SLIDE.h }, colors.primary, 'Brand colour'),
    fill({ x: 0, y: SLIDE.h - 10, w: SLIDE.w, h: 10 }, colors.accent, 'Accent band'),
    ...brandMark,
  ];
  const { cover, closing } = grid;
  const used = new Set(plan.slides.map((s) => s.layout));

  if (used.has('cover')) {
    pres.defineSlideMaster({
      title: LAYOUTS.title,
      objects: [
        ...onColour,
        fill(cover.kindRule, colors.accent, 'Accent rule'),
        fill(cover.rule, colors.accent, 'Rule'),
        placeholder(PLACEHOLDERS.kind, 'body', cover.kind, text.coverKind, colors.onPrimary),
        placeholder(PLACEHOLDERS.title, 'title', cover, text.coverTitle, colors.onPrimary, {
          valign: 'bottom',
        }),
        placeholder(PLACEHOLDERS.details, 'body', cover.details, text.coverDetail, colors.onPrimary),
        placeholder(PLACEHOLDERS.byline, 'body', cover.byline, text.coverDetail, colors.onPrimaryMuted),
      ],
    });
  }
  if (used.has('text'))
    pres.defineSlideMaster({
      title: LAYOUTS.list,
      ...content(placeholder(PLACEHOLDERS.body, 'body', grid.text, text.lead, colors.text)),
    });
  for (const count of new Set(plan.slides.flatMap((s) => (s.layout === 'people' ? [s.people.length] : [])))) {
    const cards = cardBoxes(count).flatMap((card, i) => [
      fill(card, colors.tint, `Card ${i + 1}`),
      fill({ ...card, h: 4 }, colors.accent, `Card edge ${i + 1}`),
      disc(portraitBox(card), colors.background, `Behind portrait ${i + 1}`),
      picture(PLACEHOLDERS.portrait(i), portraitBox(card)),
      placeholder(
        PLACEHOLDERS.card(i),
        'body',
        {
          x: card.x + grid.people.inset,
          y: card.y + grid.people.textTop,
          w: card.w - 2 * grid.people.inset,
          h: card.h - grid.people.textTop - grid.people.inset,
        },
        text.affiliation,
        colors.muted,
        { align: 'center' },
      ),
    ]);
    pres.defineSlideMaster({ title: LAYOUTS.people(count), ...content(...cards) });
  }
  if (used.has('speaker')) {
    const kicker = { ...plan.runningHead, runs: [{ text: plan.discussionHeading }] };
    pres.defineSlideMaster({
      title: LAYOUTS.speaker,
      objects: [
        fill(grid.panel, colors.tint, 'Speaker panel'),
        fill(grid.band, colors.primary, 'Colour band'),
        ...logoObject,
        label(grid.speakerKicker, kicker, colors.accent, 'Section'),
        fill(grid.speakerRule, colors.accent, 'Accent rule'),
        fill(
          { ...grid.footerRule, x: grid.points.x, w: grid.footerRule.x + grid.footerRule.w - grid.points.x },
          colors.tint,
          'Footer rule',
        ),
        label({ ...grid.footer, x: grid.points.x }, plan.footer, colors.muted, 'Footer'),
        placeholder(PLACEHOLDERS.title, 'title', grid.speakerTitle, text.slideTitle, colors.heading, {
          valign: 'bottom',
        }),
        disc(grid.disc, colors.background, 'Behind the photo'),
        picture(PLACEHOLDERS.photo, grid.disc),
        placeholder(PLACEHOLDERS.person, 'body', grid.card, text.affiliation, colors.muted, {
          align: 'center',
        }),
        placeholder(PLACEHOLDERS.body, 'body', grid.points, text.lead, colors.text),
      ],
      slideNumber: slideNumber(grid.slideNumber),
    });
  }
  for (const count of new Set(
    plan.slides.flatMap((s) => (s.layout === 'highlights' ? [s.items.length] : [])),
  )) {
    const captions = pictureBoxes(count).map((p, i) =>
      placeholder(PLACEHOLDERS.caption(i), 'body', p.caption, text.caption, colors.muted, {
        align: 'center',
      }),
    );
    pres.defineSlideMaster({ title: LAYOUTS.pictures(count), ...content(...captions) });
  }
  if (used.has('recommendations'))
    pres.defineSlideMaster({
      title: LAYOUTS.recommendations,
      ...content(placeholder(PLACEHOLDERS.body, 'body', grid.recommendations, text.lead, colors.text)),
    });
  if (used.has('thanks')) {
    pres.defineSlideMaster({
      title: LAYOUTS.closing,
      objects: [
        ...onColour,
        fill(closing.rule, colors.accent, 'Accent rule'),
        placeholder(PLACEHOLDERS.title, 'title', closing.title, text.thanksTitle, colors.onPrimary, {
          valign: 'bottom',
        }),
        placeholder(PLACEHOLDERS.contact, 'body', closing.contact, text.coverDetail, colors.onPrimary),
        placeholder(PLACEHOLDERS.byline, 'body', cover.byline, text.coverDetail, colors.onPrimaryMuted),
      ],
    });
  }
}
