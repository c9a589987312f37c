import { Link, Text, View } from '@react-pdf/renderer';
import type { Report } from '../../scripts/lib/model/types.ts';
import { contactChannels } from '../../scripts/lib/model/contact.ts';
import { BookmarkedView } from './BookmarkedView.ts';
import { type, type Theme } from './theme.ts';

/** The closing block: organisation and how to reach it, with live links. */
export function ContactBlock({ report, theme }: { report: Report; theme: Theme }) {
  const { contact, brand } = report;
  const rows: [string, React.ReactNode][] = contactChannels(contact, report.labels.contact).map(
    ({ label, text, href }) => [
      label,
      href ? (
        <Link src={href} style={{ color: theme.colors.onPrimary, textDecoration: 'none' }}>
          {text}
        </Link>
      ) : (
        <Text>{text}</Text>
      ),
    ],
  );
  if (rows.length === 0) return null;
  return (
    <BookmarkedView
      tag="Sect"
      wrap={false}
      bookmark={{ title: report.headings.contact }}
      style={{ marginTop: 18, backgroundColor: theme.colors.primary, padding: 20, flexDirection: 'row' }}
    >
      <View
        style={{ width: 150, paddingRight: 14, borderRightWidth: 0.8, borderRightColor: theme.colors.accent }}
      >
        <Text
          tag="H1"
          style={{
            fontSize: type.label,
            letterSpacing: 1.4,
            color: theme.colors.onPrimaryMuted,
            fontWeight: 700,
          }}
        >
          {report.headings.contact.toUpperCase()}
        </Text>
        <Text
          style={{
            fontFamily: theme.heading,
            fontWeight: theme.headingWeight,
            fontSize: 14,
            color: theme.colors.onPrimary,
            marginTop: 6,
            lineHeight: 1.25,
          }}
        >
          {brand.organisation.full}
        </Text>
      </View>
      <View style={{ flex: 1, paddingLeft: 16 }}>
        {rows.map(([label, value], i) => (
          <View key={i} tag="P" style={{ flexDirection: 'row', marginBottom: 4 }}>
            <Text style={{ width: 52, fontSize: type.small, color: theme.colors.onPrimaryMuted }}>
              {label}
            </Text>
            <Text
              style={{
                flex: 1,
                fontSize: type.small + 0.8,
                color: theme.colors.onPrimary,
                fontWeight: 700,
                lineHeight: 1.4,
              }}
            >
              {value}
            </Text>
          </View>
        ))}
      </View>
    </BookmarkedView>
  );
}
