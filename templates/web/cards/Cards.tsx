import type { ReactNode } from 'react';
import { CardText, type CardLayout, type FittedText, type TextBox } from './kit.tsx';
import type { CardFrame, OgCardData, RecommendationCardData, SpeakerCardData } from './view.ts';

/**
 * The share cards, drawn with satori from the brand's colours and fonts:
 * og.png for link previews (1200×630) and a portrait card (1080×1350, the
 * 4:5 that LinkedIn, X and Instagram show uncropped in a feed) per
 * recommendation and per speaker. Every piece of text is a fitted box (see
 * kit.tsx); the boxes are listed in the order the card draws them, which is
 * the order the render stage reads them back from the SVG. Each box's
 * largest size (lines × size × line height) is its budget: the budgets of a
 * card add up to less than its height, so no text pushes another off it.
 */

const OG = { width: 1200, height: 630, margin: 64 };
const PORTRAIT = { width: 1080, height: 1350, margin: 72 };
const portraitInner = PORTRAIT.width - 2 * PORTRAIT.margin;

/** The brand band at the top of a portrait card: logo, organisation, and under it the event's kind and date. */
function bandBoxes(frame: CardFrame): Record<string, TextBox> {
  const width = portraitInner - (frame.logo ? 96 : 0);
  return {
    organisation: {
      field: 'brand meta.name.full',
      text: frame.organisation,
      face: frame.faces.bodyBold,
      sizes: [34, 30, 26],
      lineHeight: 1.2,
      width,
      maxLines: 1,
    },
    eventLabel: {
      field: 'event.kind',
      text: `${frame.kind} · ${frame.shortDate}`.toUpperCase(),
      face: frame.faces.bodyBold,
      sizes: [20, 18],
      lineHeight: 1.3,
      width,
      maxLines: 1,
      letterSpacing: 3,
    },
  };
}

function Band({ frame, text }: { frame: CardFrame; text: Record<string, FittedText> }) {
  const { colors, logo } = frame;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flexShrink: 0 }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          backgroundColor: colors.primary,
          padding: `40px ${PORTRAIT.margin}px`,
        }}
      >
        {logo && <img src={logo.src} width={logo.width} height={logo.height} style={{ marginRight: 24 }} />}
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <CardText fitted={text.organisation!} color={colors.onPrimary} />
          <div style={{ display: 'flex', marginTop: 4 }}>
            <CardText fitted={text.eventLabel!} color={colors.onPrimaryMuted} />
          </div>
        </div>
      </div>
      <div style={{ display: 'flex', height: 10, backgroundColor: colors.accent }} />
    </div>
  );
}

/** The foot of a portrait card: the event's title, when it was, and where to read the brief. */
function footBoxes(frame: CardFrame): Record<string, TextBox> {
  return {
    footTitle: {
      field: 'event.title',
      text: frame.title,
      face: frame.faces.heading,
      sizes: [34, 30, 28],
      lineHeight: 1.2,
      width: portraitInner,
      maxLines: 2,
    },
    footWhen: {
      field: 'event.date',
      text: frame.when,
      face: frame.faces.body,
      sizes: [24, 22, 20],
      lineHeight: 1.35,
      width: portraitInner,
      maxLines: 1,
    },
    ...(frame.site && {
      footSite: {
        field: 'report.url',
        text: `Read the brief at ${frame.site}`,
        face: frame.faces.bodyBold,
        sizes: [24, 22, 20],
        lineHeight: 1.35,
        width: portraitInner,
        maxLines: 1,
      },
    }),
  };
}

function Foot({ frame, text }: { frame: CardFrame; text: Record<string, FittedText> }) {
  const { colors } = frame;
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        flexShrink: 0,
        backgroundColor: colors.tint,
        padding: `40px ${PORTRAIT.margin}px 44px`,
        borderTop: `6px solid ${colors.primary}`,
      }}
    >
      <CardText fitted={text.footTitle!} color={colors.heading} />
      <div style={{ display: 'flex', marginTop: 10 }}>
        <CardText fitted={text.footWhen!} color={colors.muted} />
      </div>
      {text.footSite && (
        <div style={{ display: 'flex', marginTop: 6 }}>
          <CardText fitted={text.footSite} color={colors.accent} />
        </div>
      )}
    </div>
  );
}

function Portrait({ frame, children }: { frame: CardFrame; children: ReactNode }) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        width: PORTRAIT.width,
        height: PORTRAIT.height,
        backgroundColor: frame.colors.background,
      }}
    >
      {children}
    </div>
  );
}

