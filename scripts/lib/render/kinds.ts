import type { OutputKind } from './output.ts';

/**
 * The outputs by the name commands use, each loaded only when asked for: the
 * PDF renderer alone costs a few hundred milliseconds of module loading,
 * which a command making only the deck should not pay.
 */
const loaders = {
  pdf: async () => (await import('./pdf/index.ts')).pdfOutput,
  slides: async () => (await import('./slides/index.ts')).slidesOutput,
  email: async () => (await import('./email/index.ts')).emailOutput,
  web: async () => (await import('./web/index.ts')).webOutput,
} satisfies Record<string, () => Promise<OutputKind>>;

export type KindName = keyof typeof loaders;
export const kindNames = Object.keys(loaders) as KindName[];

/** Loads the named outputs, in the order given. */
export function loadKinds(names: readonly KindName[]): Promise<OutputKind[]> {
  return Promise.all(names.map((name) => loaders[name]()));
}
