import type { FormatId } from './formats/types.js';
import type { ImportNotice } from './notices.js';
import type { SourceEncoding } from './source/prepare.js';

/** What importing one file did: the `--json` line and the human summary both come from it. */
export interface FileImportResult {
  path: string;
  format: FormatId;
  encoding: SourceEncoding;
  batchId: number;
  sha256: string;
  /** Data rows read after the header (blank and rejected rows included). */
  rowsRead: number;
  /** New posts added to the store. */
  imported: number;
  /** Rows whose post was already stored, or appeared earlier in the same file. */
  duplicates: number;
  /** Of the duplicates, the rows that repeat a post earlier in the same file; the others were stored already. */
  repeatedInFile: number;
  /** Rows rejected (see `import_rejects`), conflicting duplicates not included. */
  rejected: number;
  /**
   * Later copies of a post in the file whose author, date or text differ
   * from the first copy: kept in import_rejects ("conflicting duplicate of
   * line N"), not merged. rowsRead = imported + duplicates + conflicts +
   * rejected + skippedBlank.
   */
  conflicts: number;
  /** Rows of only empty cells (spreadsheet padding). */
  skippedBlank: number;
  /** Rejected rows per reason. */
  rejectedByReason: Record<string, number>;
  /** The first line (or, in a spreadsheet, row) of each reason's rejected rows, where it is known. */
  rejectedFirstAt?: { unit: 'line' | 'row'; lines: Record<string, number> };
  /** The first date that could not be read, as the file writes it, and its line (set when some were). */
  firstUnreadDate?: { line: number; raw: string };
  /**
   * The zone the file's times that name no offset were read in (--timezone, or a
   * generic mapping's date.timezone); null when every time of its layout names
   * its offset. For a file imported before and not read again, the earlier import's.
   */
  localTimesIn: string | null;
  /** The warnings in English (what the CLI prints and import_batches keeps), from `notices`. */
  warnings: string[];
  /** The warnings as data, for a text in another language (the local page). */
  notices: ImportNotice[];
  /** User ids whose handle this import learned from the replies to them (see learned_handles); 0 or absent when it learned none. */
  learnedHandles?: number;
  /**
   * Set when an earlier batch read the same content the same way, so the
   * file was not read again: the counts are that batch's, every kept row
   * counted as a duplicate.
   */
  alreadyImported?: { batchId: number; importedAt: string };
  /** With `import --again`: stored posts that took the file's value for one or more empty fields. */
  filled?: number;
}
