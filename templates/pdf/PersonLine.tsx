import { Text, View } from '@react-pdf/renderer';
import type { Labels } from '../../scripts/lib/model/labels.ts';
import type { Person } from '../../scripts/lib/model/types.ts';
import { Avatar } from './Avatar.tsx';
import { RichText } from './RichText.tsx';
import type { PreparedImages } from './images.ts';
import { type, type Theme } from './theme.ts';

interface Props {
  person: Person;
  theme: Theme;
  images: PreparedImages;
  labels: Labels;
  size: number;
  nameSize?: number;
}

/** Photo or initials, then the name, role and affiliation lines: used for hosts and speakers. */
export function PersonLine({ person, theme, images, labels, size, nameSize = type.name }: Props) {
  const role = [person.role, ...person.affiliation];
  return (
    <View style={{ flexDirection: 'row', alignItems: 'center' }}>
      <Avatar person={person} size={size} theme={theme} images={images} labels={labels} />
      <View style={{ marginLeft: 12, flex: 1 }}>
        <RichText
          tag="H2"
          runs={person.name}
          linkColor={theme.colors.accent}
          style={{
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: nameSize,
            color: theme.colors.heading,
            lineHeight: 1.25,
          }}
        />
        {role.filter(Boolean).map((line, i) => (
          <Text key={i} style={{ fontSize: type.small, color: theme.colors.muted, lineHeight: 1.4 }}>
            {line}
          </Text>
        ))}
      </View>
    </View>
  );
}
