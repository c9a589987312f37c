import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { BookmarkedView } from './BookmarkedView.ts';
import { keep } from './keep.ts';
import { type, type Theme } from './theme.ts';

interface Props {
  title: string;
  theme: Theme;
  /** The section's blocks in order, each free to break across pages at lines and items. */
  blocks: ReactNode[];
}

/**
 * A section: heading with the accent rule, an outline entry, then its blocks.
 * The heading keeps company with the first lines of what follows, never with a
 * whole block (see keep.ts): a block taller than a page breaks at its lines.
 */
export function Section({ title, theme, blocks }: Props) {
  return (
    <BookmarkedView tag="Sect" bookmark={{ title, expanded: true }} style={{ marginBottom: 18 }}>
      <View wrap={false} minPresenceAhead={keep.heading} style={{ marginBottom: 12 }}>
        <Text
          tag="H1"
          style={{
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: type.h1,
            color: theme.colors.heading,
            lineHeight: 1.25,
          }}
        >
          {title}
        </Text>
        <View style={{ width: 36, height: 3, backgroundColor: theme.colors.accent, marginTop: 6 }} />
      </View>
      {blocks}
    </BookmarkedView>
  );
}
