import { z } from 'zod';
import type { Store } from '../store/database.js';
import { earlierImportWarning, type EarlierImport, earlierZoneWarning } from './batch.js';
import { conflictReason } from './canonical.js';
import type { ExportFormat } from './formats/types.js';
import { withWarnings } from './notices.js';
import type { FileImportResult } from './result.js';
import type { PreparedSource } from './source/prepare.js';

const countRow = z.object({ n: z.number() });
const reasonRow = z.object({ reason: z.string(), n: z.number() });

/**
 * True when reading the file again cannot add or change anything: an
 * earlier batch read the same bytes with the same format and --platform
 * (which decide every post's key) and its posts are all still stored. A
 * generic mapping may have changed since, so those files are always read.
 */
async function nothingToAdd(store: Store, earlier: EarlierImport, format: ExportFormat, platform: string | null): Promise<boolean> {
  if (format.id === 'generic' || earlier.format !== format.id || earlier.platform !== platform) return false;
  const [row] = await store.rows('posts of the earlier batch', countRow, 'SELECT count(*)::DOUBLE AS n FROM posts WHERE batch_id = $batch_id', { batch_id: earlier.batchId });
  return row?.n === earlier.imported;
}

/**
 * The result of a file whose content was already imported, without reading
 * its rows nor writing anything: the store, its import records and its
 * rejects stay as they are, so the data-quality counts list the file once.
 * The result takes the earlier batch's counts, with every row it kept
 * counted as a duplicate, and its warnings (with a word when it is read now
 * with its local times in another zone than then). Returns null when the file
 * must be read again.
 */
export async function repeatImport(store: Store, earlier: EarlierImport, source: PreparedSource, format: ExportFormat, platform: string | null, localTimesIn: string | null): Promise<FileImportResult | null> {
  if (!(await nothingToAdd(store, earlier, format, platform))) return null;
  const reasons = await store.rows(
    'rejects of the earlier batch',
    reasonRow,
    'SELECT reason, count(*)::DOUBLE AS n FROM import_rejects WHERE batch_id = $earlier GROUP BY reason ORDER BY min(line), reason',
    { earlier: earlier.batchId },
  );
  const isConflict = (reason: string): boolean => reason.startsWith(conflictReason(''));
  const conflicts = reasons.filter((reason) => isConflict(reason.reason)).reduce((sum, reason) => sum + reason.n, 0);
  return {
    path: source.path,
    format: format.id,
    encoding: source.encoding,
    batchId: earlier.batchId,
    sha256: source.sha256,
    rowsRead: earlier.rowsRead,
    imported: 0,
    // The stored posts' times are the earlier import's.
    localTimesIn: earlier.localTimesIn,
    duplicates: earlier.imported + earlier.duplicates,
    // Every post of the file is stored now, those it repeated too.
    repeatedInFile: 0,
    rejected: earlier.rejected - conflicts,
    conflicts,
    skippedBlank: earlier.skippedBlank,
    rejectedByReason: Object.fromEntries(reasons.filter((reason) => !isConflict(reason.reason)).map((reason) => [reason.reason, reason.n])),
    ...withWarnings([earlierImportWarning(earlier), ...earlierZoneWarning(earlier, localTimesIn), ...(earlier.notices ?? earlier.warnings.map((text) => ({ code: 'recorded' as const, text })))]),
    alreadyImported: { batchId: earlier.batchId, importedAt: earlier.importedAt },
  };
}
