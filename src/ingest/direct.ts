import type { Store } from '../store/database.js';
import { directInsertSql, NEEDS_CHECKS, type CanonicalPlan } from './canonical.js';
import { countPosts, repeatedKeys, settleStoredCopies, type DifferingCopies, type ShiftedCopies } from './merge.js';
import type { RecordShape } from './source/shape-scan.js';
import { longerThanLineLimit, LongRecord, needsRecovery, NeedsRecovery, readWithRetries, type CsvRead, type CsvRelation, type Layout } from './staging.js';
import { disabledOptimizers, restoreOptimizers } from './optimizers.js';

/** What the direct load wrote, inside the transaction it runs in. */
export interface DirectLoad {
  batchId: number;
  /** How the file was read (padded, or from a normalised copy). */
  read: CsvRead;
  /** Data rows read: every one of them was kept. */
  rows: number;
  imported: number;
  /** Stored posts that took one of the file's values for an empty field. */
  filled: number;
  /** Copies of stored posts that differ from them (author, date or text; a timezone's offset only), and that rate them again (sentiment). */
  differing: DifferingCopies;
  shifted: ShiftedCopies;
  rescored: DifferingCopies;
}

class NeedsChecks extends Error {
  constructor() {
    super(NEEDS_CHECKS);
  }
}

function isNeedsChecks(error: unknown): boolean {
  return error instanceof NeedsChecks || (error instanceof Error && error.message.includes(NEEDS_CHECKS));
}

/**
 * The fast path: the records go from DuckDB's CSV reader through the mapping
 * into `posts` in one statement, in one transaction that `begin` opens (it
 * writes the batch row first) and `finish` completes (it records the counts). It gives up, with nothing written, at the first row
 * that is rejected, blank or damaged, or when the file repeats a post (which
 * copy comes first in the file is lost once rows are sorted by date): then it
 * returns the way the file was being read, and the checked path takes over
 * (or the row-by-row recovery, when the shape pass found rows DuckDB cannot
 * read as they are).
 */
export async function loadDirect<T>(
  store: Store,
  start: CsvRead,
  layout: Layout,
  plan: CanonicalPlan,
  shape: Promise<RecordShape>,
  begin: () => Promise<number>,
  finish: (load: DirectLoad) => Promise<T>,
): Promise<{ done: T } | { read: CsvRead; recover: boolean }> {
  let current = start;
  const finished: T[] = [];
  try {
    await readWithRetries(start, layout, async (relation, read) => {
      current = read;
      const optimizers = await disabledOptimizers(store);
      try {
        const value = await store.transaction(async () => {
          const batchId = await begin();
          const storedBefore = await countPosts(store);
          const rows = await insertDirect(store, plan, relation, batchId, optimizers);
          // The shape pass ran beside the insert: rows DuckDB read without complaint may still hide extra cells, or a last record it dropped.
          if (needsRecovery(await shape)) throw new NeedsRecovery(read);
          if (longerThanLineLimit(await shape, read)) throw new LongRecord();
          if ((await repeatedKeys(store, batchId)) > 0) throw new NeedsChecks();
          const settled = await settleStoredCopies(store, batchId, storedBefore);
          return finish({ batchId, read, rows, imported: rows - settled.removed, filled: settled.filled, differing: settled.differing, shifted: settled.shifted, rescored: settled.rescored });
        });
        finished.push(value);
      } finally {
        // A failed insert leaves the setting changed; the transaction is rolled back by now, so it can be restored.
        await restoreOptimizers(store, optimizers);
      }
    }, shape);
  } catch (error) {
    if (error instanceof NeedsRecovery) return { read: error.read, recover: true };
    if (isNeedsChecks(error)) return { read: current, recover: false };
    throw error;
  }
  const [done] = finished;
  if (finished.length !== 1 || done === undefined) throw new Error('the direct load finished without a result');
  return { done };
}

/**
 * DuckDB pushes the mapping's expressions into any filter above them and
 * computes them twice, and turns `kind IN (...)` into a join: both
 * optimizations are switched off for this one statement.
 */
async function insertDirect(store: Store, plan: CanonicalPlan, relation: CsvRelation, batchId: number, optimizers: string): Promise<number> {
  const sql = directInsertSql(plan, relation.sql);
  await store.run("SET disabled_optimizers = 'filter_pushdown,in_clause'");
  const rows = await store.change(sql, { ...plan.params, ...relation.params, batch_id: batchId });
  await restoreOptimizers(store, optimizers);
  return rows;
}
