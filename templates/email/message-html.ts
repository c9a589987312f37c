import { formatBytes } from '../../scripts/lib/cli/format.ts';
import { escapeHtml, inlineHtml } from '../../scripts/lib/render/email/inline.ts';
import { numberedItem, paragraphs, row, rule, sectionHeading, small, table } from './blocks.ts';
import { columnWidth, emailTheme, gutter, type, type EmailTheme } from './theme.ts';
import { attachedLine, eventLine, websiteHref, whenAndWhere, type EmailView } from './view.ts';

/**
 * The HTML body: the brand's header, the event, the executive summary, the
 * recommendations, what is attached, and the contact footer, in one 600 px
 * column on a tinted page. No external resources: the logo is a cid: image.
 */
export function messageHtml(view: EmailView): string {
  const theme = emailTheme(view.report.brand);
  const { colors } = theme;
  const rows = [header(view, theme), rule(colors.accent, 4), titleBand(view, theme), summary(view, theme), recommendations(view, theme), attached(view, theme), footer(view, theme)];
  return `<!DOCTYPE html>
<html lang="${escapeHtml(view.report.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${escapeHtml(view.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${colors.tint};">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader(view))}</div>
${table(
  `<tr><td align="center" bgcolor="${colors.tint}" style="background-color:${colors.tint};padding:24px 8px;">
${table(rows.join('\n'), `width="${columnWidth}" align="center" bgcolor="${colors.background}"`, `width:100%;max-width:${columnWidth}px;background-color:${colors.background};`)}
</td></tr>`,
  'width="100%"',
  `background-color:${colors.tint};`,
)}
</body>
</html>
`;
}

/** The line mail clients show after the subject in the inbox list. */
function preheader(view: EmailView): string {
  return [view.report.event.subtitleText, eventLine(view.report)].filter(Boolean).join(' · ');
}

function header(view: EmailView, theme: EmailTheme): string {
  const { brand, label } = view.report;
  const logo = view.logo
    ? `<td width="${view.logo.width}" valign="middle" style="padding:0 16px 0 0;"><img src="cid:${escapeHtml(view.logo.cid)}" width="${view.logo.width}" height="${view.logo.height}" alt="${escapeHtml(brand.organisation.short)}" style="display:block;border:0;outline:none;width:${view.logo.width}px;height:${view.logo.height}px;"></td>`
    : '';
  const name =
    `<td valign="middle"><p style="margin:0;font-family:${theme.heading};font-size:${type.h2}px;line-height:26px;font-weight:bold;color:${theme.colors.primary};">${escapeHtml(brand.organisation.full)}</p>` +
    `<p style="margin:2px 0 0 0;font-family:${theme.body};font-size:${type.label}px;line-height:16px;letter-spacing:2px;text-transform:uppercase;color:${theme.colors.muted};">${escapeHtml(label)}</p></td>`;
  return row(table(`<tr>${logo}${name}</tr>`), { padding: `20px ${gutter}px` });
}

function titleBand(view: EmailView, theme: EmailTheme): string {
  const { event } = view.report;
  const { colors } = theme;
  const subtitle = event.subtitle
    ? `<p style="margin:10px 0 0 0;font-family:${theme.heading};font-size:${type.subtitle}px;line-height:24px;color:${colors.tint};">${inlineHtml(event.subtitle, colors.background)}</p>`
    : '';
  return row(
    `<p style="margin:0 0 12px 0;font-family:${theme.body};font-size:${type.label}px;line-height:16px;letter-spacing:2px;text-transform:uppercase;font-weight:bold;color:${colors.tint};">${escapeHtml(event.kind)}</p>` +
      `<h1 style="margin:0;font-family:${theme.heading};font-size:${type.title}px;line-height:${type.titleLine}px;font-weight:bold;color:${colors.background};">${inlineHtml(event.title, colors.background)}</h1>` +
      subtitle +
      `<p style="margin:18px 0 0 0;font-family:${theme.body};font-size:${type.small}px;line-height:${type.smallLine}px;color:${colors.tint};">${escapeHtml(whenAndWhere(view.report))}</p>`,
    { background: colors.primary, padding: `32px ${gutter}px 34px ${gutter}px` },
  );
}

function summary(view: EmailView, theme: EmailTheme): string {
  const { summary, headings } = view.report;
  if (!summary) return '';
  return row(sectionHeading(headings.summary, theme) + paragraphs(summary, theme), { padding: `32px ${gutter}px 8px ${gutter}px` });
}

function recommendations(view: EmailView, theme: EmailTheme): string {
  const { recommendations, headings } = view.report;
  const items = recommendations.map((r, i) => numberedItem(i + 1, r.headline, r.text, theme)).join('');
  return row(sectionHeading(headings.recommendations, theme) + items, { padding: `24px ${gutter}px 8px ${gutter}px` });
}

function attached(view: EmailView, theme: EmailTheme): string {
  if (!view.attachments.length) return '';
  const { colors } = theme;
  const cell = (html: string, align = 'left') =>
    `<td align="${align}" valign="top" style="padding:6px 0 0 0;font-family:${theme.body};font-size:${type.small}px;line-height:${type.smallLine}px;color:${align === 'left' ? colors.text : colors.muted};">${html}</td>`;
  const lines = view.attachments.map((a) => `<tr>${cell(`<strong>${escapeHtml(a.filename)}</strong>`)}${cell(`${escapeHtml(a.format)}&nbsp;·&nbsp;${formatBytes(a.bytes).replace(' ', '&nbsp;')}`, 'right')}</tr>`).join('');
  const box = table(
    `<tr><td bgcolor="${colors.tint}" style="background-color:${colors.tint};border-left:4px solid ${colors.accent};padding:14px 20px 16px 20px;">` +
      small(`<strong style="color:${colors.primary};">Attached:</strong> ${escapeHtml(attachedLine(view))}`, theme, colors.text) +
      table(lines) +
      `</td></tr>`,
  );
  return row(box, { padding: `8px ${gutter}px 32px ${gutter}px` });
}

function footer(view: EmailView, theme: EmailTheme): string {
  const { brand, contact, headings } = view.report;
  const { colors } = theme;
  const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="color:${colors.background};text-decoration:underline;">${escapeHtml(text)}</a>`;
  const lines = [
    contact.address && escapeHtml(contact.address),
    contact.phone && escapeHtml(contact.phone),
    contact.email && link(`mailto:${contact.email}`, contact.email),
    contact.website && link(websiteHref(contact.website), contact.website),
  ].filter((line): line is string => Boolean(line));
  return row(
    small(`<strong style="letter-spacing:2px;text-transform:uppercase;">${escapeHtml(headings.contact)}</strong>`, theme, colors.tint) +
      `<p style="margin:6px 0 6px 0;font-family:${theme.heading};font-size:${type.body}px;line-height:22px;font-weight:bold;color:${colors.background};">${escapeHtml(brand.organisation.full)}</p>` +
      lines.map((line) => small(line, theme, colors.tint)).join(''),
    { background: colors.primary, padding: `24px ${gutter}px 28px ${gutter}px` },
  );
}