/** Link previews: the kind of event, its title and subtitle, when and where, on the brand's primary colour. */
export const ogCard: CardLayout<OgCardData> = {
  ...OG,
  boxes: ({ frame }) => {
    const inner = OG.width - 2 * OG.margin;
    return {
      organisation: {
        field: 'brand meta.name.full',
        text: frame.organisation,
        face: frame.faces.bodyBold,
        sizes: [30, 26, 22],
        lineHeight: 1.2,
        width: inner - 360 - (frame.logo ? 80 : 0),
        maxLines: 1,
      },
      label: {
        field: 'report.label',
        text: frame.label.toUpperCase(),
        face: frame.faces.bodyBold,
        sizes: [20, 18],
        lineHeight: 1.2,
        width: 340,
        maxLines: 1,
        letterSpacing: 3,
        align: 'right',
      },
      kind: {
        field: 'event.kind',
        text: frame.kind.toUpperCase(),
        face: frame.faces.bodyBold,
        sizes: [24, 22],
        lineHeight: 1.2,
        width: inner,
        maxLines: 1,
        letterSpacing: 4,
      },
      title: {
        field: 'event.title',
        text: frame.title,
        face: frame.faces.heading,
        sizes: [80, 72, 66, 60, 54, 48],
        lineHeight: 1.1,
        width: inner,
        maxHeight: frame.subtitle ? 240 : 320,
      },
      ...(frame.subtitle && {
        subtitle: {
          field: 'event.subtitle',
          text: frame.subtitle,
          face: frame.faces.body,
          sizes: [32, 28, 26],
          lineHeight: 1.3,
          width: inner,
          maxLines: 2,
        },
      }),
      when: {
        field: 'event.date',
        text: frame.when,
        face: frame.faces.body,
        sizes: [26, 24, 22],
        lineHeight: 1.3,
        width: inner,
        maxLines: 1,
      },
    };
  },
  render: ({ frame }, text) => {
    const { colors, logo } = frame;
    return (
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          width: OG.width,
          height: OG.height,
          backgroundColor: colors.primary,
        }}
      >
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: `40px ${OG.margin}px 0`,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center' }}>
            {logo && (
              <img src={logo.src} width={logo.width} height={logo.height} style={{ marginRight: 20 }} />
            )}
            <CardText fitted={text.organisation!} color={colors.onPrimary} />
          </div>
          <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <CardText fitted={text.label!} color={colors.onPrimaryMuted} />
          </div>
        </div>
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'center',
            flexGrow: 1,
            padding: `0 ${OG.margin}px`,
          }}
        >
          <div
            style={{
              display: 'flex',
              width: 72,
              height: 6,
              backgroundColor: colors.accent,
              marginBottom: 20,
            }}
          />
          <CardText fitted={text.kind!} color={colors.onPrimaryMuted} />
          <div style={{ display: 'flex', marginTop: 14 }}>
            <CardText fitted={text.title!} color={colors.onPrimary} />
          </div>
          {text.subtitle && (
            <div style={{ display: 'flex', marginTop: 16 }}>
              <CardText fitted={text.subtitle} color={colors.onPrimaryMuted} />
            </div>
          )}
        </div>
        <div style={{ display: 'flex', padding: `0 ${OG.margin}px 40px` }}>
          <CardText fitted={text.when!} color={colors.onPrimary} />
        </div>
        <div style={{ display: 'flex', height: 12, backgroundColor: colors.accent }} />
      </div>
    );
  },
};

/** One recommendation: its number large in the accent colour, then its headline or short form. */
export const recommendationCard: CardLayout<RecommendationCardData> = {
  ...PORTRAIT,
  boxes: (data) => ({
    ...bandBoxes(data.frame),
    number: {
      field: 'recommendations',
      text: String(data.number).padStart(2, '0'),
      face: data.frame.faces.heading,
      sizes: [200],
      lineHeight: 1,
      width: portraitInner,
      maxLines: 1,
    },
    label: {
      field: 'headings.recommendations',
      text: `${data.heading} · ${data.number} of ${data.total}`.toUpperCase(),
      face: data.frame.faces.bodyBold,
      sizes: [24, 22, 20],
      lineHeight: 1.3,
      width: portraitInner,
      maxLines: 1,
      letterSpacing: 3,
    },
    text: {
      field: data.field,
      remedy: data.remedy,
      text: data.text,
      face: data.frame.faces.heading,
      sizes: [68, 62, 56, 52, 48, 44, 40],
      lineHeight: 1.2,
      width: portraitInner,
      maxHeight: 500,
    },
    ...footBoxes(data.frame),
  }),
  render: (data, text) => {
    const { colors } = data.frame;
    return (
      <Portrait frame={data.frame}>
        <Band frame={data.frame} text={text} />
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            flexGrow: 1,
            padding: `64px ${PORTRAIT.margin}px 40px`,
          }}
        >
          <CardText fitted={text.number!} color={colors.accent} />
          <div
            style={{
              display: 'flex',
              marginTop: 12,
              paddingBottom: 28,
              marginBottom: 36,
              borderBottom: `3px solid ${colors.tint}`,
            }}
          >
            <CardText fitted={text.label!} color={colors.muted} />
          </div>
          <CardText fitted={text.text!} color={colors.heading} />
        </div>
        <Foot frame={data.frame} text={text} />
      </Portrait>
    );
  },
};

