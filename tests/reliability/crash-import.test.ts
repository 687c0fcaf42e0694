import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_STEPS } from '../../src/crash-point.js';
import { cli, counts, leftovers, SAMPLE, scratch, sizeOf, twcsFile } from './helpers.js';

/** A Windows-1252 export: the import reads it from a UTF-8 copy in the temporary folder. */
function latin1File(path: string): string {
  writeFileSync(path, Buffer.from('tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n1,ana,True,Mon Oct 02 10:00:00 +0000 2017,@AcmeCares caf\xe9 fr\xeda,,\n', 'latin1'));
  return path;
}

describe('an import killed at a named step', () => {
  it('before its commit: nothing of it lands, and the next import of the file is whole', async () => {
    const folder = scratch();
    const db = join(folder, 'store.duckdb');
    expect(cli(['import', SAMPLE, '--db', db]).status).toBe(0);
    const second = twcsFile(join(folder, 'second.csv'), 50, 900_000);
    const killed = cli(['import', second, '--db', db], { crashAt: CRASH_STEPS.importBeforeCommit });
    expect(killed.signal).toBe('SIGKILL');
    expect(await counts(db)).toEqual({ posts: 93, batches: 1 });
    const again = cli(['import', second, '--db', db]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('50 new posts');
    expect(await counts(db)).toEqual({ posts: 143, batches: 2 });
  });

  it('after its commit, before the checkpoint: the WAL holds it and the next open replays it whole', async () => {
    const folder = scratch();
    const db = join(folder, 'store.duckdb');
    const killed = cli(['import', SAMPLE, '--db', db], { crashAt: CRASH_STEPS.importBeforeCheckpoint });
    expect(killed.signal).toBe('SIGKILL');
    expect(sizeOf(`${db}.wal`)).toBeGreaterThan(0);
    expect(await counts(db)).toEqual({ posts: 93, batches: 1 });
  });

  it('while it holds a temporary copy of the export: the next run removes the copy', () => {
    const folder = scratch();
    const tmp = join(folder, 'tmp');
    mkdirSync(tmp);
    const export1252 = latin1File(join(folder, 'latin1.csv'));
    const killed = cli(['import', export1252, '--db', join(folder, 'store.duckdb')], { crashAt: CRASH_STEPS.importTempCopy, tmp });
    expect(killed.signal).toBe('SIGKILL');
    expect(leftovers(tmp)).toEqual([expect.stringMatching(/^replybench-import-\d+-/)]);
    const next = cli(['import', export1252, '--db', join(folder, 'store.duckdb')], { tmp });
    expect(next.status).toBe(0);
    expect(leftovers(tmp)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`interrupted by ${signal}: it removes its temporary copy and ends by that signal`, () => {
      const folder = scratch();
      const tmp = join(folder, 'tmp');
      mkdirSync(tmp);
      const interrupted = cli(['import', latin1File(join(folder, 'latin1.csv')), '--db', join(folder, 'store.duckdb')], { crashAt: CRASH_STEPS.importTempCopy, signal, tmp });
      expect(interrupted.signal).toBe(signal);
      expect(leftovers(tmp)).toEqual([]);
    });
  }

  it('interrupted before its commit, it names the file to import again, and leaves no spare room and no empty database behind', () => {
    const folder = scratch();
    const file = twcsFile(join(folder, 'october.csv'), 50);
    const interrupted = cli(['import', file, '--db', join(folder, 'store.duckdb')], { crashAt: CRASH_STEPS.importBeforeCommit, signal: 'SIGINT' });
    expect(interrupted.signal).toBe('SIGINT');
    expect(interrupted.stderr).toContain(`replybench: interrupted while importing ${file}, which lands whole or not at all; import it again (posts already stored are not added twice).\n`);
    // Neither the database it created (it holds nothing) nor its spare room, store.duckdb.spare, is left.
    expect(readdirSync(folder).filter((name) => name.startsWith('store.duckdb'))).toEqual([]);
  });
});
