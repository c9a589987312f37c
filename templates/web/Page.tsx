import type { ReactNode } from 'react';
import { Head } from './Head.tsx';
import { Masthead } from './Masthead.tsx';
import { Contact, Discussion, Highlights, Recommendations, TextSection, Thanks } from './Sections.tsx';
import type { WebView } from './view.ts';
import type { BriefSection } from '../../scripts/lib/model/types.ts';

interface Part {
  id: BriefSection;
  title: (view: WebView) => string;
  /** The section, or nothing when the report leaves it out. */
  render: (view: WebView) => ReactNode;
}

/** Each section of the body; the model's `sections` gives the order (contact is the page's footer). */
const parts: Part[] = [
  {
    id: 'framework',
    title: (v) => v.report.headings.framework,
    render: ({ report: r }) =>
      r.framework && <TextSection id="framework" title={r.headings.framework} paragraphs={r.framework} />,
  },
  { id: 'discussion', title: (v) => v.report.headings.discussion, render: (v) => <Discussion view={v} /> },
  {
    id: 'highlights',
    title: (v) => v.report.headings.highlights,
    render: (v) => v.report.highlights.length > 0 && <Highlights view={v} />,
  },
  {
    id: 'recommendations',
    title: (v) => v.report.headings.recommendations,
    render: ({ report: r }) => <Recommendations report={r} />,
  },
  {
    id: 'summary',
    title: (v) => v.report.headings.summary,
    render: ({ report: r }) =>
      r.summary && <TextSection id="summary" title={r.headings.summary} paragraphs={r.summary} panel />,
  },
  {
    id: 'conclusion',
    title: (v) => v.report.headings.conclusion,
    render: ({ report: r }) =>
      r.conclusion && <TextSection id="conclusion" title={r.headings.conclusion} paragraphs={r.conclusion} />,
  },
  { id: 'thanks', title: (v) => v.report.headings.thanks, render: ({ report: r }) => <Thanks report={r} /> },
];

/** The web edition: one article in the brief's order, with the brand's masthead and a contents list on wide
 * screens. */
export function Page({ view }: { view: WebView }) {
  const { report } = view;
  // A section the report leaves out leaves no trace (nor an entry in the contents).
  const shown = report.sections
    .flatMap((key) => parts.filter((part) => part.id === key))
    .map((part) => ({ part, node: part.render(view) }))
    .filter(({ node }) => Boolean(node));
  return (
    <html lang={report.language}>
      <Head view={view} />
      <body>
        <a className="skip-link" href="#main">
          {report.labels.web.skipLink}
        </a>
        <Masthead view={view} />
        <div className="layout">
          <nav className="contents" aria-label={report.labels.web.contents}>
            <p className="contents-title" aria-hidden="true">
              {report.labels.web.contents}
            </p>
            <ol>
              {shown.map(({ part }) => (
                <li key={part.id}>
                  <a href={`#${part.id}`}>{part.title(view)}</a>
                </li>
              ))}
            </ol>
          </nav>
          <main id="main" className="article" tabIndex={-1}>
            {shown.map(({ part, node }) => (
              <div key={part.id} className="part">
                {node}
              </div>
            ))}
          </main>
        </div>
        <footer className="site-footer">
          <Contact report={report} />
          <p className="colophon">
            © {report.brand.organisation.full} · {report.label}, {report.event.dateText}
          </p>
        </footer>
      </body>
    </html>
  );
}
