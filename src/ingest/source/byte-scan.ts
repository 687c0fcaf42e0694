import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** What one fast pass over a file's bytes tells (no parsing: native searches only). */
export interface ByteFacts {
  sha256: string;
  size: number;
  validUtf8: boolean;
  hasLineFeed: boolean;
  /** Carriage returns not followed by a line feed. */
  bareCarriageReturns: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Bytes at the end of `chunk` that start a UTF-8 sequence the chunk does not finish. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back += 1) {
    const byte = chunk[chunk.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * Hashes the file and checks, in the same pass, whether it is valid UTF-8
 * and whether it holds bare carriage returns (which DuckDB would take for row
 * breaks). `onBytes` reports progress.
 */
export async function scanBytes(path: string, onBytes?: (done: number) => void): Promise<ByteFacts> {
  const hash = createHash('sha256');
  let size = 0;
  let validUtf8 = true;
  let carry: Buffer | null = null;
  let hasLineFeed = false;
  let bareCarriageReturns = 0;
  let pendingCr = false;
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = raw as Buffer;
    hash.update(chunk);
    size += chunk.length;
    if (chunk.length === 0) continue;
    if (validUtf8) {
      const joined: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteTail(joined);
      validUtf8 = isUtf8(joined.subarray(0, joined.length - tail));
      carry = tail > 0 ? Buffer.from(joined.subarray(joined.length - tail)) : null;
    }
    if (pendingCr && chunk[0] !== LF) bareCarriageReturns += 1;
    pendingCr = false;
    hasLineFeed ||= chunk.includes(LF);
    for (let at = chunk.indexOf(CR); at !== -1; at = chunk.indexOf(CR, at + 1)) {
      if (at === chunk.length - 1) pendingCr = true;
      else if (chunk[at + 1] !== LF) bareCarriageReturns += 1;
    }
    onBytes?.(size);
  }
  if (pendingCr) bareCarriageReturns += 1;
  if (carry) validUtf8 = false;
  return { sha256: hash.digest('hex'), size, validUtf8, hasLineFeed, bareCarriageReturns };
}

/** Physical lines of a file (LF-terminated; a last line without LF counts). Only needed when line numbers are reported. */
export async function countLines(path: string): Promise<number> {
  let lineFeeds = 0;
  let lastByte = LF;
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = raw as Buffer;
    for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) lineFeeds += 1;
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1] ?? LF;
  }
  return lineFeeds + (lastByte === LF ? 0 : 1);
}
