import path from 'node:path';
import { readTextFile } from './load/read-text.ts';
import { parseYaml } from './load/yaml-source.ts';
import { checkAgainst } from './validate/check.ts';
import { brandSchema } from './validate/brand-schema.ts';
import { shownPath, toolRoot } from './io/project.ts';
import type { Brand } from './model/types.ts';
import { toBrand } from './model/build-brand.ts';

const cache = new Map<string, Promise<Brand>>();

/** Loads and validates templates/brands/NAME/_brand.yml; parsed once per process. */
export function loadBrand(name: string, brandsDir = path.join(toolRoot, 'templates/brands')): Promise<Brand> {
  const dir = path.join(brandsDir, name);
  let brand = cache.get(dir);
  if (!brand) {
    brand = readBrand(name, dir);
    cache.set(dir, brand);
    brand.catch(() => cache.delete(dir));
  }
  return brand;
}

/** Forgets parsed brands, for watch mode after a brand file changes. */
export function forgetBrands(): void {
  cache.clear();
}

async function readBrand(name: string, dir: string): Promise<Brand> {
  const file = path.join(dir, '_brand.yml');
  const shown = shownPath(file);
  const src = parseYaml(await readTextFile(file, shown), shown);
  const input = checkAgainst(brandSchema, src);
  return toBrand(name, dir, input, src);
}
