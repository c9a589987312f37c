import { Text, View } from '@react-pdf/renderer';
import type { Report } from '../../scripts/lib/model/types.ts';
import { keep } from './keep.ts';
import { Paragraphs } from './Paragraphs.tsx';
import { RichText } from './RichText.tsx';
import { Section } from './Section.tsx';
import { type, type Theme } from './theme.ts';

/**
 * Thanking Remarks: who gave them, then their words set as a quotation. The
 * words are a column of their own under the name, indented past the quotation
 * mark, not the second cell of a row: @react-pdf/paginate breaks a column
 * across pages but never a row, so remarks longer than a page were squeezed
 * onto one and printed over each other (issue 11). The mark sits in the small
 * unbreakable name block, kept with the words' first lines (keep.ts).
 */
export function Thanks({
  title,
  thanks,
  theme,
}: {
  title: string;
  thanks: NonNullable<Report['thanks']>;
  theme: Theme;
}) {
  const lead = (
    <View key="thanks">
      <View
        wrap={false}
        minPresenceAhead={keep.speaker}
        style={{ paddingLeft: QUOTE_WIDTH, paddingBottom: 4 }}
      >
        <Text
          artifact="layout"
          style={{
            position: 'absolute',
            left: 0,
            top: -4,
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: 44,
            color: theme.colors.accent,
            lineHeight: 1,
            width: QUOTE_WIDTH,
          }}
        >
          “
        </Text>
        <RichText
          runs={thanks.name}
          linkColor={theme.colors.accent}
          style={{
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: type.name,
            color: theme.colors.heading,
          }}
        />
        {thanks.role && (
          <Text style={{ fontSize: type.small, color: theme.colors.muted, marginBottom: 8, lineHeight: 1.4 }}>
            {thanks.role}
          </Text>
        )}
      </View>
      <View style={{ marginLeft: QUOTE_WIDTH }}>
        <Paragraphs paragraphs={thanks.text} theme={theme} />
      </View>
    </View>
  );
  return <Section title={title} theme={theme} blocks={[lead]} />;
}

/** The hanging quotation mark's column. */
const QUOTE_WIDTH = 30;
