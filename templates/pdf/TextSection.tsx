import { View } from '@react-pdf/renderer';
import type { Paragraphs as ParagraphsModel } from '../../scripts/lib/model/inline.ts';
import { Paragraph } from './Paragraphs.tsx';
import { Section } from './Section.tsx';
import type { Theme } from './theme.ts';

interface Props {
  title: string;
  paragraphs: ParagraphsModel;
  theme: Theme;
  /** Set off on a tinted panel, as the executive summary is. */
  panel?: boolean;
}

/** A section of running text: framework, summary, conclusion. Each paragraph breaks at its lines. */
export function TextSection({ title, paragraphs, theme, panel }: Props) {
  const body = paragraphs.map((runs, i) => (
    <Paragraph key={i} runs={runs} theme={theme} first={panel && i === 0} />
  ));
  const blocks = panel
    ? [
        // No top padding: the panel starts with its first paragraph's lines, which keep with the heading (keep.ts).
        <View
          key={0}
          style={{
            backgroundColor: theme.colors.tint,
            paddingHorizontal: 16,
            paddingBottom: 6,
            borderLeftWidth: 3,
            borderLeftColor: theme.colors.accent,
          }}
        >
          {body}
        </View>,
      ]
    : body;
  return <Section title={title} theme={theme} blocks={blocks} />;
}
