import { Text, View } from '@react-pdf/renderer';
import type { Report } from '../../scripts/lib/model/types.ts';
import { Paragraphs } from './Paragraphs.tsx';
import { RichText } from './RichText.tsx';
import { Section } from './Section.tsx';
import { type, type Theme } from './theme.ts';

/** Thanking Remarks: who gave them, then their words set as a quotation. */
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
    <View key="thanks" style={{ flexDirection: 'row' }}>
      <Text
        artifact="layout"
        style={{
          fontFamily: theme.heading,
          fontWeight: theme.headingWeight,
          fontSize: 44,
          color: theme.colors.accent,
          lineHeight: 1,
          width: 30,
          marginTop: -4,
        }}
      >
        “
      </Text>
      <View style={{ flex: 1 }}>
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
        <View style={{ marginTop: 4 }}>
          <Paragraphs paragraphs={thanks.text} theme={theme} />
        </View>
      </View>
    </View>
  );
  return <Section title={title} theme={theme} blocks={[lead]} />;
}
