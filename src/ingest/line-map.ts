import { listValue } from '@duckdb/node-api';
import type { Store } from '../store/database.js';
import { countLines } from './source/byte-scan.js';
import { lineOfRecord, scanRecords, type RecordFacts } from './source/record-scan.js';
import type { PreparedSource } from './source/prepare.js';
import type { Layout } from './staging.js';

export const LINE_BREAKS_TABLE = 'import_line_breaks';

/** SQL pieces that turn a staging row number into the line of the original file. */
export interface PreparedLines {
  join: (alias: string, rowColumn: string, breaks?: string) => string;
  line: (alias: string, rowColumn: string, breaks?: string) => string;
  params: Record<string, number>;
}

/**
 * Maps a staging row (record index) to the line of the original file where
 * it starts. Most files have one line per record, which the line count
 * proves; otherwise (quoted multi-line texts, empty lines) a quote-aware pass
 * finds where each record starts. Workbooks count sheet rows instead.
 */
export class LineMap {
  private constructor(
    private readonly firstLine: number,
    private readonly facts: Pick<RecordFacts, 'breakpoints'> | null,
  ) {}

  static async build(source: PreparedSource, layout: Layout, stagedRows: number): Promise<LineMap> {
    const firstLine = layout.headerLine + 1;
    // A rewrite that left rows out knows the original line of each record it kept.
    if (source.recordLines) return new LineMap(firstLine, { breakpoints: source.recordLines });
    if (source.lineUnit === 'row') return new LineMap(firstLine, null);
    if ((await countLines(source.readPath)) - layout.headerLine === stagedRows) return new LineMap(firstLine, null);
    const facts = await scanRecords(source.readPath, { delimiter: layout.delimiter, headerLine: layout.headerLine, columns: layout.names.length });
    return new LineMap(firstLine, facts);
  }

  lineOf(row: number): number {
    return this.facts ? lineOfRecord(this.facts, row) : this.firstLine + row;
  }

  /**
   * SQL for the line of the row in `rowColumn` of `alias`; when records span
   * lines, the query must also `ASOF JOIN` the table this creates (see
   * `join`), once per row column, each under its own name (`breaks`).
   */
  async prepare(store: Store): Promise<PreparedLines> {
    if (!this.facts) {
      return { join: () => '', line: (alias, rowColumn) => `($first_line + ${alias}.${rowColumn})`, params: { first_line: this.firstLine } };
    }
    await store.run(`CREATE OR REPLACE TEMP TABLE ${LINE_BREAKS_TABLE} (record BIGINT, line BIGINT)`);
    await store.run(`INSERT INTO ${LINE_BREAKS_TABLE} SELECT unnest($records), unnest($lines)`, {
      records: listValue(this.facts.breakpoints.map((point) => point.record)),
      lines: listValue(this.facts.breakpoints.map((point) => point.line)),
    });
    return {
      // LEFT: a row column may be NULL (the first copy of a post that is not a conflicting copy).
      join: (alias, rowColumn, breaks = 'breaks') => `ASOF LEFT JOIN ${LINE_BREAKS_TABLE} AS ${breaks} ON ${alias}.${rowColumn} >= ${breaks}.record`,
      line: (alias, rowColumn, breaks = 'breaks') => `(${breaks}.line + (${alias}.${rowColumn} - ${breaks}.record))`,
      params: {},
    };
  }

  async drop(store: Store): Promise<void> {
    await store.run(`DROP TABLE IF EXISTS ${LINE_BREAKS_TABLE}`);
  }
}
