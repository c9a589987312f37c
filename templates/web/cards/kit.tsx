import type { ReactElement } from 'react';

/**
 * What the share-card layouts are made of. A card's text is declared as boxes
 * (the field it shows, the face, the sizes it may take, its width and how many
 * lines it may fill); the render stage fits each box by laying it out with
 * satori itself, then hands the layout the fitted text. The layout draws
 * every box with <CardText>, the same element the fitting measured, so a
 * fitted box wraps on the card exactly as it did when measured.
 */

/** One face of the brand's fonts, as satori and resvg name it. */
export interface CardFace {
  family: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

export interface TextBox {
  /** The report field shown, for the warning when it must be shortened: "recommendations[3].headline". */
  field: string;
  /** What to do about a shortened field, ending the warning: "give the point a `slide` short form". */
  remedy?: string;
  text: string;
  face: CardFace;
  /** Font sizes to try in pixels, largest first; the first at which the text fits is used. */
  sizes: number[];
  /** Line height as a multiple of the size. */
  lineHeight: number;
  /** Width of the box in pixels. */
  width: number;
  /** Lines the box may fill at each size: a number, or a height in pixels the lines must fit. */
  maxLines?: number;
  maxHeight?: number;
  /** Letter spacing in pixels. */
  letterSpacing?: number;
  /** Alignment of the lines inside the box (default left). */
  align?: 'left' | 'center' | 'right';
  /** Keep the text's line breaks (an affiliation's lines), each line then wrapped as needed. */
  lineBreaks?: boolean;
}

/** A box after fitting: the text to draw (shortened with an ellipsis when it had to be) and at what size. */
export interface FittedText {
  box: TextBox;
  text: string;
  size: number;
  lines: number;
  shortened: boolean;
}

/** A card layout: its pixel size, its text boxes in the order they are drawn, and the drawing. */
export interface CardLayout<Data> {
  width: number;
  height: number;
  boxes(data: Data): Record<string, TextBox>;
  render(data: Data, text: Record<string, FittedText>): ReactElement;
}

/** A fitted text box: a block exactly as wide as measured, as tall as its lines. */
export function CardText({ fitted, color }: { fitted: FittedText; color: string }) {
  return <div style={textStyle(fitted, color)}>{fitted.text}</div>;
}

/** The style a box is measured and drawn with (shared by fitting and drawing, so both wrap alike). */
export function textStyle(fitted: Pick<FittedText, 'box' | 'size' | 'lines'>, color: string) {
  const { box, size, lines } = fitted;
  return {
    display: 'flex',
    flexShrink: 0,
    width: box.width,
    height: Math.ceil(lines * size * box.lineHeight),
    fontFamily: box.face.family,
    fontWeight: box.face.weight,
    fontStyle: box.face.style,
    fontSize: size,
    lineHeight: box.lineHeight,
    letterSpacing: box.letterSpacing ?? 0,
    textAlign: box.align ?? 'left',
    whiteSpace: box.lineBreaks ? 'pre-line' : 'normal',
    // A word wider than the box (a long address, a one-word title) breaks between letters, as in the PDF and deck.
    wordBreak: 'break-word',
    justifyContent: box.align === 'center' ? 'center' : box.align === 'right' ? 'flex-end' : 'flex-start',
    color,
  } as const;
}
