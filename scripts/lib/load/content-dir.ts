import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The report files of a content folder (`*.yaml`, `*.yml`), sorted; none when the folder is missing. */
export async function reportsIn(dir = 'content'): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}
