import { fillLabel } from '../../scripts/lib/model/labels.ts';
import { formatBytes } from '../../scripts/lib/model/bytes.ts';
import { RichText } from './RichText.tsx';
import type { WebView } from './view.ts';

/** The institute's bar, then the title block: kind, title, subtitle, when and where, and the downloads. */
export function Masthead({ view }: { view: WebView }) {
  const { report } = view;
  const { event, brand } = report;
  const logo = brand.logo && view.images.get(brand.logo);
  const when = [event.dateText, event.timeText].filter(Boolean).join(' · ');
  return (
    <header className="masthead">
      <div className="brand-bar">
        <p className="brand-name">
          {logo && (
            <img
              className="logo"
              src={logo.src}
              srcSet={logo.srcset}
              sizes="40px"
              width={logo.width}
              height={logo.height}
              alt=""
            />
          )}
          <span>{brand.organisation.full}</span>
        </p>
        <p className="document-label">{report.label}</p>
      </div>
      <div className="title-block">
        <p className="kind">{event.kind}</p>
        <h1>
          <RichText runs={event.title} />
          {event.subtitle && (
            <span className="subtitle">
              <RichText runs={event.subtitle} />
            </span>
          )}
        </h1>
        <p className="when">
          <time dateTime={event.date}>{when}</time>
          {event.venue && ` · ${event.venue}`}
        </p>
        {view.downloads.length > 0 && <Downloads view={view} />}
        <SpeakerList view={view} />
      </div>
    </header>
  );
}

/** Who spoke, beside the title on wide screens (the full entries follow in Discussion Points). */
function SpeakerList({ view }: { view: WebView }) {
  const { speakers } = view.report;
  const labels = view.report.labels.web;
  return (
    <aside className="speaker-list" aria-label={labels.speakers}>
      <p className="speaker-list-title">{speakers.length === 1 ? labels.speaker : labels.speakers}</p>
      <ul>
        {speakers.map((speaker, i) => (
          <li key={i}>
            <a href={`#speaker-${i + 1}`}>{speaker.nameText}</a>
            {speaker.affiliation[0] && <span>{speaker.affiliation[0]}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** "Download the brief (PDF, 84 kB) · the deck (PPTX, 120 kB)", with each file's real size. */
function Downloads({ view }: { view: WebView }) {
  return (
    <p className="downloads">
      {view.downloads.map((d, i) => (
        <a key={d.href} className={i === 0 ? 'button primary' : 'button'} href={d.href} download>
          {i === 0 ? fillLabel(view.report.labels.web.download, { file: d.label }) : d.label}{' '}
          <span className="file-facts">
            ({d.format}, {formatBytes(d.bytes)})
          </span>
        </a>
      ))}
    </p>
  );
}
