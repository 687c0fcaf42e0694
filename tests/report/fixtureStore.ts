import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { Store } from '../../src/store/database.js';
import { insertRows } from '../insert-rows.js';

export const FIXTURES = new URL('../fixtures/report/', import.meta.url).pathname;

interface FixturePost {
  post_id: string;
  created_at: string;
  author: string;
  kind: string;
  parent_id: string | null;
  text: string;
}

/** The hostile texts the escaping tests look for, exactly as stored. */
export const HOSTILE = {
  script: "<script>document.title='pwned'</script>",
  img: '<img src=x onerror=alert(1)>',
  file: 'file:///etc/passwd',
};

export function fixtureConfig(): Config {
  return loadConfig(`${FIXTURES}store-config.yaml`);
}

/** A small in-memory store: two brands, a handful of mentions (some hostile), one import batch with rejects. */
export async function fixtureStore(path = ':memory:'): Promise<Store> {
  const store = await Store.open(path);
  const posts = JSON.parse(readFileSync(`${FIXTURES}posts.json`, 'utf8')) as FixturePost[];
  await store.run(
    `INSERT INTO import_batches VALUES (1, 'exports/acme_october.csv', 'abc', 'twcs', 'utf-8', 'twitter', $rows, $imported, 0, 2, 0, [], '2017-11-02T10:00:00Z', NULL, NULL)`,
    { rows: posts.length + 2, imported: posts.length },
  );
  await store.run(`INSERT INTO import_rejects VALUES (1, 'exports/acme_october.csv', 7, 'unparseable date', 'x'), (1, 'exports/acme_october.csv', 9, 'unparseable date', 'y')`);
  const rows = posts.map((post) => ({
    platform: 'twitter',
    post_id: post.post_id,
    created_at: post.created_at,
    author: post.author,
    kind: post.kind,
    parent_id: post.parent_id ?? null,
    text: post.text,
    batch_id: 1,
  }));
  await insertRows(store, 'posts', rows, { created_at: 'TIMESTAMPTZ' });
  return store;
}

/**
 * What each brand of tests/fixtures/report/replybench.yaml does in one month
 * of the metrics fixture: `answers` lists, for the first mentions in order,
 * how many minutes after the mention the brand replies; later mentions stay
 * unanswered. `broadcasts` are the brand's own posts.
 */
interface MonthPlan {
  inbound: number;
  answers: number[];
  broadcasts: number;
}

const times = (count: number, minutes: number): number[] => Array.from({ length: count }, () => minutes);

/**
 * October 2017 (the report month) and September 2017 (its previous period),
 * Europe/Madrid. In October:
 *
 * | brand    | inbound | answered (after)                         | broadcasts |
 * | acme     | 50      | 30: 10×20 min, 10×40, 5×180, 5×2,000     | 10         |
 * | rivalco  | 80      | 64: 32×10 min, 32×30                     | 16         |
 * | swiftnet | 40      | 12: 12×5 min                             | 12         |
 * | megafon  | 60      | 9: 9×300 min                             | 41         |
 * | canntel  | 10      | 5: 5×90 min                              | 2          |
 *
 * In September acme gets 40 mentions and answers 26 (13 after 30 min, 13
 * after 70) with 14 broadcasts; 200 mentions in all.
 */
export const METRICS_FIXTURE_PLAN: Record<string, Record<string, MonthPlan>> = {
  '2017-10': {
    acme: { inbound: 50, answers: [...times(10, 20), ...times(10, 40), ...times(5, 180), ...times(5, 2000)], broadcasts: 10 },
    rivalco: { inbound: 80, answers: [...times(32, 10), ...times(32, 30)], broadcasts: 16 },
    swiftnet: { inbound: 40, answers: times(12, 5), broadcasts: 12 },
    megafon: { inbound: 60, answers: times(9, 300), broadcasts: 41 },
    canntel: { inbound: 10, answers: times(5, 90), broadcasts: 2 },
  },
  '2017-09': {
    acme: { inbound: 40, answers: [...times(13, 30), ...times(13, 70)], broadcasts: 14 },
    rivalco: { inbound: 60, answers: times(30, 15), broadcasts: 10 },
    swiftnet: { inbound: 40, answers: times(10, 5), broadcasts: 10 },
    megafon: { inbound: 50, answers: times(5, 300), broadcasts: 40 },
    canntel: { inbound: 10, answers: times(5, 90), broadcasts: 2 },
  },
};

