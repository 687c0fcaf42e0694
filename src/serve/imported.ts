import { fileName } from '../ingest/archive.js';
import { z } from 'zod';
import { queryText } from '../analysis/queries.js';
import type { Workspace } from './workspace.js';

const importedRow = z.object({
  file: z.string(),
  format: z.string(),
  imported_at: z.string(),
  rows_read: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  local_times_in: z.string().nullable(),
});

/**
 * The files imported into the client's database, as the report's data-quality page lists them (each content once, in
 * import order; queries/report/imports.sql): what the page's exports section shows, so an analyst who comes back
 * next month sees which exports are in already. Files by their own name, as the report names them, not by the folder
 * they were read from.
 */
export async function importedFiles(workspace: Workspace, id: string) {
  return workspace.readData(id, { imports: [] as Array<{ file: string; format: string; importedAt: string; rowsRead: number; imported: number; duplicates: number; rejected: number; localTimesIn: string | null }> }, async (store) => ({
    imports: (await store.rows('imported files', importedRow, queryText('report/imports'))).map((row) => ({
      file: fileName(row.file),
      format: row.format,
      importedAt: row.imported_at,
      rowsRead: row.rows_read,
      imported: row.imported,
      duplicates: row.duplicates,
      rejected: row.rejected,
      localTimesIn: row.local_times_in,
    })),
  }));
}
