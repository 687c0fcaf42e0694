import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { decodeWindows1252 } from './windows-1252.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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
}

/**
 * Streams `input` into `output` as UTF-8 without a byte-order mark, changing
 * only line ends as asked; never holds the file in memory. Returns how many
 * bare carriage returns were replaced by the placeholder.
 */
export async function rewriteAsUtf8(input: string, output: string, options: RewriteOptions, onBytes?: (done: number) => void): Promise<number> {
  const decoder = options.encoding === 'windows-1252' ? null : new TextDecoder(options.encoding);
  const decode = (chunk?: Buffer): string => (decoder ? (chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()) : chunk ? decodeWindows1252(chunk) : '');
  const out = createWriteStream(output);
  const closed = once(out, 'close');
  let heldCr = false;
  let placeholders = 0;
  let done = 0;
  const transform = (text: string): string => {
    let result = options.normalizeCrlf ? text.replace(/\r\n/g, '\n') : text;
    if (options.bareCarriageReturn === 'line-end') return result.replace(/\r/g, '\n');
    result = result.replace(/\r(?!\n)/g, () => {
      placeholders += 1;
      return CR_PLACEHOLDER;
    });
    return result;
  };
  try {
    for await (const raw of createReadStream(input, { start: options.skipBytes, highWaterMark: 1 << 20 })) {
      const chunk = raw as Buffer;
      done += chunk.length;
      let text: string = (heldCr ? '\r' : '') + decode(chunk);
      // A CR at the end of a chunk may be the first half of a CRLF: decide with the next chunk.
      heldCr = text.endsWith('\r');
      if (heldCr) text = text.slice(0, -1);
      if (!out.write(transform(text))) await once(out, 'drain');
      onBytes?.(done);
    }
    out.end(transform((heldCr ? '\r' : '') + decode()));
    await closed;
  } catch (error) {
    out.destroy();
    throw error;
  }
  return placeholders;
}