/** The account each fixture brand writes from and is mentioned at (replybench.yaml). */
const HANDLES: Record<string, string> = { acme: 'AcmeCares', rivalco: 'RivalCoHelp', swiftnet: 'SwiftNet', megafon: 'MegaFonES', canntel: 'CannTel' };

/** Eleven earlier months, three mentions per brand and two answers, so the thirteen-month trend has lines. */
const EARLIER_MONTHS = ['2016-10', '2016-11', '2016-12', '2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06', '2017-07', '2017-08'];

interface GeneratedPost {
  id: string;
  at: Date;
  author: string;
  kind: 'post' | 'reply';
  parent: string | null;
  text: string;
}

/**
 * The posts of the metrics fixture: every mention between the 2nd and the
 * 26th of its month, 07:00-19:59 UTC (so every answer, even 2,000 minutes
 * later, falls in the same month), and one post on 20 November so that no
 * October mention is still inside its 7-day answer window.
 */
export function metricsFixturePosts(): GeneratedPost[] {
  const plans: Array<[string, Record<string, MonthPlan>]> = [
    ...EARLIER_MONTHS.map((month): [string, Record<string, MonthPlan>] => [month, Object.fromEntries(Object.keys(HANDLES).map((brand) => [brand, { inbound: 3, answers: [30, 90], broadcasts: 1 }]))]),
    ...Object.entries(METRICS_FIXTURE_PLAN),
  ];
  const posts: GeneratedPost[] = [];
  for (const [month, brands] of plans) {
    for (const [brand, plan] of Object.entries(brands)) {
      const handle = HANDLES[brand] ?? brand;
      const at = (i: number) => new Date(`${month}-${String(2 + (i % 25)).padStart(2, '0')}T${String(7 + ((i * 7) % 13)).padStart(2, '0')}:${String((i * 11) % 60).padStart(2, '0')}:00Z`);
      for (let i = 0; i < plan.inbound; i += 1) {
        const id = `${month}-${brand}-m${i}`;
        const customer = `customer${(i * 17) % 97}`;
        const mentionAt = at(i);
        posts.push({ id, at: mentionAt, author: customer, kind: 'post', parent: null, text: `@${handle} my line has been down since this morning (${i})` });
        const delay = plan.answers[i];
        if (delay !== undefined) {
          posts.push({ id: `${id}-r`, at: new Date(mentionAt.getTime() + delay * 60_000), author: handle.toLowerCase(), kind: 'reply', parent: id, text: `@${customer} sorry about that, case ${i} is open` });
        }
      }
      for (let i = 0; i < plan.broadcasts; i += 1) {
        // From the last mention's day backwards: the brand posts until its last mention, as a whole export of its posts holds.
        posts.push({ id: `${month}-${brand}-b${i}`, at: new Date(at(24 - (i % 25)).getTime() + 30 * 60_000), author: handle.toLowerCase(), kind: 'post', parent: null, text: `New plans this month, number ${i}` });
      }
    }
  }
  posts.push({ id: 'late-rivalco', at: new Date('2017-11-20T10:00:00Z'), author: 'rivalcohelp', kind: 'post', parent: null, text: 'November news' });
  // The exports reach over each month whole, as a month's export does: a post on every day (at noon UTC, the same day in the
  // config's timezone). All but the first, October 2016, which they begin on its 2nd: the trend marks it.
  for (const month of [...EARLIER_MONTHS.slice(1), ...Object.keys(METRICS_FIXTURE_PLAN)]) {
    for (let day = new Date(`${month}-01T12:00:00Z`); day.toISOString().startsWith(month); day.setUTCDate(day.getUTCDate() + 1)) {
      posts.push({ id: `exports-${day.toISOString().slice(0, 10)}`, at: new Date(day), author: 'elsewhere', kind: 'post', parent: null, text: 'a post of the exports' });
    }
  }
  return posts;
}

/** The five brands of replybench.yaml over thirteen months, for metrics the report tests get from computeMetrics. */
export async function metricsFixtureStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  const rows = metricsFixturePosts().map((post) => ({
    platform: 'twitter',
    post_id: post.id,
    created_at: post.at.toISOString(),
    author: post.author,
    kind: post.kind,
    parent_id: post.parent,
    text: post.text,
    batch_id: 1,
  }));
  await insertRows(store, 'posts', rows, { created_at: 'TIMESTAMPTZ' });
  return store;
}

/** tests/fixtures/report/replybench.yaml, with another brand as the client when `client` is given. */
export function metricsFixtureConfig(client?: string): Config {
  const path = `${FIXTURES}replybench.yaml`;
  if (!client) return loadConfig(path);
  const raw = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return parseConfig({ ...raw, client }, path, FIXTURES);
}
