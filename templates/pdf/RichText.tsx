import { Link, Text } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { Inline } from '../../scripts/lib/model/inline.ts';

interface Props {
  runs: Inline;
  style?: Style | Style[];
  linkColor: string;
}

/** Inline Markdown runs as PDF text: bold, italic, and clickable links. */
export function RichText({ runs, style, linkColor }: Props) {
  return (
    <Text style={style}>
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
          <Text key={i} style={runStyle}>
            {run.text}
          </Text>
        );
      })}
    </Text>
  );
}