const AVATAR = 220;

/** One speaker: photo or initials, name and affiliation, and one point's short form as a quotation. */
export const speakerCard: CardLayout<SpeakerCardData> = {
  ...PORTRAIT,
  boxes: (data) => {
    const beside = portraitInner - AVATAR - 48;
    const { faces } = data.frame;
    return {
      ...bandBoxes(data.frame),
      ...(!data.photo && {
        initials: {
          field: `${data.person}.name`,
          text: data.initials,
          face: faces.heading,
          sizes: [96, 80, 64],
          lineHeight: 1,
          width: AVATAR - 40,
          maxLines: 1,
          align: 'center',
        },
      }),
      role: {
        field: `${data.person}`,
        text: data.role.toUpperCase(),
        face: faces.bodyBold,
        sizes: [24, 22],
        lineHeight: 1.3,
        width: beside,
        maxLines: 1,
        letterSpacing: 3,
      },
      name: {
        field: `${data.person}.name`,
        text: data.name,
        face: faces.heading,
        sizes: [56, 50, 44, 40],
        lineHeight: 1.15,
        width: beside,
        maxLines: 2,
      },
      ...(data.affiliation && {
        affiliation: {
          field: `${data.person}.affiliation`,
          text: data.affiliation,
          face: faces.body,
          sizes: [28, 26, 24, 22],
          lineHeight: 1.35,
          width: beside,
          maxHeight: 120,
          lineBreaks: true,
        },
      }),
      mark: {
        field: 'decoration',
        text: '“',
        face: faces.heading,
        sizes: [150],
        lineHeight: 0.6,
        width: 120,
        maxLines: 1,
      },
      quote: {
        field: data.field,
        remedy: data.remedy,
        text: data.quote,
        face: faces.quote,
        sizes: [58, 54, 50, 46, 42, 38, 34],
        lineHeight: 1.3,
        width: portraitInner,
        maxHeight: 400,
      },
      ...footBoxes(data.frame),
    };
  },
  render: (data, text) => {
    const { colors } = data.frame;
    const avatar = data.photo ? (
      <img
        src={data.photo.src}
        width={AVATAR}
        height={AVATAR}
        style={{ borderRadius: AVATAR / 2, border: `6px solid ${colors.tint}` }}
      />
    ) : (
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: AVATAR,
          height: AVATAR,
          borderRadius: AVATAR / 2,
          backgroundColor: colors.primary,
          border: `6px solid ${colors.tint}`,
        }}
      >
        <div style={{ display: 'flex', justifyContent: 'center', width: AVATAR - 40 }}>
          <CardText fitted={text.initials!} color={colors.onPrimary} />
        </div>
      </div>
    );
    return (
      <Portrait frame={data.frame}>
        <Band frame={data.frame} text={text} />
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            flexGrow: 1,
            padding: `56px ${PORTRAIT.margin}px 32px`,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center' }}>
            <div style={{ display: 'flex', flexShrink: 0, marginRight: 48 }}>{avatar}</div>
            <div style={{ display: 'flex', flexDirection: 'column' }}>
              <CardText fitted={text.role!} color={colors.accent} />
              <div style={{ display: 'flex', marginTop: 8 }}>
                <CardText fitted={text.name!} color={colors.heading} />
              </div>
              {text.affiliation && (
                <div style={{ display: 'flex', marginTop: 12 }}>
                  <CardText fitted={text.affiliation} color={colors.muted} />
                </div>
              )}
            </div>
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', marginTop: 44 }}>
            <CardText fitted={text.mark!} color={colors.accent} />
            <CardText fitted={text.quote!} color={colors.text} />
          </div>
        </div>
        <Foot frame={data.frame} text={text} />
      </Portrait>
    );
  },
};
