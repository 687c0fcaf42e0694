import { decodeWindows1252 } from './source/windows-1252.js';

/**
 * UTF-8 text that was once read as Windows-1252 (as Excel does with a CSV it
 * opens, then saves): "Let’s" becomes "Letâ€™s", "é" becomes "Ã©". Each
 * damaged character is a run of Windows-1252 characters whose bytes are a
 * valid UTF-8 sequence; that run is the evidence, and decoding its bytes as
 * UTF-8 is the repair. A run that is not valid UTF-8 ("Ã" alone, "à…") is
 * text, and is left alone. Valid text can hold such runs too (a capital or
 * "ß" before typographic punctuation: "Spaß“" would become "Spaߓ"), so a
 * text is repaired only on evidence of damage in it (repairMojibake).
 */

/** The character each byte 0x80-0xFF shows as in Windows-1252 (undefined bytes as their C1 control). */
const CHAR_OF_BYTE = new Map<number, string>(Array.from({ length: 128 }, (_, index) => [0x80 + index, decodeWindows1252(Buffer.from([0x80 + index]))]));
const BYTE_OF_CHAR = new Map<string, number>([...CHAR_OF_BYTE].map(([byte, char]) => [char, byte]));

/** A character class of the characters bytes `from`..`to` show as; none of them is special inside a class. */
function bytes(from: number, to: number): string {
  let chars = '';
  for (let byte = from; byte <= to; byte++) chars += CHAR_OF_BYTE.get(byte) ?? '';
  return `[${chars}]`;
}

const CONT = bytes(0x80, 0xbf);

/**
 * The well-formed UTF-8 sequences of 2 to 4 bytes (RFC 3629, table 3-7),
 * written with the characters their bytes show as in Windows-1252. The same
 * text is a JavaScript and an RE2 (DuckDB) regular expression.
 */
export const MOJIBAKE_PATTERN = [
  `${bytes(0xc2, 0xdf)}${CONT}`,
  `${bytes(0xe0, 0xe0)}${bytes(0xa0, 0xbf)}${CONT}`,
  `${bytes(0xe1, 0xec)}${CONT}{2}`,
  `${bytes(0xed, 0xed)}${bytes(0x80, 0x9f)}${CONT}`,
  `${bytes(0xee, 0xef)}${CONT}{2}`,
  `${bytes(0xf0, 0xf0)}${bytes(0x90, 0xbf)}${CONT}{2}`,
  `${bytes(0xf1, 0xf3)}${CONT}{3}`,
  `${bytes(0xf4, 0xf4)}${bytes(0x80, 0x8f)}${CONT}{2}`,
].join('|');

const SEQUENCE = new RegExp(MOJIBAKE_PATTERN, 'gu');
/** Damaged characters next to each other: the letters of a damaged word of Cyrillic, Greek or Chinese, or a letter and its quote mark. */
const RUN = new RegExp(`(?:${MOJIBAKE_PATTERN})+`, 'gu');
// ignoreBOM keeps a damaged byte-order mark (EF BB BF) as the character it is; the decoder would drop it.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The characters a lone damaged sequence is taken to stand for on its own: Latin letters and signs (Latin-1, Latin
 * Extended-A and -B, IPA and combining accents: "é", "ł", "ə", "ǎ", a no-break space, an accent written apart),
 * Vietnamese letters, Greek and Russian letters, punctuation, currency and other symbols (U+2000 to U+2BFF: "’", "€",
 * "™", "✅"), variation selectors, the byte-order mark and emoji. Any other character (NKo, Hebrew, a single ideograph)
 * is taken from a text only beside other damage in it.
 */
function standsAlone(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0xa0 && code <= 0x36f) ||
    (code >= 0x1e00 && code <= 0x1eff) ||
    (code >= 0x386 && code <= 0x3ce) ||
    (code >= 0x400 && code <= 0x45f) ||
    code === 0x490 ||
    code === 0x491 ||
    (code >= 0x2000 && code <= 0x2bff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    code >= 0x10000
  );
}

/** Punctuation that closes a word, and the no-break space before one: after a capital or "ß" of valid text, they make a valid two-byte sequence ("Spaß“", "AMANHÃ…"). */
const CLOSING = new Set([0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa0, 0xab, 0xbb].map((byte) => CHAR_OF_BYTE.get(byte)));

