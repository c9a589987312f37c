import { Fragment } from 'react';
import type { Inline, Paragraphs } from '../../scripts/lib/model/inline.ts';

/** Inline runs as HTML: bold, italic and links as the report wrote them. */
export function RichText({ runs }: { runs: Inline }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: React.ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.href) node = <a href={run.href}>{node}</a>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

/** Paragraphs as <p> elements. */
export function ParagraphsBlock({ paragraphs }: { paragraphs: Paragraphs }) {
  return (
    <>
      {paragraphs.map((runs, i) => (
        <p key={i}>
          <RichText runs={runs} />
        </p>
      ))}
    </>
  );
}
