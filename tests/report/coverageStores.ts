/**
 * Small stores of the partial exports agencies really have (METRICS.md,
 * "Coverage"), for the report's text. Every number the tests expect is worked
 * out from the plans below by hand.
 */
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { Store } from '../../src/store/database.js';
import { insertRows } from '../insert-rows.js';
import { FIXTURES } from './fixtureStore.js';

export interface StorePost {
  id: string;
  author: string;
  at: Date;
  text: string;
  parent?: string;
  platform?: string;
  /** Response ids the export lists for the post (twcs response_tweet_id). */
  responses?: string;
}

/** The posts, and one post on 20 November per platform so that no October mention is still inside its answer window. */
export async function storeOf(posts: StorePost[]): Promise<Store> {
  const store = await Store.open(':memory:');
  const platforms = new Set(posts.map((post) => post.platform ?? 'twitter'));
  const late = [...platforms].map((platform): StorePost => ({ id: `late-${platform}`, author: 'newsdesk', at: new Date('2017-11-20T10:00:00Z'), text: 'November news', platform }));
  const rows = [...posts, ...late].map((post) => ({
    platform: post.platform ?? 'twitter',
    post_id: post.id,
    created_at: post.at.toISOString(),
    author: post.author,
    kind: post.parent ? 'reply' : 'post',
    parent_id: post.parent ?? null,
    text: post.text,
    batch_id: 1,
    response_ids: post.responses ?? null,
  }));
  await insertRows(store, 'posts', rows, { created_at: 'TIMESTAMPTZ' });
  return store;
}

/** The i-th moment of a month: days 2-26, 08:00-20:59 UTC, so answers a day later stay in the month. */
export function momentOf(month: string, i: number): Date {
  return new Date(`${month}-${String(2 + (i % 25)).padStart(2, '0')}T${String(8 + ((i * 5) % 13)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00Z`);
}

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** A brand in a test config: its name as printed and its accounts per platform. */
interface TestBrand {
  id: string;
  name: string;
  accounts: Record<string, string[]>;
}

export function configOf(client: string, brands: TestBrand[]): Config {
  return parseConfig(
    { client, timezone: 'UTC', brands, metrics: { inbound: 'all', responseWindow: '7d', sla: [60, 1440] }, report: { language: 'en', agency: { name: 'Agencia\u202e Norte' } } },
    `${FIXTURES}coverage.yaml`,
    FIXTURES,
  );
}

/** `count` mentions of `handle` in `month`; the ones `answer(i)` gives a delay for are answered by `brandAccount` that many minutes later. */
function conversations(prefix: string, month: string, handle: string, count: number, brandAccount: string, answer: (i: number) => number | null, extra: Partial<StorePost> = {}): StorePost[] {
  const posts: StorePost[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = momentOf(month, i);
    const id = `${prefix}-${month}-${i}`;
    posts.push({ id, author: `customer${i % 23}`, at, text: `@${handle} my booking ${i} is wrong`, ...extra });
    const delay = answer(i);
    if (delay !== null) posts.push({ id: `${id}-r`, author: brandAccount, at: minutesAfter(at, delay), text: `@customer${i % 23} we are on it`, parent: id, platform: extra.platform });
  }
  return posts;
}

/**
 * A listening export of three airlines' mentions, none of their own posts:
 *
 * | brand   | October | September |
 * | Delta   | 45      | 30        |
 * | United  | 36      | 36        |
 * | JetBlue | 20      | —         |
 *
 * JetBlue's configured name carries a right-to-left override.
 */
export const AIRLINES: TestBrand[] = [
  { id: 'delta', name: 'Delta', accounts: { twitter: ['Delta'] } },
  { id: 'united', name: 'United', accounts: { twitter: ['united'] } },
  { id: 'jetblue', name: 'JetBlue\u202e', accounts: { twitter: ['JetBlue'] } },
];

export function mentionsOnlyPosts(): StorePost[] {
  const none = () => null;
  return [
    ...conversations('d', '2017-10', 'Delta', 45, 'delta', none),
    ...conversations('d', '2017-09', 'Delta', 30, 'delta', none),
    ...conversations('u', '2017-10', 'united', 36, 'united', none),
    ...conversations('u', '2017-09', 'united', 36, 'united', none),
    ...conversations('j', '2017-10', 'JetBlue', 20, 'jetblue', none),
    // The exports reach over September and October whole (the conversations fall on the 2nd to the 26th): counts are compared.
    ...exportsOver('2017-09'),
    ...exportsOver('2017-10'),
  ];
}

/** A post of an account no brand tracks on every day of a month (UTC): the exports reach over the month whole. */
function exportsOver(month: string): StorePost[] {
  const posts: StorePost[] = [];
  for (let day = new Date(`${month}-01T12:00:00Z`); day.toISOString().startsWith(month); day.setUTCDate(day.getUTCDate() + 1)) {
    posts.push({ id: `exports-${day.toISOString().slice(0, 10)}`, author: 'elsewhere', at: new Date(day), text: 'a post of the exports' });
  }
  return posts;
}

