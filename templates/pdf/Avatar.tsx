import { Image, Text, View } from '@react-pdf/renderer';
import { fillLabel, type Labels } from '../../scripts/lib/model/labels.ts';
import type { Person } from '../../scripts/lib/model/types.ts';
import type { PreparedImages } from './images.ts';
import type { Theme } from './theme.ts';

/** A round photo, or the person's initials on a disc in the brand colour. */
export function Avatar({
  person,
  size,
  theme,
  images,
  labels,
}: {
  person: Person;
  size: number;
  theme: Theme;
  images: PreparedImages;
  labels: Labels;
}) {
  const photo = person.photo && images.get(person.photo.file);
  if (photo) {
    return (
      <Image
        alt={fillLabel(labels.photoOf, { name: person.nameText })}
        src={{ data: photo.data, format: photo.format }}
        style={{ width: size, height: size, borderRadius: size / 2, objectFit: 'cover' }}
      />
    );
  }
  return (
    // The initials repeat the name beside them: decoration, not text to read out.
    <View
      artifact="layout"
      style={{
        width: size,
        height: size,
        borderRadius: size / 2,
        backgroundColor: theme.colors.primary,
        justifyContent: 'center',
        alignItems: 'center',
      }}
    >
      <Text
        style={{
          color: theme.colors.onPrimary,
          fontFamily: theme.heading,
          fontWeight: theme.headingWeight,
          fontSize: size * 0.36,
        }}
      >
        {person.initials}
      </Text>
    </View>
  );
}
