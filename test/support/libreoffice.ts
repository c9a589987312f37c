import { spawnSync } from 'node:child_process';
import { renderDeck } from '../../scripts/lib/readme/font-situations.ts';

/** The `soffice` on PATH, or undefined (CI installs libreoffice-impress; a developer may not have it). */
export function soffice(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Converts a deck to PDF with LibreOffice, in `workDir`, drawing the Office
 * fonts with the metric clones the deck was measured with (a private
 * fontconfig and profile: see scripts/lib/readme/font-situations.ts), so what
 * it shows is what PowerPoint shows.
 */
export async function deckToPdf(pptx: string, workDir: string): Promise<string> {
  return renderDeck(pptx, 'clones', workDir);
}
