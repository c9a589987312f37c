import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** One line of the send log: what happened to one message for one recipient. */
export interface LogEntry {
  time: string;
  /** sha256 of the .eml as built, so a rebuilt (different) message is told apart. */
  message: string;
  /** The recipient's address, lower-cased. */
  to: string;
  result: 'sent' | 'refused';
  /** The server's reply, e.g. "250 2.0.0 Ok: queued" or "550 5.1.1 No such user". */
  response: string;
  messageId?: string;
}

/** out/x.eml → out/x.sendlog.jsonl: the log lives beside the message it records. */
export function sendLogPath(messageFile: string): string {
  return path.join(path.dirname(messageFile), `${path.basename(messageFile, '.eml')}.sendlog.jsonl`);
}

/**
 * The append-only record of deliveries, one JSON object a line. Each line
 * is flushed to disk before the next message goes out, so a run that is
 * killed, or that the server cut short, can be run again and serves only
 * those not yet served.
 */
export class SendLog {
  private constructor(
    readonly file: string,
    readonly entries: LogEntry[],
    private handle?: FileHandle,
  ) {}

  /** Reads the log (a missing log is empty); an unreadable line is reported and skipped. */
  static async read(file: string, warn: (message: string) => void): Promise<SendLog> {
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const entries: LogEntry[] = [];
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const entry = JSON.parse(line) as LogEntry;
        if (typeof entry.to === 'string' && typeof entry.message === 'string') entries.push(entry);
        else warn(`${file}:${i + 1}: not a send record; ignored.`);
      } catch {
        warn(`${file}:${i + 1}: unreadable line (a run cut off while writing?); ignored.`);
      }
    });
    return new SendLog(file, entries);
  }

  /** When each address was sent this very message: those are skipped. */
  servedWith(message: string): Map<string, LogEntry> {
    return new Map(
      this.entries.filter((e) => e.result === 'sent' && e.message === message).map((e) => [e.to, e]),
    );
  }

  /** Addresses sent an earlier build of the message (and not this one). */
  servedEarlier(message: string): Map<string, LogEntry> {
    const now = this.servedWith(message);
    return new Map(
      this.entries
        .filter((e) => e.result === 'sent' && e.message !== message && !now.has(e.to))
        .map((e) => [e.to, e]),
    );
  }

  /** Appends one record and waits until it is on disk. */
  async append(entry: LogEntry): Promise<void> {
    if (!this.handle) {
      this.handle = await open(this.file, 'a');
      await syncFolder(path.dirname(this.file));
    }
    await this.handle.write(`${JSON.stringify(entry)}\n`);
    await this.handle.sync();
    this.entries.push(entry);
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}

/** Makes a newly created log's name durable too; not every platform can open a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot fsync a folder; the file's own fsync still holds its lines.
  }
}
