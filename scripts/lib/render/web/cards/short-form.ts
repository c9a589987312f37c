import { sentences } from '../../../layout/condense.ts';
import { plain, type Inline } from '../../../model/inline.ts';
import type { Recommendation } from '../../../model/types.ts';

/** The words a card shows for a report field, which field they come from, and how to choose them instead. */
export interface ShortForm {
  text: string;
  field: string;
  remedy: string;
}

/**
 * A point's short form: its `slide` text when the report gives the point as
 * {text, slide}, else its first sentence. Read defensively: the model's point
 * is inline runs today and may become {text, slide}.
 */
export function pointShortForm(point: unknown, field: string): ShortForm {
  const remedy = `give ${field} a short form: {text: …, slide: …}`;
  if (point && typeof point === 'object' && !Array.isArray(point)) {
    const { text, slide } = point as { text?: unknown; slide?: unknown };
    const short = inlineText(slide);
    if (short) return { text: short, field: `${field}.slide`, remedy: `shorten ${field}.slide` };
    return { text: firstSentence(text), field, remedy };
  }
  return { text: firstSentence(point), field, remedy };
}

/** A recommendation's short form: its headline (or `slide` text), else its first sentence. */
export function recommendationShortForm(recommendation: Recommendation, index: number): ShortForm {
  const field = `recommendations[${index}]`;
  const remedy = `give ${field} a headline: {headline: …, text: …}`;
  if (recommendation.headline)
    return {
      text: plain(recommendation.headline),
      field: `${field}.headline`,
      remedy: `shorten ${field}.headline`,
    };
  const slide = inlineText((recommendation as { slide?: unknown }).slide);
  if (slide) return { text: slide, field: `${field}.slide`, remedy: `shorten ${field}.slide` };
  return { text: firstSentence(recommendation.text[0]), field: `${field}.text`, remedy };
}

function firstSentence(value: unknown): string {
  const runs = asInline(value);
  if (!runs) return '';
  return plain(sentences(runs)[0] ?? runs).trim();
}

function inlineText(value: unknown): string {
  const runs = asInline(value);
  return runs ? plain(runs).trim() : '';
}

/** Inline runs, or a plain string as one run; anything else is not text. */
function asInline(value: unknown): Inline | undefined {
  if (typeof value === 'string') return [{ text: value }];
  if (
    Array.isArray(value) &&
    value.every((r) => r && typeof r === 'object' && typeof (r as { text?: unknown }).text === 'string')
  )
    return value as Inline;
  return undefined;
}
