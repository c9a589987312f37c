import type { WebView } from './view.ts';

/**
 * The head: title, description, canonical address, Open Graph and Twitter
 * card tags (what a feed or a chat shows for a shared link) and the event as
 * schema.org JSON-LD. Everything is local; nothing loads from another site.
 */
export function Head({ view }: { view: WebView }) {
  const { meta, report } = view;
  const image = meta.image;
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{meta.title}</title>
      <meta name="description" content={meta.description} />
      {report.authors.length > 0 && <meta name="author" content={report.authors.join(', ')} />}
      {report.keywords.length > 0 && <meta name="keywords" content={report.keywords.join(', ')} />}
      <meta name="generator" content="briefpress" />
      <meta name="theme-color" content={report.brand.colors.primary} />
      {meta.canonical && <link rel="canonical" href={meta.canonical} />}
      <link rel="stylesheet" href={view.stylesheet} />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:site_name" content={report.brand.organisation.full} />
      <meta property="og:locale" content={report.language.replace('-', '_')} />
      {meta.canonical && <meta property="og:url" content={meta.canonical} />}
      {image && <meta property="og:image" content={image.url} />}
      {image && <meta property="og:image:type" content="image/png" />}
      {image && <meta property="og:image:width" content={String(image.width)} />}
      {image && <meta property="og:image:height" content={String(image.height)} />}
      {image && <meta property="og:image:alt" content={image.alt} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {image && <meta name="twitter:image" content={image.url} />}
      {image && <meta name="twitter:image:alt" content={image.alt} />}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: meta.jsonLd }} />
    </head>
  );
}
