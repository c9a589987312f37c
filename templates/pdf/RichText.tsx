import { Link, Text } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { TextProps } from '@react-pdf/renderer';
import type { Inline } from '../../scripts/lib/model/inline.ts';

interface Props {
  runs: Inline;
  style?: Style | Style[];
  linkColor: string;
  /** What the text is in the tagged PDF (default: a paragraph, or part of its tagged container). */
  tag?: TextProps['tag'];
}

/** Inline Markdown runs as PDF text: bold, italic, and clickable links. */
export function RichText({ runs, style, linkColor, tag }: Props) {
  return (
    <Text tag={tag} style={style}>
      {runs.map((run, i) => {
        const runStyle: Style = {
          ...(run.bold ? { fontWeight: 700 } : {}),
          ...(run.italic ? { fontStyle: 'italic' } : {}),
        };
        return run.href ? (
          <Link key={i} src={run.href} style={{ ...runStyle, color: linkColor, textDecoration: 'underline' }}>
            {run.text}
          </Link>
        ) : (
          <Text key={i} tag={run.bold ? 'Strong' : run.italic ? 'Em' : undefined} style={runStyle}>
            {run.text}
          </Text>
        );
      })}
    </Text>
  );
}
