/** A file to write inside a folder output (the web edition), by its relative path (`cards/og.png`). */
export interface FolderEntry {
  path: string;
  bytes: Uint8Array;
}
