import { View } from '@react-pdf/renderer';
import type { Inline, Paragraphs as ParagraphsModel } from '../../scripts/lib/model/inline.ts';
import { RichText } from './RichText.tsx';
import { type, type Theme } from './theme.ts';

/** One body paragraph with the brief's leading and spacing. */
export function Paragraph({ runs, theme }: { runs: Inline; theme: Theme }) {
  return (
    <RichText runs={runs} linkColor={theme.colors.accent} style={{ fontSize: type.body, lineHeight: type.bodyLeading, marginBottom: 8, color: theme.colors.text }} />
  );
}

/** Body paragraphs, kept in one block. */
export function Paragraphs({ paragraphs, theme }: { paragraphs: ParagraphsModel; theme: Theme }) {
  return (
    <View>
      {paragraphs.map((runs, i) => (
        <Paragraph key={i} runs={runs} theme={theme} />
      ))}
    </View>
  );
}
