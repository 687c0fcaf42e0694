import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileChunks } from './file-chunks.js';
import { decodeWindows1252 } from './windows-1252.js';
import { abandonWrite } from './abandon-write.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh';

/**
 * Stands in for a bare carriage return while DuckDB reads the file (it
 * would take a bare CR for a row break); the staging SQL turns it back into
 * CR. A character from the last private-use plane, which no export contains.
 */
export const CR_PLACEHOLDER = '\u{10FFFD}';

export interface RewriteOptions {
  encoding: TextEncoding;
  /** Bytes to drop from the start (the byte-order mark). */
  skipBytes: number;
  /** `placeholder`: bare CR kept as text; `line-end`: bare CR is the file's line end (old Mac files). */
  bareCarriageReturn: 'placeholder' | 'line-end';
  /** Turn CRLF into LF (files that mix both line ends, which DuckDB cannot read). */
  normalizeCrlf: boolean;
  /** Turn CR CR LF into CR LF: a Windows line end written twice (a CSV writer's CRLF put through a text-mode file's LF to CRLF). */
  collapseCrCrLf?: boolean;
}

/** What a rewrite changed besides the encoding. */
export interface RewriteResult {
  /** Bare carriage returns replaced by the placeholder. */
  placeholders: number;
  /** NUL characters removed (no export means them; DuckDB would store them inside the text). */
  nul: number;
  /** Byte offset in the output where the first NUL stood, for its line number. */
  firstNulOffset: number | null;
}

/**
 * Streams `input` into `output` as UTF-8 without a byte-order mark, changing
 * only line ends as asked and removing NUL characters; never holds the file
 * in memory. Bytes that are not valid in the encoding become U+FFFD.
 */
export async function rewriteAsUtf8(input: string, output: string, options: RewriteOptions, onBytes?: (done: number) => void): Promise<RewriteResult> {
  const decoder = options.encoding === 'windows-1252' ? null : new TextDecoder(options.encoding);
  const decode = (chunk?: Buffer): string => (decoder ? (chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()) : chunk ? decodeWindows1252(chunk) : '');
  const out = createWriteStream(output);
  const closed = once(out, 'close');
  let heldCr = '';
  let placeholders = 0;
  let nul = 0;
  let firstNulOffset: number | null = null;
  let written = 0;
  let done = 0;
  const transform = (text: string): string => {
    const collapsed = options.collapseCrCrLf ? text.replace(/\r\r\n/g, '\r\n') : text;
    let result = options.normalizeCrlf ? collapsed.replace(/\r\n/g, '\n') : collapsed;
    if (options.bareCarriageReturn === 'line-end') result = result.replace(/\r/g, '\n');
    else {
      result = result.replace(/\r(?!\n)/g, () => {
        placeholders += 1;
        return CR_PLACEHOLDER;
      });
    }
    if (result.includes('\0')) {
      if (firstNulOffset === null) firstNulOffset = written + Buffer.byteLength(result.slice(0, result.indexOf('\0')));
      const before = result.length;
      result = result.replaceAll('\0', '');
      nul += before - result.length;
    }
    written += Buffer.byteLength(result);
    return result;
  };
  try {
    for await (const chunk of fileChunks(input, options.skipBytes)) {
      done += chunk.length;
      let text: string = heldCr + decode(chunk);
      // The CRs at the end of a chunk (two at most) may begin a CRLF or a CR CR LF: decide with the next chunk.
      heldCr = /\r{1,2}$/.exec(text)?.[0] ?? '';
      text = text.slice(0, text.length - heldCr.length);
      if (!out.write(transform(text))) await once(out, 'drain');
      onBytes?.(done);
    }
    out.end(transform(heldCr + decode()));
    await closed;
  } catch (error) {
    abandonWrite(out, closed);
    throw error;
  }
  return { placeholders, nul, firstNulOffset };
}
