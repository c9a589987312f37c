/** pdf.js's worker code, imported to run in this thread (see read-text-layout.ts); only its presence matters. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
