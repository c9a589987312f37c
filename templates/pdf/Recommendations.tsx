import { Text, View } from '@react-pdf/renderer';
import type { Recommendation } from '../../scripts/lib/model/types.ts';
import { RichText } from './RichText.tsx';
import { Section } from './Section.tsx';
import { type, type Theme } from './theme.ts';

/** Numbered recommendations, each kept whole on a page, the number in the accent colour. */
export function Recommendations({
  title,
  recommendations,
  theme,
}: {
  title: string;
  recommendations: Recommendation[];
  theme: Theme;
}) {
  // One numbered list in the tagged PDF, though the first item sits in the heading's block.
  const list = { tag: 'L' as const };
  const item = (rec: Recommendation, i: number) => (
    <View key={i} tag="LI" tagParent={list} wrap={false} style={{ flexDirection: 'row', marginBottom: 10 }}>
      <View style={{ width: 30 }}>
        <Text
          tag="Lbl"
          style={{
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: 15,
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
