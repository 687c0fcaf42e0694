import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, counts, query, SAMPLE, scratch, sizeOf, twcsFile } from './helpers.js';

const CONFIG = 'client: apple\nbrands:\n  - id: apple\n    accounts: { twitter: [AppleSupport] }\n  - id: amazon\n    accounts: { twitter: [AmazonHelp] }\n';

/** `replybench <args> | head <lines>` through a shell: the exit status of replybench, what head printed, and stderr. */
function intoHead(args: string[], lines = '-n 1'): { status: number; head: string; stderr: string } {
  const command = `"${process.execPath}" "${BIN}" ${args.map((arg) => `'${arg}'`).join(' ')} 2> "$ERR" | head ${lines}; echo "status=\${PIPESTATUS[0]}"`;
  const folder = scratch();
  const err = join(folder, 'stderr.txt');
  const child = spawnSync('bash', ['-c', `${command}; cat "$ERR" >&2`], { env: { ...process.env, ERR: err }, encoding: 'utf8' });
  const status = Number(/status=(\d+)/.exec(child.stdout)?.[1] ?? -1);
  return { status, head: child.stdout.replace(/status=\d+\n$/, '').trimEnd(), stderr: child.stderr };
}

describe('a closed stdout', () => {
  it('(metrics | head) ends the command quietly with status 0, no stack trace', () => {
    const folder = scratch();
    const db = join(folder, 'store.duckdb');
    expect(cli(['import', SAMPLE, '--db', db]).status).toBe(0);
    writeFileSync(join(folder, 'replybench.yaml'), CONFIG);
    // head -n 0 exits before reading anything: the first write finds the pipe closed, however large the pipe's buffer.
    const piped = intoHead(['metrics', '--period', '2017-10', '--config', join(folder, 'replybench.yaml'), '--db', db, '--format', 'json'], '-n 0');
    expect(piped.head).toBe('');
    expect(piped.status).toBe(0);
    expect(piped.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('(import | head) stops after the file in hand has landed, and leaves no .wal', async () => {
    const folder = scratch();
    const db = join(folder, 'store.duckdb');
    const files = [0, 1, 2, 3].map((index) => twcsFile(join(folder, `part${index}.csv`), 50, 1_000 * (index + 1)));
    const piped = intoHead(['import', '--db', db, ...files]);
    expect(piped.status).toBe(0);
    expect(piped.head).toMatch(/^part0\.csv: twcs, utf-8: 50 rows read, 50 new posts\.$/);
    expect(piped.stderr).toBe('');
    expect(sizeOf(`${db}.wal`)).toBe(0);
    // Every file that started landed whole; the ones after the pipe closed were not started.
    const batches = await query<{ imported: number }>(db, 'SELECT imported::DOUBLE AS imported FROM import_batches ORDER BY batch_id');
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.length).toBeLessThan(4);
    expect(batches.every((batch) => batch.imported === 50)).toBe(true);
  });
});

describe('a store made by a newer replybench', () => {
  it('is refused by metrics (read-only), as the docs say, and left untouched', async () => {
    const folder = scratch();
    const db = join(folder, 'store.duckdb');
    expect(cli(['import', SAMPLE, '--db', db]).status).toBe(0);
    await query(db, "UPDATE replybench_meta SET value = '9' WHERE key = 'schema_version'", false);
    writeFileSync(join(folder, 'replybench.yaml'), CONFIG);
    const refused = cli(['metrics', '--period', '2017-10', '--config', join(folder, 'replybench.yaml'), '--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`replybench: ${db}: made by a newer replybench (store schema version 9; this one knows up to 6). Update replybench to use it.\n`);
    expect(await query(db, "SELECT value FROM replybench_meta WHERE key = 'schema_version'")).toEqual([{ value: '9' }]);
  });
});

describe('a store upgraded from version 2', () => {
  it('prints the command that fills its new columns, and import --again fills them, adding no post', async () => {
    const folder = scratch();
    const db = join(folder, 'store.duckdb');
    expect(cli(['import', SAMPLE, '--db', db]).status).toBe(0);
    for (const sql of ['ALTER TABLE posts DROP COLUMN response_ids', 'ALTER TABLE posts DROP COLUMN reply_to_user', 'DROP TABLE learned_handles', 'ALTER TABLE import_batches DROP COLUMN notices', 'ALTER TABLE import_batches DROP COLUMN local_times_in', "UPDATE replybench_meta SET value = '2' WHERE key = 'schema_version'"]) {
      await query(db, sql, false);
    }
    const other = twcsFile(join(folder, 'other.csv'), 3, 700_000);
    const upgrade = cli(['import', other, '--db', db]);
    expect(upgrade.status).toBe(0);
    expect(upgrade.stderr).toBe(
      `replybench: upgraded the store from schema version 2 to 6: response_ids and reply_to_user are empty for the posts imported before; fill them, adding no post, with: replybench import --again ${SAMPLE}\n`,
    );
    const filledBefore = await query<{ n: number }>(db, 'SELECT count(response_ids)::DOUBLE AS n FROM posts');
    expect(filledBefore).toEqual([{ n: 0 }]);
    // Without --again the known file is only recorded, as before; with it, it is read and fills the columns.
    expect(cli(['import', SAMPLE, '--db', db]).stdout).toContain('nothing to add');
    const again = cli(['import', '--again', SAMPLE, '--db', db, '--json']);
    expect(again.status).toBe(0);
    const line = JSON.parse(again.stdout) as { imported: number; duplicates: number; filled: number };
    expect(line).toMatchObject({ imported: 0, duplicates: 93 });
    expect(line.filled).toBeGreaterThan(0);
    const [filled] = await query<{ n: number }>(db, 'SELECT count(response_ids)::DOUBLE AS n FROM posts');
    expect(filled?.n).toBe(line.filled);
    // 93 from the sample and 3 from the other file: reading the sample again added none.
    expect((await counts(db)).posts).toBe(96);
  });

  it('--again refuses a file the store never imported', () => {
    const folder = scratch();
    const db = join(folder, 'store.duckdb');
    expect(cli(['import', SAMPLE, '--db', db]).status).toBe(0);
    const unknown = twcsFile(join(folder, 'unknown.csv'), 3);
    const refused = cli(['import', '--again', unknown, '--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`replybench: ${unknown}: was never imported into this store, so --again has nothing to fill; import it without --again.\n`);
  });
});