/** A handle with a right-to-left override, an isolate and a mark: printed as is, it would flip the text beside it. */
export const BIDI_AUTHOR = 'evil\u202eeman\u2066x\u200f\u061c';

/** Acme Telecom (client, Twitter and Facebook accounts) and RivalCo, as in tests/fixtures/report/replybench.yaml. */
export const TELECOMS: TestBrand[] = [
  { id: 'acme', name: 'Acme Telecom', accounts: { twitter: ['AcmeCares'], facebook: ['acme.telecom'] } },
  { id: 'rivalco', name: 'RivalCo', accounts: { twitter: ['RivalCoHelp'] } },
];

/**
 * Whether mention `i` of `count` is one of `n` answered, spread evenly over them (and so over the month's days, as
 * momentOf places them): a brand answering only its first mentions would have no post in the data for the last
 * days of the month, which reads as an export of its posts that stops early (coverage brand-posts-partial).
 */
export function spreadAnswered(i: number, n: number, count: number): boolean {
  return Math.floor(((i + 1) * n) / count) > Math.floor((i * n) / count);
}

const RIVAL_OCTOBER = (): StorePost[] => conversations('r', '2017-10', 'RivalCoHelp', 30, 'rivalcohelp', (i) => (spreadAnswered(i, 20, 30) ? 15 : null));

/**
 * A care tool's export of Acme's own replies, with only some of the messages
 * they answer: in October, 10 mentions answered after 20 minutes, and 30
 * replies to posts not in the data, so 30 of its 40 replies (75%) answer
 * missing posts. RivalCo: 30 mentions, 20 answered after 15 minutes. The
 * author of Acme's first mention has bidi controls in its handle.
 */
export function repliesOnlyPosts(): StorePost[] {
  const orphans = Array.from({ length: 30 }, (_, i): StorePost => ({
    id: `orphan-${i}`,
    author: 'acmecares',
    at: momentOf('2017-10', i),
    text: `@someone${i} We offer support via Twitter in English`,
    parent: `gone-${i}`,
  }));
  const mentions = conversations('a', '2017-10', 'AcmeCares', 10, 'acmecares', () => 20).map((post) => (post.id === 'a-2017-10-0' ? { ...post, author: BIDI_AUTHOR } : post));
  return [...mentions, ...orphans, ...RIVAL_OCTOBER()];
}

/**
 * Customers' tweets whose export lists the id of Acme's response, with a
 * reply file that holds only 12 of them (answered after 30 minutes): 28 of
 * its 40 Twitter mentions list a response not in the data. On Facebook only
 * the customers' 10 comments were exported, none of Acme's posts. So Acme's
 * 12 answers rest on the 40 Twitter mentions (30%), which is a lower bound;
 * RivalCo answers 20 of 30 after 15 minutes.
 */
export function missingResponsesPosts(): StorePost[] {
  const listed = (i: number) => ({ responses: `a-2017-10-${i}-r` });
  const twitter = conversations('a', '2017-10', 'AcmeCares', 40, 'acmecares', (i) => (spreadAnswered(i, 12, 40) ? 30 : null)).map((post) =>
    post.parent ? post : { ...post, ...listed(Number(post.id.split('-').pop())) },
  );
  const facebook = conversations('f', '2017-10', 'acme.telecom', 10, 'acme.telecom', () => null, { platform: 'facebook' });
  return [...twitter, ...facebook, ...RIVAL_OCTOBER(), ...exportsOver('2017-10')];
}

/**
 * Two brands whose printed figures tie or nearly tie, for the findings
 * rules: each gets 40 mentions; Acme answers `acme.answered` of them after
 * `acme.minutes`, RivalCo `rival.answered` after `rival.minutes`.
 */
export function closeRacePosts(acme: { answered: number; minutes: number }, rival: { answered: number; minutes: number }): StorePost[] {
  return [
    ...conversations('a', '2017-10', 'AcmeCares', 40, 'acmecares', (i) => (spreadAnswered(i, acme.answered, 40) ? acme.minutes : null)),
    ...conversations('r', '2017-10', 'RivalCoHelp', 40, 'rivalcohelp', (i) => (spreadAnswered(i, rival.answered, 40) ? rival.minutes : null)),
  ];
}

/** October 2017 (or `period`) of a store built from `posts`, as a report run computes it. */
export async function metricsOf(posts: StorePost[], config: Config, period = '2017-10'): Promise<MetricsReport> {
  const store = await storeOf(posts);
  try {
    return await computeMetrics(store, config, period);
  } finally {
    store.close();
  }
}
