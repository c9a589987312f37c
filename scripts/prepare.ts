/**
 * `npm ci` runs this after installing (postinstall): it makes ahead of time
 * what a cold build would otherwise make on its first run, so the first build
 * is as fast as the next ones: the PDF font subsets of every brand in
 * templates/brands/, and the V8 start-up snapshot of the build commands
 * (scripts/lib/snapshot/make.mjs). A failure is a warning, never a failed install: a build
 * makes whatever is missing itself.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadBrand } from './lib/load-brand.ts';
import { toolRoot } from './lib/io/project.ts';
import { prepareFontSubsets } from './lib/layout/font-subsets.ts';
import { makeSnapshot } from './lib/snapshot/make.mjs';

const started = performance.now();
const subsets = new Set<string>();
try {
  const brands = (await readdir(path.join(toolRoot, 'templates/brands'), { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const name of brands.sort()) {
    try {
      for (const file of await prepareFontSubsets(await loadBrand(name))) subsets.add(file);
    } catch (error) {
      // A brand with a problem is reported by the build that uses it, with file and line.
      process.stderr.write(
        `prepare: brand ${name} skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
      );
    }
  }
  process.stdout.write(
    `briefpress: ${subsets.size} PDF font subsets ready, ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  );
} catch (error) {
  process.stderr.write(
    `prepare: ${error instanceof Error ? error.message : String(error)}; builds ` +
      `will prepare what they need themselves\n`,
  );
}

const snapshotStarted = performance.now();
try {
  await makeSnapshot(toolRoot);
  process.stdout.write(
    `briefpress: start-up snapshot ready, ${((performance.now() - snapshotStarted) / 1000).toFixed(2)} s\n`,
  );
} catch (error) {
  process.stderr.write(
    `prepare: no start-up snapshot (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
      `cold builds load their modules instead\n`,
  );
}
