import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileChunks } from './file-chunks.js';

/** What one fast pass over a file's bytes tells (no parsing: native searches only). */
export interface ByteFacts {
  sha256: string;
  size: number;
  validUtf8: boolean;
  /** The file's first line end: a bare CR, CR CR LF, or an LF (alone or after one CR); null in a file of one line. */
  firstLineEnd: 'cr' | 'crcrlf' | 'lf' | null;
  /** Carriage returns not followed by a line feed. */
  bareCarriageReturns: number;
  /** CR LF pairs. */
  crlf: number;
  /** Of them, those after another CR (CR CR LF), within one chunk of the file. */
  crCrLf: number;
  /** Bytes that are not valid UTF-8, with the offsets of the first few. */
  invalidUtf8: ByteCount;
  /** NUL (0x00) bytes, with the offsets of the first few. */
  nulBytes: ByteCount;
  /** Of them, those of the run the file ends with (a download padded with NULs where it stopped). */
  trailingNuls: number;
}

export interface ByteCount {
  count: number;
  /** Byte offsets of the first `KEPT_OFFSETS` found. */
  offsets: number[];
}

/** How many positions a count keeps, for messages that name the first few lines. */
export const KEPT_OFFSETS = 5;

function note(counter: ByteCount, offset: number): void {
  counter.count += 1;
  if (counter.offsets.length < KEPT_OFFSETS) counter.offsets.push(offset);
}

/** Whether the file's last byte ends a line (a line feed or a carriage return); true for an empty file. */
export function endsWithLineEnd(path: string): boolean {
  const size = statSync(path).size;
  if (size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === LF || last[0] === CR;
  } finally {
    closeSync(fd);
  }
}

/**
 * Walks bytes that failed the native UTF-8 check: counts the invalid bytes
 * (one per byte that cannot start or continue a sequence), with the offsets
 * of the first few, which the warning names by their lines.
 */
function classifyUtf8(bytes: Buffer, base: number, invalid: ByteCount): void {
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const shape = sequenceShape(lead);
    if (shape.length > 0 && sequenceBytes(bytes, at, shape) === shape.length) {
      at += shape.length;
    } else {
      note(invalid, base + at);
      at += 1;
    }
  }
}

interface SequenceShape {
  length: number;
  low: number;
  high: number;
}

/** The length of the UTF-8 sequence a lead byte starts, and the range of its second byte (narrower after some leads: overlong forms, surrogates, beyond U+10FFFF); 0 for a byte that starts none. */
function sequenceShape(lead: number): SequenceShape {
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  return { length, low: lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80, high: lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf };
}

/** How many bytes from `at`, the lead's included, follow the shape of the sequence it starts (within `bytes`): its length when whole. */
function sequenceBytes(bytes: Buffer, at: number, { length, low, high }: SequenceShape): number {
  let next = 1;
  while (next < length && at + next < bytes.length) {
    const byte = bytes[at + next] ?? 0;
    if (next === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) break;
    next += 1;
  }
  return next;
}

/**
 * A file's valid multi-byte UTF-8 sequences and its broken ones, each counted once (a sequence cut short is one
 * broken character, as a decoder shows it). Read again only for a file with bytes invalid in UTF-8, where the two
 * decide its encoding; every chunk is walked, the valid ones too, so a chunk full of accents counts each.
 */
