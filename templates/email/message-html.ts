import { formatBytes } from '../../scripts/lib/model/bytes.ts';
import { escapeHtml, inlineHtml } from './inline.ts';
import { darkModeCss, numberedItem, paragraphs, row, rule, sectionHeading, small, table } from './blocks.ts';
import { columnWidth, emailTheme, gutter, type, type EmailTheme } from './theme.ts';
import { contactChannels } from '../../scripts/lib/model/contact.ts';
import { attachedLine, whenAndWhere, type EmailView } from './view.ts';

/** The light margin around the logo, in pixels: what keeps a dark logo visible on a dark page. */
const LOGO_MAT = 3;

/**
 * The HTML body: the brand's header, the event (with "Read online" when the
 * report has a url), the executive summary, the recommendations, what is
 * attached, and the contact footer, in one 600 px column on a tinted page. No
 * external resources: the logo is a cid: image. Light by default, dark where
 * the client asks for it (darkModeCss). No hidden preheader: Gmail's mobile
 * web shows display:none text, and the first text (organisation, label,
 * event, title) is what inboxes should show.
 */
export function messageHtml(view: EmailView): string {
  const theme = emailTheme(view.report.brand);
  const { colors } = theme;
  const rows = [
    header(view, theme),
    rule(colors.accent, 4),
    titleBand(view, theme),
    summary(view, theme),
    recommendations(view, theme),
    attached(view, theme),
    footer(view, theme),
  ];
  const card = table(
    rows.join('\n'),
    `class="bp-card" width="${columnWidth}" align="center" bgcolor="${colors.background}"`,
    `width:100%;max-width:${columnWidth}px;background-color:${colors.background};`,
  );
  return (
    `<!DOCTYPE html>
<html lang="${escapeHtml(view.report.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, ` +
    `initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light ` +
    `dark">
<title>${escapeHtml(view.subject)}</title>
<style>
${darkModeCss(theme)}
</style>
</head>
<body class="bp-page" style="margin:0;padding:0;` +
    `background-color:${colors.tint};">
${table(
  `<tr><td class="bp-page" align="center" bgcolor="${colors.tint}" ` +
    `style="background-color:${colors.tint};padding:24px 8px;">
${card}
</td></tr>`,
  'class="bp-page" width="100%"',
  `background-color:${colors.tint};`,
)}
</body>
</html>
`
  );
}

function header(view: EmailView, theme: EmailTheme): string {
  const { brand, label } = view.report;
  // The logo sits on the brand's light background, which dark mode leaves alone: a dark logo stays legible on
  // a dark page.
  const { background } = theme.colors;
  const logo = view.logo
    ? `<td width="${view.logo.width + 2 * LOGO_MAT}" valign="middle" style="padding:0 ${16 - LOGO_MAT}px 0 0;">` +
      table(
        `<tr><td bgcolor="${background}" style="background-color:${background};` +
          `padding:${LOGO_MAT}px;border-radius:${LOGO_MAT * 2}px;">` +
          (`<img src="cid:${escapeHtml(view.logo.cid)}" width="${view.logo.width}" ` +
            `height="${view.logo.height}" alt="${escapeHtml(brand.organisation.short)}" ` +
            `style="display:block;border:0;width:${view.logo.width}px;"></td></tr>`),
        'align="left"',
      ) +
      `</td>`
    : '';
  const name =
    `<td valign="middle"><p class="bp-heading" style="margin:0;` +
    `font-family:${theme.heading};font-size:${type.h2}px;` +
    `line-height:26px;font-weight:${theme.headingWeight};` +
    `color:${theme.colors.heading};">${escapeHtml(brand.organisation.full)}</p>` +
    (`<p class="bp-muted" style="margin:2px 0 0 0;font-family:${theme.body};` +
      `font-size:${type.label}px;line-height:16px;letter-spacing:2px;` +
      `text-transform:uppercase;color:${theme.colors.muted};` +
      `">${escapeHtml(label)}</p></td>`);
  return row(table(`<tr>${logo}${name}</tr>`), { padding: `20px ${gutter}px` });
}

function titleBand(view: EmailView, theme: EmailTheme): string {
  const { event } = view.report;
  const { colors } = theme;
  const subtitle = event.subtitle
    ? `<p style="margin:10px 0 0 0;font-family:${theme.heading};` +
      `font-size:${type.subtitle}px;line-height:24px;` +
      `color:${colors.onPrimaryMuted};">${inlineHtml(event.subtitle, colors.onPrimary)}</p>`
    : '';
  return row(
    `<p style="margin:0 0 12px 0;font-family:${theme.body};` +
      `font-size:${type.label}px;line-height:16px;letter-spacing:2px;` +
      `text-transform:uppercase;font-weight:bold;color:${colors.onPrimaryMuted};` +
      `">${escapeHtml(event.kind)}</p>` +
      (`<h1 style="margin:0;font-family:${theme.heading};` +
        `font-size:${type.title}px;line-height:${type.titleLine}px;` +
        `font-weight:${theme.headingWeight};color:${colors.onPrimary};` +
        `">${inlineHtml(event.title, colors.onPrimary)}</h1>`) +
      subtitle +
      (`<p style="margin:18px 0 0 0;font-family:${theme.body};` +
        `font-size:${type.small}px;line-height:${type.smallLine}px;` +
        `color:${colors.onPrimaryMuted};">${escapeHtml(whenAndWhere(view.report))}</p>`) +
      readOnline(view, theme),
    { background: colors.primary, padding: `32px ${gutter}px 34px ${gutter}px` },
  );
}

