/**
 * The real Kaggle "Customer Support on Twitter" sample: follow-through and the
 * latest-message clock checked against a plain TypeScript reading of their
 * rules over the parsed rows (no SQL). The sample has no follower counts and
 * no sentiment: those diagnostics must be null with a note.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { Diagnostics } from '../../../src/metrics/diagnostics/types.js';
import { storeWith } from '../../fixtures/diagnostics/store.js';
import { END, kaggleBrandIds as brandIds, kaggleRows as rows, START, WINDOW, type KaggleRow as Row } from '../kaggle-sample.js';

const byId = new Map(rows.map((row) => [row.id, row]));
const newest = Math.max(...rows.map((row) => row.at));

function firstResponse(brand: string, mention: Row): Row | undefined {
  return rows
    .filter((row) => row.author === brand && row.parent === mention.id && row.at >= mention.at && row.at <= mention.at + WINDOW)
    .sort((a, b) => a.at - b.at)[0];
}

/** Follow-ups: a customer's direct reply to the brand's reply to that same customer. */
function expectedFollowThrough(brand: string) {
  const followUps = rows.filter((row) => {
    const parent = row.parent ? byId.get(row.parent) : undefined;
    const grandparent = parent?.parent ? byId.get(parent.parent) : undefined;
    return row.at >= START && row.at < END && !brandIds.includes(row.author) && parent?.author === brand && grandparent?.author === row.author;
  });
  const times = followUps.flatMap((f) => {
    const response = firstResponse(brand, f);
    return response ? [(response.at - f.at) / 60_000] : [];
  });
  const conversations = new Map<string, Row[]>();
  for (const f of followUps) conversations.set(f.parent as string, [...(conversations.get(f.parent as string) ?? []), f]);
  const abandoned = [...conversations.values()].filter((list) => {
    const latest = list.sort((a, b) => b.at - a.at)[0] as Row;
    return !firstResponse(brand, latest) && latest.at + WINDOW <= newest;
  }).length;
  const sorted = [...times].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  const median = sorted.length ? ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2 : null;
  return { followUps: followUps.length, answered: times.length, median, conversations: conversations.size, abandoned };
}

describe('Kaggle twcs sample, October 2017: diagnostics', () => {
  let result: Diagnostics;
  // Computed once for the file, never changed by a test: each test reads it alone, in any order.
  beforeAll(async () => {
    const store = await storeWith(rows.map((row) => ({ id: row.id, author: row.author, at: new Date(row.at).toISOString(), text: row.text, ...(row.parent ? { parent: row.parent } : {}) })));
    // The plain TypeScript below follows the follow-up rule alone: no minimum of follow-ups, every mention counted.
    const config = parseConfig(
      { client: brandIds[0], brands: brandIds.map((id) => ({ id, accounts: { twitter: [id] } })), metrics: { minFollowUps: 1, needsAnswer: false } },
      'kaggle.yaml',
      '/tmp',
    );
    try {
      result = await computeDiagnostics(store, config, '2017-10');
    } finally {
      store.close();
    }
  });

  it('runs on the real sample', () => {
    expect(rows).toHaveLength(93);
    expect(result.brands).toHaveLength(brandIds.length);
  });

  it('agrees with the plain TypeScript follow-through for every brand', () => {
    let total = 0;
    for (const id of brandIds) {
      const want = expectedFollowThrough(id);
      const got = result.brands.find((brand) => brand.id === id)?.followThrough;
      total += want.followUps;
      expect([got?.followUps, got?.answered, got?.conversations, got?.abandoned], id).toEqual([want.followUps, want.answered, want.conversations, want.abandoned]);
      if (want.median === null) expect(got?.responseTimeMedianMin, id).toBeNull();
      else expect(got?.responseTimeMedianMin, id).toBeCloseTo(want.median, 9);
    }
    // The sample does hold customers writing back under a brand's reply.
    expect(total).toBeGreaterThan(0);
  });

  it('says that the export has no follower counts and no sentiment', () => {
    expect(result.brands).toHaveLength(brandIds.length);
    for (const brand of result.brands) {
      expect(brand.influencers, brand.id).toBeNull();
      expect(brand.sentiment, brand.id).toBeNull();
      expect(result.notes).toContainEqual({ brandId: brand.id, code: 'no-follower-data' });
    }
  });
});
