import { Text, View } from '@react-pdf/renderer';
import { figuresWidth } from '../../scripts/lib/layout/pdf-measure.ts';
import type { FontFamily, Recommendation } from '../../scripts/lib/model/types.ts';
import { RichText } from './RichText.tsx';
import { Section } from './Section.tsx';
import { type, type Theme } from './theme.ts';

/** The number's size; a number column of NUMBER_COLUMN pt holds "01" to "99". */
const NUMBER_SIZE = 15;
const NUMBER_COLUMN = 30;

/**
 * The number column's width: 30 pt for up to 99 recommendations; for more,
 * as wide as the longest number needs in the heading font (its widest
 * figures), with the room "99" leaves. "1000" (the limit, README "Limits")
 * was wider than 30 pt and ran into the rule beside the text.
 */
export function numberColumnWidth(count: number, font: FontFamily, weight: number): number {
  const digits = String(count).length;
  if (digits <= 2) return NUMBER_COLUMN;
  return Math.max(NUMBER_COLUMN, Math.ceil(figuresWidth(font, weight, NUMBER_SIZE, digits)) + 8);
}

/** Numbered recommendations, each kept whole on a page, the number in the accent colour. */
export function Recommendations({
  title,
  recommendations,
  theme,
  numberWidth = NUMBER_COLUMN,
}: {
  title: string;
  recommendations: Recommendation[];
  theme: Theme;
  /** The number column's width (numberColumnWidth). */
  numberWidth?: number;
}) {
  // One numbered list in the tagged PDF, though the first item sits in the heading's block.
  const list = { tag: 'L' as const };
  const item = (rec: Recommendation, i: number) => (
    <View key={i} tag="LI" tagParent={list} wrap={false} style={{ flexDirection: 'row', marginBottom: 10 }}>
      <View style={{ width: numberWidth }}>
        <Text
          tag="Lbl"
          style={{
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: NUMBER_SIZE,
            color: theme.colors.accent,
            lineHeight: 1.1,
          }}
        >
          {String(i + 1).padStart(2, '0')}
        </Text>
      </View>
      <View
        tag="LBody"
        style={{ flex: 1, borderLeftWidth: 0.8, borderLeftColor: theme.colors.tint, paddingLeft: 12 }}
      >
        {rec.headline && (
          <RichText
            tag="P"
            runs={rec.headline}
            linkColor={theme.colors.accent}
            style={{
              fontWeight: 700,
              fontSize: type.body + 0.6,
              color: theme.colors.heading,
              lineHeight: 1.35,
              marginBottom: 3,
            }}
          />
        )}
        {rec.text.map((runs, j) => (
          <RichText
            key={j}
            tag="P"
            runs={runs}
            linkColor={theme.colors.accent}
            style={{
              fontSize: type.body,
              lineHeight: type.bodyLeading,
              color: theme.colors.text,
              marginBottom: j < rec.text.length - 1 ? 5 : 0,
            }}
          />
        ))}
      </View>
    </View>
  );
  return <Section title={title} theme={theme} blocks={recommendations.map(item)} />;
}