/**
 * "Read online", to the web edition, when report.url says where it lives: in
 * the title band, where a reader whose client mangles the layout looks first.
 * A plain underlined link (no button made of padding and radius, which
 * caniemail flags for Outlook and Yahoo).
 */
function readOnline(view: EmailView, theme: EmailTheme): string {
  const { url } = view.report;
  if (!url) return '';
  const { colors } = theme;
  const words = view.report.labels.email;
  return (
    `<p style="margin:20px 0 0 0;font-family:${theme.body};` +
    `font-size:${type.body}px;line-height:${type.bodyLine}px;` +
    `font-weight:bold;color:${colors.onPrimary};">` +
    `<a href="${escapeHtml(url)}" style="color:${colors.onPrimary};text-decoration:underline;">` +
    `${escapeHtml(words.readOnline)}</a>` +
    `<span style="font-weight:normal;color:${colors.onPrimaryMuted};"> &nbsp;` +
    `${escapeHtml(words.readOnlineNote)}</span></p>`
  );
}

function summary(view: EmailView, theme: EmailTheme): string {
  const { summary, headings } = view.report;
  if (!summary) return '';
  return row(sectionHeading(headings.summary, theme) + paragraphs(summary, theme), {
    padding: `32px ${gutter}px 8px ${gutter}px`,
  });
}

function recommendations(view: EmailView, theme: EmailTheme): string {
  const { recommendations, headings } = view.report;
  const items = recommendations.map((r, i) => numberedItem(i + 1, r.headline, r.text, theme)).join('');
  return row(sectionHeading(headings.recommendations, theme) + items, {
    padding: `24px ${gutter}px 8px ${gutter}px`,
  });
}

function attached(view: EmailView, theme: EmailTheme): string {
  if (!view.attachments.length) return '';
  const { colors } = theme;
  const cell = (html: string, align = 'left') =>
    `<td class="bp-${align === 'left' ? 'text' : 'muted'}" align="${align}" ` +
    (`valign="top" style="padding:6px 0 0 0;font-family:${theme.body};` +
      `font-size:${type.small}px;line-height:${type.smallLine}px;` +
      `color:${align === 'left' ? colors.text : colors.muted};` +
      `">${html}</td>`);
  const lines = view.attachments
    .map(
      (a) =>
        `<tr>${cell(`<strong>${escapeHtml(a.filename)}</strong>`)}` +
        `${cell(`${escapeHtml(a.format)}&nbsp;·&nbsp;${formatBytes(a.bytes).replace(' ', '&nbsp;')}`, 'right')}</tr>`,
    )
    .join('');
  const box = table(
    `<tr><td class="bp-panel bp-rule" bgcolor="${colors.tint}" ` +
      `style="background-color:${colors.tint};border-left:4px ` +
      `solid ${colors.accent};padding:14px 20px 16px 20px;">` +
      small(
        `<strong class="bp-heading" style="color:${colors.heading};">` +
          `${escapeHtml(view.report.labels.email.attached)}:</strong> ` +
          `${escapeHtml(attachedLine(view))}`,
        theme,
        colors.text,
        'text',
      ) +
      table(lines) +
      `</td></tr>`,
  );
  return row(box, { padding: `8px ${gutter}px 32px ${gutter}px` });
}

function footer(view: EmailView, theme: EmailTheme): string {
  const { brand, contact, headings } = view.report;
  const { colors } = theme;
  const link = (href: string, text: string) =>
    `<a href="${escapeHtml(href)}" style="color:${colors.onPrimary};` +
    `text-decoration:underline;">${escapeHtml(text)}</a>`;
  // A letterhead: the address first, then phone, e-mail and web; the phone is not a link in mail clients' eyes.
  const channels = contactChannels(contact, view.report.labels.contact);
  const lines = [
    ...channels.filter((c) => c.kind === 'address'),
    ...channels.filter((c) => c.kind !== 'address'),
  ].map((c) => (c.href && c.kind !== 'phone' ? link(c.href, c.text) : escapeHtml(c.text)));
  return row(
    small(
      `<strong style="letter-spacing:2px;text-transform:uppercase;">${escapeHtml(headings.contact)}</strong>`,
      theme,
      colors.onPrimaryMuted,
    ) +
      (`<p style="margin:6px 0 6px 0;font-family:${theme.heading};` +
        `font-size:${type.body}px;line-height:22px;font-weight:${theme.headingWeight};` +
        `color:${colors.onPrimary};">${escapeHtml(brand.organisation.full)}</p>`) +
      lines.map((line) => small(line, theme, colors.onPrimaryMuted)).join(''),
    { background: colors.primary, padding: `24px ${gutter}px 28px ${gutter}px` },
  );
}
