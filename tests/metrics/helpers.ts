import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import type { BrandMetrics, MetricsReport } from '../../src/metrics/types.js';
import { Store } from '../../src/store/database.js';
import { insertRows } from '../insert-rows.js';

/** A post as a test writes it: only what the case needs; the rest defaults. */
export interface TestPost {
  id: string;
  author: string;
  at: string;
  text?: string | null;
  kind?: 'post' | 'reply' | 'repost' | 'quote' | 'comment';
  parent?: string | null;
  parentUrl?: string | null;
  url?: string | null;
  platform?: string;
  topic?: string | null;
  /** The response ids the export lists for the post (twcs response_tweet_id), comma-separated. */
  responses?: string | null;
  /** The import batch (the export) that holds it; default 1. */
  batch?: number;
}

/**
 * Posts of an account no brand tracks at the start and the end of every day from `first` to `last` (UTC): the exports
 * reach over every day between them, with no day skipped, so that counts of periods inside are compared.
 */
export function exportsReach(first: string, last: string): TestPost[] {
  const posts: TestPost[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); day.toISOString().slice(0, 10) <= last; day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    posts.push({ id: `reach-${date}a`, author: 'elsewhere', at: `${date}T00:00:00Z`, text: 'a post of the exports' }, { id: `reach-${date}b`, author: 'elsewhere', at: `${date}T23:59:00Z`, text: 'a post of the exports' });
  }
  return posts;
}

export async function storeWith(posts: TestPost[]): Promise<Store> {
  const store = await Store.open(':memory:');
  await insertPosts(store, posts);
  return store;
}

export async function insertPosts(store: Store, posts: TestPost[]): Promise<void> {
  const rows = posts.map((post) => ({
    platform: post.platform ?? 'twitter',
    post_id: post.id,
    created_at: post.at,
    author: post.author.toLowerCase(),
    kind: post.kind ?? (post.parent || post.parentUrl ? 'reply' : 'post'),
    parent_id: post.parent ?? null,
    parent_url: post.parentUrl ?? null,
    text: post.text === undefined ? '' : post.text,
    url: post.url ?? null,
    topic: post.topic ?? null,
    batch_id: post.batch ?? 1,
    response_ids: post.responses ?? null,
  }));
  await insertRows(store, 'posts', rows, { created_at: 'TIMESTAMPTZ' });
}

/**
 * Records batch 1 in import_batches, dated a day after the newest post (so
 * it bounds no pending window), for a test store that is closed and opened
 * again: posts of an unrecorded batch are taken for the remains of an import
 * that never committed, removed on a write open and refused on a read-only one.
 */
export async function recordTestBatch(store: Store): Promise<void> {
  await store.run(
    `INSERT INTO import_batches
     SELECT 1, '/exports/test.csv', 'test', 'generic', 'utf-8', NULL, count(*), count(*), 0, 0, 0, []::VARCHAR[], max(created_at) + INTERVAL 1 DAY, NULL, NULL FROM posts`,
  );
}

export interface TestBrand {
  id: string;
  /** Default: the id in capitals. */
  name?: string;
  handles?: string[];
  accounts?: Record<string, string[]>;
  topics?: string[];
}

export function configWith(brands: TestBrand[], extra: Record<string, unknown> = {}): Config {
  return parseConfig(
    {
      client: brands[0]?.id,
      brands: brands.map((brand) => ({
        id: brand.id,
        name: brand.name ?? brand.id.toUpperCase(),
        accounts: brand.accounts ?? { twitter: brand.handles ?? [brand.id] },
        topics: brand.topics ?? [],
      })),
      ...extra,
    },
    'test.yaml',
    '/tmp',
  );
}

/** A brand's metrics in a report (all platforms, or one platform's); a missing brand fails the test. */
export function brandOf(report: MetricsReport, id: string, platform?: string): BrandMetrics {
  const list = platform ? report.byPlatform?.find((entry) => entry.platform === platform)?.brands : report.brands;
  const found = list?.find((entry) => entry.id === id);
  if (!found) throw new Error(`no brand ${id}${platform ? ` on ${platform}` : ''}`);
  return found;
}