/**
 * Whether a lone two-byte sequence may be valid text: a letter (C3 to DF: "Ã" to "ß") then closing punctuation, at
 * the end of a word. "Â" then a sign is damage (C2 is no letter of a word's end), and so is "Ã" then a no-break space,
 * the damage of "à".
 */
function mayBeText(sequence: string, after: string): boolean {
  const [lead, second] = [...sequence];
  if (lead === undefined || second === undefined || sequence.length !== 2) return false;
  const byte = BYTE_OF_CHAR.get(lead) ?? 0;
  return byte >= 0xc3 && !(byte === 0xc3 && second === CHAR_OF_BYTE.get(0xa0)) && CLOSING.has(second) && !/^[\p{L}\p{N}]/u.test(after);
}

/** A sequence's character, or null when its characters are not the bytes of one UTF-8 character. */
function decoded(sequence: string): string | null {
  const raw = Array.from(sequence, (char) => BYTE_OF_CHAR.get(char));
  if (raw.some((byte) => byte === undefined)) return null;
  try {
    return UTF8.decode(Uint8Array.from(raw as number[]));
  } catch {
    return null;
  }
}

/**
 * The text with every damaged character decoded again; text without such damage comes back unchanged. A run of two
 * damaged characters or more, or a lone one that stands for a character damaged text comes from (standsAlone) and may
 * not be valid text (mayBeText), is the evidence: a text that holds some has each of its runs repaired; a text
 * without any is left as it is ("Spaß“", "PASÓ…", "LIVRÉ !" and a lone ideograph are valid text).
 */
export function repairMojibake(text: string): string {
  const runs = [...text.matchAll(RUN)].map((match) => {
    const sequences = match[0].match(SEQUENCE) ?? [];
    const chars = sequences.map(decoded);
    const after = text.slice((match.index ?? 0) + match[0].length);
    const lone = sequences[0] ?? '';
    const evidence = sequences.length > 1 || (chars[0] != null && standsAlone(chars[0]) && !mayBeText(lone, after));
    return { sequences, chars, evidence };
  });
  if (!runs.some((run) => run.evidence)) return text;
  let index = 0;
  return text.replace(RUN, () => {
    const run = runs[index++];
    return run ? run.sequences.map((sequence, at) => run.chars[at] ?? sequence).join('') : '';
  });
}

/**
 * What a spreadsheet left of a character it could not keep: the start of a
 * damaged sequence, then "\uFFFD" where a byte was lost (Windows-1252 has no
 * character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D: "Á" is C3 81). That character
 * cannot be repaired; the rest of the text can.
 */
export const MOJIBAKE_LOST_PATTERN = `${bytes(0xc2, 0xf4)}${CONT}{0,2}\uFFFD`;

/**
 * The text as a spreadsheet that read UTF-8 as Windows-1252 saves it, with
 * the bytes that have no Windows-1252 character lost ("\uFFFD"): what the
 * clean copy of a post damaged beyond repair looks like once damaged, so the
 * two are known for the same text.
 */
export function spreadsheetDamage(text: string): string {
  let damaged = '';
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) damaged += char;
    else for (const byte of Buffer.from(char, 'utf8')) damaged += LOST_BYTES.has(byte) ? '\uFFFD' : (CHAR_OF_BYTE.get(byte) ?? '\uFFFD');
  }
  return damaged;
}

/**
 * Whether `damaged` is `clean` as a spreadsheet damages it, whether the damage
 * was stored as it was or repaired where it could be: the same text, the
 * clean copy to keep.
 */
export function isDamagedFormOf(clean: string, damaged: string): boolean {
  return repairMojibake(damaged) === clean || repairMojibake(spreadsheetDamage(clean)) === repairMojibake(damaged);
}

/** The bytes Windows-1252 has no character for. */
const LOST_BYTES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** The warning of a file with such rows (the import adds the count and the first line). */
export const MOJIBAKE_LOST_REASON = 'text damaged by a spreadsheet beyond repair: characters it could not read are lost (shown as "\uFFFD"); the rest is kept';

/** The warning of a file with repaired rows (the import adds the count and the first line). */
export const MOJIBAKE_REASON =
  'text damaged by a spreadsheet that read UTF-8 as Windows-1252 (e.g. "Letâ€™s" for "Let’s", "Ã©" for "é"); it was repaired';
