import { View } from '@react-pdf/renderer';
import type { Inline } from '../../scripts/lib/model/inline.ts';
import { RichText } from './RichText.tsx';
import { type, type Theme } from './theme.ts';

/** One point with the brand's square marker; points are never split from their marker. */
export function Bullet({ runs, theme }: { runs: Inline; theme: Theme }) {
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginBottom: 6 }}>
      <View style={{ width: 5, height: 5, backgroundColor: theme.colors.accent, marginTop: 5.2, marginRight: 10 }} />
      <RichText
        runs={runs}
        linkColor={theme.colors.accent}
        style={{ flex: 1, fontSize: type.body, lineHeight: type.bodyLeading, color: theme.colors.text }}
      />
    </View>
  );
}
