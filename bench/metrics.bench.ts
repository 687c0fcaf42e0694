/**
 * Metrics bench: `replybench metrics` (the whole JSON of computeMetrics) for one
 * month on synthetic databases of 1,000,000 and 10,000,000 posts (10 brands,
 * one platform, 13 months), generated inside DuckDB and cached under
 * .cache/bench/. The floor is a plain `SELECT count(*) FROM posts` scan.
 * Targets: 1M under 1 s of query time; 10M within 12x of 1M.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { z } from 'zod';
import { parseConfig } from '../src/config/load.js';
import { computeMetrics } from '../src/metrics/compute.js';
import { Store } from '../src/store/database.js';
import { median } from './timing.js';

const CACHE = new URL('../.cache/bench/', import.meta.url).pathname;
const BRANDS = 10;
const PERIOD = '2018-01';
const SIZES = [1_000_000, 10_000_000];

/**
 * Four posts per conversation slot, in time order: a customer's mention
 * (8% reposts, 40% questions, 5% naming two brands), the brand's reply (75%,
 * log-uniform delay from 1 minute to 14 days) or a broadcast, a customer
 * follow-up in the thread or unrelated chatter, and a second brand reply,
 * a self-thread or a broadcast.
 */
const GENERATE = `
INSERT INTO posts (platform, post_id, created_at, author, kind, parent_id, text, batch_id)
WITH slots AS (
  SELECT k,
         hash(k, 'b') % ${BRANDS} AS brand,
         (hash(k, 'b2') % ${BRANDS}) AS other_brand,
         hash(k, 'u') % 300000 AS customer,
         TIMESTAMPTZ '2017-01-01 00:00:00+00' + to_microseconds((k * $step_us + hash(k, 't') % $step_us)::BIGINT) AS t0,
         hash(k, 'a') % 100 AS answer_roll,
         hash(k, 'q') % 100 AS q_roll,
         hash(k, 'f') % 100 AS f_roll,
         hash(k, 'w') % 8 AS phrase,
         to_microseconds((exp((hash(k, 'd') % 1000000) / 1000000.0 * ln(20160)) * 60000000)::BIGINT) AS delay1,
         to_microseconds((exp((hash(k, 'e') % 1000000) / 1000000.0 * ln(2000)) * 60000000)::BIGINT) AS delay2
  FROM range($slots) r(k)
),
phrases AS (
  SELECT ['my order never arrived and nobody answers the phone', 'the app keeps crashing after the update',
          'I was charged twice this month', 'internet down since this morning in my area',
          'flight delayed again, what are my options', 'password reset link does not work',
          'great service today, thanks to the team', 'still waiting for my refund after two weeks'] AS list
)
SELECT 'twitter', (k * 4)::VARCHAR, t0, 'user' || customer,
       CASE WHEN q_roll < 8 THEN 'repost' ELSE 'post' END, NULL,
       CASE WHEN q_roll < 8 THEN 'RT ' ELSE '' END || '@Brand' || brand ||
       CASE WHEN q_roll BETWEEN 90 AND 94 THEN ' @brand' || other_brand ELSE '' END || ' ' ||
       list[(phrase + 1)::BIGINT] || CASE WHEN q_roll < 48 THEN ' can you help?' ELSE '!' END || ' ref ' || k, 1
FROM slots, phrases
UNION ALL
SELECT 'twitter', (k * 4 + 1)::VARCHAR,
       CASE WHEN answer_roll < 75 THEN t0 + delay1 ELSE t0 + to_microseconds(3600000000) END,
       'brand' || brand,
       CASE WHEN answer_roll < 75 THEN 'reply' ELSE 'post' END,
       CASE WHEN answer_roll < 75 THEN (k * 4)::VARCHAR END,
       CASE WHEN answer_roll < 75 THEN '@user' || customer || ' sorry to hear that, please DM us your order number ^JD'
            ELSE 'New plans this week: more data for less. Details at https://example.com/offers' END, 1
FROM slots
UNION ALL
SELECT 'twitter', (k * 4 + 2)::VARCHAR, t0 + delay1 + to_microseconds(600000000), 'user' || customer,
       CASE WHEN answer_roll < 75 AND f_roll < 50 THEN 'reply' ELSE 'post' END,
       CASE WHEN answer_roll < 75 AND f_roll < 50 THEN (k * 4 + 1)::VARCHAR END,
       CASE WHEN answer_roll < 75 AND f_roll < 50 THEN '@brand' || brand || ' done, any news?'
            ELSE 'just had the best coffee of my life, email me at me@brand' || brand || '.com' END, 1
FROM slots
UNION ALL
SELECT 'twitter', (k * 4 + 3)::VARCHAR, t0 + delay1 + to_microseconds(600000000) + delay2, 'brand' || brand,
       CASE WHEN answer_roll < 75 AND f_roll < 40 THEN 'reply' ELSE 'post' END,
       CASE WHEN answer_roll < 75 AND f_roll < 30 THEN (k * 4 + 2)::VARCHAR
            WHEN answer_roll < 75 AND f_roll < 40 THEN (k * 4 + 1)::VARCHAR END,
       CASE WHEN answer_roll < 75 AND f_roll < 30 THEN '@user' || customer || ' thanks, it is sorted now ^AN'
            WHEN answer_roll < 75 AND f_roll < 40 THEN '(2/2) we will follow up by DM'
            ELSE 'Tip of the day: restart your router' END, 1
FROM slots
`;

