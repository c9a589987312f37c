import { Circle, Image, Page, Svg, Text, View } from '@react-pdf/renderer';
import { lineCount } from '../../scripts/lib/layout/pdf-measure.ts';
import type { Report } from '../../scripts/lib/model/types.ts';
import { RichText } from './RichText.tsx';
import type { PreparedImages } from './images.ts';
import { page, type, withAlpha, type Theme } from './theme.ts';

/** Title and subtitle sizes, largest first: a long title is set smaller before the cover runs out of room. */
const SIZES: [title: number, subtitle: number][] = [
  [type.coverTitle, type.coverSubtitle],
  [27, type.coverSubtitle],
  [27, 13],
  [23, 13],
  [19, 13],
  [19, 11],
  [16, 11],
];

/**
 * The title's and subtitle's sizes on the cover: the largest pair with which
 * the middle of the cover (kind, title, subtitle, rule, date, time and venue)
 * is estimated to fit between the logo row and the band at the foot, by the
 * fonts' advance widths (layout/pdf-measure.ts). A 60-word title fits at the
 * full 31 pt; an 80-word title and subtitle, or a one-word title of 400
 * letters, used to run onto a second page. Estimated, not laid out: a cover
 * that still runs over fails the build, naming the field (render/pdf/guard.ts).
 */
export function coverSizes(report: Report): { title: number; subtitle: number } {
  const { event, brand } = report;
  const { heading, body, headingWeight } = brand.fonts;
  const width = page.width - 2 * page.marginX - 30;
  const when = [event.timeText, event.venue].filter(Boolean).join('  ·  ');
  const topRow = Math.max(brand.logo ? 56 : 0, 13 * 1.2 + (brand.website ? 2 + type.small * 1.2 : 0));
  // The page less the top padding and logo row, the band at the foot (some 90 pt) and a margin for the estimate.
  const room = page.height - 56 - topRow - 100;
  const fixed =
    18 +
    10 +
    lineCount(event.kind.toUpperCase(), body, 700, 9, width - 20, 2.4) * 9 * 1.2 +
    48 +
    13 * 1.2 +
    (when ? 5 + lineCount(when, body, 400, 11, width) * 11 * 1.2 : 0);
  const height = ([title, subtitle]: [number, number]) =>
    fixed +
    lineCount(event.titleText, heading, headingWeight, title, width) * title * 1.15 +
    (event.subtitleText
      ? 12 + lineCount(event.subtitleText, heading, 400, subtitle, width) * subtitle * 1.35
      : 0);
  const [title, subtitle] = SIZES.find((sizes) => height(sizes) <= room) ?? SIZES.at(-1)!;
  return { title, subtitle };
}

