/**
 * Threads without parent ids (METRICS.md): a Twitter API v2 export names only
 * each reply's conversation and the user it answers, and its authors are
 * numeric user ids. Response times are computed here by hand from the rows of
 * tests/fixtures/formats/twitter_v2.csv.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { importFiles } from '../../src/ingest/import.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { Store } from '../../src/store/database.js';
import { storedRows } from '../stored-rows.js';

let store: Store;

beforeAll(async () => {
  store = await Store.open(join(mkdtempSync(join(tmpdir(), 'replybench-threads-')), 'v2.duckdb'));
  const outcome = await importFiles(store, [new URL('../fixtures/formats/twitter_v2.csv', import.meta.url).pathname], { format: 'auto', timezone: 'UTC' });
  expect(outcome.failures).toEqual([]);
});

afterAll(() => store.close());

const metricsWith = (acme: string[]): Promise<MetricsReport> =>
  computeMetrics(store, parseConfig({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: acme } }] }, 'v2.yaml', '/tmp'), '2024-10');

/** Minutes between two of the fixture's timestamps. */
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

describe('threads without parent ids', () => {
  // Each brand reply answers the latest earlier post of the user it names, in its conversation:
  //   #2 (14:20:35, to user 2000000002) answers #1 (14:00:05);
  //   #5 (15:05:00, to user 2000000002) answers #3 (14:45:00), the customer's follow-up (a question: it needs an answer);
  //   #6 (15:10:00, to user 3000000003) answers #4 (14:50:10), the bystander.
  const times = [minutes('2024-10-09T14:00:05Z', '2024-10-09T14:20:35Z'), minutes('2024-10-09T14:45:00Z', '2024-10-09T15:05:00Z'), minutes('2024-10-09T14:50:10Z', '2024-10-09T15:10:00Z')];

  it('finds each reply\'s parent from its conversation and user, the brand known by its handle through the learned user ids', async () => {
    const acme = (await metricsWith(['AcmeHelp'])).brands[0];
    expect(acme).toMatchObject({ inbound: 3, answered: 3, responseRate: 1, brandPosts: 4, replies: 3, broadcasts: 1 });
    expect(acme?.responseTimeMedianMin).toBeCloseTo([...times].sort((a, b) => a - b)[1] ?? NaN, 9);
    expect(acme?.responseTimeMeanMin).toBeCloseTo(times.reduce((a, b) => a + b, 0) / 3, 9);
    expect(acme?.coverage?.repliesWithMissingParent).toBe(0);
  });

  it('gives the same numbers when the config names the account by its user id', async () => {
    const byHandle = (await metricsWith(['AcmeHelp'])).brands[0];
    const byId = (await metricsWith(['id:1000000001'])).brands[0];
    expect(byId).toMatchObject({ inbound: byHandle?.inbound, answered: byHandle?.answered, responseTimeMedianMin: byHandle?.responseTimeMedianMin });
  });

  it('learned each user id\'s handle from the replies to it', async () => {
    const rows = await storedRows(store, 'SELECT user_id, handle FROM learned_handles ORDER BY user_id');
    expect(rows.map((row) => [row.user_id, row.handle])).toEqual([
      ['1000000001', 'acmehelp'],
      ['2000000002', 'jane_doe'],
      ['3000000003', 'bystander_bo'],
    ]);
  });
});

describe('comments on a page post the export does not hold', () => {
  it("are aimed at the page named by the post's link, and the page's replies answer them", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'replybench-fb-')), 'fb.duckdb');
    const fb = await Store.open(path);
    try {
      const outcome = await importFiles(fb, [new URL('../fixtures/formats/facebook_comments.csv', import.meta.url).pathname], { format: 'auto', timezone: 'UTC' });
      expect(outcome.failures).toEqual([]);
      // The page's own comments are written by its numeric id; its posts' links name it "acme".
      const config = parseConfig({ client: 'acme', brands: [{ id: 'acme', accounts: { facebook: ['acme', 'id:100200300'] } }] }, 'fb.yaml', '/tmp');
      const acme = (await computeMetrics(fb, config, '2025-10')).brands[0];
      // Inbound: Jane's comment (14:00) and Tom's (16:00), both top-level comments on the page's post; the
      // replies under Jane's comment answer Jane, not the page (the export flattens them under her comment).
      // Answers: the page's 14:25 reply to Jane (25 min) and its 16:30 reply to Tom (30 min).
      expect(acme).toMatchObject({ inbound: 2, answered: 2, responseRate: 1, responseTimeMedianMin: 27.5, brandPosts: 3, replies: 3 });
    } finally {
      fb.close();
    }
  });
});

