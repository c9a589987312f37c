import { View } from '@react-pdf/renderer';
import type { Inline, Paragraphs as ParagraphsModel } from '../../scripts/lib/model/inline.ts';
import { RichText } from './RichText.tsx';
import { type, type Theme } from './theme.ts';

/** One body paragraph with the brief's leading and spacing; `first` in a panel carries the panel's top inset
 * as its own margin. */
export function Paragraph({ runs, theme, first }: { runs: Inline; theme: Theme; first?: boolean }) {
  return (
    <RichText
      runs={runs}
      linkColor={theme.colors.accent}
      style={{
        fontSize: type.body,
        lineHeight: type.bodyLeading,
        marginBottom: 8,
        marginTop: first ? 14 : 0,
        color: theme.colors.text,
      }}
    />
  );
}

/** Body paragraphs in one block; each still breaks at its lines. */
export function Paragraphs({ paragraphs, theme }: { paragraphs: ParagraphsModel; theme: Theme }) {
  return (
    <View>
      {paragraphs.map((runs, i) => (
        <Paragraph key={i} runs={runs} theme={theme} />
      ))}
    </View>
  );
}
