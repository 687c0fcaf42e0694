import { DuckDBInstance } from '@duckdb/node-api';
import { statSync, truncateSync } from 'node:fs';
import { z } from 'zod';
import { SqlSession } from './session.js';

/** Where DuckDB's blocks start in its file: after the main header and two database headers of 4 KiB each. */
const BLOCKS_START = 3 * 4096;

const blocksRow = z.object({ size: z.number(), total: z.number() });

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Cuts off the dead tail a failed import can leave in a closed database
 * file. A large insert writes its rows into the file before it commits;
 * when the write fails on a full disk, DuckDB rolls the transaction back but
 * loses track of those blocks, and no checkpoint gives them back. The file's
 * header says how many blocks the store uses: nothing past them is ever
 * read, and a store opened afresh starts writing new blocks right there. So
 * the file is cut to that length (the tail may end in a block cut short by
 * the full disk), only when the store is closed and its WAL is empty
 * (everything committed is in the file). Returns the bytes given back.
 */
export async function trimDeadTail(path: string): Promise<number> {
  if (path === ':memory:' || sizeOf(`${path}.wal`) > 0) return 0;
  const before = sizeOf(path);
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  let blocks: z.infer<typeof blocksRow> | null = null;
  try {
    const session = new SqlSession(await instance.connect());
    const [row] = await session.rows('database size', blocksRow, 'SELECT block_size::DOUBLE AS size, total_blocks::DOUBLE AS total FROM pragma_database_size()');
    blocks = row ?? null;
    session.close();
  } finally {
    instance.closeSync();
  }
  if (!blocks || blocks.size <= 0) return 0;
  const used = BLOCKS_START + blocks.total * blocks.size;
  if (before <= used) return 0;
  truncateSync(path, used);
  return before - used;
}
