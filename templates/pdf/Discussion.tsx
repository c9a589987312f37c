import { View } from '@react-pdf/renderer';
import type { Report, Speaker } from '../../scripts/lib/model/types.ts';
import { Bullet } from './Bullets.tsx';
import { BookmarkedView } from './BookmarkedView.ts';
import { PersonLine } from './PersonLine.tsx';
import { Section } from './Section.tsx';
import type { PreparedImages } from './images.ts';
import type { Theme } from './theme.ts';

interface Props {
  report: Report;
  theme: Theme;
  images: PreparedImages;
}

/** Discussion Points: the hosts and how they framed the session, then each speaker with their points. */
export function Discussion({ report, theme, images }: Props) {
  const { moderators, moderation, speakers } = report;
  const hosts = moderators.length > 0 && (
    <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginBottom: 10 }}>
      {moderators.map((person, i) => (
        <View key={i} tag="Div" style={{ width: '50%', paddingRight: 10, marginBottom: 8 }}>
          <View style={{ backgroundColor: theme.colors.tint, padding: 10, borderLeftWidth: 3, borderLeftColor: theme.colors.primary }}>
            <PersonLine person={person} theme={theme} images={images} size={34} nameSize={11} />
          </View>
        </View>
      ))}
    </View>
  );
  const framing = moderation.map((runs, i) => <Bullet key={i} runs={runs} theme={theme} />);
  // The hosts and the first framing point open the section; without them the first speaker does.
  const opening = hosts || framing.length ? [<View key="hosts">{hosts}{framing[0]}</View>, ...framing.slice(1)] : [];
  const speakerBlocks = speakers.map((speaker, i) => <SpeakerBlock key={`speaker-${i}`} speaker={speaker} theme={theme} images={images} />);
  return <Section title={report.headings.discussion} theme={theme} blocks={[...opening, ...speakerBlocks]} />;
}

/** A speaker: name, affiliation and photo kept with the first point, then the other points. */
export function SpeakerBlock({ speaker, theme, images }: { speaker: Speaker; theme: Theme; images: PreparedImages }) {
  const [first, ...rest] = speaker.points;
  return (
    <BookmarkedView tag="Div" bookmark={{ title: speaker.nameText }} style={{ marginTop: 14 }}>
      <View wrap={false}>
        <View style={{ borderTopWidth: 0.8, borderTopColor: theme.colors.tint, paddingTop: 12, marginBottom: 10 }}>
          <PersonLine person={speaker} theme={theme} images={images} size={46} />
        </View>
        {first && <Bullet runs={first} theme={theme} />}
      </View>
      {rest.map((runs, i) => (
        <Bullet key={i} runs={runs} theme={theme} />
      ))}
    </BookmarkedView>
  );
}
