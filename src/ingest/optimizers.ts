import { z } from 'zod';
import type { Store } from '../store/database.js';

const settingRow = z.object({ value: z.string() });

/** The connection's `disabled_optimizers` setting, to put back after a statement that changes it. */
export async function disabledOptimizers(store: Store): Promise<string> {
  const [setting] = await store.rows('disabled optimizers', settingRow, "SELECT current_setting('disabled_optimizers') AS value");
  return setting?.value ?? '';
}

export async function restoreOptimizers(store: Store, value: string): Promise<void> {
  await store.run(value === '' ? 'RESET disabled_optimizers' : `SET disabled_optimizers = '${value.replaceAll("'", "''")}'`);
}

/**
 * Runs `work` with DuckDB's `in_clause` optimizer off: it turns an `IN (...)`
 * list into a join, which does not keep the file's row order, and the staging
 * tables number rows by that order (their line numbers in import_rejects).
 */
export async function inFileOrder<T>(store: Store, work: () => Promise<T>): Promise<T> {
  const before = await disabledOptimizers(store);
  await store.run(`SET disabled_optimizers = '${[before, 'in_clause'].filter(Boolean).join(',')}'`);
  try {
    return await work();
  } finally {
    await restoreOptimizers(store, before);
  }
}
