import type { ReactNode } from 'react';
import type { Paragraphs } from '../../scripts/lib/model/inline.ts';
import type { Report } from '../../scripts/lib/model/types.ts';
import { PersonHeader } from './Person.tsx';
import { ParagraphsBlock, RichText } from './RichText.tsx';
import { contactChannels } from '../../scripts/lib/model/contact.ts';
import type { WebView } from './view.ts';

/** A section of the brief: an h2 and its content, with an id the contents list links to. */
export function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={['section', className].filter(Boolean).join(' ')}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export function TextSection({
  id,
  title,
  paragraphs,
  panel,
}: {
  id: string;
  title: string;
  paragraphs: Paragraphs;
  panel?: boolean;
}) {
  return (
    <Section id={id} title={title} className={panel ? 'panel' : undefined}>
      <ParagraphsBlock paragraphs={paragraphs} />
    </Section>
  );
}

/** Discussion Points: hosts and how they framed the session, then each speaker (h3) with their points. */
export function Discussion({ view }: { view: WebView }) {
  const { report } = view;
  return (
    <Section id="discussion" title={report.headings.discussion}>
      {report.moderators.length > 0 && (
        <ul className="moderators" aria-label={report.headings.moderators}>
          {report.moderators.map((person, i) => (
            <li key={i}>
              <PersonHeader person={person} view={view} level="p" />
            </li>
          ))}
        </ul>
      )}
      {report.moderation.length > 0 && (
        <ul className="points framing">
          {report.moderation.map((runs, i) => (
            <li key={i}>
              <RichText runs={runs} />
            </li>
          ))}
        </ul>
      )}
      {report.speakers.map((speaker, i) => (
        <article className="speaker" key={i} id={`speaker-${i + 1}`}>
          <PersonHeader person={speaker} view={view} level="h3" />
          <ul className="points">
            {speaker.points.map((runs, j) => (
              <li key={j}>
                <RichText runs={runs} />
              </li>
            ))}
          </ul>
        </article>
      ))}
    </Section>
  );
}

export function Highlights({ view }: { view: WebView }) {
  const { report } = view;
  return (
    <Section id="highlights" title={report.headings.highlights}>
      <div className="highlights">
        {report.highlights.map((highlight, i) => {
          const image = view.images.get(highlight.image);
          return (
            <figure key={i}>
              {image && (
                <img
                  src={image.src}
                  srcSet={image.srcset}
                  sizes="(min-width: 760px) 340px, calc(100vw - 2.5rem)"
                  width={image.width}
                  height={image.height}
                  alt={highlight.caption ? '' : `${report.event.kind} photo ${i + 1}`}
                  loading="lazy"
                  decoding="async"
                />
              )}
              {highlight.caption && (
                <figcaption>
                  <RichText runs={highlight.caption} />
                </figcaption>
              )}
            </figure>
          );
        })}
      </div>
    </Section>
  );
}

/**
 * The room the stylesheet's 3.4rem leaves for the number holds "01" to
 * "99"; a list of 100 or more gets room for its longest number: 0.75em of
 * the number's 1.7rem a figure (bold figures are at most some 0.7em) and the
 * 1rem gap. "1000" (the limit) ran into its text.
 */
function numberRoom(count: number): { paddingLeft: string } | undefined {
  const digits = String(count).length;
  return digits > 2 ? { paddingLeft: `${(digits * 0.75 * 1.7 + 1).toFixed(2)}rem` } : undefined;
}

export function Recommendations({ report }: { report: Report }) {
  const room = numberRoom(report.recommendations.length);
  return (
    <Section id="recommendations" title={report.headings.recommendations}>
      <ol className="recommendations">
        {report.recommendations.map((recommendation, i) => (
          <li key={i} style={room}>
            {recommendation.headline && (
              <p className="headline">
                <RichText runs={recommendation.headline} />
              </p>
            )}
            <ParagraphsBlock paragraphs={recommendation.text} />
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function Thanks({ report }: { report: Report }) {
  const { thanks } = report;
  if (!thanks) return null;
  return (
    <Section id="thanks" title={report.headings.thanks}>
      <figure className="thanks">
        <blockquote>
          <ParagraphsBlock paragraphs={thanks.text} />
        </blockquote>
        <figcaption>
          <strong>
            <RichText runs={thanks.name} />
          </strong>
          {thanks.role && <span className="role">, {thanks.role}</span>}
        </figcaption>
      </figure>
    </Section>
  );
}

/** The organisation and how to reach it; every channel a live link. */
export function Contact({ report }: { report: Report }) {
  const { contact, brand } = report;
  const rows: [string, ReactNode][] = contactChannels(contact, report.labels.contact).map(
    ({ label, text, href }) => [label, href ? <a href={href}>{text}</a> : text],
  );
  if (rows.length === 0) return null;
  return (
    <section id="contact" aria-labelledby="contact-title" className="contact">
      <h2 id="contact-title">{report.headings.contact}</h2>
      <p className="organisation">{brand.organisation.full}</p>
      <address>
        <dl>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </address>
    </section>
  );
}
