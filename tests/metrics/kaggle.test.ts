/**
 * The real Kaggle "Customer Support on Twitter" sample, checked against a
 * plain TypeScript reading of the metric rules over the parsed rows (no SQL).
 * The rows go straight into `posts` (the importer is tested on its own).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementVocabulary, acknowledgementWord, NEGATIVE_EMOJI } from '../../src/analysis/acknowledgements.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { configWith, storeWith, type TestPost } from './helpers.js';
import { END, kaggleBrandIds as brandIds, kaggleRows as rows, START, WINDOW } from './kaggle-sample.js';

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const lower = sorted[low] as number;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - low);
}

function mentions(text: string): string[] {
  return [...text.matchAll(/(?:^|[^A-Za-z0-9_])@([A-Za-z0-9_]+)/g)].map((match) => (match[1] ?? '').toLowerCase());
}

const vocabulary = new Map(acknowledgementVocabulary().map((entry) => [entry.word, entry]));

/** A short acknowledgement ("thanks", "ok", a hand-off such as "DM sent", emoji only), read as METRICS.md words it, without the SQL. */
function isAcknowledgement(text: string): boolean {
  if (/[?¿]/.test(text) || NEGATIVE_EMOJI.some((emoji) => text.includes(emoji))) return false;
  const bare = text.replace(/(https?:\/\/|www\.)\S*/gi, ' ').replace(/@[A-Za-z0-9_]+/g, ' ').trim();
  const words = (acknowledgementWord(bare).match(/\p{L}+/gu) ?? []);
  if (words.length === 0) return !/[0-9]/.test(bare) && /\p{So}|[:;=]-?[)DpP]|<3/u.test(bare);
  if (words.length > 12) return false;
  const thanks = words.every((word) => vocabulary.get(word)?.thanks) && words.some((word) => vocabulary.get(word)?.acknowledges);
  const handOff = words.every((word) => vocabulary.get(word)?.handOff) && words.some((word) => vocabulary.get(word)?.handsOff) && words.some((word) => vocabulary.get(word)?.privateChannel);
  return thanks || handOff;
}

/** The rules of the metric reference, one brand at a time, in plain TypeScript. */
function expected(brand: string) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const owned = new Set(brandIds);
  const inbound = rows.filter(
    (row) =>
      !owned.has(row.author) &&
      row.at >= START &&
      row.at < END &&
      (mentions(row.text).includes(brand) || (row.parent !== null && byId.get(row.parent)?.author === brand)),
  );
  // Mentions that need no answer: 5 handles or more without replying to the brand; a thank-you under the brand's reply to its author.
  const needsAnswer = inbound.filter((row) => {
    const parent = row.parent === null ? undefined : byId.get(row.parent);
    const mass = new Set(mentions(row.text)).size >= 5 && parent?.author !== brand;
    const grandparent = parent?.parent ? byId.get(parent.parent) : undefined;
    const closer = parent?.author === brand && grandparent?.author === row.author && isAcknowledgement(row.text);
    return !mass && !closer;
  });
  const times = needsAnswer.flatMap((mention) => {
    const replies = rows.filter((row) => row.author === brand && row.parent === mention.id && row.at >= mention.at && row.at <= mention.at + WINDOW);
    if (replies.length === 0) return [];
    return [(Math.min(...replies.map((r) => r.at)) - mention.at) / 60_000];
  });
  const own = rows.filter((row) => row.author === brand && row.at >= START && row.at < END);
  const replies = own.filter((row) => row.parent !== null && byId.get(row.parent)?.author !== brand).length;
  const n = needsAnswer.length;
  return {
    inbound: inbound.length,
    needsAnswer: n,
    answered: times.length,
    responseRate: n ? times.length / n : null,
    median: quantile(times, 0.5),
    p90: quantile(times, 0.9),
    mean: times.length ? times.reduce((a, b) => a + b, 0) / times.length : null,
    within60: n ? times.filter((t) => t <= 60).length / n : null,
    buckets: [
      times.filter((t) => t <= 60).length,
      times.filter((t) => t > 60 && t <= 240).length,
      times.filter((t) => t > 240 && t <= 480).length,
      times.filter((t) => t > 480 && t <= 1440).length,
      times.filter((t) => t > 1440).length,
      n - times.length,
    ],
    brandPosts: own.length,
    replies,
    broadcasts: own.length - replies,
  };
}

describe('Kaggle twcs sample, October 2017', () => {
  let report: MetricsReport;
  // Computed once for the file, never changed by a test: each test reads it alone, in any order.
  beforeAll(async () => {
    const posts: TestPost[] = rows.map((row) => ({ id: row.id, author: row.author, at: new Date(row.at).toISOString(), text: row.text, parent: row.parent }));
    const store = await storeWith(posts);
    try {
      report = await computeMetrics(store, configWith(brandIds.map((id) => ({ id }))), '2017-10');
    } finally {
      store.close();
    }
  });

  it('loads the 93 rows and 13 brands of the sample', () => {
    expect(rows).toHaveLength(93);
    expect(brandIds).toHaveLength(13);
    expect(report.dataQuality.posts).toBe(93);
    expect(report.brands.map((brand) => brand.id).sort()).toEqual([...brandIds].sort());
  });

  it('agrees with the plain TypeScript computation for every brand', () => {
    let totalInbound = 0;
    let totalAnswered = 0;
    let totalNeedsNoAnswer = 0;
    for (const id of brandIds) {
      const want = expected(id);
      const got = report.brands.find((brand) => brand.id === id);
      expect(got, id).toBeDefined();
      if (!got) continue;
      totalInbound += want.inbound;
      totalNeedsNoAnswer += want.inbound - want.needsAnswer;
      totalAnswered += want.answered;
      expect([got.inbound, got.coverage?.inboundMeasured, got.answered], id).toEqual([want.inbound, want.needsAnswer, want.answered]);
      expect(got.responseRate, id).toBe(want.responseRate);
      for (const [value, reference] of [
        [got.responseTimeMedianMin, want.median],
        [got.responseTimeP90Min, want.p90],
        [got.responseTimeMeanMin, want.mean],
        [got.withinSla['60'] ?? null, want.within60],
      ] as const) {
        if (reference === null) expect(value, id).toBeNull();
        else expect(value, id).toBeCloseTo(reference, 9);
      }
      expect(Object.values(got.buckets), id).toEqual(want.buckets);
      expect([got.brandPosts, got.replies, got.broadcasts], id).toEqual([want.brandPosts, want.replies, want.broadcasts]);
    }
    // The sample is not trivial: it has mentions, answered and unanswered, and a thank-you after an answer.
    expect(totalNeedsNoAnswer).toBeGreaterThan(0);
    expect(totalInbound).toBeGreaterThan(10);
    expect(totalAnswered).toBeGreaterThan(5);
    expect(totalAnswered).toBeLessThan(totalInbound);
  });

  it('shares voice in proportion to inbound mentions', () => {
    expect(report.brands).toHaveLength(brandIds.length);
    const total = report.brands.reduce((sum, brand) => sum + brand.inbound, 0);
    expect(total).toBeGreaterThan(0);
    for (const brand of report.brands) expect(brand.shareOfVoice).toBeCloseTo(brand.inbound / total, 12);
  });
});
