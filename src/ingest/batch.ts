import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import { CRASH_STEPS, crashPoint } from '../crash-point.js';
import type { Store } from '../store/database.js';
import { type ImportNotice, storedNotices } from './notices.js';
import type { FileImportResult } from './result.js';

const batchIdRow = z.object({ id: z.number() });

/**
 * The next batch id: one more than the last recorded import. Read inside the
 * import's transaction, so a file that fails leaves no gap in the numbers.
 */
async function nextBatchId(store: Store): Promise<number> {
  const [row] = await store.rows(
    'next batch id',
    batchIdRow,
    'SELECT (greatest((SELECT coalesce(max(batch_id), 0) FROM import_batches), (SELECT coalesce(max(batch_id), 0) FROM posts)) + 1)::INTEGER AS id',
  );
  if (!row) throw new Error('import_batches returned no row');
  return row.id;
}

/** The first import of the same content: when and how it was read, and what it counted. */
export type EarlierImport = {
  batchId: number;
  /** The file it was read from (absolute; an archive's member as `archive.zip:member.csv`). */
  file: string;
  /** `YYYY-MM-DD HH:MM UTC`, for messages. */
  at: string;
  /** ISO 8601 instant. */
  importedAt: string;
  format: string;
  platform: string | null;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  skippedBlank: number;
  warnings: string[];
  /** Its warnings as data, or null when the store kept only their English text. */
  notices: ImportNotice[] | null;
  /** The zone its times that name no offset were read in; null when its layout reads none so, or the store did not record it. */
  localTimesIn: string | null;
};

const earlierImportRow = z.object({
  batchId: z.number(),
  file: z.string(),
  at: z.string(),
  importedAt: z.string(),
  format: z.string(),
  platform: z.string().nullable(),
  rowsRead: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  skippedBlank: z.number(),
  warnings: z.array(z.string()).nullable(),
  notices: z.string().nullable(),
  localTimesIn: z.string().nullable(),
});

/** The earliest import of a file with the same content, if any. */
export async function earlierImport(store: Store, sha256: string): Promise<EarlierImport | null> {
  const [row] = await store.rows(
    'earlier import',
    earlierImportRow,
    `SELECT batch_id AS "batchId", file, strftime(imported_at, '%Y-%m-%d %H:%M UTC') AS at, strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS "importedAt",
       format, platform, rows_read::DOUBLE AS "rowsRead", imported::DOUBLE AS imported, duplicates::DOUBLE AS duplicates,
       rejected::DOUBLE AS rejected, skipped_blank::DOUBLE AS "skippedBlank", warnings, notices, local_times_in AS "localTimesIn"
     FROM import_batches WHERE sha256 = $sha256 ORDER BY batch_id LIMIT 1`,
    { sha256 },
  );
  return row ? { ...row, warnings: row.warnings ?? [], notices: storedNotices(row.notices) } : null;
}

/** The warning a file gets when the same content was imported before. */
export function earlierImportWarning(earlier: Pick<EarlierImport, 'batchId' | 'at'>): ImportNotice {
  return { code: 'earlier-import', batchId: earlier.batchId, at: earlier.at };
}

/**
 * The warning a file gets when the same content was imported before with its
 * times that name no offset read in another zone (`now`): its stored posts keep
 * the earlier times, since a post is stored once. None when either zone is
 * unknown or none applies.
 */
export function earlierZoneWarning(earlier: Pick<EarlierImport, 'localTimesIn'>, now: string | null): ImportNotice[] {
  if (earlier.localTimesIn === null || now === null || earlier.localTimesIn === now) return [];
  return [{ code: 'earlier-timezone', earlier: earlier.localTimesIn, now }];
}

/** What import_batches records of a file before its rows are read: where it is, its content and how it is read. */
export interface BatchSource {
  /** Absolute path (an archive member's is `archive.zip:member.csv`). */
  file: string;
  sha256: string;
  format: string;
  encoding: string;
  platform: string | null;
  /** The zone times that name no offset are read in, or null when the layout reads every time with its offset. */
  localTimesIn: string | null;
}

/**
 * Opens a batch inside the import's transaction: its import_batches row is
 * written first, before any of its rows, so a post can never be stored
 * under a batch the store does not record (see src/store/orphans.ts). The
 * counts are filled by `recordBatch` when the rows are in. Returns its id.
 */
export async function startBatch(store: Store, source: BatchSource): Promise<number> {
  const batchId = await nextBatchId(store);
  await store.run(
    `INSERT INTO import_batches (batch_id, file, sha256, format, encoding, platform, rows_read, imported, duplicates, rejected, skipped_blank, warnings, imported_at, local_times_in)
     VALUES ($batch_id, $file, $sha256, $format, $encoding, $platform, 0, 0, 0, 0, 0, []::VARCHAR[], now(), $local_times_in)`,
    { batch_id: batchId, file: source.file, sha256: source.sha256, format: source.format, encoding: source.encoding, platform: source.platform, local_times_in: source.localTimesIn },
  );
  return batchId;
}

/** Fills in the counts of a batch opened by `startBatch`, in the same transaction. */
export async function recordBatch(store: Store, result: FileImportResult): Promise<void> {
  // An empty list has no item type to bind, so it is written as a typed literal.
  const warnings = result.warnings.length ? '$warnings::VARCHAR[]' : '[]::VARCHAR[]';
  const params = {
    batch_id: result.batchId,
    format: result.format,
    encoding: result.encoding,
    rows_read: result.rowsRead,
    imported: result.imported,
    duplicates: result.duplicates,
    // import_batches has no column of its own for them: its `rejected` counts every row kept in import_rejects.
    rejected: result.rejected + result.conflicts,
    skipped_blank: result.skippedBlank,
    ...(result.warnings.length ? { warnings: listValue(result.warnings) } : {}),
    notices: JSON.stringify(result.notices),
  };
  const changed = await store.change(
    `UPDATE import_batches SET format = $format, encoding = $encoding, rows_read = $rows_read, imported = $imported, duplicates = $duplicates,
       rejected = $rejected, skipped_blank = $skipped_blank, warnings = ${warnings}, notices = $notices
     WHERE batch_id = $batch_id`,
    params,
  );
  if (changed !== 1) throw new Error(`batch ${result.batchId} was not started before its counts were recorded`);
  // The batch's last write: the transaction commits next.
  crashPoint(CRASH_STEPS.importBeforeCommit);
}
