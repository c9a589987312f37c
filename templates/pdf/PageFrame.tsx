import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { fillLabel } from '../../scripts/lib/model/labels.ts';
import type { Report } from '../../scripts/lib/model/types.ts';
import { page, type, type Theme } from './theme.ts';

interface ChromeProps {
  report: Report;
  theme: Theme;
  children?: ReactNode;
  pageNumber?: number;
  totalPages?: number;
}

/**
 * The body pages' frame, given to react-pdf's Page `layout` prop: it runs once
 * per output page with the page's content as children. Unlike `fixed` elements
 * with a `render` page-number callback, which re-lay out the document at every
 * page break, this keeps pagination linear (diegomura/react-pdf#3502).
 */
export function PageChrome({ report, theme, children, pageNumber = 1, totalPages = 1 }: ChromeProps) {
  return (
    <View style={{ flexGrow: 1, paddingHorizontal: page.marginX, paddingTop: 30, paddingBottom: 26 }}>
      <RunningHeader report={report} theme={theme} />
      <View style={{ flexGrow: 1 }}>{children}</View>
      <RunningFooter report={report} theme={theme} pageNumber={pageNumber} totalPages={totalPages} />
    </View>
  );
}

/** Running header (organisation, label, short title) repeated on every body page. */
export function RunningHeader({ report, theme }: { report: Report; theme: Theme }) {
  return (
    <View
      artifact="header"
      style={{
        flexDirection: 'row',
        justifyContent: 'space-between',
        borderBottomWidth: 0.6,
        borderBottomColor: theme.colors.tint,
        paddingBottom: 7,
        marginBottom: 26,
      }}
    >
      {/* One line each, cut with "…" where too long (a long label or title printed over the other, issue 11). */}
      <Text
        style={{
          flex: 1,
          marginRight: 16,
          maxLines: 1,
          textOverflow: 'ellipsis',
          fontSize: type.label,
          color: theme.colors.heading,
          fontWeight: 700,
          letterSpacing: 1.2,
        }}
      >
        {report.brand.organisation.full.toUpperCase()}
        <Text style={{ color: theme.colors.accent }}>{'  |  '}</Text>
        <Text style={{ color: theme.colors.muted, fontWeight: 400 }}>{report.label.toUpperCase()}</Text>
      </Text>
      <Text
        style={{
          maxWidth: 260,
          maxLines: 1,
          textOverflow: 'ellipsis',
          fontSize: type.label,
          color: theme.colors.muted,
          textAlign: 'right',
        }}
      >
        {report.event.titleText}
      </Text>
    </View>
  );
}

/** Running footer: event and date on the left, "Page N of M" on the right. */
export function RunningFooter({
  report,
  theme,
  pageNumber,
  totalPages,
}: {
  report: Report;
  theme: Theme;
  pageNumber: number;
  totalPages: number;
}) {
  return (
    <View
      artifact="footer"
      style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center', marginTop: 16 }}
    >
      {/* One line, leaving room for "Page 999 of 999": a long kind was printed over the page number. */}
      <Text
        style={{
          maxWidth: page.width - 2 * page.marginX - 110,
          maxLines: 1,
          textOverflow: 'ellipsis',
          fontSize: type.label,
          color: theme.colors.muted,
        }}
      >
        {report.event.kind} · {report.event.dateText}
      </Text>
      <View style={{ flexDirection: 'row', alignItems: 'center' }}>
        <View style={{ width: 14, height: 2, backgroundColor: theme.colors.accent, marginRight: 6 }} />
        <Text style={{ fontSize: type.label, color: theme.colors.heading, fontWeight: 700 }}>
          {fillLabel(report.labels.page, { page: pageNumber, pages: totalPages })}
        </Text>
      </View>
    </View>
  );
}
