/** Where an import stands, for a progress display. `fraction` is null when unknown. */
export interface ImportProgress {
  path: string;
  phase: 'reading' | 'loading' | 'checking' | 'saving';
  fraction: number | null;
}
