import { View } from '@react-pdf/renderer';
import type { Paragraphs as ParagraphsModel } from '../../scripts/lib/model/inline.ts';
import { RichText } from './RichText.tsx';
import { type, type Theme } from './theme.ts';

/** Body paragraphs with the brief's leading and spacing. */
export function Paragraphs({ paragraphs, theme }: { paragraphs: ParagraphsModel; theme: Theme }) {
  return (
    <View>
      {paragraphs.map((runs, i) => (
        <RichText
          key={i}
          runs={runs}
          linkColor={theme.colors.accent}
          style={{ fontSize: type.body, lineHeight: type.bodyLeading, marginBottom: 8, color: theme.colors.text }}
        />
      ))}
    </View>
  );
}
