import type { BrandMetrics, CoverageWarning, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';

/*
 * Coverage on paper (METRICS.md, "Coverage: what the data can and cannot
 * tell"): a short mark beside the numbers a warning touches, and one plain
 * sentence per warning that names the brand and, from the per-platform
 * coverage, the platforms.
 */

/** The mark printed beside the numbers each warning touches, and before its sentence next to the leaderboard. */
export const COVERAGE_MARKS: Record<CoverageWarning, string> = {
  // Response metrics rest on no posts of the brand (shown as "—") or on its other platforms only.
  'no-brand-posts': '‡',
  // The response rate (and the share answered within a target) is a lower bound.
  'responses-missing': '≥',
  // Inbound volume and share of voice are understated.
  'parents-missing': '§',
};

export interface CoverageNote {
  brandId: string;
  warning: CoverageWarning;
  mark: string;
  /** A plain sentence in the report's language, without the mark. */
  text: string;
}

/** Names of platforms as brands write them. */
const PLATFORM_NAMES: Record<string, string> = {
  twitter: 'Twitter',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  pinterest: 'Pinterest',
};

export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform.charAt(0).toUpperCase() + platform.slice(1);
}

export function warningsOf(brand: BrandMetrics): CoverageWarning[] {
  return brand.coverage?.warnings ?? [];
}

/** The inbound mentions the response metrics rest on (all of them when the metrics carry no coverage). */
export function measuredInbound(brand: BrandMetrics): number {
  return brand.coverage?.inboundMeasured ?? brand.inbound;
}

/**
 * The low-sample mark is about figures resting on few mentions: a brand whose
 * response figures are missing for want of its own posts, but which received
 * 30 mentions or more, has no figure that mark would be about.
 */
export function lowSampleShown(brand: BrandMetrics): boolean {
  return brand.lowSample && (brand.inbound < 30 || measuredInbound(brand) > 0);
}

/** Response times resting on fewer than 30 answered mentions; a brand with no response time has none to mark. */
export function lowSampleTimesShown(brand: BrandMetrics): boolean {
  return brand.lowSampleTimes === true && brand.responseTimeMedianMin !== null;
}

interface PlatformEntry {
  platform: string;
  brand: BrandMetrics;
}

/** A brand's figures on each platform, as `byPlatform` gives them. */
function platformEntries(metrics: MetricsReport, brandId: string): PlatformEntry[] {
  return (metrics.byPlatform ?? []).flatMap(({ platform, brands }) => brands.filter((brand) => brand.id === brandId).map((brand) => ({ platform, brand })));
}

/** The platforms where the brand's own coverage carries `warning`, in the report's words ("Twitter and Instagram"). */
export function platformsWith(metrics: MetricsReport, brandId: string, warning: CoverageWarning, format: Formatter): string | null {
  const names = platformEntries(metrics, brandId)
    .filter((entry) => warningsOf(entry.brand).includes(warning))
    .map((entry) => platformName(entry.platform));
  return names.length === 0 ? null : format.list(names);
}

/** The platforms where the brand's response metrics rest on its own posts. */
export function measuredPlatforms(metrics: MetricsReport, brandId: string, format: Formatter): string | null {
  const names = platformEntries(metrics, brandId)
    .filter((entry) => measuredInbound(entry.brand) > 0)
    .map((entry) => platformName(entry.platform));
  return names.length === 0 ? null : format.list(names);
}

/** One sentence per coverage warning of every brand, in brand order. */
export function coverageNotes(metrics: MetricsReport, format: Formatter, t: Translate): CoverageNote[] {
  return metrics.brands.flatMap((brand) =>
    warningsOf(brand).map((warning) => ({ brandId: brand.id, warning, mark: COVERAGE_MARKS[warning], text: sentence(metrics, brand, warning, format, t) })),
  );
}

function sentence(metrics: MetricsReport, brand: BrandMetrics, warning: CoverageWarning, format: Formatter, t: Translate): string {
  const entries = platformEntries(metrics, brand.id);
  const flagged = entries.filter((entry) => warningsOf(entry.brand).includes(warning));
  const names = format.list(flagged.map((entry) => platformName(entry.platform)));
  switch (warning) {
    case 'no-brand-posts': {
      if (flagged.length === 0) return t('coverage.noBrandPostsAnywhere', { brand: brand.name });
      return t(brand.responseRate === null ? 'coverage.noBrandPosts' : 'coverage.noBrandPostsPartial', { brand: brand.name, platforms: names });
    }
    case 'responses-missing': {
      // Named platforms only when the warning is not about every platform the brand was mentioned on; the share is then theirs.
      const mentioned = entries.filter((entry) => entry.brand.inbound > 0);
      if (flagged.length > 0 && flagged.length < mentioned.length) {
        const share = ratio(sum(flagged, (b) => b.coverage?.listedResponsesMissing ?? 0), sum(flagged, (b) => b.inbound));
        return t('coverage.responsesMissingOn', { brand: brand.name, share: format.percent(share), platforms: names });
      }
      return t('coverage.responsesMissing', { brand: brand.name, share: format.percent(ratio(brand.coverage?.listedResponsesMissing ?? 0, brand.inbound)) });
    }
    case 'parents-missing': {
      const replying = entries.filter((entry) => entry.brand.replies > 0);
      if (flagged.length > 0 && flagged.length < replying.length) {
        const share = ratio(sum(flagged, (b) => b.coverage?.repliesWithMissingParent ?? 0), sum(flagged, (b) => b.replies));
        return t('coverage.parentsMissingOn', { brand: brand.name, share: format.percent(share), platforms: names });
      }
      return t('coverage.parentsMissing', { brand: brand.name, share: format.percent(ratio(brand.coverage?.repliesWithMissingParent ?? 0, brand.replies)) });
    }
  }
}

function sum(entries: PlatformEntry[], pick: (brand: BrandMetrics) => number): number {
  return entries.reduce((total, entry) => total + pick(entry.brand), 0);
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
