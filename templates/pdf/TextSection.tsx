import { View } from '@react-pdf/renderer';
import type { Paragraphs as ParagraphsModel } from '../../scripts/lib/model/inline.ts';
import { Paragraph, Paragraphs } from './Paragraphs.tsx';
import { Section } from './Section.tsx';
import type { Theme } from './theme.ts';

interface Props {
  title: string;
  paragraphs: ParagraphsModel;
  theme: Theme;
  /** Set off on a tinted panel, as the executive summary is. */
  panel?: boolean;
}

/** A section of running text: framework, summary, conclusion. */
export function TextSection({ title, paragraphs, theme, panel }: Props) {
  const blocks = panel
    ? [
        <View key={0} style={{ backgroundColor: theme.colors.tint, paddingHorizontal: 16, paddingTop: 14, paddingBottom: 6, borderLeftWidth: 3, borderLeftColor: theme.colors.accent }}>
          <Paragraphs paragraphs={paragraphs} theme={theme} />
        </View>,
      ]
    : paragraphs.map((runs, i) => <Paragraph key={i} runs={runs} theme={theme} />);
  return <Section title={title} theme={theme} blocks={blocks} />;
}
