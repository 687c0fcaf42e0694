import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import { createMappingContext } from '../../../src/ingest/formats/mapping-context.js';
import type { CanonicalSelect, ExportFormat, MappedColumn } from '../../../src/ingest/formats/types.js';
import { POST_COLUMNS } from '../../../src/store/schema.js';
import { parseRows } from '../../../src/store/rows.js';
import { SqlSession } from '../../../src/store/session.js';

const text = z.string().nullable();
const mappedRow = z.object({
  platform: text,
  post_id: text,
  created_at: text,
  author: text,
  author_name: text,
  author_followers: text,
  kind: text,
  parent_id: text,
  parent_url: text,
  thread_id: text,
  text,
  url: text,
  language: text,
  sentiment: text,
  topic: text,
  response_ids: text,
  reply_to_user: text,
  raw_date: text,
  rejected: text,
  warnings: z.array(z.string()).nullable().transform((warnings) => warnings ?? []),
});
export type MappedRow = z.infer<typeof mappedRow>;

export interface MappedFile {
  header: string[];
  rows: MappedRow[];
  select: CanonicalSelect;
  /** DuckDB's type of each mapped column as the format wrote it. */
  types: Record<MappedColumn, string>;
}

const MAPPED_COLUMNS = POST_COLUMNS.filter((column): column is MappedColumn => column !== 'batch_id');

async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Loads a delimited text file into `staging` (every column VARCHAR, named as
 * in the header) the way the import pipeline does, runs the format's
 * mapping over it and returns every row with instants as ISO text, in file
 * order, with the reject reason and warnings each row would get.
 */
export async function runFormat(
  format: ExportFormat,
  path: string,
  options: { timezone?: string; platform?: string; delimiter?: string } = {},
): Promise<MappedFile> {
  return withConnection(async (connection) => {
    await connection.run(
      `CREATE TABLE staging AS SELECT * FROM read_csv($path, all_varchar = true, header = true, delim = $delim, quote = '"', escape = '"')`,
      { path, delim: options.delimiter ?? ',' },
    );
    const describe = await connection.runAndReadAll('SELECT column_name FROM (DESCRIBE staging)');
    const header = describe.getRowObjectsJS().map((row) => String(row.column_name));
    // generic is never detected; it is chosen with --format generic --mapping.
    if (format.id !== 'generic' && !format.matches(header)) throw new Error(`${format.id} does not recognise the header of ${path}`);
    const missing = format.requiredColumns(header).filter((name) => !header.some((cell) => cell.toLowerCase() === name.toLowerCase()));
    if (missing.length > 0) throw new Error(`${path} lacks required columns ${missing.join(', ')}`);
    const context = createMappingContext(header, {
      timezoneParam: '$timezone',
      platformParam: options.platform === undefined ? null : '$platform',
      file: path,
    });
    const select = format.select(context);
    const rejects = select.rejectWhen ?? [];
    const warns = select.warnWhen ?? [];
    const rejectExpr = rejects.length
      ? `CASE ${rejects.map((rule, index) => `WHEN ${rule.when} THEN $reject_${index}`).join(' ')} ELSE NULL END`
      : 'NULL';
    const warnExpr = warns.length
      ? `list_filter([${warns.map((rule, index) => `CASE WHEN ${rule.when} THEN $warn_${index} END`).join(', ')}], reason -> reason IS NOT NULL)`
      : '[]::VARCHAR[]';
    const columns = MAPPED_COLUMNS.map((column) => {
      const expr = select.columns[column];
      if (column === 'created_at') return `strftime((${expr}), '%Y-%m-%dT%H:%M:%SZ') AS created_at`;
      if (column === 'author_followers') return `CAST((${expr}) AS VARCHAR) AS author_followers`;
      return `(${expr}) AS "${column}"`;
    });
    const sql = `SELECT ${columns.join(',\n')}, (${select.rawDate})::VARCHAR AS raw_date, ${rejectExpr} AS rejected, ${warnExpr} AS warnings FROM staging`;
    const params: Record<string, DuckDBValue> = { timezone: options.timezone ?? 'UTC', ...(select.params ?? {}) };
    if (options.platform !== undefined) params.platform = options.platform;
    rejects.forEach((rule, index) => {
      params[`reject_${index}`] = rule.reason;
    });
    warns.forEach((rule, index) => {
      params[`warn_${index}`] = rule.reason;
    });
    const session = new SqlSession(connection);
    const rows = parseRows('mapped rows', mappedRow, await session.script(sql, params));
    const typeSql = `SELECT ${MAPPED_COLUMNS.map((column) => `typeof((${select.columns[column]})) AS "${column}"`).join(', ')} FROM staging LIMIT 1`;
    const [types] = parseRows('mapped types', z.record(z.enum(MAPPED_COLUMNS), z.string()), await session.script(typeSql, params));
    if (!types) throw new Error(`${path}: no row to read the mapped types from`);
    return { header, rows, select, types };
  });
}

/** One canonical column over all rows. */
export function column<K extends keyof MappedRow>(file: MappedFile, name: K): Array<MappedRow[K]> {
  return file.rows.map((row) => row[name]);
}
