import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { BookmarkedView } from './BookmarkedView.ts';
import { type, type Theme } from './theme.ts';

interface Props {
  title: string;
  theme: Theme;
  /** The section's blocks in order; the first is kept on the same page as the heading. */
  blocks: ReactNode[];
}

/**
 * A section: heading with the accent rule, an outline entry, and its first
 * block kept with it, so a heading never stands alone at a page bottom.
 */
export function Section({ title, theme, blocks }: Props) {
  const [lead, ...rest] = blocks;
  return (
    <BookmarkedView tag="Sect" bookmark={{ title, expanded: true }} style={{ marginBottom: 18 }}>
      <View wrap={false}>
        <View style={{ marginBottom: 12 }}>
          <Text tag="H1" style={{ fontFamily: theme.heading, fontWeight: theme.headingWeight, fontSize: type.h1, color: theme.colors.heading, lineHeight: 1.25 }}>
            {title}
          </Text>
          <View style={{ width: 36, height: 3, backgroundColor: theme.colors.accent, marginTop: 6 }} />
        </View>
        {lead}
      </View>
      {rest}
    </BookmarkedView>
  );
}
