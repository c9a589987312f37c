import { Image, View } from '@react-pdf/renderer';
import { plain } from '../../scripts/lib/model/inline.ts';
import { fillLabel, type Labels } from '../../scripts/lib/model/labels.ts';
import type { Highlight } from '../../scripts/lib/model/types.ts';
import { RichText } from './RichText.tsx';
import { Section } from './Section.tsx';
import { placed, type PreparedImages } from './images.ts';
import { type, type Theme } from './theme.ts';

/** Event photos or screenshots in a two-column grid, each with its caption. */
export function Highlights({
  title,
  highlights,
  theme,
  images,
  labels,
}: {
  title: string;
  highlights: Highlight[];
  theme: Theme;
  images: PreparedImages;
  labels: Labels;
}) {
  const rows: Highlight[][] = [];
  for (let i = 0; i < highlights.length; i += 2) rows.push(highlights.slice(i, i + 2));
  const row = (items: Highlight[], key: number) => (
    <View
      key={key}
      wrap={false}
      style={{ flexDirection: 'row', justifyContent: 'space-between', marginBottom: 14 }}
    >
      {items.map((h, i) => {
        const image = images.get(h.image.file);
        return (
          <View key={i} style={{ width: placed.highlight.widthPt }}>
            {image && (
              <Image
                alt={altText(h, key * 2 + i, highlights.length, labels)}
                src={{ data: image.data, format: image.format }}
                style={{
                  width: placed.highlight.widthPt,
                  height: placed.highlight.heightPt,
                  objectFit: 'cover',
                }}
              />
            )}
            <View style={{ height: 2, backgroundColor: theme.colors.accent, width: 28, marginTop: 6 }} />
            {h.caption && (
              <RichText
                runs={h.caption}
                linkColor={theme.colors.accent}
                style={{ fontSize: type.small, color: theme.colors.muted, lineHeight: 1.4, marginTop: 4 }}
              />
            )}
          </View>
        );
      })}
    </View>
  );
  return <Section title={title} theme={theme} blocks={rows.map(row)} />;
}

/** A screen reader's description of a highlight image: its caption, or which image it is. */
function altText(highlight: Highlight, index: number, count: number, labels: Labels): string {
  return highlight.caption
    ? plain(highlight.caption)
    : fillLabel(labels.eventImage, { number: index + 1, count });
}
