import type { ImageRef, Report } from '../../scripts/lib/model/types.ts';

/** An image as the page shows it: files prepared at 1× and 2× (or by width), named for `srcset`. */
export interface WebImage {
  /** The smallest file, for `src`. */
  src: string;
  /** "images/a-96.webp 96w, images/a-192.webp 192w" */
  srcset: string;
  /** Pixel size of the smallest file, so the browser reserves the space before it loads. */
  width: number;
  height: number;
}

/** A file offered for download beside the page (the PDF brief, the deck). */
export interface Download {
  /** Relative to the page: "2026-01-20-x.pdf". */
  href: string;
  /** "the brief", "the deck" */
  label: string;
  /** "PDF", "PPTX" */
  format: string;
  bytes: number;
}

/** What shows a link as a card in a feed or a chat: tags in the head, and the event as JSON-LD. */
export interface PageMetadata {
  title: string;
  description: string;
  /** report.url; absent when the report does not say where the page will live. */
  canonical?: string;
  /** og.png as an absolute address when report.url is set, else relative. */
  image?: { url: string; width: number; height: number; alt: string };
  /** schema.org JSON-LD, already serialised. */
  jsonLd: string;
}

/** Everything the web page layouts are given: the report model and what the render stage prepared for it. */
export interface WebView {
  report: Report;
  images: Map<ImageRef, WebImage>;
  downloads: Download[];
  meta: PageMetadata;
  /** Relative address of the one stylesheet. */
  stylesheet: string;
}
