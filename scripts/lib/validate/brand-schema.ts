import { z } from 'zod';
import { languageTag } from './language-tag.ts';

/**
 * The subset of brand.yml (the cross-tool brand file read by Quarto and Shiny)
 * that briefpress uses, plus its own `defaults.briefpress` block for what
 * brand.yml has no key for: contact details, Office-safe slide fonts, e-mail.
 */

const hexOrName = z.string().regex(/^(#[0-9a-fA-F]{6}|[a-z][a-z0-9-]*)$/, {
  error: 'must be a colour as #RRGGBB or the name of a palette colour',
});
const name = z.union([
  z.string().min(1),
  z.strictObject({ short: z.string().min(1).optional(), full: z.string().min(1) }),
]);

const fontFile = z.strictObject({
  path: z.string().regex(/\.(ttf|otf|woff)$/i, {
    error: 'must be a .ttf, .otf or .woff file (.woff2 breaks accented letters in the PDF renderer)',
  }),
  weight: z.union([z.literal(400), z.literal(700), z.enum(['normal', 'bold'])]).default(400),
  style: z.enum(['normal', 'italic']).default('normal'),
});

const fontFamily = z.strictObject({
  family: z.string().min(1),
  source: z.literal('file', {
    error: 'only `file` fonts are supported: the brief must render offline and embed its fonts',
  }),
  files: z.array(fontFile).min(1),
});

/** Sizes and leading are each output's own type scale (a page, a slide, a phone screen differ); a brand gives
 * families, weights and colours. */
const setPerOutput = z
  .never({
    error:
      'briefpress sets type sizes and line heights per output (PDF, deck, e-mail, ' +
      'web) from its own scale; remove this key',
  })
  .optional();

const typeRole = (weights: [number, string][], weightHint: string) =>
  z.union([
    z.string().min(1),
    z.strictObject({
      family: z.string().min(1),
      size: setPerOutput,
      'line-height': setPerOutput,
      weight: z
        .union(
          weights.flatMap(([n, word]) => [z.literal(n), z.literal(word)]) as [
            z.ZodLiteral<number | string>,
            z.ZodLiteral<number | string>,
          ],
          { error: weightHint },
        )
        .optional(),
      color: hexOrName.optional(),
    }),
  ]);

const officeFont = z.enum(
  ['Arial', 'Calibri', 'Georgia', 'Verdana', 'Tahoma', 'Trebuchet MS', 'Times New Roman'],
  {
    error:
      'must be a font every Office install has: Arial, Calibri, Georgia, Verdana, ' +
      'Tahoma, Trebuchet MS or Times New Roman',
  },
);

/** Where recipients unsubscribe: one https address (RFC 8058 one-click needs https), without credentials. */
const unsubscribePage = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'https:' &&
        Boolean(url.hostname) &&
        !url.username &&
        !url.password &&
        !/\s/.test(value)
      );
    } catch {
      return false;
    }
  },
  {
    error:
      'must be the https address of your unsubscribe page, e.g. https://www.example.org/unsubscribe ' +
      '(each sent copy adds ?email=<recipient>)',
  },
);

export const brandSchema = z.strictObject({
  meta: z.strictObject({
    name,
    link: z.union([z.string(), z.strictObject({ home: z.string().optional() }).loose()]).optional(),
  }),
  logo: z
    .union([
      z.string(),
      z.strictObject({
        images: z
          .record(
            z.string(),
            z.union([z.string(), z.strictObject({ path: z.string(), alt: z.string().optional() })]),
          )
          .optional(),
        small: z.string().optional(),
        medium: z.string().optional(),
        large: z.string().optional(),
      }),
    ])
    .optional(),
  color: z.strictObject({
    palette: z
      .record(z.string(), z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be #RRGGBB' }))
      .optional(),
    primary: hexOrName,
    secondary: hexOrName.optional(),
    tertiary: hexOrName.optional(),
    foreground: hexOrName.optional(),
    background: hexOrName.optional(),
    light: hexOrName.optional(),
    dark: hexOrName.optional(),
  }),
  typography: z.strictObject({
    fonts: z.array(fontFamily).min(1),
    base: typeRole(
      [[400, 'normal']],
      'must be 400 (normal): body text is set in the regular face, with bold and italic where the report marks them',
    ),
    headings: typeRole(
      [
        [400, 'normal'],
        [700, 'bold'],
      ],
      'must be 400 (normal) or 700 (bold), a face the heading family has',
    ).optional(),
  }),
  defaults: z
    .strictObject({
      briefpress: z
        .strictObject({
          /** The language of this brand's reports when a report does not say (`report.language` wins). */
          language: languageTag.optional(),
          contact: z
            .strictObject({
              phone: z.string().optional(),
              email: z.email({ error: 'must be an e-mail address' }).optional(),
              website: z.string().optional(),
              address: z.string().optional(),
            })
            .optional(),
          slides: z
            .strictObject({
              'heading-font': officeFont.default('Arial'),
              'body-font': officeFont.default('Calibri'),
            })
            .optional(),
          email: z
            .strictObject({
              'max-size-mb': z.number().positive().optional(),
              subject: z.string().optional(),
              unsubscribe: unsubscribePage.optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .loose()
    .optional(),
});

export type BrandInput = z.infer<typeof brandSchema>;
