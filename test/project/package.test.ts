import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { root } from '../support/run-script.ts';

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides?: Record<string, string>;
  scripts: Record<string, string>;
}

interface LockFile {
  packages: Record<string, { version: string; dev?: boolean }>;
}

/** `@react-pdf+render+4.7.0.patch` → { name: '@react-pdf/render', version: '4.7.0' } (patch-package's file names). */
function patchTarget(file: string): { name: string; version: string } {
  const match = /^(.+)\+(\d+\.\d+\.\d+[^+]*)\.patch$/.exec(file);
  assert.ok(match, `${file} is not named NAME+VERSION.patch`);
  return { name: match[1]!.replaceAll('+', '/'), version: match[2]! };
}

describe('package: what npm installs is what the patches were written for', async () => {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as LockFile;
  const patches = (await readdir(path.join(root, 'scripts/patches'))).filter((f) => f.endsWith('.patch'));

  it('there are patches to check', () => {
    assert.ok(patches.length > 0);
  });

  for (const file of patches) {
    const { name, version } = patchTarget(file);
    it(`${name} is pinned to ${version}, the version its patch targets, and the lock file installs it`, () => {
      // A range (^4.9.0) would let a fresh install take a newer release the patch no longer applies to.
      const pinned = pkg.dependencies[name] ?? pkg.overrides?.[name];
      assert.equal(pinned, version, `${name} must be pinned exactly in dependencies or overrides`);
      assert.equal(lock.packages[`node_modules/${name}`]?.version, version);
      assert.ok(!lock.packages[`node_modules/${name}`]?.dev, `${name} is a runtime package, not a dev one`);
    });
  }

  it('patch-package, which postinstall runs, is installed without dev dependencies too (npm ci --omit=dev)', () => {
    assert.match(pkg.scripts.postinstall ?? '', /patch-package/);
    assert.ok(pkg.dependencies['patch-package'], 'patch-package must be a dependency');
    assert.ok(!lock.packages['node_modules/patch-package']?.dev);
  });
});
