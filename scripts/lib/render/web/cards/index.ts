import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toolRoot } from '../../../io/project.ts';
import { cacheKey, fileHash, readCached, writeCached } from '../../../io/image-cache.ts';
import type { Report } from '../../../model/types.ts';
import type { FolderFile, RenderContext } from '../../output.ts';
import { ogCard, recommendationCard, speakerCard } from '../../../../../templates/web/cards/Cards.tsx';
import type { CardLayout } from '../../../../../templates/web/cards/kit.tsx';
import type { CardFrame, CardImage } from '../../../../../templates/web/cards/view.ts';
import { cardFaceFiles, cardFaces, loadCardFonts, type CardFonts } from './faces.ts';
import { drawCard, type DrawnCard } from './draw.ts';
import type { MissingGlyphs } from './glyphs.ts';
import { recommendationShortForm, pointShortForm } from './short-form.ts';
import { cardImage, type ImageWanted } from './images.ts';
import { collectWhenGrown } from '../../../io/memory.ts';

/** The Open Graph image, as the page's head names it. */
export interface OgImage {
  path: string;
  width: number;
  height: number;
  alt: string;
}

export interface Cards {
  files: FolderFile[];
  og: OgImage;
}

/** A card to make: where it goes, its layout, its data with images still to prepare. */
export interface CardJob {
  path: string;
  layout: CardLayout<never>;
  data: object;
  /** Images the data names, by the key under which the data holds them. */
  images: ImageWanted[];
}

/** What a cache entry keeps beside the PNG: the boxes that were shortened, to warn again on a cached build. */
interface CachedFacts {
  shortened: { field: string; remedy?: string; text: string }[];
  missing: MissingGlyphs[];
}

const LOGO_BOX = 72;
const AVATAR = 220;

/**
 * The share cards in cards/: og.png (1200×630) for link previews, and a
 * 1080×1350 card per recommendation and per speaker, to post with the link.
 * Each is drawn only when its content changed: a card is named in the cache
 * by a hash of its text, images, brand fonts and the card code, so an
 * unchanged report rebuilds without loading satori or resvg.
 */
export async function webCards(report: Report, context: RenderContext): Promise<Cards> {
  const jobs = planCards(report);
  const fontKey = await fontsKey(report);
  let fonts: CardFonts | undefined;
  const files: FolderFile[] = [];
  const shortened = new Map<string, CachedFacts['shortened'][number] & { cards: string[] }>();
  const missing = new Map<string, string[]>();
  for (const [n, job] of jobs.entries()) {
    context.progress?.(`${n} of ${jobs.length} share cards`);
    const key = await jobKey(job, fontKey);
    let png = await readCached(key, 'card.png');
    const factsText = png && (await readCached(key, 'card.json'));
    let facts: CachedFacts | undefined = factsText && JSON.parse(factsText.toString('utf8'));
    if (!png || !facts?.missing) {
      fonts ??= await cardFontsFor(report, fontKey);
      // The cards drawn before hold their pixels outside the heap until collected (io/memory.ts).
      collectWhenGrown();
      const drawn = await drawJob(job, fonts);
      png = drawn.png;
      facts = {
        shortened: drawn.text
          .filter((t) => t.shortened)
          .map((t) => ({ field: t.box.field, remedy: t.box.remedy, text: t.text })),
        missing: drawn.missing,
      };
      await writeCached(key, 'card.png', png);
      await writeCached(key, 'card.json', JSON.stringify(facts));
    }
    for (const s of facts.shortened) {
      const key = `${s.field}\0${s.text}`;
      const seen = shortened.get(key);
      if (seen) seen.cards.push(job.path);
      else shortened.set(key, { ...s, cards: [job.path] });
    }
    for (const m of facts.missing) {
      for (const character of m.characters) {
        const key = `${m.field}\0${character}`;
        const seen = missing.get(key);
        if (seen) seen.push(job.path);
        else missing.set(key, [job.path]);
      }
    }
    files.push({ path: job.path, bytes: png });
  }
  for (const [key, cards] of missing) {
    const [field, character] = key.split('\0') as [string, string];
    const hex = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const where =
      cards.length === 1 ? `the share card ${cards[0]}` : `${cards.length} share cards (${cards[0]} …)`;
    context.warn(
      `${report.source}: ${field}: no font of brand "${report.brand.name}" can ` +
        `draw "${character}" (U+${hex}); ${where} shows an empty box there. Replace ` +
        `it, or add a font that has it to the brand.`,
    );
  }
  // One warning per field, however many cards show it (the event title is on every card).
  for (const s of shortened.values()) {
    const where =
      s.cards.length === 1
        ? `the share card ${s.cards[0]}`
        : `${s.cards.length} share cards (${s.cards[0]} …)`;
    context.warn(
      `${report.source}: ${s.field} is too long for ${where}; it is shortened ` +
        `there to "${s.text.replace(/\n/g, ' / ')}"${s.remedy ? `. To choose the card's words, ${s.remedy}` : ''}.`,
    );
  }
  return { files, og: ogImage(report) };
}

/** The Open Graph card as the page's head names it: known before any card is drawn. */
export function ogImage(report: Report): OgImage {
  const { event } = report;
  const title = event.subtitleText ? `${event.titleText}: ${event.subtitleText}` : event.titleText;
  return {
    path: 'cards/og.png',
    width: ogCard.width,
    height: ogCard.height,
    alt: `${event.kind}: ${title}. ${cardFrame(report).when}.`,
  };
}

