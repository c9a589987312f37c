import { Document, Page, type DocumentProps } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { BriefSection, Report } from '../../scripts/lib/model/types.ts';
import { ContactBlock } from './ContactBlock.tsx';
import { Cover } from './Cover.tsx';
import { Discussion } from './Discussion.tsx';
import { Highlights } from './Highlights.tsx';
import { PageChrome } from './PageFrame.tsx';
import { numberColumnWidth, Recommendations } from './Recommendations.tsx';
import { TextSection } from './TextSection.tsx';
import { Thanks } from './Thanks.tsx';
import type { PreparedImages } from './images.ts';
import { page, themeOf, type Theme } from './theme.ts';

export interface BriefProps {
  report: Report;
  images: PreparedImages;
  creationDate: Date;
  /** Called as each body page is laid out, with its number: progress output, and the page limit. */
  onPage?: (pageNumber: number) => void;
  /** Called with each run of text as react-pdf draws it: the build's guard checks what was drawn where. */
  onText?: DocumentProps['onText'];
}

type Part = (report: Report, theme: Theme, images: PreparedImages) => ReactNode;

/** Each section's layout; the model's `sections` says which a report has and in what order. */
const sections: Record<BriefSection, Part> = {
  framework: (r, t) =>
    r.framework && (
      <TextSection key="framework" title={r.headings.framework} paragraphs={r.framework} theme={t} />
    ),
  discussion: (r, t, i) => <Discussion key="discussion" report={r} theme={t} images={i} />,
  highlights: (r, t, i) => (
    <Highlights
      key="highlights"
      title={r.headings.highlights}
      highlights={r.highlights}
      theme={t}
      images={i}
      labels={r.labels}
    />
  ),
  recommendations: (r, t) => (
    <Recommendations
      key="recommendations"
      title={r.headings.recommendations}
      recommendations={r.recommendations}
      theme={t}
      numberWidth={numberColumnWidth(
        r.recommendations.length,
        r.brand.fonts.heading,
        r.brand.fonts.headingWeight,
      )}
    />
  ),
  summary: (r, t) =>
    r.summary && (
      <TextSection key="summary" title={r.headings.summary} paragraphs={r.summary} theme={t} panel />
    ),
  conclusion: (r, t) =>
    r.conclusion && (
      <TextSection key="conclusion" title={r.headings.conclusion} paragraphs={r.conclusion} theme={t} />
    ),
  thanks: (r, t) => r.thanks && <Thanks key="thanks" title={r.headings.thanks} thanks={r.thanks} theme={t} />,
  contact: (r, t) => <ContactBlock key="contact" report={r} theme={t} />,
};

/** The whole brief: metadata, cover, then the body pages with running header and footer. */
export function Brief({ report, images, creationDate, onPage, onText }: BriefProps) {
  const theme = themeOf(report.brand);
  const { event, brand } = report;
  const documentProps = {
    title: event.subtitleText ? `${event.titleText}: ${event.subtitleText}` : event.titleText,
    author: report.authors.length ? report.authors.join(', ') : brand.organisation.full,
    subject: `${report.label}: ${event.kind}, ${event.dateText}`,
    keywords: report.keywords.join(', '),
    creator: 'briefpress',
    producer: 'briefpress (react-pdf)',
    creationDate,
    modificationDate: creationDate,
    pageMode: 'useOutlines' as const,
    // A tagged PDF identified as PDF/UA-1 (ISO 14289-1), written as PDF 1.7 (ISO 32000-1), which it is built on.
    conformance: 'PDF/UA' as const,
    pdfVersion: '1.7' as const,
    // react-pdf passes `language` to the PDF catalog's /Lang, but its types do not list it yet.
    language: report.language,
  };
  return (
    <Document {...documentProps} onText={onText}>
      <Cover report={report} theme={theme} images={images} />
      <Page
        size={page.size}
        style={{ fontFamily: theme.body, color: theme.colors.text }}
        layout={({ children, pageNumber, totalPages }) => {
          if (pageNumber !== undefined) onPage?.(pageNumber);
          return (
            <PageChrome report={report} theme={theme} pageNumber={pageNumber} totalPages={totalPages}>
              {children}
            </PageChrome>
          );
        }}
      >
        {report.sections.map((key) => sections[key](report, theme, images))}
      </Page>
    </Document>
  );
}
