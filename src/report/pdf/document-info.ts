/**
 * The PDF's document properties as the client sees them (File > Properties):
 * its title, and the agency as author, creator and producer, in place of the
 * browser that printed it ("HeadlessChrome", "Skia/PDF"), which a
 * white-labelled report must not show. Written as an incremental update (a
 * new Info dictionary and a cross-reference section appended, PDF 1.7
 * section 7.5.6): the printed bytes are kept as they are. A PDF whose last
 * trailer this does not find is returned unchanged.
 */
export interface DocumentInfo {
  title: string;
  /** The agency that signs the report, or null: then no author, creator or producer is named. */
  agency: string | null;
  created: Date;
}

export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo): Uint8Array {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  // The tail holds the last trailer; latin1 keeps one character per byte, so offsets stay byte offsets.
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096)).toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const size = trailer ? /\/Size\s+(\d+)/.exec(trailer[1] ?? '') : null;
  const root = trailer ? /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1] ?? '') : null;
  if (!trailer || !size || !root) return pdf;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer[1] ?? '');
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

/** A PDF text string: UTF-16BE with its byte-order mark, in hex, so any name (accents, quotes, brackets) is written as it is. */
function pdfText(text: string): string {
  const utf16 = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/** A PDF date in UTC: D:YYYYMMDDHHmmSSZ. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
