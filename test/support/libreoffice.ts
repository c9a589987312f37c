import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from './run-script.ts';

/** The `soffice` on PATH, or undefined (CI installs libreoffice-impress; a developer may not have it). */
export function soffice(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Converts a deck to PDF with LibreOffice, in `workDir`. LibreOffice draws the
 * Office fonts with the same metric clones the deck was measured with
 * (templates/fonts/office-metrics), through a fontconfig file of its own, so
 * what it shows is what PowerPoint shows; a private profile keeps runs apart.
 */
export async function deckToPdf(pptx: string, workDir: string): Promise<string> {
  const config = path.join(workDir, 'fonts.conf');
  await writeFile(config, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(root, 'templates/fonts/office-metrics')}</dir>
  <cachedir>${path.join(workDir, 'fontconfig-cache')}</cachedir>
  <alias binding="same"><family>Georgia</family><prefer><family>Gelasio</family></prefer></alias>
  <alias binding="same"><family>Calibri</family><prefer><family>Carlito</family></prefer></alias>
  <alias binding="same"><family>Arial</family><prefer><family>Liberation Sans</family></prefer></alias>
</fontconfig>
`);
  const result = spawnSync(soffice()!, [`-env:UserInstallation=file://${path.join(workDir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', workDir, pptx], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, FONTCONFIG_FILE: config, HOME: workDir },
  });
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
  return path.join(workDir, `${path.basename(pptx, '.pptx')}.pdf`);
}
