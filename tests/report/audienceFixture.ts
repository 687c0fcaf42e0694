import type { Diagnostics } from '../../src/metrics/diagnostics/types.js';
import { diag, diagnosticSettings, group } from '../fixtures/diagnostics/advice-input.js';
import type { MetricsReport } from '../../src/metrics/types.js';

/**
 * The fixture metrics with diagnostics for the audience charts: Acme's
 * export has sentiment and follower counts, RivalCo's follower counts only,
 * the other brands neither.
 */
export function withAudience(metrics: MetricsReport): MetricsReport {
  const brands = metrics.brands.map((brand) => {
    if (brand.id === 'acme') {
      return diag(brand.id, brand.name, brand.role, {
        sentiment: { bySentiment: { negative: group(20, 10, 95), neutral: group(20, 14, 40), positive: group(10, 6, 20) }, unknown: 0, otherPlatforms: 0 },
        influencers: { followerThreshold: 1000, influencers: group(8, 7, 15), others: group(42, 23, 45), unknownFollowers: 0, otherPlatforms: 0 },
      });
    }
    if (brand.id === 'rivalco') {
      return diag(brand.id, brand.name, brand.role, { sentiment: null, influencers: { followerThreshold: 1000, influencers: group(5, 5, 10), others: group(75, 59, 20), unknownFollowers: 0, otherPlatforms: 0 } });
    }
    return diag(brand.id, brand.name, brand.role, { sentiment: null, influencers: null });
  });
  const diagnostics: Diagnostics = {
    settings: diagnosticSettings(),
    brands,
    benchmarks: [],
    comparedPlatforms: { followers: [], sentiment: [] },
    leftOutPlatforms: { followers: [], sentiment: [] },
    notes: [],
  };
  return { ...metrics, diagnostics };
}
