import { View } from '@react-pdf/renderer';
import type { Paragraphs as ParagraphsModel } from '../../scripts/lib/model/inline.ts';
import { Paragraphs } from './Paragraphs.tsx';
import { Section } from './Section.tsx';
import type { Theme } from './theme.ts';

interface Props {
  title: string;
  paragraphs: ParagraphsModel;
  theme: Theme;
  /** Set off on a tinted panel, as the executive summary is. */
  panel?: boolean;
  breakBefore?: boolean;
}

/** A section of running text: framework, summary, conclusion. */
export function TextSection({ title, paragraphs, theme, panel, breakBefore }: Props) {
  const [first = [], ...rest] = paragraphs;
  const box = panel ? { backgroundColor: theme.colors.tint, paddingHorizontal: 16, paddingTop: 14, paddingBottom: 6, borderLeftWidth: 3, borderLeftColor: theme.colors.accent } : {};
  if (panel) {
    return (
      <Section title={title} theme={theme} breakBefore={breakBefore} lead={<View style={box}><Paragraphs paragraphs={paragraphs} theme={theme} /></View>} />
    );
  }
  return (
    <Section title={title} theme={theme} breakBefore={breakBefore} lead={<Paragraphs paragraphs={[first]} theme={theme} />}>
      <Paragraphs paragraphs={rest} theme={theme} />
    </Section>
  );
}
