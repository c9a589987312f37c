/**
 * `npm run readme:images`: the README's pictures (cover, a body page, two
 * slides) made from the sample's real PDF and deck, into templates/readme/.
 * Needs pdftoppm (poppler-utils) and soffice (LibreOffice Impress).
 */
import path from 'node:path';
import { toolRoot } from './lib/load/project.ts';
import { writeSnapshots } from './lib/readme/snapshots.ts';

const written = await writeSnapshots({
  toolRoot,
  report: path.join(toolRoot, 'content/2026-01-20-evolving-militant-ecosystem.yaml'),
  outDir: path.join(toolRoot, 'templates/readme'),
  snapshots: [
    { name: 'cover.png', from: 'pdf', page: 1, width: 360 },
    { name: 'body-page.png', from: 'pdf', page: 3, width: 360 },
    { name: 'slide-title.png', from: 'deck', page: 1, width: 480 },
    { name: 'slide-speaker.png', from: 'deck', page: 4, width: 480 },
  ],
});
for (const file of written) console.log(`${path.relative(process.cwd(), file)} written`);
