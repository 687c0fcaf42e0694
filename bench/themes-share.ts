/**
 * What the themes add to a metrics run (issue 20: at most 25% of the metrics
 * time): on a fresh analysis of the month, its metrics (which build the base),
 * then its themes; `runs` times, medians. The analysis is not kept, so each run
 * computes everything.
 */
import { withAnalysis } from '../src/analysis/analysis.js';
import type { Config } from '../src/config/types.js';
import { metricsOf } from '../src/metrics/compute.js';
import type { Store } from '../src/store/database.js';
import { themesOf } from '../src/themes/index.js';
import { seconds, type Timed, timed } from './timing.js';

export interface ThemesShare {
  metrics: Timed;
  themes: Timed;
  /** themes / metrics, of the medians. */
  ratio: number;
}

export async function themesShare(store: Store, config: Config, period: string, runs: number): Promise<ThemesShare> {
  const metricsRuns: number[] = [];
  const themesRuns: number[] = [];
  for (let attempt = 0; attempt < runs; attempt++) {
    await withAnalysis(store, config, period, async (analysis) => {
      metricsRuns.push(await seconds(() => metricsOf(analysis)));
      themesRuns.push(await seconds(() => themesOf(analysis)));
    }, { cache: false });
  }
  const metrics = timed(metricsRuns);
  const themes = timed(themesRuns);
  return { metrics, themes, ratio: themes.median / metrics.median };
}
