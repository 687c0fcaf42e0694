/**
 * What customers write about (docs/themes.md): the config's themes and the
 * words and phrases the data makes distinctive of each brand, with how each
 * brand answers them. Every number is computed in queries/themes/*.sql on the
 * analysis's base tables; this only fills the config tables and moves rows
 * into their JSON shape.
 */
import { z } from 'zod';
import { type Analysis, withAnalysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
import type { Period } from '../analysis/period.js';
import type { Config } from '../config/types.js';
import type { MetricsReport } from '../metrics/types.js';
import type { Store } from '../store/database.js';
import { countsAfterThemePosts, themePosts } from './check.js';
import type { BrandThemes, FoundKind, Theme, ThemeBenchmark, ThemeSource } from './types.js';

export type * from './types.js';
export { themeWords } from './words.js';

export interface ThemeOptions {
  /** Found themes kept per brand and kind (distinctive, rising); default 10. */
  top?: number;
  /** Example mentions per theme; default 3. */
  examples?: number;
}

/** A theme needs this many mentions for a change, a comparison with competitors, a finding (the lowSample threshold). */
export const THEME_MIN_MENTIONS = 30;
/** The prior's total pseudo-count in the log-odds of found themes (queries/themes/found.sql). */
export const THEME_PRIOR_TOTAL = 500;
/** A found term is a fragment of a configured theme or a stronger term, and left out, when this share of its mentions hold that one too (queries/themes/found.sql). */
export const THEME_ABSORBED_SHARE = 0.8;
/** How many of the strongest terms of each brand and kind are weighed for fragments before the top ones are kept (more when more are kept). */
const THEME_POOL = 100;

const count = z.number();
const value = z.number().nullable();
const foundRow = z.object({ brand_id: z.string(), kind: z.enum(['distinctive', 'rising']), term: z.string(), mentions: count, z: count });
const summaryRow = z.object({
  brand_id: z.string(),
  theme: z.string(),
  source: z.enum(['config', 'found']),
  mentions: count,
  share: value,
  previous_mentions: value,
  change: value,
  change_reason: z.enum(['thin-period', 'thin-previous-period', 'previous-period-not-in-data', 'period-partly-in-data', 'previous-period-partly-in-data', 'unmeasured-previous-period', 'unmeasured-period', 'platform-missing', 'platform-missing-previous', 'brand-data-partial', 'brand-data-partial-previous']).nullable(),
  measured: count,
  answered: count,
  listed_missing: count,
  response_rate: value,
  response_rate_end: value,
  median_min: value,
  negative: count,
  neutral: count,
  positive: count,
});
const benchmarkRow = z.object({
  theme: z.string(),
  source: z.enum(['config', 'found']),
  competitor_rate: value,
  competitor_rate_end: value,
  competitor_time: value,
  competitors_measured: count,
  gap: value,
  worst_rank: value,
});
const exampleRow = z.object({ brand_id: z.string(), theme: z.string(), source: z.enum(['config', 'found']), author: z.string(), text: z.string().nullable(), url: z.string().nullable(), created_at: z.string() });

/** The themes of every brand of the analysis's period, the client's with their benchmark against its competitors. */
export async function themesOf(analysis: Analysis, options: ThemeOptions = {}): Promise<BrandThemes[]> {
  const { config, period, previous } = analysis;
  await themePosts(analysis);
  // Not shown here: computed at this point of the analysis so that a check of the month reads them from the kept analysis.
  await countsAfterThemePosts(analysis);
  const params = { start: iso(period.start), end: iso(period.end), from: iso(previous.start), inbound_mode: config.metrics.inbound };
  await analysis.run('themes/terms');
  const spans = {
    period_whole: await analysis.spansWhole(period, previous),
    previous_whole: await analysis.spansWhole(previous, period),
    // Brand ids hold no comma (src/config/schema.ts).
    brands_cut: (await analysis.brandsInPart(period, previous)).map((reach) => reach.brand).join(','),
    brands_cut_previous: (await analysis.brandsInPart(previous, period)).map((reach) => reach.brand).join(','),
  };
  await analysis.run('themes/uncompared', { ...params, min_mentions: THEME_MIN_MENTIONS, ...spans });
  await analysis.run('themes/found', { ...params, min_authors: config.metrics.themeAuthors, alpha0: THEME_PRIOR_TOTAL, top: options.top ?? 10, min_mentions: THEME_MIN_MENTIONS, absorbed_share: THEME_ABSORBED_SHARE, pool: Math.max(THEME_POOL, options.top ?? 10) });
  await analysis.run('themes/display');
  await analysis.run('themes/mentions');
  const summary = await analysis.rows('themes/summary', summaryRow, { ...params, min_mentions: THEME_MIN_MENTIONS });
  const found = await analysis.rows('themes/found_list', foundRow);
  const benchmarks = await analysis.rows('themes/benchmarks', benchmarkRow, { start: params.start, end: params.end, inbound_mode: params.inbound_mode, min_mentions: THEME_MIN_MENTIONS });
  const limit = options.examples ?? 3;
  // min_by refuses a count below 1: no examples asked, none read.
  const examples = limit >= 1 ? await analysis.rows('themes/examples', exampleRow, { ...params, limit }) : [];

  const key = (brand: string, theme: string, source: ThemeSource) => `${brand}\u0000${source}\u0000${theme}`;
  const stats = new Map(summary.map((row) => [key(row.brand_id, row.theme, row.source), row]));
  const examplesOf = new Map<string, Theme['examples']>();
  for (const row of examples) {
    const list = examplesOf.get(key(row.brand_id, row.theme, row.source)) ?? [];
    list.push({ author: row.author, text: row.text ?? '', createdAt: row.created_at, url: row.url });
    examplesOf.set(key(row.brand_id, row.theme, row.source), list);
  }
  const benchmarkOf = new Map(benchmarks.map((row) => [`${row.source}\u0000${row.theme}`, row]));

  return config.brands.map((brand): BrandThemes => {
    const configured = summary.filter((row) => row.brand_id === brand.id && row.source === 'config').map((row) => row.theme);
    const ownFound = new Map<string, Array<{ kind: FoundKind; z: number }>>();
    for (const row of found.filter((entry) => entry.brand_id === brand.id)) ownFound.set(row.term, [...(ownFound.get(row.term) ?? []), { kind: row.kind, z: row.z }]);
    const theme = (name: string, source: ThemeSource): BrandThemes['themes'][number] => {
      const row = stats.get(key(brand.id, name, source));
      const entry: BrandThemes['themes'][number] = {
        name,
        source,
        ...(source === 'found' ? { found: ownFound.get(name) ?? [] } : {}),
        mentions: row?.mentions ?? 0,
        share: row?.share ?? null,
        previousMentions: row ? row.previous_mentions : 0,
        change: row?.change ?? null,
        changeReason: row ? row.change_reason : 'thin-period',
        measured: row?.measured ?? 0,
        answered: row?.answered ?? 0,
        listedMissing: row?.listed_missing ?? 0,
        responseRate: row?.response_rate ?? null,
        responseRateEnd: row?.response_rate_end ?? null,
        responseTimeMedianMin: row?.median_min ?? null,
        sentiment: row && row.negative + row.neutral + row.positive > 0 ? { negative: row.negative, neutral: row.neutral, positive: row.positive } : null,
        examples: examplesOf.get(key(brand.id, name, source)) ?? [],
      };
      const bench = brand.role === 'client' ? benchmarkOf.get(`${source}\u0000${name}`) : undefined;
      return bench ? { ...entry, benchmark: benchmarkJson(bench) } : entry;
    };
    return {
      id: brand.id,
      name: brand.name,
      role: brand.role,
      themes: [...configured.map((name) => theme(name, 'config')), ...[...ownFound.keys()].map((name) => theme(name, 'found'))],
    };
  });
}

function benchmarkJson(row: z.infer<typeof benchmarkRow>): ThemeBenchmark {
  return { competitorRate: row.competitor_rate, competitorRateEnd: row.competitor_rate_end, competitorTimeMedianMin: row.competitor_time, competitorsMeasured: row.competitors_measured, gap: row.gap, worstRank: row.worst_rank };
}

/** DuckDB's words when a query needs more memory than the analysis may use. */
const OUT_OF_MEMORY = /Out of Memory Error/i;

/**
 * The themes, or why they are left out: on a month of millions of mentions
 * the table of every word of every mention can need more memory than the
 * analysis may use, and the metrics and the report must not fail for a
 * section that can be left out. Any other error is thrown as it is.
 */
export async function themesIfTheyFit(analysis: Analysis): Promise<{ themes: BrandThemes[]; leftOut: null } | { themes: null; leftOut: string }> {
  try {
    return { themes: await themesOf(analysis), leftOut: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!OUT_OF_MEMORY.test(message)) throw error;
    return { themes: null, leftOut: `themes left out: not enough memory for the words of this period's mentions (${message.split('\n')[0]}); \`replybench themes\` with a higher REPLYBENCH_MEMORY_LIMIT computes them alone` };
  }
}

/** The metrics with each brand's themes beside its numbers (`themes` per brand of `metrics --format json`). */
export function withThemes<Report extends MetricsReport>(metrics: Report, themes: readonly BrandThemes[]): Report {
  const of = new Map(themes.map((brand) => [brand.id, brand.themes]));
  return { ...metrics, brands: metrics.brands.map((brand) => ({ ...brand, themes: of.get(brand.id) ?? [] })) };
}

/** The themes of one period in one call (builds and closes an analysis of its own). */
export function computeThemes(store: Store, config: Config, period: string | Period, options: ThemeOptions = {}): Promise<BrandThemes[]> {
  return withAnalysis(store, config, period, (analysis) => themesOf(analysis, options));
}
