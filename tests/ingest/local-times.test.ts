import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/database.js';
import { storedRows } from '../stored-rows.js';
import { FIXTURES as INGEST_FIXTURES, runCli, tempFolder } from './helpers.js';

const TALKWALKER = 'tests/fixtures/formats/talkwalker.csv';
const KAGGLE = join(INGEST_FIXTURES, 'twcs_kaggle_sample.csv');

/** A tweet id carries its own creation time (Twitter's snowflake layout): when the post was written, whatever the export's clock. */
function snowflakeSecond(id: string): string {
  const ms = Number((BigInt(id) >> 22n) + 1288834974657n);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A client's folder whose config names the client's zone (Paris: the Talkwalker export's account wrote Paris time). */
function clientFolder(timezone: string): string {
  const folder = tempFolder();
  writeFileSync(
    join(folder, 'replybench.yaml'),
    `client: carrefour\ntimezone: ${timezone}\ndatabase: data/carrefour.duckdb\nbrands:\n  - id: carrefour\n    name: Carrefour\n    accounts: { twitter: [CarrefourFrance] }\n`,
  );
  copyFileSync(TALKWALKER, join(folder, 'talkwalker.csv'));
  copyFileSync(KAGGLE, join(folder, 'kaggle.csv'));
  return folder;
}

async function stored(folder: string): Promise<{ posts: Array<{ post_id: string; created: string }>; batches: Array<{ batch_id: number; local_times_in: string | null }> }> {
  const store = await Store.open(join(folder, 'data/carrefour.duckdb'), { readOnly: true });
  try {
    const posts = (await storedRows(store, "SELECT post_id, strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS created FROM posts ORDER BY post_id")) as Array<{ post_id: string; created: string }>;
    const batches = (await storedRows(store, 'SELECT batch_id, local_times_in FROM import_batches ORDER BY batch_id')) as Array<{ batch_id: number; local_times_in: string | null }>;
    return { posts, batches };
  } finally {
    store.close();
  }
}

describe("local times: read in the client's zone by default, and said", () => {
  it("`import` in a client's folder reads times without an offset in the config's timezone, says so, and records it", async () => {
    const folder = clientFolder('Europe/Paris');
    const run = await runCli(['import', 'talkwalker.csv'], folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('; times without an offset read in Europe/Paris.');
    const { posts, batches } = await stored(folder);
    // Every time agrees with the second its tweet id was made in: read in Paris, not as UTC (2 hours off).
    expect(posts).toHaveLength(5);
    for (const post of posts) expect(post.created, post.post_id).toBe(snowflakeSecond(post.post_id));
    expect(batches).toEqual([{ batch_id: 1, local_times_in: 'Europe/Paris' }]);
  });

  it('--timezone wins over the config, and the JSON names the zone (null for a layout whose times all name their offset)', async () => {
    const folder = clientFolder('Europe/Paris');
    const run = await runCli(['import', 'talkwalker.csv', 'kaggle.csv', '--timezone', 'UTC', '--json'], folder);
    expect(run.status).toBe(0);
    const [talkwalker, kaggle] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { localTimesIn: string | null; imported: number });
    expect(talkwalker).toMatchObject({ localTimesIn: 'UTC', imported: 5 });
    expect(kaggle).toMatchObject({ localTimesIn: null, imported: 93 });
    const { posts, batches } = await stored(folder);
    // Read as UTC, a Paris time is 2 hours late against its id.
    const talkwalkerIds = new Set(['911153194067222528', '911208963110207488', '911162322672078848', '911142910594355200', '911143919160872960']);
    const late = posts.filter((post) => talkwalkerIds.has(post.post_id) && post.created !== snowflakeSecond(post.post_id));
    expect(late).toHaveLength(5);
    expect(batches).toEqual([
      { batch_id: 1, local_times_in: 'UTC' },
      { batch_id: 2, local_times_in: null },
    ]);
  });

  it('the same file imported again in another zone keeps the first times, and the import says so', async () => {
    const folder = clientFolder('Europe/Paris');
    expect((await runCli(['import', 'talkwalker.csv', '--timezone', 'UTC'], folder)).status).toBe(0);
    const before = await stored(folder);
    const again = await runCli(['import', 'talkwalker.csv', '--json'], folder);
    expect(again.status).toBe(0);
    const result = JSON.parse(again.stdout) as { localTimesIn: string | null; imported: number; warnings: string[]; alreadyImported: unknown };
    expect(result).toMatchObject({ localTimesIn: 'UTC', imported: 0, alreadyImported: { batchId: 1 } });
    expect(result.warnings).toContain(
      'that import read the times that name no timezone in UTC, and its posts keep those times: they were not read in Europe/Paris; to read them in Europe/Paris, import the files into a new, empty database (a new client in the page)',
    );
    expect(await stored(folder)).toEqual(before);

    // In the same zone as the first import: nothing to say beyond the earlier import.
    const same = await runCli(['import', 'talkwalker.csv', '--timezone', 'UTC', '--json'], folder);
    expect((JSON.parse(same.stdout) as { warnings: string[] }).warnings.join('\n')).not.toMatch(/that import read the times/);
  });

  it("the dry run reads them in the config's timezone too", async () => {
    const folder = clientFolder('America/Mexico_City');
    const run = await runCli(['import', '--dry-run', 'talkwalker.csv', '--json'], folder);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ timezone: 'America/Mexico_City', readsLocalTimes: true });
  });
});

describe('local times in a new client, and a file read again', () => {
  it("imports into a new client's folder whose brand has no handle yet, reading local times in its zone", async () => {
    const folder = clientFolder('Europe/Paris');
    writeFileSync(join(folder, 'replybench.yaml'), 'client: nouveau\ntimezone: Europe/Paris\ndatabase: data/carrefour.duckdb\nbrands:\n  - id: nouveau\n    name: Nouveau\n    accounts: {}\n');
    const run = await runCli(['import', 'talkwalker.csv'], folder);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('; times without an offset read in Europe/Paris.');
    const dry = await runCli(['import', '--dry-run', 'talkwalker.csv', '--json'], folder);
    expect(JSON.parse(dry.stdout)).toMatchObject({ timezone: 'Europe/Paris' });
  });

  it('does not say a file read again keeps its first times: its new posts are read in the zone asked now', async () => {
    const folder = clientFolder('Europe/Paris');
    // Another --platform makes the same content new posts: read again, in the zone asked now.
    expect((await runCli(['import', 'talkwalker.csv', '--timezone', 'UTC', '--platform', 'facebook'], folder)).status).toBe(0);
    const again = await runCli(['import', 'talkwalker.csv', '--platform', 'instagram', '--json'], folder);
    const result = JSON.parse(again.stdout) as { imported: number; localTimesIn: string; warnings: string[] };
    expect(result).toMatchObject({ localTimesIn: 'Europe/Paris' });
    expect(result.warnings.join('\n')).not.toMatch(/that import read the times/);
  });
});
