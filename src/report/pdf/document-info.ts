/**
 * The PDF's document properties as the client sees them (File > Properties):
 * its title, and the agency as author, creator and producer, in place of the
 * browser that printed it ("HeadlessChrome", "Skia/PDF"), which a
 * white-labelled report must not show. Written as an incremental update (a
 * new Info dictionary and a cross-reference section appended, PDF 1.7
 * section 7.5.6), the browser's names in the earlier Info blanked where
 * they stand: every other printed byte is kept as it is. A PDF whose last
 * trailer this does not find is returned unchanged.
 */
export interface DocumentInfo {
  title: string;
  /** The agency that signs the report, or null: then no author, creator or producer is named. */
  agency: string | null;
  created: Date;
}

export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo): Uint8Array {
  const bytes = Buffer.from(pdf);
  // The tail holds the last trailer; latin1 keeps one character per byte, so offsets stay byte offsets.
  const tailText = bytes.subarray(Math.max(0, bytes.length - 4096)).toString('latin1');
  const tail = tailText.slice(Math.max(0, tailText.lastIndexOf('trailer')));
  const trailer = /^trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const size = trailer ? /\/Size\s+(\d+)/.exec(trailer[1] ?? '') : null;
  const root = trailer ? /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1] ?? '') : null;
  if (!trailer || !size || !root) return pdf;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer[1] ?? '');
  // The earlier Info stays in the file (an update appends): its browser's name is blanked where it stands, same length.
  const earlierInfo = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1] ?? '');
  if (earlierInfo) blankBrowserNames(bytes, Number(earlierInfo[1]), Number(earlierInfo[2]));
  const objectNumber = Number(size[1]);
  const date = pdfDate(info.created);
  const entries = [
    `/Title ${pdfText(info.title)}`,
    ...(info.agency === null ? [] : [`/Author ${pdfText(info.agency)}`, `/Creator ${pdfText(info.agency)}`, `/Producer ${pdfText(info.agency)}`]),
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
  ];
  const separator = bytes[bytes.length - 1] === 0x0a ? '' : '\n';
  const objectAt = bytes.length + separator.length;
  const object = `${separator}${objectNumber} 0 obj\n<< ${entries.join(' ')} >>\nendobj\n`;
  const xrefAt = bytes.length + Buffer.byteLength(object, 'latin1');
  const update = [
    object,
    'xref\n',
    `${objectNumber} 1\n`,
    `${String(objectAt).padStart(10, '0')} 00000 n \n`,
    'trailer\n',
    `<< /Size ${objectNumber + 1} /Root ${root[1]} /Info ${objectNumber} 0 R${id ? ` /ID ${id[1]}` : ''} /Prev ${trailer[2]} >>\n`,
    'startxref\n',
    `${xrefAt}\n`,
    '%%EOF\n',
  ].join('');
  return Buffer.concat([bytes, Buffer.from(update, 'latin1')]);
}

/**
 * Blanks, in place, the /Creator and /Producer strings of object `number` (the browser's Info): each character inside
 * a literal string (whose balanced parentheses may nest: "Mozilla/5.0 (X11; …)") or a hex string becomes a space, so
 * every byte offset of the file stays true.
 */
function blankBrowserNames(bytes: Buffer, number: number, generation: number): void {
  const text = bytes.toString('latin1');
  const start = text.lastIndexOf(`\n${number} ${generation} obj`);
  const end = start === -1 ? -1 : text.indexOf('endobj', start);
  if (end === -1) return;
  for (const key of ['/Creator', '/Producer']) {
    const found = text.indexOf(key, start);
    if (found === -1 || found > end) continue;
    let open = found + key.length;
    while (text[open] === ' ' || text[open] === '\n' || text[open] === '\r') open += 1;
    const close = text[open] === '<' ? text.indexOf('>', open) : text[open] === '(' ? closingParenthesis(text, open) : -1;
    if (close !== -1 && close < end) bytes.fill(0x20, open + 1, close);
  }
}

/** Where the literal string opened at `open` ends: its balanced parentheses nest, and a backslash escapes the next character. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === '(') depth += 1;
    else if (char === ')' && --depth === 0) return at;
  }
  return -1;
}

/** A PDF text string: UTF-16BE with its byte-order mark, in hex, so any name (accents, quotes, brackets) is written as it is. */
function pdfText(text: string): string {
  const utf16 = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/** A PDF date in UTC: D:YYYYMMDDHHmmSSZ. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
