/**
 * A worker thread that subsets fonts with subset-font (HarfBuzz in
 * WebAssembly) for web-fonts.ts. HarfBuzz's memory grows to some 100 MB while
 * it cuts the brand's faces and a WebAssembly memory never shrinks; in a
 * worker it is all given back when the worker ends, so the build server does
 * not carry it from one web edition to the next.
 */
import { parentPort } from 'node:worker_threads';
import subsetFont from 'subset-font';

parentPort.on('message', async ({ id, font, text, options }) => {
  try {
    // A copy of its own: the subset's Buffer may share memory that cannot be handed over.
    const bytes = new Uint8Array(await subsetFont(Buffer.from(font), text, options));
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
