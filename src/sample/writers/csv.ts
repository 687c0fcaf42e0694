/** Delimited-text writing the way spreadsheet exporters do it: quote only when needed, double inner quotes. */
export function delimitedField(value: string, delimiter: string): string {
  return value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r') ? `"${value.replaceAll('"', '""')}"` : value;
}

export function delimitedLine(values: readonly string[], delimiter: string): string {
  return values.map((value) => delimitedField(value, delimiter)).join(delimiter);
}

/** Values of a row in the order of `header`; columns the row does not fill stay empty. */
export function rowInOrder(header: readonly string[], row: Readonly<Record<string, string | number>>): string[] {
  return header.map((column) => {
    const value = row[column];
    return value === undefined ? '' : String(value);
  });
}
