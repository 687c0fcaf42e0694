/**
 * Rows of cells as aligned terminal text: a header, a rule under it, then the
 * rows; numbers right-aligned, the columns listed in `left` left-aligned.
 * @example alignedTable(['Brand', 'Inbound'], [['Acme', '12']], [0])
 */
export function alignedTable(header: string[], rows: string[][], left: number[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((text, column) => (left.includes(column) ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), line(header.map((_, column) => '-'.repeat(widths[column] ?? 0))), ...rows.map(line)];
}

/** Names and handles come from a config an agency edits or from exports: keep control characters off the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
}
