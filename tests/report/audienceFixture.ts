import type { AnswerGroup, BrandDiagnostics, Diagnostics } from '../../src/metrics/diagnostics/types.js';
import type { MetricsReport } from '../../src/metrics/types.js';

const group = (inbound: number, answered: number, minutes: number | null): AnswerGroup => ({
  inbound,
  answered,
  responseRate: inbound > 0 ? answered / inbound : null,
  responseTimeMedianMin: minutes,
});

/** A brand's diagnostics with nothing in them but what the audience chart reads. */
function diagnosed(id: string, name: string, role: 'client' | 'competitor', audience: Pick<BrandDiagnostics, 'sentiment' | 'influencers'>): BrandDiagnostics {
  return {
    id,
    name,
    role,
    canned: { replies: 0, cannedReplies: 0, cannedShare: null, topTemplates: [] },
    unsolicited: { brandPosts: 0, unsolicitedPosts: 0, unsolicitedShare: null, examples: [] },
    followThrough: { followUps: 0, answered: 0, answeredShare: null, responseTimeMedianMin: null, conversations: 0, abandoned: 0, abandonedExamples: [] },
    businessHours: null,
    clockLatest: { answered: 0, responseTimeMedianMin: null, responseTimeP90Min: null, responseTimeMeanMin: null },
    unansweredExamples: [],
    rank: {},
    ...audience,
  };
}

/**
 * The fixture metrics with diagnostics for the audience charts: Acme's
 * export has sentiment and follower counts, RivalCo's follower counts only,
 * the other brands neither.
 */
export function withAudience(metrics: MetricsReport): MetricsReport {
  const brands = metrics.brands.map((brand) => {
    if (brand.id === 'acme') {
      return diagnosed(brand.id, brand.name, brand.role, {
        sentiment: { bySentiment: { negative: group(20, 10, 95), neutral: group(20, 14, 40), positive: group(10, 6, 20) }, unknown: 0 },
        influencers: { followerThreshold: 1000, influencers: group(8, 7, 15), others: group(42, 23, 45), unknownFollowers: 0 },
      });
    }
    if (brand.id === 'rivalco') {
      return diagnosed(brand.id, brand.name, brand.role, { sentiment: null, influencers: { followerThreshold: 1000, influencers: group(5, 5, 10), others: group(75, 59, 20), unknownFollowers: 0 } });
    }
    return diagnosed(brand.id, brand.name, brand.role, { sentiment: null, influencers: null });
  });
  const diagnostics: Diagnostics = {
    settings: { cannedMinUses: 5, unsolicitedMinPeople: 5, unsolicitedLookbackDays: 7, influencerFollowers: 1000, clockStart: 'first', responseWindowMin: 10080, inbound: 'all' },
    brands,
    benchmarks: [],
    notes: [],
  };
  return { ...metrics, diagnostics };
}
