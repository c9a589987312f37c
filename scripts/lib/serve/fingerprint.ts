import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * What a warm build process was started from, by content: every file of
 * scripts/ and templates/ (code, layouts, brands, fonts), package.json and the
 * lock file (which fix node_modules and its patches). A file counts as changed
 * only when its bytes differ: a `touch` or a save of the same text does not.
 *
 * Hashing some 10 MB of fonts at every build would cost more than the build, so
 * a file is hashed again only when its stat (size, mtime, ctime, inode) moved
 * since it was last hashed, or when it was modified within the last two
 * seconds before that hash (a write in the same timestamp tick would not move
 * the stat: git calls such files "racily clean").
 */
export interface Fingerprint {
  /** Path → SHA-256 of the file when the process started. */
  readonly hashes: ReadonlyMap<string, string>;
  /** The first file whose content differs now (added, removed, changed), or undefined when none does. */
  changed(): string | undefined;
}

const RACY_MS = 2000;

export function fingerprint(toolRoot: string): Fingerprint {
  const known = new Map<string, { signature: string; hash: string; hashedAt: number; mtimeMs: number }>();
  const current = () => {
    const files = new Map<string, string>();
    for (const file of trackedFiles(toolRoot)) {
      let stats: Stats;
      try {
        stats = statSync(file);
      } catch {
        continue; // removed while we walked: it counts as missing
      }
      const signature = `${stats.size} ${stats.mtimeMs} ${stats.ctimeMs} ${stats.ino}`;
      let entry = known.get(file);
      if (!entry || entry.signature !== signature || entry.hashedAt - entry.mtimeMs < RACY_MS) {
        const hashedAt = Date.now();
        entry = {
          signature,
          hash: createHash('sha256').update(readFileSync(file)).digest('hex'),
          hashedAt,
          mtimeMs: stats.mtimeMs,
        };
        known.set(file, entry);
      }
      files.set(file, entry.hash);
    }
    return files;
  };
  const hashes = current();
  return {
    hashes,
    changed() {
      const now = current();
      for (const [file, hash] of now) if (hashes.get(file) !== hash) return file;
      for (const file of hashes.keys()) if (!now.has(file)) return file;
      return undefined;
    },
  };
}

/** scripts/**, templates/**, package.json, package-lock.json (what exists of them). */
function trackedFiles(toolRoot: string): string[] {
  const files = ['package.json', 'package-lock.json'].map((f) => path.join(toolRoot, f));
  for (const dir of ['scripts', 'templates']) {
    for (const entry of readdirSync(path.join(toolRoot, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        files.push(path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
    }
  }
  return files;
}
