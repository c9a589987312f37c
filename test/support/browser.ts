/** The browser tests' chromium: the same launcher the README screenshots use. */
export { browserMissing, CHROMIUM, launchBrowser } from '../../scripts/lib/browser/chromium.ts';
