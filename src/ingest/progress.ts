/** Where an import stands, for a progress display. `fraction` is null when unknown. */
export interface ImportProgress {
  path: string;
  phase: 'reading' | 'loading' | 'checking' | 'saving';
  fraction: number | null;
  /** While reading: bytes read so far and the file's size. */
  bytes?: { done: number; total: number };
  /** While a workbook's first sheet is turned into text: its rows so far. */
  sheetRows?: number;
  /** The file's data rows, once counted (the count runs beside the load). */
  rows?: number;
}
