import type { Store } from '../store/database.js';
import { earlierImportWarning, recordBatch, startBatch, type EarlierImport } from './batch.js';
import { conflictReason } from './canonical.js';
import type { ExportFormat } from './formats/types.js';
import type { FileImportResult } from './result.js';
import type { PreparedSource } from './source/prepare.js';

/**
 * True when reading the file again cannot add or change anything: an
 * earlier batch read the same bytes with the same format and --platform
 * (which decide every post's key) and its posts are all still stored. A
 * generic mapping may have changed since, so those files are always read.
 */
async function nothingToAdd(store: Store, earlier: EarlierImport, format: ExportFormat, platform: string | null): Promise<boolean> {
  if (format.id === 'generic' || earlier.format !== format.id || earlier.platform !== platform) return false;
  const [row] = await store.all<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM posts WHERE batch_id = $batch_id', { batch_id: earlier.batchId });
  return row?.n === earlier.imported;
}

/**
 * Records a file whose content was already imported, without reading its
 * rows: the batch takes the earlier batch's counts, with every row it kept
 * counted as a duplicate, its warnings, and a copy of its rejects (so each
 * batch lists the rejects of its file). Returns null when the file must be
 * read again.
 */
export async function recordRepeatImport(
  store: Store,
  earlier: EarlierImport,
  source: PreparedSource,
  format: ExportFormat,
  options: { file: string; platform: string | null },
): Promise<FileImportResult | null> {
  return store.transaction(async () => {
    if (!(await nothingToAdd(store, earlier, format, options.platform))) return null;
    const batchId = await startBatch(store, { file: options.file, sha256: source.sha256, format: format.id, encoding: source.encoding, platform: options.platform });
    await store.run(
      `INSERT INTO import_rejects (batch_id, file, line, reason, raw)
       SELECT $batch_id, $file, line, reason, raw FROM import_rejects WHERE batch_id = $earlier ORDER BY line`,
      { batch_id: batchId, file: options.file, earlier: earlier.batchId },
    );
    const reasons = await store.all<{ reason: string; n: number }>(
      'SELECT reason, count(*)::DOUBLE AS n FROM import_rejects WHERE batch_id = $earlier GROUP BY reason ORDER BY min(line), reason',
      { earlier: earlier.batchId },
    );
    const isConflict = (reason: string): boolean => reason.startsWith(conflictReason(''));
    const conflicts = reasons.filter((reason) => isConflict(reason.reason)).reduce((sum, reason) => sum + reason.n, 0);
    const result: FileImportResult = {
      path: source.path,
      format: format.id,
      encoding: source.encoding,
      batchId,
      sha256: source.sha256,
      rowsRead: earlier.rowsRead,
      imported: 0,
      duplicates: earlier.imported + earlier.duplicates,
      rejected: earlier.rejected - conflicts,
      conflicts,
      skippedBlank: earlier.skippedBlank,
      rejectedByReason: Object.fromEntries(reasons.filter((reason) => !isConflict(reason.reason)).map((reason) => [reason.reason, reason.n])),
      warnings: [earlierImportWarning(earlier), ...earlier.warnings],
      alreadyImported: { batchId: earlier.batchId, importedAt: earlier.importedAt },
    };
    await recordBatch(store, result);
    return result;
  });
}
