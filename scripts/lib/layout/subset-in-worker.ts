import path from 'node:path';
import type { Worker } from 'node:worker_threads';

/** The worker subsetting now, its unanswered requests, and the timer that ends it once idle. */
interface SubsetWorker {
  thread: Worker;
  pending: Map<number, { resolve(bytes: Buffer): void; reject(error: Error): void }>;
  idle?: NodeJS.Timeout;
}
let worker: SubsetWorker | undefined;
let nextId = 0;

/**
 * subset-font run in a worker thread (subset-worker.mjs) shared by the faces
 * of a build (the web edition's WOFF2 and the PDF's Latin subsets) and ended
 * a moment after its last answer: HarfBuzz's WebAssembly
 * memory (some 100 MB after the brand's faces; a WebAssembly memory never
 * shrinks) goes with it instead of staying in the build server. Only a face
 * not in the cache is subset, so most builds start no worker.
 */
export async function subsetInWorker(
  font: Buffer,
  text: string,
  targetFormat: 'woff2' | 'truetype',
): Promise<Buffer> {
  if (!worker) {
    const { Worker } = await import('node:worker_threads');
    const state: SubsetWorker = {
      thread: new Worker(path.join(import.meta.dirname, 'subset-worker.mjs')),
      pending: new Map(),
    };
    const end = () => {
      if (worker === state) worker = undefined;
      void state.thread.terminate();
    };
    state.thread.on('message', ({ id, bytes, error }: { id: number; bytes?: Uint8Array; error?: string }) => {
      const request = state.pending.get(id);
      state.pending.delete(id);
      if (state.pending.size === 0) {
        // Idle: it no longer keeps the process alive, and ends unless another face comes soon.
        state.thread.unref();
        state.idle = setTimeout(end, 250).unref();
      }
      if (error !== undefined || !bytes) request?.reject(new Error(`subset-font: ${error ?? 'no output'}`));
      else request?.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    state.thread.on('error', (error) => {
      end();
      for (const request of state.pending.values()) request.reject(error);
      state.pending.clear();
    });
    worker = state;
  }
  const state = worker;
  clearTimeout(state.idle);
  state.thread.ref();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    const copy = new Uint8Array(font);
    state.thread.postMessage({ id, font: copy, text, options: { targetFormat } }, [copy.buffer]);
  });
}

/**
 * Ends the worker now, when it has nothing left to answer, instead of a moment
 * after its last answer: its HarfBuzz memory (some 90 MB) is then given back
 * before what comes next allocates its own (the web edition's share cards
 * after its fonts), so the two do not add up to the build's peak.
 */
export async function endSubsetWorker(): Promise<void> {
  const state = worker;
  if (!state || state.pending.size > 0) return;
  clearTimeout(state.idle);
  worker = undefined;
  await state.thread.terminate();
}
