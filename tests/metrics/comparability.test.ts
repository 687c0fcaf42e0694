/**
 * Comparability (METRICS.md): who dominates a brand's mentions, when its data
 * falls in the period, and a brand with too few posts of its own to compare.
 * The numbers below are worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageSentences } from '../../src/cli/coverage-sentences.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import { computeDiagnostics } from '../../src/metrics/diagnostics/index.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { brandOf as brand, configWith, storeWith, type TestPost } from './helpers.js';

const BRANDS = [{ id: 'acme' }, { id: 'rival' }, { id: 'south' }];

async function metrics(posts: TestPost[], period = '2017-10'): Promise<MetricsReport> {
  const store = await storeWith(posts);
  try {
    return await computeMetrics(store, configWith(BRANDS), period);
  } finally {
    store.close();
  }
}


/** Noon UTC of October `day`, 2017, plus `minutes`. */
const on = (day: number, minutes = 0) => new Date(Date.UTC(2017, 9, day, 12) + minutes * 60_000).toISOString();

/** `count` mentions of `handle`, one a day from the 1st, by `author(i)`, each answered after 10 minutes by `account` when given. */
function daily(prefix: string, handle: string, count: number, author: (i: number) => string, account?: string): TestPost[] {
  return Array.from({ length: count }, (_, i): TestPost[] => {
    const mention: TestPost = { id: `${prefix}${i}`, author: author(i), at: on(1 + (i % 31), Math.floor(i / 31)), text: `@${handle} hello?` };
    return account ? [mention, { id: `${prefix}${i}r`, author: account, at: on(1 + (i % 31), Math.floor(i / 31) + 10), text: 'on it', parent: mention.id }] : [mention];
  }).flat();
}

describe('dominant author', () => {
  it('warns when one author wrote more than 20% of the mentions, at least 20 of them, and names them', async () => {
    // acme: 100 mentions, 25 by "loud"; rival: 100 mentions, 20 by "loud" (20% is not more than 20%);
    // south: 40 mentions, 19 by "loud" (47%, but fewer than 20).
    const report = await metrics([
      ...daily('a', 'acme', 100, (i) => (i < 25 ? 'loud' : `a${i}`), 'acme'),
      ...daily('r', 'rival', 100, (i) => (i < 20 ? 'loud' : `r${i}`), 'rival'),
      ...daily('s', 'south', 40, (i) => (i < 19 ? 'loud' : `s${i}`), 'south'),
    ]);
    expect(brand(report, 'acme').coverage?.topAuthor).toEqual({ author: 'loud', mentions: 25, share: 0.25 });
    expect(brand(report, 'acme').coverage?.warnings).toEqual(['dominant-author']);
    expect(brand(report, 'rival').coverage?.warnings).toEqual([]);
    expect(brand(report, 'south').coverage?.topAuthor).toEqual({ author: 'loud', mentions: 19, share: 19 / 40 });
    expect(brand(report, 'south').coverage?.warnings).toEqual([]);
  });
});

describe('period coverage', () => {
  it('gives each brand its first and last post and days with data, and warns on a thin period', async () => {
    const report = await metrics([
      // acme: a mention every day of October, answered: the whole month.
      ...daily('a', 'acme', 31, (i) => `a${i}`, 'acme'),
      // rival: 10 mentions on the 29th, 30th and 31st: 3 of 31 days.
      ...Array.from({ length: 10 }, (_, i): TestPost => ({ id: `r${i}`, author: `r${i}`, at: on(29 + (i % 3), i), text: '@rival hello?' })),
      // south: 16 of its 30 mentions on the 31st (more than half), the others one a day.
      ...Array.from({ length: 30 }, (_, i): TestPost => ({ id: `s${i}`, author: `s${i}`, at: i < 16 ? on(31, i) : on(1 + i - 16), text: '@south hello?' })),
    ]);
    const acme = brand(report, 'acme');
    expect(acme.coverage?.span).toEqual({
      first: '2017-10-01T12:00:00Z',
      last: '2017-10-31T12:10:00Z',
      daysWithData: 31,
      spanDays: 31,
      periodDays: 31,
      busiestDay: '2017-10-01',
      busiestDayMentions: 1,
      busiestDayShare: 1 / 31,
    });
    expect(acme.coverage?.warnings).toEqual([]);
    const rival = brand(report, 'rival');
    expect(rival.coverage?.span).toMatchObject({ first: '2017-10-29T12:00:00Z', daysWithData: 3, busiestDay: '2017-10-29', busiestDayMentions: 4 });
    expect(rival.coverage?.warnings).toContain('partial-period');
    const south = brand(report, 'south');
    expect(south.coverage?.span).toMatchObject({ daysWithData: 15, busiestDay: '2017-10-31', busiestDayMentions: 16, busiestDayShare: 16 / 30 });
    expect(south.coverage?.warnings).toContain('partial-period');
    // All brands together: 71 mentions on 31 days, the 31st holding 1 + 3 + 16 = 20 of them: not thin.
    expect(report.periodCoverage).toMatchObject({ partial: false, span: { daysWithData: 31, busiestDay: '2017-10-31', busiestDayMentions: 20 } });
  });

  it('reads every mention for the days the data covers, when only questions are counted', async () => {
    // acme: a mention every day, but its questions ("?") on the 30th and 31st only; nobody answers.
    const posts: TestPost[] = Array.from({ length: 31 }, (_, i) => ({ id: `a${i}`, author: `a${i}`, at: on(1 + i), text: i >= 29 ? '@acme hello?' : '@acme hello' }));
    const store = await storeWith(posts);
    try {
      const report = await computeMetrics(store, configWith(BRANDS, { metrics: { inbound: 'questions' } }), '2017-10');
      const acme = brand(report, 'acme');
      expect(acme.inbound).toBe(2);
      // The export covers the month: 31 days, one mention each; no partial period for acme or the period.
      expect(acme.coverage?.span).toMatchObject({ daysWithData: 31, busiestDayMentions: 1, busiestDayShare: 1 / 31 });
      expect(acme.coverage?.warnings).not.toContain('partial-period');
      expect(report.periodCoverage).toMatchObject({ partial: false, span: { daysWithData: 31 } });
    } finally {
      store.close();
    }
  });

  it('says when the whole period is thin: most mentions on one day', async () => {
    const report = await metrics([
      ...Array.from({ length: 9 }, (_, i): TestPost => ({ id: `a${i}`, author: `a${i}`, at: on(31, i), text: '@acme hello?' })),
      { id: 'b', author: 'b', at: on(3), text: '@rival hello?' },
    ]);
    expect(report.periodCoverage).toEqual({
      partial: true,
      platformsInPart: [],
      previousPlatformsInPart: [],
      brandsInPart: [],
      previousBrandsInPart: [],
      span: { first: '2017-10-03T12:00:00Z', last: '2017-10-31T12:08:00Z', daysWithData: 2, spanDays: 29, periodDays: 31, busiestDay: '2017-10-31', busiestDayMentions: 9, busiestDayShare: 0.9 },
    });
  });

  it('counts local days in the report timezone', async () => {
    const store = await storeWith([
      // 23:30 UTC on the 1st is the 2nd in Madrid (UTC+2 in October).
      { id: 'm1', author: 'x', at: '2017-10-01T23:30:00Z', text: '@acme hi?' },
      { id: 'm2', author: 'y', at: '2017-10-02T10:00:00Z', text: '@acme hi?' },
    ]);
    try {
      const report = await computeMetrics(store, configWith(BRANDS, { timezone: 'Europe/Madrid' }), '2017-10');
      expect(brand(report, 'acme').coverage?.span).toMatchObject({ daysWithData: 1, busiestDay: '2017-10-02', busiestDayMentions: 2 });
    } finally {
      store.close();
    }
  });
});

