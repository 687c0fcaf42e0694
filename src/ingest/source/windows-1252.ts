/**
 * Windows-1252 decoding. Node 20's TextDecoder treats the label as ISO-8859-1
 * and leaves bytes 0x80-0x9F as control characters, which would turn every
 * curly quote and euro sign of an Excel export into garbage; this maps them.
 */
const HIGH_CONTROLS: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** Decodes Windows-1252 bytes (a single-byte code: every chunk boundary is safe). Unassigned bytes stay as their Latin-1 code point. */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (char) => HIGH_CONTROLS[char.charCodeAt(0)] ?? char);
}