export async function utf8Evidence(path: string): Promise<{ sequences: number; broken: number }> {
  let sequences = 0;
  let broken = 0;
  let carry: Buffer | null = null;
  const walk = (bytes: Buffer, final: boolean): Buffer | null => {
    for (let at = 0; at < bytes.length; ) {
      const lead = bytes[at] ?? 0;
      if (lead < 0x80) {
        at += 1;
        continue;
      }
      const shape = sequenceShape(lead);
      const { length } = shape;
      const next = sequenceBytes(bytes, at, shape);
      if (length > 0 && next === length) sequences += 1;
      // A sequence the chunk ends inside is finished by the next one.
      else if (length > 0 && at + next >= bytes.length && !final) return Buffer.from(bytes.subarray(at));
      else broken += 1;
      at += Math.max(1, length > 0 && next === length ? length : next);
    }
    return null;
  };
  for await (const chunk of fileChunks(path)) carry = walk(carry ? Buffer.concat([carry, chunk]) : chunk, false);
  if (carry) walk(carry, true);
  return { sequences, broken };
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
  let carry: Buffer | null = null;
  let firstLineEnd: ByteFacts['firstLineEnd'] = null;
  // The bytes from a CR that ends a chunk (or is one before its end), when the file's first line end is still to be told.
  let firstEndCut: Buffer | null = null;
  let bareCarriageReturns = 0;
  let crlf = 0;
  let crCrLf = 0;
  let pendingCr = false;
  const invalidUtf8: ByteCount = { count: 0, offsets: [] };
  const nulBytes: ByteCount = { count: 0, offsets: [] };
  let trailingNuls = 0;
  for await (const chunk of fileChunks(path)) {
    hash.update(chunk);
    const start = size;
    size += chunk.length;
    if (chunk.length === 0) continue;
    const joined: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(joined);
    const body = joined.subarray(0, joined.length - tail);
    // Native checks first: the JavaScript walk runs only on chunks that hold invalid bytes.
    if (!isUtf8(body)) classifyUtf8(body, start - (carry?.length ?? 0), invalidUtf8);
    carry = tail > 0 ? Buffer.from(joined.subarray(joined.length - tail)) : null;
    for (let at = chunk.indexOf(0); at !== -1; at = chunk.indexOf(0, at + 1)) note(nulBytes, start + at);
    trailingNuls = endingNuls(chunk, trailingNuls);
    if (pendingCr) {
      if (chunk[0] === LF) crlf += 1;
      else bareCarriageReturns += 1;
    }
    pendingCr = false;
    if (firstLineEnd === null) {
      const seen: Buffer = firstEndCut ? Buffer.concat([firstEndCut, chunk.subarray(0, 2)]) : chunk;
      const cr = seen.indexOf(CR);
      const lf = seen.indexOf(LF);
      // A CR this close to the end of the bytes seen is told by the next chunk's first bytes.
      if (!firstEndCut && cr !== -1 && (lf === -1 || cr < lf) && cr >= seen.length - 2) firstEndCut = Buffer.from(seen.subarray(cr));
      else [firstLineEnd, firstEndCut] = [lineEndIn(seen), null];
    }
    for (let at = chunk.indexOf(CR); at !== -1; at = chunk.indexOf(CR, at + 1)) {
      if (at === chunk.length - 1) pendingCr = true;
      else if (chunk[at + 1] !== LF) bareCarriageReturns += 1;
      else {
        crlf += 1;
        if (at > 0 && chunk[at - 1] === CR) crCrLf += 1;
      }
    }
    onBytes?.(size);
  }
  if (pendingCr) bareCarriageReturns += 1;
  if (firstEndCut) firstLineEnd = lineEndIn(firstEndCut);
  // A sequence the file never finishes: each of its bytes is invalid.
  if (carry) for (let at = 0; at < carry.length; at += 1) note(invalidUtf8, size - carry.length + at);
  return { sha256: hash.digest('hex'), size, validUtf8: invalidUtf8.count === 0, firstLineEnd, bareCarriageReturns, crlf, crCrLf, invalidUtf8, nulBytes, trailingNuls };
}

/** The NULs the bytes read so far end with, after `chunk`: its own run at its end, and `before` too when it is all NULs. */
function endingNuls(chunk: Buffer, before: number): number {
  let run = 0;
  while (run < chunk.length && chunk[chunk.length - 1 - run] === 0) run += 1;
  return run === chunk.length ? before + run : run;
}

/** The first line end of a chunk: a CR not followed by LF (a CR that ends the chunk counts so), CR CR LF, or an LF; null without either. */
function lineEndIn(chunk: Buffer): ByteFacts['firstLineEnd'] {
  const [cr, lf] = [chunk.indexOf(CR), chunk.indexOf(LF)];
  if (cr === -1 && lf === -1) return null;
  if (cr === -1 || (lf !== -1 && lf < cr)) return 'lf';
  if (chunk[cr + 1] === LF) return 'lf';
  return chunk[cr + 1] === CR && chunk[cr + 2] === LF ? 'crcrlf' : 'cr';
}

/** The 1-based line of each byte offset (ascending), counting line feeds before it. */
export async function linesAt(path: string, offsets: readonly number[]): Promise<number[]> {
  const lines: number[] = [];
  let lineFeeds = 0;
  let position = 0;
  let next = 0;
  for await (const chunk of fileChunks(path)) {
    while (next < offsets.length && (offsets[next] ?? 0) < position + chunk.length) {
      const upTo = (offsets[next] ?? 0) - position;
      let count = 0;
      for (let at = chunk.indexOf(LF); at !== -1 && at < upTo; at = chunk.indexOf(LF, at + 1)) count += 1;
      lines.push(lineFeeds + count + 1);
      next += 1;
    }
    if (next >= offsets.length) break;
    for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) lineFeeds += 1;
    position += chunk.length;
  }
  return lines;
}

/** Physical lines of a file (LF-terminated; a last line without LF counts). Only needed when line numbers are reported. */
export async function countLines(path: string): Promise<number> {
  let lineFeeds = 0;
  let lastByte = LF;
  for await (const chunk of fileChunks(path)) {
    for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) lineFeeds += 1;
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1] ?? LF;
  }
  return lineFeeds + (lastByte === LF ? 0 : 1);
}