async function database(posts: number): Promise<{ path: string; seconds: number | null }> {
  const path = `${CACHE}metrics-${posts}.duckdb`;
  if (existsSync(path)) return { path, seconds: null };
  mkdirSync(CACHE, { recursive: true });
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const store = await Store.open(partial);
  const slots = posts / 4;
  const spanUs = 396 * 86_400 * 1_000_000; // 2017-01-01 .. 2018-02-01
  await store.run(GENERATE, { slots, step_us: BigInt(Math.floor(spanUs / slots)) });
  // The posts' batch is recorded, as an import records it: a store whose posts belong to no recorded batch is refused (an import killed before its commit).
  await store.run(
    `INSERT INTO import_batches (batch_id, file, sha256, format, encoding, platform, rows_read, imported, duplicates, rejected, skipped_blank, warnings, imported_at)
     SELECT 1, 'bench/generated', 'bench', 'generic', 'utf-8', NULL, count(*), count(*), 0, 0, 0, []::VARCHAR[], max(created_at) + INTERVAL 1 DAY FROM posts`,
  );
  await store.run('CHECKPOINT');
  store.close();
  renameSync(partial, path);
  return { path, seconds: (performance.now() - started) / 1000 };
}

const config = parseConfig(
  {
    client: 'brand0',
    brands: Array.from({ length: BRANDS }, (_, index) => ({ id: `brand${index}`, name: `Brand ${index}`, accounts: { twitter: [`brand${index}`] } })),
  },
  'bench.yaml',
  CACHE,
);

/** Wall time, and the CPU time of this process (DuckDB's threads included): on a busy machine the wall time grows, the CPU time much less. */
async function time<T>(work: () => Promise<T>): Promise<{ seconds: number; cpu: number; result: T }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, result };
}

export async function run(): Promise<void> {
  console.log(`load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} (${availableParallelism()} cores): figures are only comparable when it is idle`);
  const results: Array<{ posts: number; metrics: number; floor: number }> = [];
  for (const posts of SIZES) {
    const { path, seconds } = await database(posts);
    if (seconds !== null) console.log(`generated ${posts.toLocaleString('en')} posts in ${seconds.toFixed(1)} s -> ${path}`);
    const store = await Store.open(path, { readOnly: true });
    const floors: number[] = [];
    const runs: number[] = [];
    const cpus: number[] = [];
    let inbound = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      floors.push((await time(() => store.rows('posts', z.object({ n: z.number() }), 'SELECT count(*)::DOUBLE AS n FROM posts'))).seconds);
      const { seconds: elapsed, cpu, result } = await time(async () => JSON.stringify(await computeMetrics(store, config, PERIOD, { cache: false })));
      runs.push(elapsed);
      cpus.push(cpu);
      inbound = (JSON.parse(result) as { brands: Array<{ inbound: number }> }).brands.reduce((sum, brand) => sum + brand.inbound, 0);
    }
    store.close();
    results.push({ posts, metrics: median(runs), floor: median(floors) });
    console.log(
      `${posts.toLocaleString('en').padStart(10)} posts: metrics ${PERIOD} ${median(runs).toFixed(3)} s (runs ${runs.map((s) => s.toFixed(3)).join(', ')}; CPU ${median(cpus).toFixed(2)} s), ` +
        `count(*) floor ${(median(floors) * 1000).toFixed(1)} ms, ${inbound.toLocaleString('en')} inbound mentions in the month`,
    );
  }
  const [small, large] = results;
  if (small && large) {
    const ratio = large.metrics / small.metrics;
    console.log(`ratio 10M / 1M: ${ratio.toFixed(2)}x (target <= 12x); 1M ${small.metrics < 1 ? 'meets' : 'MISSES'} the 1 s target`);
  }
}
