/**
 * Readers of one database in one process (the page's server: a report and a check at once) share one read-only
 * DuckDB instance: a file lock belongs to the process, so closing a second instance of the file would drop the lock
 * the other reader still holds, and an import in another process could write under it.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileProblem, Store } from '../../src/store/database.js';
import { tempFolder } from '../ingest/helpers.js';

const ROOT = join(import.meta.dirname, '../..');

/** Whether another process can open the database for writing now. */
function writableElsewhere(path: string): boolean {
  const code = `import { DuckDBInstance } from '@duckdb/node-api';
try { (await DuckDBInstance.create(${JSON.stringify(path)})).closeSync(); console.log('opened'); } catch { console.log('locked'); }`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }).trim() === 'opened';
}

describe('readers of one database in one process', () => {
  it('keep it locked against a writer elsewhere until the last of them closes, whichever closes first', async () => {
    const path = join(tempFolder(), 'store.duckdb');
    (await Store.open(path)).close();
    const first = await Store.open(path, { readOnly: true });
    const second = await Store.open(path, { readOnly: true });
    first.close();
    expect(writableElsewhere(path)).toBe(false);
    expect(await second.script('SELECT count(*)::DOUBLE AS posts FROM posts')).toEqual([{ posts: 0 }]);
    // A reader that comes after shares the instance still open, and closing it twice changes nothing.
    const third = await Store.open(path, { readOnly: true });
    second.close();
    second.close();
    expect(writableElsewhere(path)).toBe(false);
    third.close();
    expect(writableElsewhere(path)).toBe(true);
  });

  it('share one instance whatever memory each asks for, and a writer opening at the same time as another open is refused', async () => {
    const path = join(tempFolder(), 'store.duckdb');
    (await Store.open(path)).close();
    const report = await Store.open(path, { readOnly: true, memoryLimit: '1GB' });
    const preview = await Store.open(path, { readOnly: true });
    preview.close();
    expect(writableElsewhere(path)).toBe(false);
    report.close();
    // Both asked at once: the second is refused while the first is still opening the file, never opened beside it.
    const opened = await Promise.allSettled([Store.open(path), Store.open(path)]);
    expect(opened.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok'))).toEqual(['ok', expect.stringContaining('this program is writing it')]);
    for (const outcome of opened) if (outcome.status === 'fulfilled') outcome.value.close();
    const racing = await Promise.allSettled([Store.open(path, { readOnly: true }), Store.open(path)]);
    expect(racing.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok'))).toEqual(['ok', expect.stringContaining('this program is reading it')]);
    for (const outcome of racing) if (outcome.status === 'fulfilled') outcome.value.close();
    expect(writableElsewhere(path)).toBe(true);
  });

  it("are never disturbed by a look at the file's first bytes (the page's server checks the database a config names on each request), nor by another open of this process", async () => {
    const path = join(tempFolder(), 'store.duckdb');
    const writer = await Store.open(path);
    expect(databaseFileProblem(path)).toBeNull();
    // Nor by a reader or a second writer of the same process, which it refuses rather than open beside it.
    await expect(Store.open(path, { readOnly: true })).rejects.toThrow(/cannot open the database \(this program is writing it \(an import\); try again when it ends\)/);
    await expect(Store.open(path)).rejects.toThrow(/this program is writing it/);
    expect(writableElsewhere(path)).toBe(false);
    writer.close();
    const reader = await Store.open(path, { readOnly: true });
    expect(databaseFileProblem(path)).toBeNull();
    await expect(Store.open(path)).rejects.toThrow(/this program is reading it; try again when that is done/);
    expect(writableElsewhere(path)).toBe(false);
    reader.close();
    // Held by none, the file is read as before.
    expect(databaseFileProblem(path)).toBeNull();
    expect(writableElsewhere(path)).toBe(true);
  });
});

describe('the settings a store opens with', () => {
  it('a memory limit or thread count DuckDB refuses is named by its variable, not blamed on the path', async () => {
    const saved = { memory: process.env.REPLYBENCH_MEMORY_LIMIT, threads: process.env.REPLYBENCH_THREADS };
    try {
      process.env.REPLYBENCH_THREADS = 'two';
      delete process.env.REPLYBENCH_MEMORY_LIMIT;
      await expect(Store.open(':memory:')).rejects.toThrow('REPLYBENCH_THREADS="two" is not a setting DuckDB takes; give a number of threads such as 2, or unset it.');
      process.env.REPLYBENCH_THREADS = '1';
      process.env.REPLYBENCH_MEMORY_LIMIT = 'lots';
      await expect(Store.open(join(tempFolder(), 'store.duckdb'))).rejects.toThrow(
        'REPLYBENCH_MEMORY_LIMIT="lots" or REPLYBENCH_THREADS="1" is not a setting DuckDB takes; give an amount of memory such as 4GB and a number of threads such as 2, or unset them.',
      );
      process.env.REPLYBENCH_MEMORY_LIMIT = '1.5 GB';
      (await Store.open(':memory:')).close();
    } finally {
      for (const [name, value] of [['REPLYBENCH_MEMORY_LIMIT', saved.memory], ['REPLYBENCH_THREADS', saved.threads]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('the folder DuckDB spills to', () => {
  it("is this process's own, beside the database; those of processes that ended without closing are removed", async () => {
    const folder = tempFolder();
    const path = join(folder, 'store.duckdb');
    // A process that has ended, and this one (alive): only the first's folder is a dead one's.
    const ended = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    mkdirSync(join(folder, `store.duckdb.tmp-${ended}`));
    writeFileSync(join(folder, `store.duckdb.tmp-${ended}`, 'duckdb_temp_storage_DEFAULT-0.tmp'), 'spilled');
    mkdirSync(join(folder, `store.duckdb.tmp-${process.ppid}`));
    const store = await Store.open(path);
    try {
      expect(await store.script("SELECT current_setting('temp_directory') AS spill")).toEqual([{ spill: `${path}.tmp-${process.pid}` }]);
    } finally {
      store.close();
    }
    expect(existsSync(join(folder, `store.duckdb.tmp-${ended}`))).toBe(false);
    expect(existsSync(join(folder, `store.duckdb.tmp-${process.ppid}`))).toBe(true);
  });

  it('of a store in memory (a dry run, a preview) is its own too, even beside another in the same process, and goes when it closes', async () => {
    const first = await Store.open(':memory:');
    const second = await Store.open(':memory:');
    const spill = async (store: Store) => ((await store.script("SELECT current_setting('temp_directory') AS spill")) as Array<{ spill: string }>)[0]?.spill ?? '';
    const [one, two] = [await spill(first), await spill(second)];
    expect(one).toMatch(new RegExp(`/replybench-spill-${process.pid}-[^/]+$`));
    expect(two).not.toBe(one);
    first.close();
    second.close();
    expect([existsSync(one), existsSync(two)]).toEqual([false, false]);
  });
});

describe('a database another process holds', () => {
  it('is refused naming the process and saying to wait, not with DuckDB\'s advice of a read-only mode', async () => {
    const path = join(tempFolder(), 'store.duckdb');
    (await Store.open(path)).close();
    const code = `import { DuckDBInstance } from '@duckdb/node-api';
await DuckDBInstance.create(${JSON.stringify(path)});
console.log('held');
setInterval(() => {}, 1000);`;
    const holder = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((held) => holder.stdout?.once('data', () => held()));
      await expect(Store.open(path, { readOnly: true })).rejects.toThrow(
        `${path}: another program (process ${holder.pid}) has the database open to write to it, or to read it while this would write; wait until it is done, then run this again.`,
      );
    } finally {
      holder.kill('SIGKILL');
    }
    // Held by replybench itself (an import in another terminal): said as such. Its script, as the command runs it, is replybench.js.
    const script = join(tempFolder(), 'replybench.js');
    writeFileSync(script, `(async () => {
  const { DuckDBInstance } = await import(${JSON.stringify(import.meta.resolve('@duckdb/node-api'))});
  await DuckDBInstance.create(${JSON.stringify(path)});
  console.log('held');
  setInterval(() => {}, 1000);
})();`);
    const importing = spawn(process.execPath, [script, 'import'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((held) => importing.stdout?.once('data', () => held()));
      await expect(Store.open(path, { readOnly: true })).rejects.toThrow(`(process ${importing.pid}, replybench: an import or report in another terminal, or the page of replybench serve)`);
    } finally {
      importing.kill('SIGKILL');
    }
  });
});
