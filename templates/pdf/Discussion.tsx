import { Text, View } from '@react-pdf/renderer';
import type { Person, Report, Speaker } from '../../scripts/lib/model/types.ts';
import { fillLabel, type Labels } from '../../scripts/lib/model/labels.ts';
import { Bullet } from './Bullets.tsx';
import { BookmarkedView } from './BookmarkedView.ts';
import { keep } from './keep.ts';
import { PersonLine } from './PersonLine.tsx';
import { Section } from './Section.tsx';
import type { PreparedImages } from './images.ts';
import { type, type Theme } from './theme.ts';

interface Props {
  report: Report;
  theme: Theme;
  images: PreparedImages;
}

/** Discussion Points: the hosts and how they framed the session, then each speaker with their points. */
export function Discussion({ report, theme, images }: Props) {
  const { moderators, moderation, speakers } = report;
  // Hosts two to a row, each row kept whole: a list of any length breaks between rows.
  const rows: Person[][] = [];
  for (let i = 0; i < moderators.length; i += 2) rows.push(moderators.slice(i, i + 2));
  const hosts = rows.map((pair, r) => (
    <View
      key={`hosts-${r}`}
      wrap={false}
      style={{ flexDirection: 'row', marginBottom: r === rows.length - 1 ? 18 : 8 }}
    >
      {pair.map((person, i) => (
        <View key={i} tag="Div" style={{ width: '50%', paddingRight: 10 }}>
          <View
            style={{
              backgroundColor: theme.colors.tint,
              padding: 10,
              borderLeftWidth: 3,
              borderLeftColor: theme.colors.primary,
            }}
          >
            <PersonLine
              person={person}
              theme={theme}
              images={images}
              labels={report.labels}
              size={34}
              nameSize={11}
            />
          </View>
        </View>
      ))}
    </View>
  ));
  const framing = moderation.map((runs, i) => <Bullet key={`framing-${i}`} runs={runs} theme={theme} />);
  const speakerBlocks = speakers.map((speaker, i) => (
    <SpeakerBlock
      key={`speaker-${i}`}
      speaker={speaker}
      theme={theme}
      images={images}
      labels={report.labels}
    />
  ));
  return (
    <Section
      title={report.headings.discussion}
      theme={theme}
      blocks={[...hosts, ...framing, ...speakerBlocks]}
    />
  );
}

/**
 * A speaker: name, affiliation and photo with the first lines of the first
 * point, then the other points, breaking between and inside points. On every
 * page the speaker continues onto, a running line "Name (continued)" heads
 * the points (see ContinuedLine).
 */
export function SpeakerBlock({
  speaker,
  theme,
  images,
  labels,
}: {
  speaker: Speaker;
  theme: Theme;
  images: PreparedImages;
  labels: Labels;
}) {
  const pages: SpeakerPages = { heading: 0 };
  return (
    <BookmarkedView tag="Div" bookmark={{ title: speaker.nameText }}>
      {/* The block starts with this View, not with a margin of its own: see keep.ts. */}
      <View
        wrap={false}
        minPresenceAhead={keep.speaker}
        style={{
          marginTop: 14,
          borderTopWidth: 0.8,
          borderTopColor: theme.colors.tint,
          paddingTop: 12,
          marginBottom: 10,
        }}
        render={({ pageNumber }) => {
          pages.heading = pageNumber;
          return <PersonLine person={speaker} theme={theme} images={images} labels={labels} size={46} />;
        }}
      />
      <ContinuedLine
        text={fillLabel(labels.continued, { name: speaker.nameText })}
        pages={pages}
        theme={theme}
      />
      {speaker.points.map((runs, i) => (
        <Bullet key={i} runs={runs} theme={theme} />
      ))}
    </BookmarkedView>
  );
}

/** The page a speaker's heading was last laid out on, written by the heading, read by its ContinuedLine. */
interface SpeakerPages {
  heading: number;
}

/**
 * "Dr. X (continued)" at the top of each page a speaker's points continue on.
 *
 * Documented react-pdf only: a `fixed` node is repeated at the head of every
 * page its parent View continues onto, and `render` is called with the page
 * each node is laid out on. What react-pdf does not say is whether that page
 * is the speaker's first, so the heading notes its page as it is laid out,
 * and the line shows only on a later page. This holds because react-pdf lays
 * out (and re-lays out, when a block moves to the next page, and again when a
 * footer reads the page count) a heading before what follows it in the same
 * View, and because no page break may fall between the heading and this line
 * (both have minPresenceAhead, keep.ts). On the heading's own page it renders
 * nothing and takes no height. It is an artifact: a screen reader has read
 * the name already.
 */
function ContinuedLine({ text, pages, theme }: { text: string; pages: SpeakerPages; theme: Theme }) {
  return (
    <View
      fixed
      minPresenceAhead={keep.speaker}
      render={({ pageNumber }) =>
        pageNumber > pages.heading && (
          <Text
            artifact="pagination"
            style={{
              fontSize: type.small,
              fontWeight: 700,
              letterSpacing: 0.4,
              color: theme.colors.muted,
              marginBottom: 8,
            }}
          >
            {text}
          </Text>
        )
      }
    />
  );
}