describe('too few brand posts', () => {
  it('marks a brand whose only post is one broadcast: shown, unranked, outside the benchmarks', async () => {
    const report = await metrics([
      ...daily('a', 'acme', 40, (i) => `a${i}`, 'acme'),
      ...daily('r', 'rival', 40, (i) => `r${i}`, 'rival'),
      // south: 40 mentions, and one post of its own, a broadcast (a customer's tweet filed under its handle).
      ...daily('s', 'south', 40, (i) => `s${i}`),
      { id: 'south-post', author: 'south', at: on(5), text: 'Delayed again?' },
    ]);
    const south = brand(report, 'south');
    expect(south.coverage?.warnings).toEqual(['few-brand-posts']);
    // Its response rate is 0%, shown but not ranked; its volume and share of voice are ranked.
    expect([south.responseRate, south.rank.responseRate, south.rank.replyShare]).toEqual([0, null, null]);
    expect(south.rank.shareOfVoice).toBe(1);
    // The competitor median of the rate rests on rival alone.
    expect(report.benchmarks?.find((b) => b.metric === 'responseRate')).toMatchObject({ competitorMedian: 1, competitorsMeasured: 1 });
    // No coverage warning rests on zero replies.
    expect(south.coverage?.warnings).not.toContain('parents-missing');
  });

  it('leaves the diagnostics of such a brand out of ranks and medians', async () => {
    const posts = [
      ...daily('a', 'acme', 40, (i) => `a${i}`, 'acme'),
      ...daily('s', 'south', 40, (i) => `s${i}`),
      { id: 'south-post', author: 'south', at: on(5), text: '@s1 @s2 @s3 @s4 @s5 new offer' },
    ];
    const store = await storeWith(posts);
    try {
      const diagnostics = await computeDiagnostics(store, configWith(BRANDS), '2017-10');
      const south = diagnostics.brands.find((entry) => entry.id === 'south');
      expect(south?.fewBrandPosts).toBe(true);
      expect(south?.rank.unsolicitedShare ?? null).toBeNull();
      expect(diagnostics.benchmarks.find((b) => b.metric === 'unsolicitedShare')?.competitorsMeasured).toBe(0);
    } finally {
      store.close();
    }
  });

  it('is what any brand becomes when all its posts but one non-reply are removed (a property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 29 }), async (answered, keep) => {
        const posts = daily('a', 'acme', 30, (i) => `a${i}`).flatMap((post, i): TestPost[] => (i < answered ? [post, { id: `${post.id}r`, author: 'acme', at: on(1 + i, 10), text: 'ok', parent: post.id }] : [post]));
        const broadcast: TestPost = { id: 'b', author: 'acme', at: on(1 + keep), text: 'News' };
        const full = brand(await metrics([...posts, broadcast]), 'acme');
        expect(full.coverage?.warnings).not.toContain('few-brand-posts');
        const stripped = brand(await metrics([...posts.filter((post) => post.author !== 'acme'), broadcast]), 'acme');
        expect(stripped.coverage?.warnings).toContain('few-brand-posts');
        expect(stripped.rank.responseRate ?? null).toBeNull();
      }),
      { numRuns: 3 },
    );
  });
});

