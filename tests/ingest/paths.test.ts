import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ImportProgress } from '../../src/ingest/progress.js';
import type { Store } from '../../src/store/database.js';
import { DATE, FIXTURES, importError, importOne, openStore, rejects, tempFile, twcsCsv } from './helpers.js';
import { storedRows } from '../stored-rows.js';

const MANGLED = join(FIXTURES, 'twcs_excel_mangled.csv');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A TWCS date on day `day` of October 2017 at `hour`:00 UTC. */
function october(day: number, hour = 12): string {
  const date = new Date(Date.UTC(2017, 9, day, hour));
  return `${DAYS[date.getUTCDay()]} Oct ${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00 +0000 2017`;
}

/** Imports `path` and returns the phases it went through (the checked path is the one that has a `checking` phase). */
async function phasesOf(store: Store, path: string): Promise<Array<ImportProgress['phase']>> {
  const phases: Array<ImportProgress['phase']> = [];
  await importOne(store, path, { onProgress: (progress) => phases.push(progress.phase) });
  return phases.filter((phase, index) => phase !== phases[index - 1]);
}

async function storedOrder(store: Store): Promise<string[]> {
  const rows = await store.rows('post ids', z.object({ post_id: z.string() }), 'SELECT post_id FROM posts ORDER BY rowid');
  return rows.map((row) => row.post_id);
}

async function disabledOptimizers(store: Store): Promise<string> {
  const [row] = await store.rows('disabled optimizers', z.object({ value: z.string() }), "SELECT current_setting('disabled_optimizers') AS value");
  return row?.value ?? '';
}

describe('clean files go straight from the reader into posts; others take the checked path', () => {
  it('a clean file is loaded directly, its posts stored in date order', async () => {
    const store = await openStore();
    const path = tempFile('clean.csv', twcsCsv([['1', 'a', october(20), 'x', ''], ['2', 'b', october(3), 'y', ''], ['3', 'c', october(11, 8), 'z', '1'], ['4', 'd', october(11, 7), 'w', '']]));
    expect(await phasesOf(store, path)).toEqual(['reading', 'loading', 'saving']);
    expect(await storedOrder(store)).toEqual(['2', '4', '3', '1']);
  });

  it('a file with a rejected row takes the checked path, keeps its line numbers and stores its posts in date order too', async () => {
    const store = await openStore();
    const path = tempFile('reject.csv', twcsCsv([['1', 'a', october(20), 'x', ''], ['', 'b', october(2), 'no id', ''], ['2', 'b', october(3), 'y', '']]));
    expect(await phasesOf(store, path)).toEqual(['reading', 'loading', 'checking', 'saving']);
    expect(await storedOrder(store)).toEqual(['2', '1']);
    expect((await rejects(store)).map((reject) => [reject.batch_id, reject.line, reject.reason])).toEqual([[1, 3, 'missing post id']]);
  });

  it('blank rows, rows with a warning and posts repeated in the file take the checked path', async () => {
    const blank = tempFile('blank.csv', `${twcsCsv([['1', 'a', DATE, 'x', '']])},,,,,,\n`);
    const repeated = tempFile('repeated.csv', twcsCsv([['1', 'a', DATE, '', ''], ['1', 'a', DATE, 'later', '']]));
    for (const path of [blank, repeated, MANGLED]) {
      const store = await openStore();
      expect(await phasesOf(store, path)).toContain('checking');
    }
  });

  it('a clean file that overlaps stored posts is loaded directly and counts them as duplicates', async () => {
    const store = await openStore();
    await importOne(store, tempFile('first.csv', twcsCsv([['1', 'a', DATE, '', ''], ['2', 'b', DATE, 'kept', '']])));
    const path = tempFile('second.csv', twcsCsv([['1', 'a', DATE, 'filled in', ''], ['2', 'b', DATE, 'ignored', ''], ['3', 'c', DATE, 'new', '']]));
    const phases: Array<ImportProgress['phase']> = [];
    const result = await importOne(store, path, { onProgress: (progress) => phases.push(progress.phase) });
    // Progress was reported, and never the checking phase of a file that needs one.
    expect(phases.length).toBeGreaterThan(0);
    expect(phases).not.toContain('checking');
    expect(result).toMatchObject({ batchId: 2, rowsRead: 3, imported: 1, duplicates: 2 });
    const rows = await storedRows(store, 'SELECT post_id, text, batch_id FROM posts ORDER BY post_id');
    expect(rows).toEqual([
      { post_id: '1', text: 'filled in', batch_id: 1 },
      { post_id: '2', text: 'kept', batch_id: 1 },
      { post_id: '3', text: 'new', batch_id: 2 },
    ]);
  });

  it('leaves the optimizer setting as it found it, whichever path a file takes', async () => {
    const store = await openStore();
    await importOne(store, tempFile('clean.csv', twcsCsv([['1', 'a', DATE, 'x', '']])));
    expect(await disabledOptimizers(store)).toBe('');
    await importOne(store, tempFile('reject.csv', twcsCsv([['', 'a', DATE, 'x', ''], ['2', 'a', DATE, 'x', '']])));
    expect(await disabledOptimizers(store)).toBe('');
    await store.run("SET disabled_optimizers = 'build_side_probe_side'");
    await importOne(store, tempFile('another.csv', twcsCsv([['3', 'a', DATE, 'x', '']])));
    await importOne(store, tempFile('another-reject.csv', twcsCsv([['', 'a', DATE, 'x', ''], ['4', 'a', DATE, 'x', '']])));
    expect(await disabledOptimizers(store)).toBe('build_side_probe_side');
  });

  it('numbers batches without gaps, even after a file that failed or changed path', async () => {
    const store = await openStore();
    const first = await importOne(store, tempFile('reject.csv', twcsCsv([['', 'a', DATE, 'x', ''], ['1', 'a', DATE, 'x', '']])));
    expect(await importError(store, tempFile('dates.csv', twcsCsv([['2', 'a', 'yesterday', 'x', '']])))).toContain('no date could be read');
    const third = await importOne(store, tempFile('clean.csv', twcsCsv([['3', 'a', DATE, 'x', '']])));
    expect([first.batchId, third.batchId]).toEqual([1, 2]);
  });

  it('never gives a new batch the id of posts someone added by hand', async () => {
    const store = await openStore();
    await importOne(store, tempFile('first.csv', twcsCsv([['1', 'a', DATE, 'x', '']])));
    await store.run("INSERT INTO posts SELECT * REPLACE ('999' AS post_id, 7 AS batch_id) FROM posts");
    const result = await importOne(store, tempFile('second.csv', twcsCsv([['999', 'a', DATE, 'x', ''], ['2', 'a', DATE, 'y', '']])));
    expect(result).toMatchObject({ batchId: 8, imported: 1, duplicates: 1 });
    const rows = await storedRows(store, 'SELECT post_id, batch_id FROM posts ORDER BY post_id');
    expect(rows).toEqual([
      { post_id: '1', batch_id: 1 },
      { post_id: '2', batch_id: 8 },
      { post_id: '999', batch_id: 7 },
    ]);
  });
});
