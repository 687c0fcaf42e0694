import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { brandOf as brand, configWith, exportsReach, storeWith, type TestBrand, type TestPost } from './helpers.js';

const ACME_RIVAL: TestBrand[] = [{ id: 'acme' }, { id: 'rival' }];

async function metrics(posts: TestPost[], period = '2017-10', brands = ACME_RIVAL, extra: Record<string, unknown> = {}): Promise<MetricsReport> {
  const store = await storeWith(posts);
  try {
    return await computeMetrics(store, configWith(brands, extra), period);
  } finally {
    store.close();
  }
}


/** ISO instant `minutes` after 2017-10-10 10:00 UTC (seconds allowed as fractions). */
function at(minutes: number): string {
  return new Date(Date.UTC(2017, 9, 10, 10) + Math.round(minutes * 60_000)).toISOString();
}

const DAY = 1440;

describe('response window', () => {
  it('counts a reply exactly 7 days later and not one 7 days and 1 second later', async () => {
    const report = await metrics([
      { id: 'm1', author: 'cust1', at: at(0), text: '@acme help' },
      { id: 'r1', author: 'acme', at: at(7 * DAY), parent: 'm1' },
      { id: 'm2', author: 'cust2', at: at(60), text: '@acme help' },
      { id: 'r2', author: 'acme', at: at(60 + 7 * DAY + 1 / 60), parent: 'm2' },
    ]);
    const acme = brand(report, 'acme');
    expect(acme.inbound).toBe(2);
    expect(acme.answered).toBe(1);
    expect(acme.responseTimeMedianMin).toBe(10080);
    expect(acme.buckets).toEqual({ '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 1, unanswered: 1 });
    expect(acme.pending).toBe(0);
    // Both replies still count as the brand's replies (to a customer), answered or not.
    expect(acme.replies).toBe(2);
  });

  it('credits a reply that falls after the period end to the mention period', async () => {
    const posts: TestPost[] = [
      { id: 'm1', author: 'cust', at: '2017-10-31T23:50:00Z', text: '@acme still down' },
      { id: 'r1', author: 'acme', at: '2017-11-01T00:20:00Z', parent: 'm1' },
    ];
    const october = brand(await metrics(posts, '2017-10'), 'acme');
    expect([october.inbound, october.answered, october.responseTimeMedianMin]).toEqual([1, 1, 30]);
    expect(october.brandPosts).toBe(0);
    const november = brand(await metrics(posts, '2017-11'), 'acme');
    expect([november.inbound, november.answered, november.replies]).toEqual([0, 0, 1]);
  });

  it('takes the earliest reply of the brand itself, not of another brand', async () => {
    const report = await metrics([
      { id: 'm1', author: 'cust', at: at(0), text: '@acme hello' },
      { id: 'x', author: 'rival', at: at(1), parent: 'm1' },
      { id: 'r2', author: 'acme', at: at(5), parent: 'm1' },
      { id: 'r1', author: 'acme', at: at(3), parent: 'm1' },
    ]);
    const acme = brand(report, 'acme');
    expect(acme.answered).toBe(1);
    expect(acme.responseTimeMedianMin).toBe(3);
    const rival = brand(report, 'rival');
    expect([rival.inbound, rival.replies, rival.broadcasts]).toEqual([0, 1, 0]);
  });

  it('does not take a repost of the mention as its response', async () => {
    const report = await metrics([
      { id: 'm1', author: 'cust', at: at(0), text: '@acme love it' },
      { id: 'rt', author: 'acme', at: at(2), text: 'RT @cust: @acme love it', kind: 'repost', parent: 'm1' },
    ]);
    const acme = brand(report, 'acme');
    expect([acme.inbound, acme.answered, acme.brandPosts]).toEqual([1, 0, 0]);
  });

  it('does not take a quote of the mention as its response: a quote is a broadcast, not a reply', async () => {
    const report = await metrics([
      { id: 'm1', author: 'cust', at: at(0), text: '@acme my order is late' },
      // twarc2 links a quote to the quoted tweet through parent_id.
      { id: 'q1', author: 'acme', at: at(5), text: 'We hear you', kind: 'quote', parent: 'm1' },
      { id: 'r1', author: 'acme', at: at(30), text: 'Sorry! DM us', parent: 'm1' },
      { id: 'm2', author: 'cust2', at: at(60), text: '@acme great service' },
      { id: 'q2', author: 'acme', at: at(61), text: 'Thanks!', kind: 'quote', parent: 'm2' },
    ]);
    const acme = brand(report, 'acme');
    expect([acme.inbound, acme.answered, acme.responseTimeMedianMin]).toEqual([2, 1, 30]);
    expect([acme.replies, acme.broadcasts]).toEqual([1, 2]);
  });

  it('does not count a customer quoting a brand post as an inbound mention unless it mentions the brand', async () => {
    const report = await metrics([
      { id: 'b1', author: 'acme', at: at(0), text: 'New plans are out' },
      // twarc2 links a quote to the quoted tweet through parent_id: a quote does not reply.
      { id: 'q1', author: 'cust', at: at(5), text: 'lol look at this', kind: 'quote', parent: 'b1' },
      { id: 'q2', author: 'cust2', at: at(6), text: '@acme is this for me?', kind: 'quote', parent: 'b1' },
      { id: 'r1', author: 'cust3', at: at(7), text: 'how much?', parent: 'b1' },
    ]);
    expect(brand(report, 'acme').inbound).toBe(2);
  });

  it('does not take a reply stamped before its parent, and counts it under data quality', async () => {
    const report = await metrics([
      { id: 'm1', author: 'cust', at: at(0), text: '@acme hi' },
      { id: 'r1', author: 'acme', at: at(-1), parent: 'm1' },
    ]);
    const acme = brand(report, 'acme');
    expect([acme.inbound, acme.answered]).toEqual([1, 0]);
    expect(report.dataQuality.repliesBeforeParent).toBe(1);
  });

  it('measures pending against the latest import when a post is dated after it', async () => {
    // The import ran 6 days after the mention; a post dated a little later (the import accepts up to a
    // day ahead) must not close the 7-day window.
    const store = await storeWith([
      { id: 'm', author: 'a', at: at(0), text: '@acme one' },
      { id: 'own', author: 'acme', at: at(1), text: 'Our shops open at 9' },
      { id: 'late', author: 'c', at: at(7 * DAY + 60), text: 'unrelated' },
    ]);
    await store.run(
      `INSERT INTO import_batches (batch_id, file, sha256, format, encoding, rows_read, imported, duplicates, rejected, skipped_blank, imported_at)
       VALUES (1, 'x.csv', 'x', 'twcs', 'utf-8', 3, 3, 0, 0, 0, $at::TIMESTAMPTZ)`,
      { at: at(6 * DAY) },
    );
    try {
      const acme = brand(await computeMetrics(store, configWith([{ id: 'acme' }]), '2017-10'), 'acme');
      expect([acme.inbound, acme.answered, acme.pending]).toEqual([1, 0, 1]);
    } finally {
      store.close();
    }
  });

  it('marks unanswered mentions whose window is still open at the newest post as pending', async () => {
    const report = await metrics([
      { id: 'old', author: 'a', at: at(0), text: '@acme one' },
      { id: 'new', author: 'b', at: at(10 * DAY), text: '@acme two' },
      { id: 'last', author: 'c', at: at(12 * DAY), text: 'unrelated' },
      // A post of the brand's own: without one, the data cannot tell whether it answers (coverage).
      { id: 'own', author: 'acme', at: at(1), text: 'Our shops open at 9' },
    ]);
    const acme = brand(report, 'acme');
    expect([acme.inbound, acme.answered, acme.pending]).toEqual([2, 0, 1]);
    expect(acme.buckets.unanswered).toBe(2);
    expect(report.dataQuality.pending).toBe(1);
  });
});

describe('inbound mentions', () => {
  it('counts a post that mentions two brands for each of them', async () => {
    const report = await metrics([{ id: 'm1', author: 'cust', at: at(0), text: '@Acme or @RIVAL, who is faster?' }]);
    expect(brand(report, 'acme').inbound).toBe(1);
    expect(brand(report, 'rival').inbound).toBe(1);
    expect(brand(report, 'acme').shareOfVoice).toBe(0.5);
  });

  it('ignores reposts, and leaves the brand own reposts out of reply/broadcast', async () => {
    const report = await metrics([
      { id: 'rt', author: 'cust', at: at(0), text: 'RT @acme: new plans', kind: 'repost' },
      { id: 'brt', author: 'acme', at: at(1), text: 'RT @someone: nice', kind: 'repost' },
    ]);
    const acme = brand(report, 'acme');
    expect([acme.inbound, acme.brandPosts, acme.replies, acme.broadcasts]).toEqual([0, 0, 0, 0]);
  });

  it('matches @acme. but not me@acme.com, @acmetv or x@acme', async () => {
    const report = await metrics([
      { id: 'yes1', author: 'a', at: at(0), text: 'Thanks @ACME.' },
      { id: 'yes2', author: 'b', at: at(1), text: '(@acme) @@acme' },
      { id: 'no1', author: 'c', at: at(2), text: 'write to me@acme.com' },
      { id: 'no2', author: 'd', at: at(3), text: 'watching @acmetv and @acme_help' },
      { id: 'no3', author: 'e', at: at(4), text: 'x@acme' },
      { id: 'no4', author: 'f', at: at(5), text: '@x@acme glued' },
      { id: 'yes3', author: 'g', at: at(6), text: 'ping @acme@x 😡@acme' },
    ]);
    expect(brand(report, 'acme').inbound).toBe(3);
  });

  it('matches a handle with a dot (a Facebook page) by the same rule', async () => {
    const brands: TestBrand[] = [{ id: 'acme', accounts: { facebook: ['Acme.Telecom'] } }, { id: 'rival' }];
    const report = await metrics(
      [
        { id: 'f1', author: 'a', at: at(0), text: 'hello @acme.telecom!', platform: 'facebook' },
        { id: 'f2', author: 'b', at: at(1), text: 'hello @acme.telecomx', platform: 'facebook' },
        { id: 'f3', author: 'c', at: at(2), text: 'hello @acme.telecom', platform: 'twitter' },
      ],
      '2017-10',
      brands,
    );
    expect(brand(report, 'acme').inbound).toBe(1);
  });

  it('copes with posts without text', async () => {
    const report = await metrics([
      { id: 'n1', author: 'a', at: at(0), text: null },
      { id: 'b1', author: 'acme', at: at(1), text: null },
      { id: 'n2', author: 'b', at: at(2), text: null, parent: 'b1' },
    ]);
    expect(brand(report, 'acme')).toMatchObject({ inbound: 1, broadcasts: 1 });
  });

  it('does not count the brand own posts, even when they mention it', async () => {
    const report = await metrics([{ id: 'p', author: 'acme', at: at(0), text: 'Follow @acme for news' }]);
    expect(brand(report, 'acme').inbound).toBe(0);
  });

  it('counts a direct reply to a brand post without a mention, and a topic tied to the brand', async () => {
    const report = await metrics(
      [
        { id: 'b1', author: 'acme', at: at(0), text: 'New plans!' },
        { id: 'c1', author: 'cust', at: at(5), text: 'how much?', parent: 'b1' },
        { id: 'c2', author: 'other', at: at(6), text: 'me too', parent: 'c1' },
        { id: 't1', author: 'x', at: at(7), text: 'the acme shop was closed', topic: ' ACME Telecom ' },
      ],
      '2017-10',
      [{ id: 'acme', topics: ['Acme telecom'] }, { id: 'rival' }],
    );
    expect(brand(report, 'acme').inbound).toBe(2);
  });

  it('counts a reply to a brand post older than the analysed months', async () => {
    const report = await metrics([
      { id: 'old', author: 'acme', at: '2015-01-01T00:00:00Z', text: 'Welcome!' },
      { id: 'c1', author: 'cust', at: at(0), text: 'still true?', parent: 'old' },
      { id: 'r1', author: 'acme', at: at(9), parent: 'c1' },
    ]);
    expect([brand(report, 'acme').inbound, brand(report, 'acme').answered]).toEqual([1, 1]);
  });

  it('in questions mode counts only mentions with ? or ¿', async () => {
    const posts: TestPost[] = [
      { id: 'q1', author: 'a', at: at(0), text: '@acme is it down?' },
      { id: 'q2', author: 'b', at: at(1), text: '@acme ¿funciona' },
      { id: 'n1', author: 'c', at: at(2), text: '@acme it is down!' },
    ];
    expect(brand(await metrics(posts, '2017-10', ACME_RIVAL, { metrics: { inbound: 'questions' } }), 'acme').inbound).toBe(2);
    expect(brand(await metrics(posts), 'acme').inbound).toBe(3);
  });
});

describe('replies by parent URL', () => {
  it('finds the parent by its url or by the status id inside parent_url', async () => {
    const report = await metrics([
      { id: '555', author: 'cust', at: at(0), text: '@acme hi' },
      { id: '556', author: 'cust2', at: at(1), text: '@acme hey', url: 'https://example.com/p/cust2-556' },
      { id: 'r1', author: 'acme', at: at(10), parentUrl: 'https://twitter.com/cust/status/555' },
      { id: 'r2', author: 'acme', at: at(21), parentUrl: 'https://example.com/p/cust2-556' },
      { id: 'r3', author: 'acme', at: at(30), parentUrl: 'https://twitter.com/ghost/status/999' },
    ]);
    const acme = brand(report, 'acme');
    expect([acme.inbound, acme.answered]).toEqual([2, 2]);
    expect(acme.responseTimeMeanMin).toBe(15);
    expect(report.dataQuality.unresolvedParents).toBe(1);
    // A reply to a post that is not in the data is still a reply.
    expect([acme.replies, acme.broadcasts]).toEqual([3, 0]);
  });
});

describe('reply versus broadcast', () => {
  it('treats a brand replying to itself as a broadcast (self-thread), never as a response', async () => {
    const report = await metrics([
      { id: 'b1', author: 'acme', at: at(0), text: 'Outage update 1/2' },
      { id: 'b2', author: 'acme', at: at(5), text: '2/2 fixed', parent: 'b1' },
      { id: 'q1', author: 'acme', at: at(6), text: 'look', kind: 'quote', parent: 'zzz' },
      { id: 'm1', author: 'cust', at: at(7), text: '@acme thanks' },
      { id: 'r1', author: 'acme', at: at(8), parent: 'm1' },
    ]);
    const acme = brand(report, 'acme');
    expect([acme.inbound, acme.answered, acme.brandPosts, acme.replies, acme.broadcasts]).toEqual([1, 1, 4, 1, 3]);
    expect(acme.replyShare).toBe(0.25);
    expect(acme.replyToBroadcast).toBeCloseTo(1 / 3, 12);
  });

  it('counts a reply from a second account of the same brand as a self-thread', async () => {
    const report = await metrics(
      [
        { id: 'b1', author: 'acme', at: at(0), text: 'Big news' },
        { id: 'b2', author: 'acmecares', at: at(1), text: 'Questions? Ask us', parent: 'b1' },
      ],
      '2017-10',
      [{ id: 'acme', handles: ['acme', 'AcmeCares'] }, { id: 'rival' }],
    );
    const acme = brand(report, 'acme');
    expect([acme.replies, acme.broadcasts, acme.replyToBroadcast]).toEqual([0, 2, 0]);
  });

  it('treats a reply to a post not in the data as a self-thread when its link names one of the brand accounts', async () => {
    const report = await metrics(
      [
        // Talkwalker and Meltwater link a reply to its parent by URL; the URL names the parent's author.
        { id: 'b1', author: 'acme', at: at(0), text: '2/2 fixed', parentUrl: 'https://twitter.com/Acme/status/777' },
        { id: 'b2', author: 'acme', at: at(1), text: 'more below', parentUrl: 'http://twitter.com/AcmeCares/' },
        { id: 'r1', author: 'acme', at: at(2), text: 'sorry!', parentUrl: 'https://twitter.com/ghost/status/999' },
        { id: 'r2', author: 'acme', at: at(3), text: 'on it', kind: 'reply' },
        { id: 'r3', author: 'acme', at: at(4), text: 'hi', parentUrl: 'https://twitter.com/rival/status/778' },
      ],
      '2017-10',
      [{ id: 'acme', handles: ['acme', 'AcmeCares'] }, { id: 'rival' }],
    );
    const acme = brand(report, 'acme');
    expect([acme.brandPosts, acme.replies, acme.broadcasts]).toEqual([5, 3, 2]);
  });
});

describe('response time statistics', () => {
  it('puts exactly 60 minutes in 0-1h and within the 60-minute SLA; SLA shares use all inbound', async () => {
    const posts: TestPost[] = [];
    const delays = [60, 60 + 1 / 60, 240, 1440, 1440 + 1];
    delays.forEach((delay, index) => {
      posts.push({ id: `m${index}`, author: `c${index}`, at: at(index), text: '@acme ?' });
      posts.push({ id: `r${index}`, author: 'acme', at: at(index + delay), parent: `m${index}` });
    });
    posts.push({ id: 'lonely', author: 'z', at: at(100), text: '@acme anyone?' });
    const acme = brand(await metrics(posts), 'acme');
    expect(acme.buckets).toEqual({ '0-1h': 1, '1-4h': 2, '4-8h': 0, '8-24h': 1, '24h+': 1, unanswered: 1 });
    expect(acme.withinSla).toEqual({ '60': 1 / 6, '1440': 4 / 6 });
  });

  it('computes median and p90 by linear interpolation, the mean, and keeps seconds', async () => {
    const posts: TestPost[] = [];
    [10, 20, 30, 40.5].forEach((delay, index) => {
      posts.push({ id: `m${index}`, author: `c${index}`, at: at(index * 100), text: '@acme' });
      posts.push({ id: `r${index}`, author: 'acme', at: at(index * 100 + delay), parent: `m${index}` });
    });
    const acme = brand(await metrics(posts), 'acme');
    expect(acme.responseTimeMedianMin).toBeCloseTo(25, 10);
    // p90: position 0.9 * 3 = 2.7 between 30 and 40.5
    expect(acme.responseTimeP90Min).toBeCloseTo(30 + 0.7 * 10.5, 10);
    expect(acme.responseTimeMeanMin).toBeCloseTo(100.5 / 4, 10);
    // n = 4 < 6: no 95% order-statistic interval exists
    expect(acme.responseTimeMedianCi).toBeNull();
  });

  it('gives the mean from the exact sum of the response times, the same whatever order they are added in', async () => {
    const posts: TestPost[] = [];
    // 6, 12 and 18 seconds: as minutes added one by one in floating point, 0.1 + 0.2 + 0.3 makes 0.6000000000000001.
    [0.1, 0.2, 0.3].forEach((delay, index) => {
      posts.push({ id: `m${index}`, author: `c${index}`, at: at(index * 100), text: '@acme' });
      posts.push({ id: `r${index}`, author: 'acme', at: at(index * 100 + delay), parent: `m${index}` });
    });
    expect(brand(await metrics(posts), 'acme').responseTimeMeanMin).toBe(0.2);
  });

  it('gives the median interval from order statistics: n = 6 -> [min, max], n = 10 -> [2nd, 9th]', async () => {
    const build = (n: number): TestPost[] =>
      Array.from({ length: n }, (_, index) => [
        { id: `m${index}`, author: `c${index}`, at: at(index * 1000), text: '@acme' },
        { id: `r${index}`, author: 'acme', at: at(index * 1000 + (index + 1) * 7), parent: `m${index}` },
      ]).flat();
    expect(brand(await metrics(build(6)), 'acme').responseTimeMedianCi).toEqual([7, 42]);
    expect(brand(await metrics(build(10)), 'acme').responseTimeMedianCi).toEqual([14, 63]);
  });

  it('gives the response rate its Wilson interval', async () => {
    const posts: TestPost[] = [];
    for (let index = 0; index < 10; index++) {
      posts.push({ id: `m${index}`, author: `c${index}`, at: at(index), text: '@acme' });
      if (index < 8) posts.push({ id: `r${index}`, author: 'acme', at: at(index + 2), parent: `m${index}` });
    }
    const acme = brand(await metrics(posts), 'acme');
    expect(acme.responseRate).toBe(0.8);
    // Hand computation: z = 1.96, n = 10, p = 0.8: centre (0.8 + 0.19208) / 1.38416 = 0.716738,
    // half-width 1.96 / 1.38416 * sqrt(0.016 + 0.009604) = 1.416021 * 0.160012 = 0.226580 -> [0.4902, 0.9433]
    expect(acme.responseRateCi?.[0]).toBeCloseTo(0.490158, 5);
    expect(acme.responseRateCi?.[1]).toBeCloseTo(0.943318, 5);
    expect(acme.lowSample).toBe(true);
  });
});

describe('a brand with no inbound mentions', () => {
  it('has nulls, not zeros, and no rank', async () => {
    const report = await metrics([
      { id: 'm1', author: 'cust', at: at(0), text: '@acme hi' },
      { id: 'r1', author: 'acme', at: at(4), parent: 'm1' },
    ]);
    const rival = brand(report, 'rival');
    expect(rival).toMatchObject({
      inbound: 0,
      answered: 0,
      pending: 0,
      responseRate: null,
      responseRateCi: null,
      responseTimeMedianMin: null,
      responseTimeMedianCi: null,
      responseTimeP90Min: null,
      responseTimeMeanMin: null,
      withinSla: { '60': null, '1440': null },
      replyShare: null,
      replyToBroadcast: null,
      shareOfVoice: 0,
      lowSample: true,
    });
    expect(rival.buckets).toEqual({ '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 0 });
    expect(rival.rank.responseRate).toBeNull();
    expect(rival.rank.responseTimeMedianMin).toBeNull();
    // Nothing of rival is in the data, not even a post of its own: an export that does not cover it reads the same as a brand
    // nobody mentioned, so its 0% share of voice is not ranked.
    expect(rival.rank.shareOfVoice).toBeNull();
    expect(brand(report, 'acme').rank.responseRate).toBe(1);
  });

  it('is ranked last on share of voice when the data holds posts of its own', async () => {
    const report = await metrics([
      { id: 'm1', author: 'cust', at: at(0), text: '@acme hi' },
      { id: 'r1', author: 'acme', at: at(4), parent: 'm1' },
      { id: 'p1', author: 'rival', at: at(5), text: 'Our new plan is out' },
    ]);
    expect([brand(report, 'rival').shareOfVoice, brand(report, 'rival').rank.shareOfVoice]).toEqual([0, 2]);
  });
});

describe('ranks, benchmarks and change', () => {
  it('lets tied brands share the better rank and compares the client with the competitor median and the best', async () => {
    const brands: TestBrand[] = [{ id: 'acme' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const posts: TestPost[] = [];
    // acme 1/2 answered in 10 min, b 2/2 in 20, c 2/2 in 30, d 1/2 in 40
    const plan: Array<[string, number, number]> = [['acme', 1, 10], ['b', 2, 20], ['c', 2, 30], ['d', 1, 40]];
    for (const [id, answered, delay] of plan) {
      for (let index = 0; index < 2; index++) {
        posts.push({ id: `${id}-m${index}`, author: `cust-${id}-${index}`, at: at(index), text: `@${id} help` });
        if (index < answered) posts.push({ id: `${id}-r${index}`, author: id, at: at(index + delay), parent: `${id}-m${index}` });
      }
    }
    const report = await metrics(posts, '2017-10', brands);
    const ranks = Object.fromEntries(report.brands.map((b) => [b.id, b.rank.responseRate]));
    expect(ranks).toEqual({ acme: 3, b: 1, c: 1, d: 3 });
    expect(brand(report, 'acme').rank.responseTimeMedianMin).toBe(1);
    const rate = report.benchmarks?.find((b) => b.metric === 'responseRate');
    expect(rate).toEqual({ metric: 'responseRate', client: 0.5, clientEnd: null, competitorMedian: 1, competitorMedianEnd: null, gapToMedian: -0.5, best: 1, bestEnd: null, bestBrandId: 'b', gapToBest: -0.5, competitorsMeasured: 3 });
    const time = report.benchmarks?.find((b) => b.metric === 'responseTimeMedianMin');
    expect(time).toMatchObject({ client: 10, competitorMedian: 30, gapToMedian: -20, best: 10, bestBrandId: 'acme', gapToBest: 0 });
  });

  it('gives change against the previous month in points for rates and percent for counts and times', async () => {
    // September: 60 mentions, 30 answered after 20 min; October: 120 mentions, all answered after 5 min.
    const posts: TestPost[] = [
      ...Array.from({ length: 60 }, (_, index): TestPost[] => [
        { id: `s${index}`, author: `a${index}`, at: new Date(Date.UTC(2017, 8, 10, 10) + index * 3_600_000).toISOString(), text: '@acme' },
        ...(index < 30 ? [{ id: `s${index}r`, author: 'acme', at: new Date(Date.UTC(2017, 8, 10, 10, 20) + index * 3_600_000).toISOString(), parent: `s${index}` }] : []),
      ]).flat(),
      ...Array.from({ length: 120 }, (_, index): TestPost[] => [
        { id: `o${index}`, author: `c${index}`, at: at(index * 10), text: '@acme' },
        { id: `o${index}r`, author: 'acme', at: at(index * 10 + 5), parent: `o${index}` },
      ]).flat(),
      ...exportsReach('2017-09-01', '2017-10-31'),
    ];
    const report = await metrics(posts);
    const acme = brand(report, 'acme');
    expect(report.previousPeriod).toMatchObject({ start: '2017-09-01T00:00:00Z', end: '2017-10-01T00:00:00Z' });
    expect(acme.change?.responseRate).toBeCloseTo(50, 10);
    expect(acme.change?.inbound).toBeCloseTo(100, 10);
    expect(acme.change?.responseTimeMedianMin).toBeCloseTo(-75, 10);
    expect(acme.previous?.responseRate).toBe(0.5);
    expect(acme.changeReason).toEqual({});
    expect(brand(report, 'rival').change?.responseRate).toBeNull();
  });

  it('makes no change against a period whose value rests on fewer than 30 mentions, and says why', async () => {
    // September: 2 mentions (1 answered); October: 4, all answered; both values exist.
    const posts: TestPost[] = [
      { id: 's1', author: 'a', at: '2017-09-10T10:00:00Z', text: '@acme' },
      { id: 's1r', author: 'acme', at: '2017-09-10T10:20:00Z', parent: 's1' },
      { id: 's2', author: 'b', at: '2017-09-11T10:00:00Z', text: '@acme' },
      ...[0, 1, 2, 3].flatMap((index): TestPost[] => [
        { id: `o${index}`, author: `c${index}`, at: at(index * 10), text: '@acme' },
        { id: `o${index}r`, author: 'acme', at: at(index * 10 + 5), parent: `o${index}` },
      ]),
      ...exportsReach('2017-09-01', '2017-10-31'),
    ];
    const acme = brand(await metrics(posts), 'acme');
    expect([acme.responseRate, acme.previous?.responseRate]).toEqual([1, 0.5]);
    expect([acme.change?.responseRate, acme.change?.inbound, acme.change?.responseTimeMedianMin, acme.change?.shareOfVoice]).toEqual([null, null, null, null]);
    expect(acme.changeReason).toMatchObject({ responseRate: 'thin-period', inbound: 'thin-period', responseTimeMedianMin: 'thin-period', replyShare: 'thin-period' });

    // 40 mentions now, 2 then: the earlier period is the thin one.
    const more = [...posts, ...Array.from({ length: 36 }, (_, index): TestPost => ({ id: `x${index}`, author: `x${index}`, at: at(100 + index), text: '@acme' }))];
    const grown = brand(await metrics(more), 'acme');
    expect(grown.change?.inbound).toBeNull();
    expect(grown.changeReason).toMatchObject({ inbound: 'thin-previous-period', responseRate: 'thin-previous-period' });
  });

  it('makes no change of a figure over its answers when listed responses the data lacks make it a lower bound, in either period', async () => {
    // 40 mentions a month, 30 answered; the 10 others list a response the data does not hold, in October (`missingIn` 9) or
    // September (8): a lower bound by up to 25 points, whose change against a whole month has no sure sign.
    const month = (missingIn: number): TestPost[] =>
      [8, 9].flatMap((month) =>
        Array.from({ length: 40 }, (_, index): TestPost[] => {
          const when = (minutes: number) => new Date(Date.UTC(2017, month, 1 + (index % 28), 10) + minutes * 60_000).toISOString();
          const id = `m${month}-${index}`;
          if (index < 30) return [{ id, author: `c${index}`, at: when(0), text: '@acme help' }, { id: `${id}r`, author: 'acme', at: when(5), parent: id }];
          return [{ id, author: `c${index}`, at: when(0), text: '@acme help', ...(month === missingIn ? { responses: `gone-${id}` } : {}) }];
        }).flat(),
      );
    const reach = exportsReach('2017-09-01', '2017-10-31');
    const now = brand(await metrics([...month(9), ...reach]), 'acme');
    expect(now.coverage?.warnings).toContain('responses-missing');
    expect([now.change?.responseRate, now.change?.answered, now.changeReason?.responseRate, now.changeReason?.answered]).toEqual([null, null, 'responses-missing', 'responses-missing']);
    // Figures over the mentions, and times over the answers the data holds, are compared.
    expect([now.change?.inbound, now.changeReason?.inbound, now.changeReason?.responseTimeMedianMin]).toEqual([0, undefined, undefined]);
    const then = brand(await metrics([...month(8), ...reach]), 'acme');
    expect([then.change?.responseRate, then.changeReason?.responseRate]).toEqual([null, 'responses-missing-previous']);
    // Without the listed responses, 75% against 75%.
    expect(brand(await metrics([...month(0), ...reach]), 'acme').change?.responseRate).toBe(0);
  });

  it('gives no previous figure, not 0, for a period the data holds nothing of; a brand absent from a period the data holds has its 0', async () => {
    // October only: 40 mentions of acme, 30 answered; the data holds nothing of September.
    const october = Array.from({ length: 40 }, (_, index): TestPost[] => [
      { id: `o${index}`, author: `c${index}`, at: at(index * 10), text: '@acme' },
      ...(index < 30 ? [{ id: `o${index}r`, author: 'acme', at: at(index * 10 + 5), parent: `o${index}` }] : []),
    ]).flat();
    const alone = brand(await metrics(october), 'acme');
    expect([alone.previous?.inbound, alone.previous?.answered, alone.previous?.responseRate, alone.change?.inbound]).toEqual([null, null, null, null]);
    expect(alone.changeReason).toMatchObject({ inbound: 'previous-period-not-in-data', answered: 'previous-period-not-in-data', responseRate: 'previous-period-not-in-data' });
    // September holds rival's mentions: acme received none of them, a real 0 (its change from 0 is not a percentage).
    const september = Array.from({ length: 3 }, (_, index): TestPost => ({ id: `s${index}`, author: `s${index}`, at: new Date(Date.UTC(2017, 8, 5 + index)).toISOString(), text: '@rival' }));
    const covered = brand(await metrics([...october, ...september, ...exportsReach('2017-09-01', '2017-10-31')]), 'acme');
    expect([covered.previous?.inbound, covered.changeReason?.inbound]).toEqual([0, 'thin-previous-period']);
    // Per platform alike: September holds Twitter (rival's mentions) and nothing of Facebook, where acme is mentioned in October.
    const facebook: TestPost = { id: 'fb1', author: 'fan', at: at(30), text: '@acme hi', platform: 'facebook' };
    const report = await metrics([...october, ...september, facebook, ...exportsReach('2017-09-01', '2017-10-31')], '2017-10', [{ id: 'acme', accounts: { twitter: ['acme'], facebook: ['acme'] } }, { id: 'rival' }]);
    expect([brand(report, 'acme', 'twitter').previous?.inbound, brand(report, 'acme', 'twitter').changeReason?.inbound]).toEqual([0, 'thin-previous-period']);
    expect([brand(report, 'acme', 'facebook').previous?.inbound, brand(report, 'acme', 'facebook').changeReason?.inbound]).toEqual([null, 'previous-period-not-in-data']);
  });

  it('makes no change of any figure against a period whose brand posts were not in the data', async () => {
    // September: 40 mentions, no post of acme (a listening export); October: 40 mentions, 30 answered.
    const posts: TestPost[] = [
      ...Array.from({ length: 40 }, (_, index): TestPost => ({ id: `s${index}`, author: `a${index}`, at: new Date(Date.UTC(2017, 8, 2) + index * 3_600_000).toISOString(), text: '@acme' })),
      ...Array.from({ length: 40 }, (_, index): TestPost[] => [
        { id: `o${index}`, author: `c${index}`, at: at(index * 10), text: '@acme' },
        ...(index < 30 ? [{ id: `o${index}r`, author: 'acme', at: at(index * 10 + 5), parent: `o${index}` }] : []),
      ]).flat(),
      ...exportsReach('2017-09-01', '2017-10-31'),
    ];
    const acme = brand(await metrics(posts), 'acme');
    // September's rate is null (not measured), so there is nothing to compare: no reason needed.
    expect(acme.previous?.responseRate).toBeNull();
    expect(acme.change?.responseRate).toBeNull();
    // Nor the volume, 40 against 40: the export that held the brand's posts (a care tool's) may hold mentions no other does.
    expect([acme.previous?.inbound, acme.change?.inbound, acme.changeReason?.inbound]).toEqual([40, null, 'unmeasured-previous-period']);
    // "answered" counts 0 in September only because its replies were not exported.
    expect(acme.previous?.answered).toBe(0);
    expect(acme.change?.answered).toBeNull();
    expect(acme.changeReason?.answered).toBe('unmeasured-previous-period');
  });

  it('makes no change of any count against a period whose brand posts were in the data where this one holds none', async () => {
    // September: 40 mentions, 30 answered; October: 40 mentions and no post of acme (its care export missing this month).
    const posts: TestPost[] = [
      ...Array.from({ length: 40 }, (_, index): TestPost[] => [
        { id: `s${index}`, author: `a${index}`, at: new Date(Date.UTC(2017, 8, 2) + index * 3_600_000).toISOString(), text: '@acme' },
        ...(index < 30 ? [{ id: `s${index}r`, author: 'acme', at: new Date(Date.UTC(2017, 8, 2) + index * 3_600_000 + 300_000).toISOString(), parent: `s${index}` }] : []),
      ]).flat(),
      ...Array.from({ length: 40 }, (_, index): TestPost => ({ id: `o${index}`, author: `c${index}`, at: at(index * 10), text: '@acme' })),
      ...exportsReach('2017-09-01', '2017-10-31'),
    ];
    const acme = brand(await metrics(posts), 'acme');
    expect(acme.responseRate).toBeNull();
    expect([acme.previous?.inbound, acme.change?.inbound, acme.changeReason?.inbound]).toEqual([40, null, 'unmeasured-period']);
    // Its posts, 0 against 30, are too few this period to compare anyway: that reason of their own is kept.
    expect([acme.previous?.brandPosts, acme.change?.brandPosts, acme.changeReason?.brandPosts]).toEqual([30, null, 'thin-period']);
  });
});

describe('timezone', () => {
  it('cuts a Europe/Madrid month at local midnight across the October DST change', async () => {
    const report = await metrics(
      [
        { id: 'before', author: 'a', at: '2017-09-30T21:59:59Z', text: '@acme' },
        { id: 'first', author: 'b', at: '2017-09-30T22:00:00Z', text: '@acme' },
        { id: 'last', author: 'c', at: '2017-10-31T22:59:59Z', text: '@acme' },
        { id: 'after', author: 'd', at: '2017-10-31T23:00:00Z', text: '@acme' },
      ],
      '2017-10',
      ACME_RIVAL,
      { timezone: 'Europe/Madrid' },
    );
    expect(report.period).toEqual({ start: '2017-09-30T22:00:00Z', end: '2017-10-31T23:00:00Z', timezone: 'Europe/Madrid', label: '2017-10' });
    expect(brand(report, 'acme').inbound).toBe(2);
    expect(report.previousPeriod?.start).toBe('2017-08-31T22:00:00Z');
    const cells = report.hourOfWeek?.filter((cell) => cell.brandId === 'acme' && cell.inbound > 0);
    // 2017-10-01 00:00 CEST is a Sunday (6); 2017-10-31 23:59:59 CET is a Tuesday (1).
    expect(cells?.map((cell) => [cell.weekday, cell.hour, cell.inbound])).toEqual([[1, 23, 1], [6, 0, 1]]);
    const october = report.trend?.find((point) => point.brandId === 'acme' && point.month === '2017-10');
    const september = report.trend?.find((point) => point.brandId === 'acme' && point.month === '2017-09');
    expect([october?.inbound, september?.inbound]).toEqual([2, 1]);
    expect(report.trend?.filter((point) => point.brandId === 'acme').map((point) => point.month)).toHaveLength(13);
  });
});

describe('hour of the week', () => {
  it('counts every mention of an hour, and the answered ones its median rests on', async () => {
    const report = await metrics(
      [
        // Monday 2 October, 10:00-11:00 UTC: answered after 30 and 60 minutes, and one never.
        { id: 'm1', author: 'cust1', at: '2017-10-02T10:05:00Z', text: '@acme help' },
        { id: 'r1', author: 'acme', at: '2017-10-02T10:35:00Z', parent: 'm1' },
        { id: 'm2', author: 'cust2', at: '2017-10-02T10:20:00Z', text: '@acme help' },
        { id: 'r2', author: 'acme', at: '2017-10-02T11:20:00Z', parent: 'm2' },
        { id: 'm3', author: 'cust3', at: '2017-10-02T10:40:00Z', text: '@acme help' },
        // Tuesday 3 October, 15:00: answered 8 days later, past the 7-day window: not answered.
        { id: 'm4', author: 'cust4', at: '2017-10-03T15:00:00Z', text: '@acme help' },
        { id: 'r4', author: 'acme', at: '2017-10-11T15:00:00Z', parent: 'm4' },
      ],
      '2017-10',
      ACME_RIVAL,
    );
    const cells = report.hourOfWeek?.filter((cell) => cell.brandId === 'acme' && cell.inbound > 0);
    expect(cells?.map((cell) => [cell.weekday, cell.hour, cell.inbound, cell.answered, cell.responseTimeMedianMin])).toEqual([
      [0, 10, 3, 2, 45],
      [1, 15, 1, 0, null],
    ]);
    expect(report.hourOfWeek?.filter((cell) => cell.brandId === 'acme')).toHaveLength(7 * 24);
  });
});

describe('per platform', () => {
  it('splits the numbers by platform and keeps the overall figures', async () => {
    // "X" and "fb" in a config mean the platforms the importer stores as twitter and facebook.
    const brands: TestBrand[] = [{ id: 'acme', accounts: { X: ['acme'], fb: ['acmefb'] } }, { id: 'rival' }];
    const report = await metrics(
      [
        { id: 't1', author: 'a', at: at(0), text: '@acme' },
        { id: 't1r', author: 'acme', at: at(2), parent: 't1' },
        { id: 'f1', author: 'b', at: at(0), text: '@acmefb', platform: 'facebook' },
        // same post id on another platform: a different post
        { id: 't1', author: 'c', at: at(1), text: '@acmefb', platform: 'facebook' },
      ],
      '2017-10',
      brands,
    );
    expect(brand(report, 'acme').inbound).toBe(3);
    const facebook = report.byPlatform?.find((section) => section.platform === 'facebook');
    const twitter = report.byPlatform?.find((section) => section.platform === 'twitter');
    expect(facebook?.brands.map((b) => [b.id, b.inbound, b.answered])).toEqual([['acme', 2, 0]]);
    expect(twitter?.brands.map((b) => [b.id, b.inbound, b.answered])).toEqual([['acme', 1, 1], ['rival', 0, 0]]);
  });
});
