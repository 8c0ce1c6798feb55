/**
 * Reads the files the CLI is given (payloads for `check` and `send`, bodies for `sign` and
 * `verify`) as bytes, safely: only regular files (a FIFO would block for ever, `/dev/zero` never
 * ends), never more than a cap whatever `stat` says (a file may grow while it is read, and
 * `/proc` files report size 0), and UTF-8 checked with the offset of the first bad byte.
 */
import { constants, promises as fs } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export type FileInputProblem = 'not-regular' | 'too-large' | 'io';

export class FileInputError extends Error {
  constructor(
    readonly problem: FileInputProblem,
    message: string,
  ) {
    super(message);
  }
}

/** What a non-regular file is, for messages: `a FIFO (named pipe)`, `a socket`, `a device`… */
export function fileKind(stat: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
}): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * The bytes of a regular file, at most `maxBytes`. Opened without blocking (so a FIFO cannot hang the
 * open itself), checked on the open handle (so the file cannot be swapped after the check), and read
 * until EOF or one byte past the cap.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileInputError('io', ioReason(e));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new FileInputError('not-regular', `it is ${fileKind(stat)}, not a regular file`);
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    // Sized from stat, but read until EOF: stat may be wrong (growing files, /proc, network file systems).
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(length, maxBytes);
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, length, buffer.length - length, null));
      } catch (e) {
        throw new FileInputError('io', ioReason(e));
      }
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(length, maxBytes);
    return buffer.subarray(0, length);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(size: number, maxBytes: number): FileInputError {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return new FileInputError('too-large', `it is over ${mb(maxBytes)} (at least ${mb(size)}); files that large are not read`);
}

function ioReason(e: unknown): string {
  const error = e as NodeJS.ErrnoException;
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error.code ?? error.message;
  }
}

/** Offset of the first byte that is not part of valid UTF-8, or -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

export interface DecodedText {
  /** The text, invalid bytes replaced by U+FFFD (a byte-order mark kept: the parsers skip it). */
  text: string;
  /** When the bytes are not UTF-8: the byte offset of the first bad byte and its offset in `text`. */
  invalid?: { byte: number; offset: number };
}

export function decodeUtf8(bytes: Buffer): DecodedText {
  const text = bytes.toString('utf8');
  const byte = firstInvalidUtf8(bytes);
  if (byte < 0) return { text };
  // Everything before the first bad byte is valid, so its decoded length is the bad byte's offset in the text.
  return { text, invalid: { byte, offset: bytes.subarray(0, byte).toString('utf8').length } };
}
