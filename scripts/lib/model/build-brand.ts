import path from 'node:path';
import { positionOf, type YamlSource } from '../load/yaml-source.ts';
import type { BrandInput } from '../validate/brand-schema.ts';
import { resolveImage } from '../validate/assets.ts';
import { fontFileProblem } from '../validate/brand-fonts.ts';
import { InputError, type Problem } from '../problems.ts';
import { toolRoot } from '../io/project.ts';
import type { Brand, FontFamily } from './types.ts';
import { contrastRatio, mostReadableOn } from './colour.ts';
import { contactProblems, websiteHref, websiteProblem } from './links.ts';

/** A validated _brand.yml as the model's Brand: palette names resolved, colour roles chosen, fonts and logo found. */
export async function toBrand(name: string, dir: string, input: BrandInput, src: YamlSource): Promise<Brand> {
  const problems: Problem[] = [];
  const fail = (where: PropertyKey[], message: string) => {
    const pos = positionOf(src, where);
    problems.push({ file: src.shown, line: pos.line, column: pos.column, where: where.join('.'), message });
  };
  const palette = input.color.palette ?? {};
  const colour = (value: string | undefined, where: string | PropertyKey[], fallback: string): string => {
    if (!value) return fallback;
    if (value.startsWith('#')) return value.toUpperCase();
    const hex = palette[value];
    if (!hex) {
      fail(
        typeof where === 'string' ? ['color', where] : where,
        `\`${value}\` is not in color.palette; add it there or write #RRGGBB.`,
      );
      return fallback;
    }
    return hex.toUpperCase();
  };
  const primary = colour(input.color.primary, 'primary', '#1F2937');
  const foreground = colour(input.color.foreground, 'foreground', '#1F2329');
  const background = colour(input.color.background, 'background', '#FFFFFF');
  const accent = colour(input.color.secondary, 'secondary', primary);
  const tint = colour(input.color.light, 'light', '#EEF1F5');
  // brand.yml lets typography name a colour role (`primary`, `foreground`…) as well as a palette colour.
  const roles: Record<string, string> = { primary, secondary: accent, foreground, background };
  const typeColour = (r: BrandInput['typography']['base'] | undefined, where: string) =>
    typeof r === 'object' && r.color
      ? (roles[r.color] ?? colour(r.color, ['typography', where, 'color'], foreground))
      : undefined;
  const text = typeColour(input.typography.base, 'base') ?? foreground;
  // A light primary (cream, pale gold) cannot carry headings on a light page: they take the text colour.
  const onPrimary = mostReadableOn(primary, [background, text]);
  const headingColour =
    typeColour(input.typography.headings, 'headings') ??
    (contrastRatio(primary, background) >= 4.5 ? primary : text);

  const families = new Map<string, FontFamily>();
  await Promise.all(
    input.typography.fonts.map(async (f, i) => {
      const faces = await Promise.all(
        f.files.map(async (file, j) => {
          // Confined to the project, a regular file, and a font fontkit can parse: else react-pdf fails with a trace.
          const problem = await fontFileProblem(file.path, dir, toolRoot);
          if (problem) fail(['typography', 'fonts', i, 'files', j, 'path'], problem);
          return {
            file: path.resolve(dir, file.path),
            weight: file.weight === 700 || file.weight === 'bold' ? 700 : 400,
            style: file.style,
          } as const;
        }),
      );
      families.set(f.family, { family: f.family, faces });
    }),
  );
  const role = (r: BrandInput['typography']['base'] | undefined, where: string) => {
    const family = typeof r === 'string' ? r : r?.family;
    const found = family ? families.get(family) : undefined;
    if (family && !found)
      fail(['typography', where], `font family \`${family}\` is not listed in typography.fonts.`);
    // The layouts set every text upright unless the Markdown says otherwise: a family of italics only cannot be used.
    if (found && !found.faces.some((face) => face.style === 'normal')) {
      fail(
        ['typography', where],
        `font family \`${family}\` has no upright (style: normal) face, which every page uses. Add one to its files.`,
      );
    }
    return found;
  };
  const body = role(input.typography.base, 'base');
  const heading = role(input.typography.headings, 'headings') ?? body;
  const headings = typeof input.typography.headings === 'object' ? input.typography.headings : undefined;
  const headingWeight = headings?.weight === 400 || headings?.weight === 'normal' ? 400 : 700;
  if (heading && !heading.faces.some((face) => face.weight === headingWeight && face.style === 'normal')) {
    fail(
      ['typography', 'headings', 'weight'],
      `\`${heading.family}\` has no ${headingWeight === 700 ? 'bold (700)' : 'regular (400)'} ` +
        `face in typography.fonts; add its file or set another weight.`,
    );
  }

  const logoPath = typeof input.logo === 'string' ? input.logo : pickLogo(input.logo);
  let logo: Brand['logo'];
  if (logoPath) {
    const ref = await resolveImage(logoPath, dir, toolRoot);
    if (typeof ref === 'string') fail(['logo'], ref);
    else logo = ref;
  }
  // The brand's links reach the outputs (cover, contact block, the web page's metadata): the reports' allow-list.
  const link = input.meta.link;
  for (const [key, value] of typeof link === 'object' ? Object.entries(link) : [[undefined, link] as const]) {
    const problem = typeof value === 'string' ? websiteProblem(value) : undefined;
    if (problem) fail(['meta', 'link', ...(key === undefined ? [] : [key])], problem);
  }
  for (const { key, message } of contactProblems(input.defaults?.briefpress?.contact ?? {})) {
    fail(['defaults', 'briefpress', 'contact', key], message);
  }
  if (problems.length || !body || !heading) throw new InputError(problems);

  const nameInput = input.meta.name;
  const full = typeof nameInput === 'string' ? nameInput : nameInput.full;
  const short = typeof nameInput === 'string' ? nameInput : (nameInput.short ?? nameInput.full);
  const home = typeof link === 'string' ? link : (link?.home as string | undefined);
  const bp = input.defaults?.briefpress;
  return {
    name,
    dir,
    organisation: { short, full },
    website: home && websiteHref(home),
    logo,
    colors: {
      primary,
      accent,
      text,
      background,
      heading: headingColour,
      onPrimary,
      onPrimaryMuted: contrastRatio(tint, primary) >= 4.5 ? tint : onPrimary,
      onAccent: mostReadableOn(accent, [background, text]),
      muted: colour(input.color.tertiary, 'tertiary', '#5B6470'),
      tint,
    },
    fonts: { body, heading, headingWeight },
    language: bp?.language,
    contact: { ...bp?.contact },
    slides: {
      headingFont: bp?.slides?.['heading-font'] ?? 'Arial',
      bodyFont: bp?.slides?.['body-font'] ?? 'Calibri',
    },
    email: {
      maxBytes: Math.round((bp?.email?.['max-size-mb'] ?? 10) * 1024 * 1024),
      subject: bp?.email?.subject,
      unsubscribe: bp?.email?.unsubscribe,
    },
  };
}

function pickLogo(logo: Exclude<BrandInput['logo'], string>): string | undefined {
  if (!logo) return undefined;
  const choice = logo.medium ?? logo.large ?? logo.small;
  if (!choice) return undefined;
  const image = logo.images?.[choice];
  if (image === undefined) return choice;
  return typeof image === 'string' ? image : image.path;
}
