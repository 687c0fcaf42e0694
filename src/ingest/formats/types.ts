import type { PostColumn } from '../../store/schema.js';

export const FORMAT_IDS = ['twcs', 'twarc2', 'twitter-v2', 'talkwalker', 'meltwater', 'brandwatch', 'sprout', 'facebook-comments', 'generic'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** Canonical columns a format fills; `batch_id` is the pipeline's. */
export type MappedColumn = Exclude<PostColumn, 'batch_id'>;

/**
 * What a format knows about the file it is mapping. The staging table is
 * named `staging`; every header cell is one VARCHAR column of it, named as in
 * the file. Values from the user (timezone, platform) are bound parameters.
 * From an .xlsx workbook, a cell Excel stores as a date arrives as the text
 * `YYYY-MM-DD HH:MM:SS` (its wall-clock time: Excel dates carry no zone);
 * every other cell arrives as its text, as a CSV export would hold it.
 */
export interface MappingContext {
  /** Header cells as read (trimmed, BOM removed). */
  header: readonly string[];
  /** True when the header has this column (case-insensitive). */
  has(column: string): boolean;
  /** The column as a quoted SQL identifier; the first matching name wins. Throws a UserError naming the missing column when none exists. */
  col(...names: string[]): string;
  /** Name of the bound parameter holding `--timezone` (e.g. "$timezone"), for local times without an offset. */
  timezoneParam: string;
  /** Name of the bound parameter holding `--platform`, or null when the user gave none. */
  platformParam: string | null;
  /** The file writes day and month the other way round from the layout's own date patterns (day-month.ts): read them swapped. */
  dayMonthSwapped: boolean;
}

/** SQL expressions over `staging` producing one canonical post per row. */
export interface CanonicalSelect {
  /** One SQL expression per canonical column (NULL when the export lacks it). created_at is TIMESTAMPTZ; author_followers BIGINT; the rest VARCHAR. */
  columns: Record<MappedColumn, string>;
  /** The raw date text, to report unparseable dates with an example. */
  rawDate: string;
  /** Row-level checks besides the pipeline's own (missing id, unparseable date): a row for which `when` is true is rejected with `reason`. */
  rejectWhen?: Array<{ when: string; reason: string }>;
  /** Row-level damage that keeps the row but is reported (e.g. Excel-mangled id lists): counted per reason. */
  warnWhen?: Array<{ when: string; reason: string }>;
  /**
   * A date column read with strptime patterns that put day and month in a
   * fixed order (`cell` is its SQL expression, `source` the mapping file that
   * sets `format`, null for a layout's own patterns): a file written the other
   * way round is told (see day-month.ts).
   */
  dayMonth?: { cell: string; format: string | readonly string[]; source: string | null };
  /**
   * Extra values the expressions use as bound parameters, by name without `$`
   * (the generic mapping's date format, timezone and value maps). The pipeline
   * binds them beside `timezone` and `platform`; DuckDB refuses a parameter a
   * statement does not use, so bind only the names the SQL mentions.
   */
  params?: Record<string, string>;
}

export interface FormatLayout {
  /** The layout's name in messages ("Meltwater export, current layout"). */
  label: string;
  columns: ReadonlyArray<readonly string[]>;
}

export interface ExportFormat {
  id: FormatId;
  /** Human name for messages ("Talkwalker CSV"). */
  label: string;
  /** The tool the export comes from, as the client reads it under "Files imported" ("Talkwalker"): no file type, nothing to translate. */
  tool: string;
  /** True when a header row is this format's. Detection tries formats in registry order. */
  matches(header: readonly string[]): boolean;
  /**
   * The columns detection looks for, per layout of the export the format
   * reads (Meltwater has two); each column is the list of names it may go
   * by, the first the one messages show. An unknown header is compared with
   * these to name the closest format and what it lacks.
   */
  layouts: ReadonlyArray<FormatLayout>;
  /** Columns without which the format cannot be read (checked before loading, one-line error). */
  requiredColumns(header: readonly string[]): string[];
  /** The mapping to canonical columns. */
  select(context: MappingContext): CanonicalSelect;
}