/** The cards of a report, in order: og.png, each recommendation's, each speaker's. */
export function planCards(report: Report): CardJob[] {
  const frame = cardFrame(report);
  const logo: ImageWanted[] = report.brand.logo
    ? [
        {
          key: 'frame.logo',
          ref: report.brand.logo,
          box: { width: LOGO_BOX, height: LOGO_BOX, fit: 'contain' },
          format: 'png',
        },
      ]
    : [];
  const total = report.recommendations.length;
  return [
    { path: 'cards/og.png', layout: ogCard as CardLayout<never>, data: { frame }, images: logo },
    ...report.recommendations.map((r, i): CardJob => {
      const short = recommendationShortForm(r, i);
      return {
        path: `cards/recommendation-${pad(i + 1)}.png`,
        layout: recommendationCard as CardLayout<never>,
        data: { frame, number: i + 1, total, heading: report.headings.recommendations, ...short },
        images: logo,
      };
    }),
    ...report.speakers.map((s, i): CardJob => {
      // The point as the report gave it: {text, slide} when it has a short form.
      const short = pointShortForm(
        s.slidePoints[0] ? { text: s.points[0], slide: s.slidePoints[0] } : s.points[0],
        `speakers[${i}].points[0]`,
      );
      const photo: ImageWanted[] = s.photo
        ? [
            {
              key: 'photo',
              ref: s.photo,
              box: { width: AVATAR, height: AVATAR, fit: 'cover' },
              format: 'jpeg',
            },
          ]
        : [];
      return {
        path: `cards/speaker-${pad(i + 1)}.png`,
        layout: speakerCard as CardLayout<never>,
        data: {
          frame,
          name: s.nameText,
          affiliation: s.affiliation.join('\n'),
          initials: s.initials,
          role: 'Speaker',
          person: `speakers[${i}]`,
          quote: short.text,
          field: short.field,
          remedy: short.remedy,
        },
        images: [...logo, ...photo],
      };
    }),
  ];
}

/** What every card of the report shares (the brand, the event), in plain text. */
function cardFrame(report: Report): CardFrame {
  const { brand, event } = report;
  return {
    colors: brand.colors,
    faces: cardFaces(brand),
    organisation: brand.organisation.full,
    label: report.label,
    kind: event.kind,
    title: event.titleText,
    subtitle: event.subtitleText,
    when: [event.dateText, event.timeText, event.venue].filter(Boolean).join(' · '),
    shortDate: event.shortDateText,
    site: siteOf(report.url ?? brand.website ?? report.contact.website),
  };
}

/** "https://www.southasiatimes.org/briefs/x/" → "southasiatimes.org": what a reader types. */
function siteOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    return new URL(/^https?:\/\//i.test(address) ? address : `https://${address}`).hostname.replace(
      /^www\./,
      '',
    );
  } catch {
    return undefined;
  }
}

/** Draws one planned card: its images prepared, then fitted, checked and rasterised (see draw.ts). */
export async function drawJob(job: CardJob, fonts: CardFonts): Promise<DrawnCard> {
  return drawCard(job.layout, (await withImages(job.data, job.images)) as never, fonts);
}

/** The data with each wanted image prepared for satori. */
async function withImages(data: object, images: ImageWanted[]): Promise<object> {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const wanted of images) {
    const image: CardImage = await cardImage(wanted);
    const [head, tail] = wanted.key.split('.') as [string, string | undefined];
    if (tail) (copy[head] as Record<string, unknown>)[tail] = image;
    else copy[head] = image;
  }
  return copy;
}

/** A card's cache name: its layout, its data, the bytes of its images, the brand's fonts and the card code. */
async function jobKey(job: CardJob, fontKey: string): Promise<string> {
  const hash = createHash('sha256')
    .update(codeKey())
    .update(fontKey)
    .update(job.path)
    .update(JSON.stringify(job.data));
  for (const image of job.images) {
    hash.update(`${image.key} ${image.box.width}x${image.box.height} ${image.box.fit} ${image.format}\0`);
    hash.update(await fileHash(image.ref.file)); // streamed: a 100-megapixel photo is never read whole
  }
  return cacheKey(hash.digest(), 'share card');
}

/** The brand's card fonts last loaded, by fontsKey. */
let loadedFonts: { key: string; fonts: CardFonts } | undefined;

/**
 * The card fonts of the report's brand, the very same objects as the last build's when the brand's font
 * files are unchanged. satori keeps the fonts it has parsed (opentype.js, some 18 MB for a brand's faces)
 * for the last eight sets of font bytes it was given, told apart by the identity of the bytes: fonts read
 * anew at every build made a build server keep eight parsed copies (~150 MB); handed the same ones, it
 * keeps one.
 */
async function cardFontsFor(report: Report, key: string): Promise<CardFonts> {
  if (loadedFonts?.key !== key) loadedFonts = { key, fonts: await loadCardFonts(report.brand) };
  return loadedFonts.fonts;
}

async function fontsKey(report: Report): Promise<string> {
  const hash = createHash('sha256');
  for (const { family, face } of cardFaceFiles(report.brand)) {
    hash.update(`${family} ${face.weight} ${face.style}\0`).update(await readFile(face.file));
  }
  return hash.digest('hex');
}

let code: string | undefined;

/** The card layouts, this code, and the versions of satori and resvg: a change to any draws every card again. */
function codeKey(): string {
  if (code) return code;
  const hash = createHash('sha256');
  for (const dir of ['templates/web/cards', 'scripts/lib/render/web/cards']) {
    for (const name of readdirSync(path.join(toolRoot, dir)).sort())
      hash.update(name).update(readFileSync(path.join(toolRoot, dir, name)));
  }
  for (const pkg of ['satori', '@resvg/resvg-js']) {
    try {
      hash.update(
        JSON.parse(readFileSync(path.join(toolRoot, 'node_modules', pkg, 'package.json'), 'utf8'))
          .version as string,
      );
    } catch {
      hash.update(`${pkg} unknown`);
    }
  }
  code = hash.digest('hex');
  return code;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