describe('counts over a period the exports reach in part', () => {
  /** Noon UTC of `day` of `month` (0-based) 2017, plus `minutes`. */
  const at = (month: number, day: number, minutes = 0) => new Date(Date.UTC(2017, month, day, 12) + minutes * 60_000).toISOString();
  /** Two mentions of acme on each of `days` of `month`, each answered by acme after 10 minutes. */
  const answeredDays = (prefix: string, month: number, days: number[]): TestPost[] =>
    days.flatMap((day) =>
      [0, 1].flatMap((n): TestPost[] => [
        { id: `${prefix}${day}-${n}`, author: `${prefix}${day}-${n}`, at: at(month, day, n * 60), text: '@acme hello?' },
        { id: `${prefix}${day}-${n}r`, author: 'acme', at: at(month, day, n * 60 + 10), text: 'on it', parent: `${prefix}${day}-${n}` },
      ]),
    );
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('gives no change for a count of a period the exports end in, with its reason, and still compares rates', async () => {
    // September whole (60 mentions, all answered); October only to the 15th (30 mentions, all answered): the store's last post is on 15 October.
    const report = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 15))]);
    const acme = brand(report, 'acme');
    expect(acme.inbound).toBe(30);
    expect(acme.previous?.inbound).toBe(60);
    expect(acme.change?.inbound).toBeNull();
    expect(acme.changeReason?.inbound).toBe('period-partly-in-data');
    expect(acme.changeReason?.brandPosts).toBe('period-partly-in-data');
    // A rate is compared: 100% answered in both.
    expect(acme.change?.responseRate).toBe(0);
    expect(acme.changeReason?.responseRate).toBeUndefined();
  });

  it('does not take posts on a platform no brand has an account on for the exports reaching over the period', async () => {
    // As above, October only to the 15th on Twitter; a Facebook export (no brand lists a Facebook account) runs to the 31st.
    const facebook: TestPost[] = [{ id: 'fb-last', author: 'fan', at: at(9, 31), text: 'hello', platform: 'facebook' }];
    const acme = brand(await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 15)), ...facebook]), 'acme');
    expect(acme.change?.inbound).toBeNull();
    expect(acme.changeReason?.inbound).toBe('period-partly-in-data');
  });

  it("gives no change for a count when one tracked platform's exports end inside the period, however far another reaches", async () => {
    // Twitter whole in both months; acme's Facebook page, 2 mentions a day, over September whole and October to the 9th only.
    const facebook = (prefix: string, month: number, days: number[]) =>
      mentionsOn(prefix, 'acme', month, days, 2).map((post): TestPost => ({ ...post, platform: 'facebook' }));
    const posts = [...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...facebook('fs', 8, range(1, 30)), ...facebook('fo', 9, range(1, 9))];
    const accounts = [{ id: 'acme', accounts: { twitter: ['acme'], facebook: ['acme'] } }, { id: 'rival' }];
    const store = await storeWith(posts);
    try {
      const report = await computeMetrics(store, configWith(accounts), '2017-10');
      const acme = brand(report, 'acme');
      expect([acme.inbound, acme.previous?.inbound, acme.change?.inbound, acme.changeReason?.inbound]).toEqual([80, 120, null, 'period-partly-in-data']);
      expect(report.periodCoverage?.platformsInPart).toEqual([{ platform: 'facebook', first: '2017-10-01', last: '2017-10-09', days: 9, daysWithPosts: 9, periodDays: 31, gap: null }]);
      // The same exports, with Facebook reaching to the 29th: its 58 posts of October leave 3 days unexplained at either end.
      const longer = await storeWith([...posts, ...facebook('fl', 9, range(10, 29))]);
      try {
        expect(brand(await computeMetrics(longer, configWith(accounts), '2017-10'), 'acme').change?.inbound).toBeCloseTo(0, 10);
        // Reaching to the 17th only, it is said so, as an export of the 9th is; and November, where Facebook's exports go on and Twitter's hold nothing.
        const cut = await storeWith([...posts, ...facebook('fl', 9, range(10, 17)), ...facebook('fn', 10, range(1, 30))]);
        try {
          expect((await computeMetrics(cut, configWith(accounts), '2017-10')).periodCoverage?.platformsInPart).toEqual([{ platform: 'facebook', first: '2017-10-01', last: '2017-10-17', days: 17, daysWithPosts: 17, periodDays: 31, gap: null }]);
          const skipped = await computeMetrics(cut, configWith(accounts), '2017-11');
          expect(skipped.periodCoverage?.platformsInPart).toEqual([{ platform: 'twitter', first: null, last: null, days: 0, daysWithPosts: 0, periodDays: 30, gap: null }]);
        } finally {
          cut.close();
        }
      } finally {
        longer.close();
      }
      // Facebook's export skipping ten days in the middle of October: at September's pace (62 posts in October), 3 days may go
      // unexplained at either end, and 6 inside.
      const holed = await storeWith([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...facebook('fs', 8, range(1, 30)), ...facebook('fh', 9, [...range(1, 10), ...range(21, 31)])]);
      try {
        const report = await computeMetrics(holed, configWith(accounts), '2017-10');
        expect(report.periodCoverage?.platformsInPart).toEqual([{ platform: 'facebook', first: '2017-10-01', last: '2017-10-31', days: 31, daysWithPosts: 21, periodDays: 31, gap: 10 }]);
        // And November, compared with it, names October's.
        expect((await computeMetrics(holed, configWith(accounts), '2017-11')).periodCoverage?.previousPlatformsInPart).toEqual([{ platform: 'facebook', first: '2017-10-01', last: '2017-10-31', days: 31, daysWithPosts: 21, periodDays: 31, gap: 10 }]);
      } finally {
        holed.close();
      }
      // A page commented on weekdays only (5 a day: 2 days allowed), and not on the config's holidays: October 2017 begins on a
      // Sunday, and the 2nd to the 4th are holidays, so its first comment on the 5th leaves no day unexplained.
      const weekdays = (month: number, skipped: number[] = []) => range(1, 31).filter((day) => new Date(Date.UTC(2017, month, day)).getUTCMonth() === month && ![0, 6].includes(new Date(Date.UTC(2017, month, day)).getUTCDay()) && !skipped.includes(day));
      const comments = (prefix: string, month: number, days: number[]) => mentionsOn(prefix, 'acme', month, days, 5).map((post): TestPost => ({ ...post, platform: 'facebook' }));
      const office = await storeWith([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...comments('fw', 8, weekdays(8)), ...comments('fx', 9, weekdays(9, [2, 3, 4]))]);
      try {
        expect((await computeMetrics(office, configWith(accounts, { holidays: ['2017-10-02', '2017-10-03', '2017-10-04'] }), '2017-10')).periodCoverage?.platformsInPart).toEqual([]);
        // Without the holidays in the config, the 2nd to the 4th are three weekdays without a comment: more than the 2 allowed.
        expect((await computeMetrics(office, configWith(accounts), '2017-10')).periodCoverage?.platformsInPart).toEqual([{ platform: 'facebook', first: '2017-10-05', last: '2017-10-31', days: 27, daysWithPosts: 19, periodDays: 31, gap: null }]);
      } finally {
        office.close();
      }
      // A page commented on each Monday and Tuesday only (5 a day): its weekdays are those two, so the days between are no gap.
      const mondays = (month: number) => range(1, 31).filter((day) => new Date(Date.UTC(2017, month, day)).getUTCMonth() === month && [1, 2].includes(new Date(Date.UTC(2017, month, day)).getUTCDay()));
      const weekly = await storeWith([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...comments('fw', 8, mondays(8)), ...comments('fx', 9, mondays(9))]);
      try {
        expect((await computeMetrics(weekly, configWith(accounts), '2017-10')).periodCoverage?.platformsInPart).toEqual([]);
      } finally {
        weekly.close();
      }
      // Facebook's export of September skipped (2 comments a day in August and October): the trend marks September.
      const skipped = await storeWith([...answeredDays('a', 7, range(1, 31)), ...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...facebook('fa', 7, range(1, 31)), ...facebook('fo', 9, range(1, 31))]);
      try {
        const report = await computeMetrics(skipped, configWith(accounts), '2017-10');
        expect(report.trendPartialMonths).toEqual(['2017-09']);
        // An export of a platform skipped: every brand's figures of the month rest on fewer days.
        expect(report.trendPartialBrands).toEqual([{ month: '2017-09', brands: report.brands.map((entry) => entry.id) }]);
      } finally {
        skipped.close();
      }
      // A page of a few comments a month, none in October: 36 posts in the store, but 6 in September and none in October are too few to say an export is missing.
      const quietPage = await storeWith([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...[3, 4, 5, 6, 7, 8].flatMap((month) => facebook(`fq${month}-`, month, [10, 20, 30]))]);
      try {
        expect((await computeMetrics(quietPage, configWith(accounts), '2017-10')).periodCoverage?.platformsInPart).toEqual([]);
      } finally {
        quietPage.close();
      }
      // A page of 2 comments a day in September and 6 in October, on the 8th, 14th and 20th: at September's pace (62 posts in
      // October), 7 days before the 8th and 11 after the 20th are more than the 3 allowed. Its few posts of October excuse nothing.
      const sparse = await storeWith([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...facebook('fs', 8, range(1, 30)), ...facebook('fq', 9, [8, 14, 20])]);
      try {
        expect((await computeMetrics(sparse, configWith(accounts), '2017-10')).periodCoverage?.platformsInPart).toEqual([{ platform: 'facebook', first: '2017-10-08', last: '2017-10-20', days: 13, daysWithPosts: 3, periodDays: 31, gap: null }]);
        // The same 6 comments after a September as quiet (6 comments): 12 posts in the two months are too few to judge.
        const quietBefore = await storeWith([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...facebook('fs', 8, [8, 14, 20]), ...facebook('fq', 9, [8, 14, 20]), ...[3, 4, 5, 6, 7].flatMap((month) => facebook(`fm${month}-`, month, range(1, 30)))]);
        try {
          expect((await computeMetrics(quietBefore, configWith(accounts), '2017-10')).periodCoverage?.platformsInPart).toEqual([]);
        } finally {
          quietBefore.close();
        }
      } finally {
        sparse.close();
      }
    } finally {
      store.close();
    }
  });

  it('gives no change for a count when the exports begin inside the previous period', async () => {
    // September from the 16th only (30 mentions), October whole (62): the store's first post is on 16 September.
    const report = await metrics([...answeredDays('s', 8, range(16, 30)), ...answeredDays('o', 9, range(1, 31))]);
    const acme = brand(report, 'acme');
    expect(acme.change?.inbound).toBeNull();
    expect(acme.changeReason?.inbound).toBe('previous-period-partly-in-data');
    expect(acme.change?.responseRate).toBe(0);
  });

  /** `count` mentions of `handle` on each of `days` of `month`, unanswered. */
  const mentionsOn = (prefix: string, handle: string, month: number, days: number[], count = 1): TestPost[] =>
    days.flatMap((day) => Array.from({ length: count }, (_, n): TestPost => ({ id: `${prefix}${day}-${n}`, author: `${prefix}${day}-${n}`, at: at(month, day, n), text: `@${handle} hello?` })));

  it("compares no share of voice when a competitor's export is first imported this period", async () => {
    // September: acme 2 a day (60, answered), rival 2 a day (60), south 4 mentions on 2 days (another export's); October:
    // acme 62, rival 62, south 62 on every day (its own export added): from fewer than 30 to 15 times as many.
    const report = await metrics([
      ...answeredDays('s', 8, range(1, 30)),
      ...answeredDays('o', 9, range(1, 31)),
      ...mentionsOn('rs', 'rival', 8, range(1, 30), 2),
      ...mentionsOn('ro', 'rival', 9, range(1, 31), 2),
      ...mentionsOn('ss', 'south', 8, [3, 4], 2),
      ...mentionsOn('so', 'south', 9, range(1, 31), 2),
    ]);
    const [acme, rival, south] = ['acme', 'rival', 'south'].map((id) => brand(report, id));
    expect(south?.coverage?.span).toMatchObject({ daysWithData: 31, periodDays: 31 });
    expect([south?.previous?.inbound, south?.change?.inbound, south?.changeReason?.inbound]).toEqual([4, null, 'thin-previous-period']);
    for (const each of [acme, rival]) {
      expect(each?.previous?.shareOfVoice).not.toBeNull();
      expect([each?.change?.shareOfVoice, each?.changeReason?.shareOfVoice]).toEqual([null, 'shares-partial-previous']);
    }
    // South's own share keeps its own reason.
    expect([south?.change?.shareOfVoice, south?.changeReason?.shareOfVoice]).toEqual([null, 'thin-previous-period']);
    // The counts of acme and rival, on every day of both, are compared; so are rates.
    expect(acme?.change?.inbound).toBeCloseTo((100 * 2) / 60, 10);
    expect(rival?.changeReason?.inbound).toBeUndefined();
    expect(acme?.change?.responseRate).toBe(0);
  });

  it("compares shares of voice when every brand's mentions are on most days of both periods", async () => {
    const report = await metrics([
      ...answeredDays('s', 8, range(1, 30)),
      ...answeredDays('o', 9, range(1, 31)),
      ...mentionsOn('rs', 'rival', 8, range(1, 30)),
      ...mentionsOn('ro', 'rival', 9, range(1, 31), 2),
    ]);
    // acme 60 of 90 in September, 62 of 124 in October: -16.7 points.
    expect(brand(report, 'acme').change?.shareOfVoice).toBeCloseTo(100 * (62 / 124 - 60 / 90), 10);
    expect(brand(report, 'rival').change?.shareOfVoice).toBeCloseTo(100 * (62 / 124 - 30 / 90), 10);
  });

  it('compares shares of voice when a small brand is mentioned on fewer days, or more, than the month before (no export added or dropped)', async () => {
    // south: 36 mentions on 18 days of September, 45 on 15 days of October, spread over each month (on the 1st to the
    // 15th only, its data would end as an export cut short does: brandsInPart); acme and rival every day of both.
    const report = await metrics([
      ...answeredDays('s', 8, range(1, 30)),
      ...answeredDays('o', 9, range(1, 31)),
      ...mentionsOn('rs', 'rival', 8, range(1, 30)),
      ...mentionsOn('ro', 'rival', 9, range(1, 31)),
      ...mentionsOn('ss', 'south', 8, [1, 2, 4, 6, 7, 9, 11, 12, 14, 16, 17, 19, 21, 22, 24, 26, 27, 29], 2),
      ...mentionsOn('so', 'south', 9, [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29], 3),
    ]);
    expect(report.periodCoverage?.brandsInPart).toEqual([]);
    for (const id of ['acme', 'rival', 'south']) expect([id, brand(report, id).changeReason?.shareOfVoice]).toEqual([id, undefined]);
    expect(brand(report, 'acme').change?.shareOfVoice).toBeCloseTo(100 * (62 / 138 - 60 / 126), 10);
  });

  it("compares shares of voice when every brand's data is thinned alike (the exports end on the 10th)", async () => {
    const report = await metrics([
      ...answeredDays('s', 8, range(1, 30)),
      ...answeredDays('o', 9, range(1, 10)),
      ...mentionsOn('ao', 'acme', 9, range(1, 10), 2),
      ...mentionsOn('rs', 'rival', 8, range(1, 30)),
      ...mentionsOn('ro', 'rival', 9, range(1, 10), 4),
    ]);
    expect(brand(report, 'acme').changeReason?.inbound).toBe('period-partly-in-data');
    // acme 60 of 90 in September, 40 of 80 in October.
    expect(brand(report, 'acme').change?.shareOfVoice).toBeCloseTo(100 * (40 / 80 - 60 / 90), 10);
  });

  it("compares no count of a brand whose data on a platform is in one period only, and no brand's share of voice", async () => {
    // Twitter and Facebook whole in both months for rival; acme on Twitter in both, and on Facebook (40 comments, each answered) in
    // October only: the export that held acme's Facebook page in September is missing.
    const onFacebook = (posts: TestPost[]) => posts.map((post): TestPost => ({ ...post, platform: 'facebook' }));
    const accounts = [{ id: 'acme', accounts: { twitter: ['acme'], facebook: ['acme'] } }, { id: 'rival', accounts: { twitter: ['rival'], facebook: ['rival'] } }];
    const posts = [
      ...answeredDays('s', 8, range(1, 30)),
      ...answeredDays('o', 9, range(1, 31)),
      ...mentionsOn('rs', 'rival', 8, range(1, 30), 2),
      ...mentionsOn('ro', 'rival', 9, range(1, 31), 2),
      ...onFacebook(mentionsOn('rfs', 'rival', 8, range(1, 30), 2)),
      ...onFacebook(mentionsOn('rfo', 'rival', 9, range(1, 31), 2)),
    ];
    const store = await storeWith([...posts, ...onFacebook(answeredDays('afo', 9, range(1, 20)))]);
    try {
      const report = await computeMetrics(store, configWith(accounts), '2017-10');
      const acme = brand(report, 'acme');
      for (const key of ['inbound', 'shareOfVoice']) expect([key, acme.change?.[key], acme.changeReason?.[key]]).toEqual([key, null, 'platform-missing-previous']);
      // Its rate rests on Twitter in September and on both platforms in October: not compared either.
      expect([acme.change?.responseRate, acme.changeReason?.responseRate]).toEqual([null, 'platform-missing-previous']);
      expect([brand(report, 'rival').change?.inbound, brand(report, 'rival').changeReason?.shareOfVoice]).toEqual([expect.any(Number), 'shares-partial-previous']);
    } finally {
      store.close();
    }
    // A few comments only in October (6, answered): a quiet month before, not a missing export.
    const quiet = await storeWith([...posts, ...onFacebook(answeredDays('afo', 9, [3, 9, 15]))]);
    try {
      expect(brand(await computeMetrics(quiet, configWith(accounts), '2017-10'), 'acme').change?.inbound).toEqual(expect.any(Number));
    } finally {
      quiet.close();
    }
  });

  it('withholds nothing for a few mentions on a platform where a brand never posts, nor for a platform too small to judge', async () => {
    // 2 Instagram mentions of acme in October (no post of acme on Instagram, ever); Twitter cut on the 20th for every brand.
    const accounts = [{ id: 'acme', accounts: { twitter: ['acme'], instagram: ['acme'] } }, { id: 'rival' }];
    const instagram = mentionsOn('ig', 'acme', 9, [5, 12]).map((post): TestPost => ({ ...post, platform: 'instagram' }));
    const store = await storeWith([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 20)), ...mentionsOn('rs', 'rival', 8, range(1, 30), 2), ...mentionsOn('ro', 'rival', 9, range(1, 20), 2), ...instagram]);
    try {
      const report = await computeMetrics(store, configWith(accounts), '2017-10');
      const acme = brand(report, 'acme');
      expect(acme.change?.responseRate).toEqual(expect.any(Number));
      expect(acme.changeReason?.inbound).toBe('period-partly-in-data');
      // Twitter cut alike for both brands, Instagram too small to count as whole: shares are compared.
      expect(acme.change?.shareOfVoice).toEqual(expect.any(Number));
    } finally {
      store.close();
    }
  });

  it("compares no share of voice when one platform's exports are cut and another's are whole", async () => {
    // Twitter whole in both months; Facebook, where only acme is mentioned, cut at the 10th of October.
    const facebook = (prefix: string, month: number, days: number[]) => mentionsOn(prefix, 'acme', month, days, 2).map((post): TestPost => ({ ...post, platform: 'facebook' }));
    const accounts = [{ id: 'acme', accounts: { twitter: ['acme'], facebook: ['acme'] } }, { id: 'rival' }];
    const store = await storeWith([
      ...answeredDays('s', 8, range(1, 30)),
      ...answeredDays('o', 9, range(1, 31)),
      ...mentionsOn('rs', 'rival', 8, range(1, 30), 2),
      ...mentionsOn('ro', 'rival', 9, range(1, 31), 2),
      ...facebook('fs', 8, range(1, 30)),
      ...facebook('fo', 9, range(1, 10)),
    ]);
    try {
      const report = await computeMetrics(store, configWith(accounts), '2017-10');
      for (const id of ['acme', 'rival']) expect([id, brand(report, id).change?.shareOfVoice, brand(report, id).changeReason?.shareOfVoice]).toEqual([id, null, 'period-partly-in-data']);
      // On Twitter alone, whole in both months, shares are compared.
      expect(brand(report, 'acme', 'twitter').change?.shareOfVoice).toEqual(expect.any(Number));
    } finally {
      store.close();
    }
  });

  it("compares no share of voice when a brand's own posts were not in the data of the previous period", async () => {
    // September: acme's mentions but none of its posts (its care export missing); October: both.
    const unanswered = answeredDays('s', 8, range(1, 30)).filter((post) => post.author !== 'acme');
    const report = await metrics([
      ...unanswered,
      ...answeredDays('o', 9, range(1, 31)),
      ...mentionsOn('rs', 'rival', 8, range(1, 30), 2),
      ...mentionsOn('ro', 'rival', 9, range(1, 31), 2),
    ]);
    const acme = brand(report, 'acme');
    for (const key of ['inbound', 'shareOfVoice']) expect([key, acme.change?.[key], acme.changeReason?.[key]]).toEqual([key, null, 'unmeasured-previous-period']);
    expect([brand(report, 'rival').change?.shareOfVoice, brand(report, 'rival').changeReason?.shareOfVoice]).toEqual([null, 'shares-partial-previous']);
    // And the other way round: acme's posts in the data of September only.
    const thenOnly = await metrics([
      ...answeredDays('s', 8, range(1, 30)),
      ...answeredDays('o', 9, range(1, 31)).filter((post) => post.author !== 'acme'),
      ...mentionsOn('rs', 'rival', 8, range(1, 30), 2),
      ...mentionsOn('ro', 'rival', 9, range(1, 31), 2),
    ]);
    expect([brand(thenOnly, 'acme').change?.shareOfVoice, brand(thenOnly, 'acme').changeReason?.shareOfVoice]).toEqual([null, 'unmeasured-period']);
    expect([brand(thenOnly, 'rival').change?.shareOfVoice, brand(thenOnly, 'rival').changeReason?.shareOfVoice]).toEqual([null, 'shares-partial']);
  });

  it("compares no count of a brand whose data ends days before the other brands', nor any share of voice; its rates still", async () => {
    // acme answers 2 mentions a day; its care export (its mentions and its answers) ends on 28 October, while rival's
    // mentions go on to the 31st: 3 days without any, where data on every day allows 2.
    const rival = [...mentionsOn('rs', 'rival', 8, range(1, 30), 2), ...mentionsOn('ro', 'rival', 9, range(1, 31), 2)];
    const report = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 28)), ...rival]);
    const acme = brand(report, 'acme');
    expect(report.periodCoverage?.brandsInPart).toEqual([{ brand: 'acme', platform: 'twitter', first: '2017-10-01', last: '2017-10-28', othersFirst: '2017-10-01', othersLast: '2017-10-31' }]);
    for (const key of ['inbound', 'answered', 'brandPosts', 'replies', 'shareOfVoice']) expect([key, acme.change?.[key], acme.changeReason?.[key]]).toEqual([key, null, 'brand-data-partial']);
    // Every mention of both months answered: 0 points.
    expect(acme.change?.responseRate).toBe(0);
    expect([brand(report, 'rival').change?.inbound, brand(report, 'rival').changeReason?.shareOfVoice]).toEqual([expect.any(Number), 'shares-partial']);
    // The trend marks October, as acme's only; check and report tell the analyst what to import.
    expect(report.trendPartialMonths).toEqual(['2017-10']);
    expect(report.trendPartialBrands).toEqual([{ month: '2017-10', brands: ['acme'] }]);
    expect(coverageSentences(report, { warningsOnly: true })).toContain(
      "brand ACME, Twitter: the data holds its posts and the mentions of it from 2017-10-01 to 2017-10-28 only, while the other brands' posts and mentions there reach from 2017-10-01 to 2017-10-31, as an export cut short would leave it: its volumes and the shares of voice are not compared with the previous period. Import its exports (care, publishing, listening) of the whole period.",
    );

    // The same export cut in September, on the 24th of 30: the previous period's.
    const before = await metrics([...answeredDays('s', 8, range(1, 24)), ...answeredDays('o', 9, range(1, 31)), ...rival]);
    expect(before.periodCoverage?.previousBrandsInPart).toEqual([{ brand: 'acme', platform: 'twitter', first: '2017-09-01', last: '2017-09-24', othersFirst: '2017-09-01', othersLast: '2017-09-30' }]);
    expect(brand(before, 'acme').changeReason?.inbound).toBe('brand-data-partial-previous');
    expect(brand(before, 'rival').changeReason?.shareOfVoice).toBe('shares-partial-previous');
    expect(coverageSentences(before, { warningsOnly: true, language: 'es' })).toContain(
      'marca ACME, Twitter: en el periodo anterior, los datos contienen sus publicaciones y las menciones de la marca solo del 2017-09-01 al 2017-09-24, mientras que las de las demás marcas allí abarcan del 2017-09-01 al 2017-09-30, como lo dejaría una exportación incompleta: sus volúmenes y las cuotas de voz no se comparan con el periodo anterior. Importe sus exportaciones (atención al cliente, publicación, escucha) de todo el periodo.',
    );

    // Beginning on the 4th: 3 days late.
    const late = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(4, 31)), ...rival]);
    expect(late.periodCoverage?.brandsInPart).toEqual([expect.objectContaining({ brand: 'acme', first: '2017-10-04' })]);

    // A competitor the data holds by its mentions only (no posts of its own), whose listening export ends on the 21st.
    const listening = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...mentionsOn('rs', 'rival', 8, range(1, 30), 2), ...mentionsOn('ro', 'rival', 9, range(1, 21), 2)]);
    expect(listening.periodCoverage?.brandsInPart).toEqual([expect.objectContaining({ brand: 'rival', last: '2017-10-21' })]);
    expect([brand(listening, 'rival').changeReason?.inbound, brand(listening, 'acme').changeReason?.shareOfVoice]).toEqual(['brand-data-partial', 'shares-partial']);
    // Its October is the one in part, not the client's.
    expect(listening.trendPartialBrands).toEqual([{ month: '2017-10', brands: ['rival'] }]);

    // Its care export skipped most of the month, but a mention of it on the 31st (another export naming it too) reaches
    // the end: 18 days without its data inside, over half of the 31 the others' reach over, are a cut, and named.
    const stray = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 12)), ...mentionsOn('stray', 'acme', 9, [31], 1), ...rival]);
    expect(stray.periodCoverage?.brandsInPart).toEqual([
      { brand: 'acme', platform: 'twitter', first: '2017-10-01', last: '2017-10-31', othersFirst: '2017-10-01', othersLast: '2017-10-31', without: { first: '2017-10-13', last: '2017-10-30' } },
    ]);
    // acme's own counts are thin this month besides; the others' shares of voice are not compared for its cut.
    expect([brand(stray, 'acme').change?.inbound, brand(stray, 'rival').change?.shareOfVoice, brand(stray, 'rival').changeReason?.shareOfVoice]).toEqual([null, null, 'shares-partial']);
    // The same at the start: one mention of the 1st before its export's first day, the 20th.
    const strayFirst = await metrics([...answeredDays('s', 8, range(1, 30)), ...mentionsOn('stray', 'acme', 9, [1], 1), ...answeredDays('o', 9, range(20, 31)), ...rival]);
    expect(strayFirst.periodCoverage?.brandsInPart).toEqual([expect.objectContaining({ brand: 'acme', without: { first: '2017-10-02', last: '2017-10-19' } })]);
    // Closed for 20 days, but as busy before and after its silence as ever (a holiday): a quiet stretch, not a cut.
    const holiday = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, [...range(1, 4), ...range(25, 31)]), ...rival]);
    expect(holiday.periodCoverage?.brandsInPart).toEqual([]);
    expect(coverageSentences(stray, { warningsOnly: true })).toContain(
      "brand ACME, Twitter: the data holds its posts and the mentions of it from 2017-10-01 to 2017-10-31 (none from 2017-10-13 to 2017-10-30) only, while the other brands' posts and mentions there reach from 2017-10-01 to 2017-10-31, as an export cut short would leave it: its volumes and the shares of voice are not compared with the previous period. Import its exports (care, publishing, listening) of the whole period.",
    );
  });

  it("compares the counts of a brand whose data ends a day early, or is on its own days of the week, or in bursts, or whose team stops answering", async () => {
    const rival = [...mentionsOn('rs', 'rival', 8, range(1, 30), 2), ...mentionsOn('ro', 'rival', 9, range(1, 31), 2)];
    // Its last day with data the 30th: within the 2 days data on every day allows. And ten days skipped inside: a brand's
    // data is judged at its ends only (complete data skips days in runs its density does not foretell).
    const gapped = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, [...range(1, 10), ...range(21, 31)]), ...rival]);
    expect(gapped.periodCoverage?.brandsInPart).toEqual([]);
    const dayEarly = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 30)), ...rival]);
    expect(dayEarly.periodCoverage?.brandsInPart).toEqual([]);
    expect(brand(dayEarly, 'acme').change?.inbound).toEqual(expect.any(Number));
    // Weekdays only (October 2017 ends on a Tuesday; 28 and 29 a weekend): the weekends are not its days.
    const weekdays = (month: number, last: number) => range(1, last).filter((day) => ![0, 6].includes(new Date(Date.UTC(2017, month, day)).getUTCDay()));
    const weekly = await metrics([...answeredDays('s', 8, weekdays(8, 30)), ...answeredDays('o', 9, weekdays(9, 31)), ...rival]);
    expect(weekly.periodCoverage?.brandsInPart).toEqual([]);
    // In bursts, on 10 days of each month, the last on the 25th: 6 days without data at the end, where data on 10 of
    // the 31 days allows 18 ((1 - 10/31)^18 under 1 in 1,000).
    const bursts = [2, 5, 6, 9, 13, 14, 17, 20, 21, 25];
    const bursty = await metrics([...answeredDays('s', 8, bursts), ...answeredDays('o', 9, bursts), ...rival]);
    expect(bursty.periodCoverage?.brandsInPart).toEqual([]);
    // Its team stops answering on the 24th while its mentions go on: its counts hold all it received.
    const closed = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 24)), ...mentionsOn('late', 'acme', 9, range(25, 31), 2), ...rival]);
    expect(closed.periodCoverage?.brandsInPart).toEqual([]);
    // Every brand's data ends on the 27th (rival's mentions too): cut alike, which the platform's reach judges, not acme's.
    const alike = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 27)), ...mentionsOn('rs', 'rival', 8, range(1, 30), 2), ...mentionsOn('ro', 'rival', 9, range(1, 27), 2)]);
    expect(alike.periodCoverage?.brandsInPart).toEqual([]);
    expect(brand(alike, 'acme').changeReason?.inbound).toBe('period-partly-in-data');
    // A brand of fewer than 30 mentions in both months (south: 20 and 20), cut on the 20th: its own counts say thin, and no
    // other brand's share is withheld for it.
    const south = [...mentionsOn('ss', 'south', 8, range(1, 20)), ...mentionsOn('so', 'south', 9, range(1, 20))];
    const thin = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31)), ...rival, ...south]);
    expect(thin.periodCoverage?.brandsInPart).toEqual([expect.objectContaining({ brand: 'south' })]);
    expect(brand(thin, 'south').changeReason?.inbound).toBe('thin-period');
    expect(brand(thin, 'acme').changeReason?.shareOfVoice).toBeUndefined();
  });

  it('compares counts when the exports reach over both periods whole', async () => {
    const report = await metrics([...answeredDays('s', 8, range(1, 30)), ...answeredDays('o', 9, range(1, 31))]);
    const acme = brand(report, 'acme');
    // 62 against 60 mentions: +3.33%.
    expect(acme.change?.inbound).toBeCloseTo((100 * 2) / 60, 10);
    expect(acme.changeReason?.inbound).toBeUndefined();
  });
});
