import { setImmediate as nextTurn } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection in a long-lived build process when drawing has
 * grown it, for memory V8 cannot see. resvg-js keeps each share card's parsed
 * SVG and its pixels (some 6 MB a 1080×1350 card) outside the heap, owned by
 * the small `Resvg` and `RenderedImage` objects in it, and does not tell V8
 * how much they hold; V8 collects them only when its own heap asks for it. In
 * the build server, which already holds the PDF's and the deck's warm state,
 * builds that each drew all 13 of the sample's cards peaked at 324-354 MB
 * (from ~210 MB before the cards); a full collection before a card whenever
 * resident memory has grown 20 MB since the last, and a memory-reducing one
 * when that leaves it above 264 MB, keep them at 276-294 MB. The cost, some
 * 0.5-0.9 s more CPU in those builds only (1.8-1.9 s before; measured on a
 * loaded 2-core machine), falls on the rare build whose cards changed.
 *
 * Only where node runs with --expose-gc (`npm run serve` starts its server
 * so): a command in its own process ends soon after, and there this does nothing.
 */
type Collect = (options?: { type: 'major' | 'minor'; execution?: 'sync'; flavor?: 'last-resort' }) => void;

/** Resident bytes after the last full collection (0: none yet). */
let residentAfterLast = 0;

/** Collects garbage when resident memory grew GROWTH since the last collection; cheap otherwise. */
export function collectWhenGrown(): void {
  const gc = (globalThis as { gc?: Collect }).gc;
  if (!gc) return;
  if (process.memoryUsage.rss() - residentAfterLast < GROWTH) return;
  gc();
  // V8 keeps the heap's emptied pages: above REDUCE_ABOVE they are given back too (a slower collection).
  if (process.memoryUsage.rss() > REDUCE_ABOVE)
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  collected();
}

/**
 * Gives back the memory of a share card's resvg objects just dropped, in any
 * process. A collected `Resvg` or `RenderedImage` lets go of its SVG and
 * pixels only in a finalizer that Node runs on a later turn of the event loop,
 * and a card build, all promises and no I/O with the image cache off, need not
 * reach one before its end: a build drawing 1,000 cards in its own process
 * grew to 600 MB. The objects are still young here, so a young collection
 * (about a millisecond) finds them, and one turn of the loop runs their
 * finalizers. `gc` is node's own where it was started with --expose-gc (the
 * build server), else taken from a fresh context once the flag is set.
 */
export async function freeYoung(): Promise<void> {
  (young ??= collector())({ type: 'minor' });
  await nextTurn();
}

let young: Collect | undefined;

function collector(): Collect {
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as Collect;
}

/** Tells collectWhenGrown that a full collection has just been made elsewhere (the build server's idle one). */
export function collected(): void {
  residentAfterLast = process.memoryUsage.rss();
}

const GROWTH = 20 * 2 ** 20;
const REDUCE_ABOVE = 264 * 2 ** 20;
