import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Why a named input could not be read, in the user's words, without the path
 * (the caller puts it where its messages put locations).
 */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The errno code behind it, when there is one (ENOENT, EACCES…). */
    readonly code?: string,
    /** For EFBIG: the file's size in bytes. */
    readonly size?: number,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** What a file that is not a regular file is, for the message. */
function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a file the user named (a report, a brand file, a font, a recipients
 * list), refusing anything but a regular file before reading a byte: a FIFO
 * would block forever and a device (/dev/zero) never ends. The file is opened
 * non-blocking and checked through the open handle, so it cannot be swapped
 * between the check and the read. Reads at most `maxBytes` (then says so).
 */
export async function readRegularFile(
  file: string,
  what = 'file',
  maxBytes = Number.MAX_SAFE_INTEGER,
): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw unreadable(file, error, what);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = kindOf(info);
      const advice =
        kind === 'a folder'
          ? `Name the ${what} inside it.`
          : 'briefpress reads only regular files: save it to a file and name that.';
      throw new UnreadableFileError(file, `is ${kind}, not a ${what}. ${advice}`, 'ENOTFILE');
    }
    if (info.size > maxBytes)
      throw new UnreadableFileError(
        file,
        `is ${info.size} bytes, more than the ${maxBytes} a ${what} may have.`,
        'EFBIG',
        info.size,
      );
    return await handle.readFile();
  } catch (error) {
    throw error instanceof UnreadableFileError ? error : unreadable(file, error, what);
  } finally {
    await handle.close();
  }
}

function unreadable(file: string, error: unknown, what: string): UnreadableFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: `no such ${what}. Check the path (it is relative to the folder you run the command in).`,
    ENOTDIR: `a part of the path is a file, not a folder. Check the path.`,
    EACCES: `cannot be read: permission denied. Check the file's permissions.`,
    EPERM: `cannot be read: permission denied. Check the file's permissions.`,
    ENAMETOOLONG: `the path is too long for this system. Use a shorter file name or folder.`,
    ELOOP: `the path has a loop of symbolic links. Name the file itself.`,
    ENXIO: `is a socket or a device with nothing behind it, not a ${what}.`,
    EISDIR: `is a folder, not a ${what}. Name the ${what} inside it.`,
  };
  const reason =
    (code && reasons[code]) ?? `cannot be read (${error instanceof Error ? error.message : String(error)}).`;
  return new UnreadableFileError(file, reason, code);
}
