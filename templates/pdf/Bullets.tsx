import { View } from '@react-pdf/renderer';
import type { Inline } from '../../scripts/lib/model/inline.ts';
import { RichText } from './RichText.tsx';
import { type, type Theme } from './theme.ts';

/**
 * One point with the brand's square marker. A point breaks across pages at
 * its lines like a paragraph (two lines at least on each side), so a long
 * point never overprints; the marker stays with its first line.
 */
export function Bullet({ runs, theme }: { runs: Inline; theme: Theme }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 6 }}>
      <View
        style={{ width: 5, height: 5, backgroundColor: theme.colors.accent, marginTop: 5.2, marginRight: 10 }}
      />
      <RichText
        runs={runs}
        linkColor={theme.colors.accent}
        style={{ flex: 1, fontSize: type.body, lineHeight: type.bodyLeading, color: theme.colors.text }}
      />
    </View>
  );
}
