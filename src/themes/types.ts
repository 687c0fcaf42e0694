import type { ExamplePost } from '../metrics/diagnostics/types.js';

/** Where a theme comes from: the config's `themes`, or the words the data makes distinctive. */
export type ThemeSource = 'config' | 'found';

/** How a found theme stands out: against the other brands in the period, or against the brand's previous period. */
export type FoundKind = 'distinctive' | 'rising';

/** One theme of one brand in the period (docs/themes.md); rates and shares in [0, 1], times in minutes, null when not computable. */
export interface Theme {
  name: string;
  source: ThemeSource;
  /** For a found theme: distinctive of the brand, rising against its previous period, or both; with the z-scores. */
  found?: Array<{ kind: FoundKind; z: number }>;
  mentions: number;
  /** mentions / the brand's inbound mentions. */
  share: number | null;
  /** Null when the data holds no mention of a tracked brand in the previous period (changeReason 'previous-period-not-in-data'). */
  previousMentions: number | null;
  /** Percent against the previous period; null with changeReason on fewer than 30 mentions on either side, on exports that reach over part of either period, or when the brand's own posts were in the data of one period only. */
  change: number | null;
  changeReason: 'thin-period' | 'thin-previous-period' | 'previous-period-not-in-data' | 'period-partly-in-data' | 'previous-period-partly-in-data' | 'unmeasured-previous-period' | 'unmeasured-period' | 'platform-missing' | 'platform-missing-previous' | 'brand-data-partial' | 'brand-data-partial-previous' | null;
  /** Mentions that need an answer on platforms where the data holds the brand's posts, and those answered. */
  measured: number;
  answered: number;
  /** Of the measured, those unanswered whose export lists a response the data lacks (responses-missing): each may have been an answer. */
  listedMissing: number;
  responseRate: number | null;
  /**
   * The highest the rate could be where the data may lack answers of the theme: 1 where it holds the brand's posts on part
   * of the period (how many it lacks is unknown); the rate were each of listedMissing an answer, where they are more than
   * metrics.coverage.responsesMissing of the measured mentions. Null where the rate is exact. The rate is then a lower bound.
   */
  responseRateEnd: number | null;
  responseTimeMedianMin: number | null;
  /** Mentions by sentiment, where the export gave one; null when it gave none to any of the theme's mentions. */
  sentiment: { negative: number; neutral: number; positive: number } | null;
  examples: ExamplePost[];
}

/** The client's theme against its competitors (the client's entry only). */
export interface ThemeBenchmark {
  /** Median response rate and time on the theme of the competitors with at least 30 measured mentions of it. */
  competitorRate: number | null;
  /** Where competitors' rates that are lower bounds (responseRateEnd) move the median: the median with each at its other end. Null when exact. */
  competitorRateEnd: number | null;
  competitorTimeMedianMin: number | null;
  competitorsMeasured: number;
  /** client rate - competitor rate. */
  gap: number | null;
  /** 1 = the theme the client answers worst against its competitors; null when not comparable, or where the data may lack answers that could change its place. */
  worstRank: number | null;
}

export interface BrandThemes {
  id: string;
  name: string;
  role: 'client' | 'competitor';
  themes: Array<Theme & { benchmark?: ThemeBenchmark }>;
}

export interface ThemesReport {
  period: { start: string; end: string; timezone: string; label?: string };
  brands: BrandThemes[];
}
