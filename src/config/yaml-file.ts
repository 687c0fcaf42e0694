import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../errors.js';

/**
 * The largest config or mapping file read: a real one is a few kilobytes
 * (a hundred brands with their handles stay under 100 KB), and a 50 MB one
 * kept the checks busy for minutes.
 */
export const MAX_YAML_BYTES = 1024 * 1024;

/** How many aliases (`*name`) a file may use: enough for any hand-written config, far too few for an alias bomb. */
const MAX_ALIASES = 100;

function readLimited(path: string, missing: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new UserError(`${path}: ${missing}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UserError(`${path}: is not a regular file; name the YAML file itself.`);
    if (stat.size > MAX_YAML_BYTES) {
      throw new UserError(`${path}: the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than the 1 MB a config or mapping may be (one is a few KB); check that this is the right file.`);
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    for (let chunk = 1; chunk > 0 && read < buffer.length; read += chunk) chunk = readSync(fd, buffer, read, buffer.length - read, read);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The file as UTF-8 text; any other encoding is refused, named, with the
 * first line that shows it: read as UTF-8, "Télécom" saved as Latin-1 would
 * reach the client's pages as "T�l�com".
 */
function utf8Text(path: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const encoding =
      (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
        ? 'UTF-16'
        : 'Windows-1252 (Latin-1), as older Windows editors save';
    let line = 1;
    for (const byte of bytes) {
      if (byte >= 0x80) break;
      if (byte === 0x0a) line += 1;
    }
    throw new UserError(`${path}:${line}: not UTF-8 text (it looks like ${encoding}); save the file as UTF-8 and run again.`);
  }
}

/**
 * Reads a YAML file into plain JS values; a missing file or a syntax error is
 * a one-line UserError (`file:line:col` for syntax). `missing` says what to do
 * when the file is not there. The file must be UTF-8, at most 1 MB, and may
 * not expand itself through aliases (`*name`) beyond a hand-written config.
 */
export function readYamlFile(path: string, missing: string): unknown {
  const text = utf8Text(path, readLimited(path, missing));
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  const yamlError = document.errors[0];
  if (yamlError) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    // A key written twice is the usual slip of a hand-edited config (a theme or brand copied and not renamed): said so.
    if (yamlError.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(yamlError.pos[0]))?.[0].trim() ?? '';
      throw new UserError(`${path}:${line}:${col}: invalid YAML: the key "${key}" is written twice at the same level; rename or remove the second one.`);
    }
    throw new UserError(`${path}:${line}:${col}: invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!/alias/i.test(reason)) throw error;
    throw new UserError(`${path}: its aliases (*name) repeat their anchors' values too many times, as an alias bomb does; write the values out instead.`);
  }
}