/** The cover: full-bleed brand colour, event kind, title, date and time, venue, report label. */
export function Cover({ report, theme, images }: { report: Report; theme: Theme; images: PreparedImages }) {
  const { event, brand } = report;
  const logo = brand.logo && images.get(brand.logo.file);
  const when = [event.timeText, event.venue].filter(Boolean).join('  ·  ');
  const sizes = coverSizes(report);
  const credit = report.authors.length ? report.authors.join(', ') : brand.organisation.full;
  return (
    <Page
      tag="Sect"
      size={page.size}
      style={{ backgroundColor: theme.colors.primary, fontFamily: theme.body, color: theme.colors.onPrimary }}
    >
      <Svg width={page.width} height={page.height - 200} style={{ position: 'absolute', top: 0, left: 0 }}>
        <Circle
          cx={page.width - 40}
          cy={150}
          r={230}
          fill="none"
          stroke={theme.colors.onPrimary}
          strokeOpacity={0.07}
          strokeWidth={46}
        />
        <Circle
          cx={page.width - 40}
          cy={150}
          r={120}
          fill="none"
          stroke={theme.colors.onPrimary}
          strokeOpacity={0.05}
          strokeWidth={22}
        />
        <Circle
          cx={page.width - 96}
          cy={page.height - 290}
          r={64}
          fill="none"
          stroke={theme.colors.accent}
          strokeOpacity={0.35}
          strokeWidth={2}
        />
      </Svg>
      <View
        style={{
          flexDirection: 'row',
          alignItems: 'center',
          paddingHorizontal: page.marginX,
          paddingTop: 56,
        }}
      >
        {logo && (
          <Image
            alt={`${brand.organisation.full} logo`}
            src={{ data: logo.data, format: logo.format }}
            style={{ width: 56, height: 56, marginRight: 14 }}
          />
        )}
        <View style={{ flex: 1 }}>
          <Text style={{ fontSize: 13, fontFamily: theme.heading, fontWeight: theme.headingWeight }}>
            {brand.organisation.full}
          </Text>
          {brand.website && (
            <Text
              style={{ fontSize: type.small, color: withAlpha(theme.colors.onPrimary, 0.7), marginTop: 2 }}
            >
              {brand.website.replace(/^https?:\/\//, '')}
            </Text>
          )}
        </View>
      </View>

      <View
        style={{
          flexGrow: 1,
          justifyContent: 'center',
          paddingHorizontal: page.marginX,
          paddingRight: page.marginX + 30,
        }}
      >
        <View style={{ flexDirection: 'row', marginBottom: 18 }}>
          <Text
            style={{
              backgroundColor: theme.colors.accent,
              color: theme.colors.onAccent,
              fontSize: 9,
              fontWeight: 700,
              letterSpacing: 2.4,
              paddingHorizontal: 10,
              paddingVertical: 5,
            }}
          >
            {event.kind.toUpperCase()}
          </Text>
        </View>
        <RichText
          tag="H1"
          runs={event.title}
          linkColor={theme.colors.onPrimary}
          style={{
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: sizes.title,
            lineHeight: 1.15,
          }}
        />
        {event.subtitle && (
          <RichText
            runs={event.subtitle}
            linkColor={theme.colors.onPrimary}
            style={{
              fontFamily: theme.heading,
              fontSize: sizes.subtitle,
              lineHeight: 1.35,
              color: withAlpha(theme.colors.onPrimary, 0.82),
              marginTop: 12,
            }}
          />
        )}
        <View
          style={{
            width: 64,
            height: 4,
            backgroundColor: theme.colors.accent,
            marginTop: 26,
            marginBottom: 18,
          }}
        />
        <Text style={{ fontSize: 13, fontWeight: 700 }}>{event.dateText}</Text>
        {when && (
          <Text style={{ fontSize: 11, color: withAlpha(theme.colors.onPrimary, 0.78), marginTop: 5 }}>
            {when}
          </Text>
        )}
      </View>

      <View
        style={{
          backgroundColor: theme.colors.background,
          paddingHorizontal: page.marginX,
          paddingVertical: 22,
          flexDirection: 'row',
          justifyContent: 'space-between',
          alignItems: 'center',
        }}
      >
        {/* Takes what the credit leaves and wraps: a long label or kind ran under the credit (issue 11). */}
        <View style={{ flex: 1, marginRight: 24 }}>
          <Text style={{ fontSize: 8, letterSpacing: 2, color: theme.colors.muted }}>
            {event.kind.toUpperCase()} · {event.shortDateText.toUpperCase()}
          </Text>
          <Text
            style={{
              fontFamily: theme.heading,
              fontWeight: theme.headingWeight,
              fontSize: 17,
              color: theme.colors.heading,
              marginTop: 3,
              letterSpacing: 0.6,
            }}
          >
            {report.label}
          </Text>
        </View>
        <View style={{ alignItems: 'flex-end', maxWidth: 220 }}>
          <Text style={{ fontSize: 8, letterSpacing: 2, color: theme.colors.muted }}>
            {report.labels.preparedBy.toLocaleUpperCase(report.language)}
          </Text>
          <Text
            style={{
              fontSize: 10,
              fontWeight: 700,
              color: theme.colors.text,
              marginTop: 3,
              textAlign: 'right',
            }}
          >
            {credit}
          </Text>
        </View>
      </View>
      <View style={{ height: 8, backgroundColor: theme.colors.accent }} />
    </Page>
  );
}
