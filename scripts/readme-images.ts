/**
 * `npm run readme:images`: the README's pictures (cover, a body page, a slide
 * of each kind, the web edition on a phone and a laptop, two share cards) made
 * from the sample's real outputs, into templates/readme/. Needs pdftoppm
 * (poppler-utils), soffice (LibreOffice Impress) and chromium.
 */
import path from 'node:path';
import { toolRoot } from './lib/io/project.ts';
import { writeSnapshots } from './lib/readme/snapshots.ts';

const written = await writeSnapshots({
  toolRoot,
  report: path.join(toolRoot, 'content/2026-01-20-evolving-militant-ecosystem.yaml'),
  outDir: path.join(toolRoot, 'templates/readme'),
  snapshots: [
    { name: 'cover.png', from: 'pdf', page: 1, width: 360 },
    { name: 'body-page.png', from: 'pdf', page: 3, width: 360 },
    // One slide of each kind, as PowerPoint with Office fonts draws them (the metric clones)…
    { name: 'slide-title.png', from: 'deck', layout: 'Title', width: 480 },
    { name: 'slide-list.png', from: 'deck', layout: 'List', width: 480 },
    { name: 'slide-moderators.png', from: 'deck', layout: 'Moderators (2)', width: 480 },
    { name: 'slide-speaker.png', from: 'deck', layout: 'Speaker', width: 480 },
    { name: 'slide-recommendations.png', from: 'deck', layout: 'Recommendations', width: 480 },
    { name: 'slide-closing.png', from: 'deck', layout: 'Closing', width: 480 },
    // …and a speaker slide where no Office font is installed (LibreOffice draws DejaVu).
    { name: 'slide-speaker-dejavu.png', from: 'deck', layout: 'Speaker', fonts: 'dejavu', width: 480 },
    { name: 'web-phone.png', from: 'web', viewport: 390, height: 1400, width: 300 },
    { name: 'web-desktop.png', from: 'web', viewport: 1280, height: 1000, width: 640 },
    { name: 'card-recommendation.png', from: 'card', card: 'cards/recommendation-01.png', width: 360 },
    { name: 'card-speaker.png', from: 'card', card: 'cards/speaker-01.png', width: 360 },
  ],
});
for (const file of written) console.log(`${path.relative(process.cwd(), file)} written`);
