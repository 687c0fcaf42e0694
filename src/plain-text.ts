/**
 * Text as it may go into an Office file or a CSV cell: characters XML 1.0 cannot hold (C0
 * and C1 controls, U+FFFE/U+FFFF) would make PowerPoint and LibreOffice
 * refuse the whole file, lone surrogates are not text, and bidi controls
 * could reorder the text around a mention. Line breaks and runs of spaces
 * are folded to single spaces, so a mention stays one paragraph.
 */
export function plainText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, ' ')
    // Not \s: the no-break spaces of "62 %" and "40 min" stay.
    .replace(/[ \t\n\v\f\r\u2028\u2029]+/g, ' ')
    .trim();
}

/** Whether a spreadsheet would read plain text (plainText's) as a formula: it begins with =, +, - or @ (OWASP's list; tabs and line breaks are folded by then). */
export function readsAsFormula(plain: string): boolean {
  return /^[=+\-@]/.test(plain);
}
