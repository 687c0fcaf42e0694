import { crc32 } from 'node:zlib';
import { SaxesParser } from 'saxes';
import type { LogoKind } from './logo.js';

/**
 * Whether a logo's bytes hold the whole image its first bytes announce: a PNG whose every chunk's checksum holds, up
 * to its end chunk (a download cut short, or bytes overwritten, fails); a JPEG that reaches its end marker; an SVG
 * that is well-formed XML. A browser draws a broken-image icon for anything less, on every page of the report.
 */
export function logoIsWhole(bytes: Buffer, kind: LogoKind): boolean {
  if (kind === 'image/png') return pngIsWhole(bytes);
  if (kind === 'image/jpeg') return jpegIsWhole(bytes);
  return svgIsWellFormed(bytes);
}

function pngIsWhole(bytes: Buffer): boolean {
  // After the 8-byte signature: chunks of length, type, data and a CRC-32 of type and data, the last one IEND.
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const end = at + 8 + length;
    if (end + 4 > bytes.length) return false;
    if (crc32(bytes.subarray(at + 4, end)) !== bytes.readUInt32BE(end)) return false;
    if (bytes.toString('latin1', at + 4, at + 8) === 'IEND') return true;
    at = end + 4;
  }
  return false;
}

function jpegIsWhole(bytes: Buffer): boolean {
  // The end-of-image marker, allowing the few bytes of padding some writers put after it.
  return bytes.subarray(Math.max(0, bytes.length - 1024)).includes(Buffer.from([0xff, 0xd9]));
}

function svgIsWellFormed(bytes: Buffer): boolean {
  const parser = new SaxesParser();
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.write(bytes.toString('utf8').replace(/^\uFEFF/, '')).close();
  return !failed;
}
