import type { FileImportResult } from '../../ingest/result.js';
import { fileName } from '../../ingest/archive.js';
import { PIPELINE_REASONS } from '../../ingest/canonical.js';
import { noticeText } from '../../ingest/notices.js';
import { printable } from '../../metrics/format/aligned.js';
import { counted } from '../../report/i18n/plain-numbers.js';
import { reasonWithPlace } from '../../ingest/stats.js';

const UNREADABLE_DATE = PIPELINE_REASONS.badDate;

/** A count and its noun in the CLI's English: "1,234 rows". */
function count(value: number, one: string): string {
  return counted('en', value, one, `${one}s`);
}

/** `2025-10-31T09:05:00Z` as `2025-10-31 09:05 UTC`. */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A short, honest account of one imported file, for people (several lines when there is something to say). */
export function fileSummary(result: FileImportResult): string {
  const earlier = result.alreadyImported;
  if (earlier) {
    const at = utcMinute(earlier.importedAt);
    const counted = [`${count(result.rowsRead, 'row')} read then`, `${count(result.duplicates, 'duplicate')}`];
    if (result.conflicts > 0) counted.push(`${count(result.conflicts, 'conflicting duplicate')}`);
    if (result.rejected > 0) counted.push(`${count(result.rejected, 'row')} rejected (listed in import_rejects, batch ${result.batchId})`);
    if (result.skippedBlank > 0) counted.push(`${count(result.skippedBlank, 'blank row')} skipped`);
    const lines = [`${fileName(result.path)}: already imported on ${at} as batch ${earlier.batchId}: nothing to add (${counted.join(', ')}).`];
    // The first line says it was imported before: the warning that says so is not repeated.
    for (const notice of result.notices) if (notice.code !== 'earlier-import') lines.push(`  warning: ${noticeText(notice)}`);
    return `${lines.join('\n')}\n`;
  }
  const parts = [`${count(result.rowsRead, 'row')} read`, `${count(result.imported, 'new post')}`];
  if (result.duplicates > 0) {
    const stored = result.duplicates - result.repeatedInFile;
    const which = [...(stored > 0 ? [`${stored.toLocaleString('en-US')} already stored`] : []), ...(result.repeatedInFile > 0 ? [`${result.repeatedInFile.toLocaleString('en-US')} repeated in the file`] : [])];
    parts.push(`${count(result.duplicates, 'duplicate')} (${which.join(', ')}: not added again)`);
  }
  if (result.conflicts > 0) {
    parts.push(`${count(result.conflicts, 'conflicting duplicate')} (a post id seen earlier in the file with another author, date or text: not added; listed in import_rejects, batch ${result.batchId})`);
  }
  if (result.rejected > 0) {
    const unread = result.firstUnreadDate;
    // The reason first, then how many and where ("1 more cells than the header's 7" read as "one more cell"); the first
    // unread date is quoted, so that a date format can be told from a stray cell at once.
    const said = (reason: string, n: number) => {
      const unit = result.rejectedFirstAt?.unit ?? 'line';
      if (reason === UNREADABLE_DATE && unread) return reasonWithPlace(reason, n, unit, unread.line, `: "${printable(unread.raw.slice(0, 60))}"`);
      return reasonWithPlace(reason, n, unit, result.rejectedFirstAt?.lines[reason]);
    };
    const reasons = Object.entries(result.rejectedByReason).map(([reason, n]) => said(reason, n)).join('; ');
    parts.push(`${count(result.rejected, 'row')} rejected (${reasons}; listed in import_rejects, batch ${result.batchId})`);
  }
  if (result.skippedBlank > 0) parts.push(`${count(result.skippedBlank, 'blank row')} skipped`);
  if (result.filled !== undefined) parts.push(`${count(result.filled, 'stored post')} given values for empty fields`);
  if (result.learnedHandles) parts.push(`${count(result.learnedHandles, 'user id')} matched to a handle from the replies to it (learned_handles)`);
  // The zone decides every stored time of the file: said each time, so that a wrong one is seen at once.
  const zone = result.localTimesIn === null ? '' : `; times without an offset read in ${result.localTimesIn}`;
  const lines = [`${fileName(result.path)}: ${result.format}, ${result.encoding}: ${parts.join(', ')}${zone}.`];
  for (const warning of result.warnings) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** The closing line after every file. */
export function closingSummary(results: readonly FileImportResult[], failed: number, database: string): string {
  const imported = results.reduce((sum, result) => sum + result.imported, 0);
  const total = results.length + failed;
  const files = failed === 0 ? count(total, 'file') : `${results.length} of ${count(total, 'file')}`;
  const failures = failed === 0 ? '' : ` ${count(failed, 'file')} failed and left the database unchanged (see the errors above).`;
  return `Imported ${files} into ${database}: ${count(imported, 'new post')}.${failures}\n`;
}
