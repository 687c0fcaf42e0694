/** What a cell's number format makes of its number. */
export type NumberKind = 'number' | 'date' | 'duration';

/**
 * Excel's built-in formats that show dates or times (ids below 164 are not
 * written into the workbook): 14-22 everywhere, 27-36 and 50-58 in East
 * Asian locales, 45 and 47 minutes and seconds; 46 is [h]:mm:ss, elapsed time.
 */
function builtInKind(id: number): NumberKind {
  if (id === 46) return 'duration';
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || id === 45 || id === 47 || (id >= 50 && id <= 58)) return 'date';
  return 'number';
}

/** The first section of a format (the one for positive numbers): `;` inside quotes does not end it. */
function firstSection(code: string): string {
  let quoted = false;
  for (let index = 0; index < code.length; index += 1) {
    const char = code[index];
    if (char === '"') quoted = !quoted;
    else if (char === '\\') index += 1;
    else if (char === ';' && !quoted) return code.slice(0, index);
  }
  return code;
}

/**
 * A custom format's kind: its quoted and backslash-escaped text, its padding
 * (_x) and fill (*x) characters, and its [colour], [condition] and [$-locale]
 * parts say nothing (`0\ \s\h\a\r\e\s` is a number, `#,##0.0,,\M` millions);
 * an elapsed [h], [m] or [s] is a duration; what is left is a date or a time
 * when it holds a date letter: y, m, d, h, s, or East Asian e (era year),
 * g (era name) and aaa (weekday), once the letters of General and of a
 * scientific exponent (E+) are taken out. Excel makes other letters quoted
 * or escaped, so an unquoted a, e or g is one of those.
 */
export function formatKind(code: string): NumberKind {
  const plain = firstSection(code).replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  if (/\[(h+|m+|s+)\]/i.test(plain)) return 'duration';
  const letters = plain
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '')
    .replace(/e[+-]/gi, '');
  return /[ymdhsega]/i.test(letters) ? 'date' : 'number';
}

export function numberKind(id: number, custom: ReadonlyMap<number, string>): NumberKind {
  const code = custom.get(id);
  return code === undefined ? builtInKind(id) : formatKind(code);
}
