import { TZDate } from '@date-fns/tz';
import { type MetricSpec, showsInFull } from '../../metrics/catalogue.js';
import { answersUpperBound, hasNoData, isLowerBoundUnder, ownPostSpans, reportedResponsesMissingThreshold } from '../../metrics/coverage.js';
import type { BrandReach, PlatformReach } from '../../analysis/analysis.js';
import type { BrandMetrics, CoverageWarning, MetricsReport, PeriodSpan } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { printableName } from './examples.js';
import { platformName } from './platformName.js';
import { previousPeriodLabel } from './previousPeriod.js';

/*
 * Coverage on paper (METRICS.md, "Coverage: what the data can and cannot
 * tell"): a short mark beside the numbers a warning touches, and one plain
 * sentence per warning that names the brand and, from the per-platform
 * coverage, the platforms.
 */

/** The mark of a value that is a lower bound, printed once before it whichever warnings make it one. */
export const LOWER_BOUND_MARK = '≥';

/** The mark printed beside the numbers each warning touches, and before its sentence next to the leaderboard. */
export const COVERAGE_MARKS: Record<CoverageWarning, string> = {
  // Response metrics rest on no posts of the brand (shown as "—") or on its other platforms only.
  'no-brand-posts': '‡',
  // Response figures shown but not compared: too few posts of the brand, none a reply.
  'few-brand-posts': '°',
  // The response rate (and the share answered within a target) is a lower bound.
  'responses-missing': LOWER_BOUND_MARK,
  // The same, and not compared: the data holds the brand's posts on part of the period only.
  'brand-posts-partial': LOWER_BOUND_MARK,
  // Inbound volume and share of voice are understated.
  'parents-missing': '§',
  // Inbound volume and share of voice largely reflect one author.
  'dominant-author': '¶',
  // The data covers part of the period only.
  'partial-period': '‖',
};

/** Marks that stand before a value ("≥ 29%": a lower bound); the others follow it. */
const LEADING_MARKS = new Set<CoverageWarning>(['responses-missing', 'brand-posts-partial']);

/**
 * Whether a lower bound prints its "≥": not on a missing value, nor on a share
 * shown as 100% (showsInFull), which cannot be higher ("≥ 100%" says no more than "100%").
 */
export function printsBound(unit: MetricSpec<never>['unit'], value: number | null): boolean {
  return value !== null && !showsInFull(unit, value);
}

/**
 * The marks printed beside a brand's value of a metric: before it, "≥" for a
 * rate that is a lower bound (where printsBound); after it, "†" when
 * it rests on few mentions, then the marks of the brand's other warnings that
 * touch it ("‡" for a rate the data cannot measure, or measures on some
 * platforms only, for want of the brand's posts; "§" for an understated volume).
 */
export function valueMarks(spec: Pick<MetricSpec<never>, 'marks' | 'key' | 'unit'>, brand: BrandMetrics, value: number | null): { leading: string[]; trailing: string[] } {
  const warnings = spec.marks.filter((warning) => warningsOf(brand).includes(warning));
  const open = printsBound(spec.unit, value);
  return {
    leading: [...new Set(warnings.filter((warning) => LEADING_MARKS.has(warning) && open).map((warning) => COVERAGE_MARKS[warning]))],
    trailing: [...(lowSampleOf(spec.key, brand, value) ? [LOW_SAMPLE_MARK] : []), ...warnings.filter((warning) => !LEADING_MARKS.has(warning)).map((warning) => COVERAGE_MARKS[warning])],
  };
}

export interface CoverageNote {
  brandId: string;
  warning: CoverageWarning;
  mark: string;
  /** A plain sentence in the report's language, without the mark. */
  text: string;
}

export function warningsOf(brand: BrandMetrics): CoverageWarning[] {
  return brand.coverage?.warnings ?? [];
}

/** The inbound mentions the response metrics rest on (all of them when the metrics carry no coverage). */
export function measuredInbound(brand: BrandMetrics): number {
  return brand.coverage?.inboundMeasured ?? brand.inbound;
}

/** The mark of a figure that rests on few data; the leaderboard's note says what is few. */
export const LOW_SAMPLE_MARK = '†';

/**
 * Which low sample a metric's shown value rests on, if any: a rate on fewer
 * than 30 measured mentions that need an answer, a time on fewer than 30
 * answered mentions. A missing value has none.
 */
export function lowSampleOf(key: string, brand: BrandMetrics, value: number | null): 'mentions' | 'answered' | null {
  if (value === null) return null;
  if ((key === 'responseRate' || key.startsWith('withinSla.')) && brand.lowSample) return 'mentions';
  if (key.startsWith('responseTime') && brand.lowSampleTimes === true) return 'answered';
  return null;
}

interface PlatformEntry {
  platform: string;
  brand: BrandMetrics;
}

/** A brand's figures on each platform, as `byPlatform` gives them. */
function platformEntries(metrics: MetricsReport, brandId: string): PlatformEntry[] {
  return (metrics.byPlatform ?? []).flatMap(({ platform, brands }) => brands.filter((brand) => brand.id === brandId).map((brand) => ({ platform, brand })));
}

/**
 * The platforms where the data holds no posts of the brand (no-brand-posts),
 * split by why: no account of it is tracked there (no export is missing), or
 * its tracked accounts' posts are not in the data.
 */
export function unmeasuredPlatforms(metrics: MetricsReport, brandId: string): { untracked: string[]; missing: string[]; quiet: string[] } {
  const flagged = platformEntries(metrics, brandId).filter((entry) => warningsOf(entry.brand).includes('no-brand-posts'));
  const untracked = flagged.filter((entry) => entry.brand.coverage?.accountsTracked === 0);
  // Its posts there are on other days of the data: a quiet stretch (a week's report), not an export to import.
  const quiet = flagged.filter((entry) => !untracked.includes(entry) && (entry.brand.coverage?.ownPostsElsewhere ?? 0) > 0);
  const missing = flagged.filter((entry) => !untracked.includes(entry) && !quiet.includes(entry));
  return { untracked: untracked.map((entry) => entry.platform), missing: missing.map((entry) => entry.platform), quiet: quiet.map((entry) => entry.platform) };
}

/** Whether every platform without the brand's posts is one where no account of it is tracked. */
export function onlyUntrackedUnmeasured(metrics: MetricsReport, brandId: string): boolean {
  const { untracked, missing, quiet } = unmeasuredPlatforms(metrics, brandId);
  return untracked.length > 0 && missing.length === 0 && quiet.length === 0;
}

/**
 * The range a share the data can only understate leaves open when it prints as 0 ("0–13%"), where "≥ 0%" says
 * nothing; null otherwise: other lower bounds keep their "≥", and a margin the data cannot size has no upper end.
 */
export function zeroLowerBoundRange(spec: Pick<MetricSpec<never>, 'marks' | 'unit'>, brand: BrandMetrics, value: number | null, format: Formatter): string | null {
  const lowerBound = isLowerBoundUnder(spec.marks.filter((warning) => warningsOf(brand).includes(warning)));
  if (!lowerBound || spec.unit !== 'share' || value === null || format.percent(value) !== format.percent(0)) return null;
  const upper = answersUpperBound(brand, value);
  return upper === null ? null : format.percentInterval([0, upper]);
}

/** A value as the leaderboard prints it, with its marks (valueMarks): "≥ 64% † ‡", "— ‡"; a share understated to 0 as its range. */
export function markedValue(spec: Pick<MetricSpec<never>, 'marks' | 'key' | 'unit'>, brand: BrandMetrics, value: number | null, text: string, format: Formatter): string {
  const { leading, trailing } = valueMarks(spec, brand, value);
  const range = zeroLowerBoundRange(spec, brand, value, format);
  return range === null ? [...leading, text, ...trailing].join(' ') : [range, ...trailing].join(' ');
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

/** The sentence naming the brands of which the data holds nothing in the period (their figures are not compared), or null. */
export function noDataLine(metrics: MetricsReport, format: Formatter, t: Translate): string | null {
  const absent = metrics.brands.filter(hasNoData).map((brand) => brand.name);
  if (absent.length === 0) return null;
  return t(absent.length === 1 ? 'coverage.noDataOne' : 'coverage.noDataMany', { brands: format.list(absent) });
}

/** The sentences naming the tracked platforms whose exports, and the brands whose data, reach over part of the period or of the previous one only (counts are then not compared), or null. */
export function platformsInPartLine(metrics: MetricsReport, format: Formatter, t: Translate): string | null {
  const platforms = metrics.periodCoverage?.platformsInPart ?? [];
  const before = metrics.periodCoverage?.previousPlatformsInPart ?? [];
  const span = metrics.periodCoverage?.span;
  const lines: string[] = [];
  // When all the data reaches over as little, the sentences on the whole period say it (a one-platform export of 3 days).
  if (platforms.length > 0 && !(span !== undefined && span.spanDays * 2 < span.periodDays)) lines.push(t('coverage.platformsInPart', { parts: format.list(platforms.map((reach) => reachPart(reach, format, t))) }));
  if (before.length > 0) lines.push(t('coverage.previousPlatformsInPart', { previous: previousPeriodLabel(metrics, format, t), parts: format.list(before.map((reach) => reachPart(reach, format, t))) }));
  const cut = metrics.periodCoverage?.brandsInPart ?? [];
  const cutBefore = metrics.periodCoverage?.previousBrandsInPart ?? [];
  const nameOf = (id: string) => metrics.brands.find((brand) => brand.id === id)?.name ?? id;
  const brandsOf = (reaches: readonly BrandReach[]) => format.list([...new Set(reaches.map((reach) => nameOf(reach.brand)))]);
  const partsOf = (reaches: readonly BrandReach[]) => format.list(reaches.map((reach) => brandDataPart(reach, nameOf(reach.brand), format, t)));
  const platformsOf = (reaches: readonly BrandReach[]) => format.list([...new Set(reaches.map((reach) => platformName(reach.platform)))]);
  if (cut.length > 0) lines.push(t('coverage.brandsInPart', { parts: partsOf(cut), brands: brandsOf(cut), platforms: platformsOf(cut) }));
  if (cutBefore.length > 0) lines.push(t('coverage.previousBrandsInPart', { previous: previousPeriodLabel(metrics, format, t), parts: partsOf(cutBefore), brands: brandsOf(cutBefore), platforms: platformsOf(cutBefore) }));
  return lines.length === 0 ? null : lines.join(' ');
}

/** One brand and platform of platformsInPartLine: the days its posts and mentions reach over. */
function brandDataPart(reach: BrandReach, brand: string, format: Formatter, t: Translate): string {
  const platform = platformName(reach.platform);
  const dates = format.daysInSentence(localDay(reach.first, format.timezone), localDay(reach.last, format.timezone));
  // A run without its data inside them (an export that skipped most of the period) is named: its ends alone would read as whole.
  if (reach.without) return t('coverage.brandDataGap', { brand, platform, dates, without: format.daysInSentence(localDay(reach.without.first, format.timezone), localDay(reach.without.last, format.timezone)) });
  return t('coverage.brandDataPart', { brand, platform, dates });
}

/** One platform of platformsInPartLine: the days its posts reach over, the days it skips, or none. */
function reachPart(reach: PlatformReach, format: Formatter, t: Translate): string {
  const platform = platformName(reach.platform);
  if (reach.first === null || reach.last === null) return t('coverage.platformNone', { platform });
  // A metrics file written before gaps were told has none.
  const gap = reach.gap ?? null;
  if (gap !== null) return t('coverage.platformGap', { platform, gap: format.count(gap) });
  return t('coverage.platformPart', {
    platform,
    dates: format.daysInSentence(localDay(reach.first, format.timezone), localDay(reach.last, format.timezone)),
    // A metrics file written before the days with posts were counted has the span only.
    days: format.count(reach.daysWithPosts ?? reach.days),
    periodDays: format.count(reach.periodDays),
  });
}

/**
 * One sentence per coverage warning of every brand, in brand order. When the
 * whole period is thin and every brand mentioned in it has a partial period,
 * one sentence says so for all of them, in place of one each.
 */
export function coverageNotes(metrics: MetricsReport, format: Formatter, t: Translate): CoverageNote[] {
  const mentioned = metrics.brands.filter((brand) => brand.inbound > 0);
  const allPartial = metrics.periodCoverage?.partial === true && mentioned.length > 1 && mentioned.every((brand) => warningsOf(brand).includes('partial-period'));
  const notes = sharedNotes(
    metrics.brands.flatMap((brand) =>
      warningsOf(brand)
        .filter((warning) => !(allPartial && warning === 'partial-period'))
        .map((warning) => ({ brandId: brand.id, warning, mark: COVERAGE_MARKS[warning], text: sentence(metrics, brand, warning, format, t) })),
    ),
    metrics,
    format,
    t,
  );
  if (!allPartial) return notes;
  const client = metrics.brands.find((brand) => brand.role === 'client');
  return [...notes, { brandId: client?.id ?? '', warning: 'partial-period', mark: COVERAGE_MARKS['partial-period'], text: t('coverage.partialPeriodAll', { section: t('methodology.coverage') }) }];
}

/**
 * Notes that say one thing of several brands, said once where the first of them was, in place of one near-identical
 * sentence per brand: one author behind the volume of several brands (a customer tagging every brand, again and again),
 * each brand with its share; brands whose posts the data lacks on the same platforms.
 */
function sharedNotes(notes: CoverageNote[], metrics: MetricsReport, format: Formatter, t: Translate): CoverageNote[] {
  const brandOf = (note: CoverageNote) => metrics.brands.find((brand) => brand.id === note.brandId);
  // What a note says of its brand that another brand's note may say too: one author, or posts missing on these platforms ('' for all).
  const shared = new Map<CoverageNote, { kind: 'author' | 'posts'; value: string; key: string }>();
  for (const note of notes) {
    const brand = brandOf(note);
    const author = brand?.coverage?.topAuthor?.author;
    if (note.warning === 'dominant-author' && author !== undefined) shared.set(note, { kind: 'author', value: author, key: `author\u0000${author}` });
    // Only brands without a rate: a brand measured elsewhere says what its rate rests on, a sentence of its own; and only where
    // their accounts are tracked and their posts missing: a brand without one there, or quiet there, has a sentence of its own too.
    if (note.warning !== 'no-brand-posts' || brand?.responseRate !== null) continue;
    const { untracked, quiet } = unmeasuredPlatforms(metrics, brand.id);
    if (untracked.length > 0 || quiet.length > 0) continue;
    const platforms = platformsWith(metrics, brand.id, 'no-brand-posts', format) ?? '';
    shared.set(note, { kind: 'posts', value: platforms, key: `posts\u0000${platforms}` });
  }
  const groups = new Map<string, CoverageNote[]>();
  for (const [note, { key }] of shared) groups.set(key, [...(groups.get(key) ?? []), note]);
  const textOf = (kind: 'author' | 'posts', value: string, brands: BrandMetrics[]): string => {
    if (kind === 'posts') {
      const names = format.list(brands.map((brand) => brand.name));
      return value === '' ? t('coverage.noBrandPostsAnywhereMany', { brands: names }) : t('coverage.noBrandPostsMany', { brands: names, platforms: value });
    }
    const parts = brands.flatMap((brand) => {
      const top = brand.coverage?.topAuthor;
      return top ? [t('coverage.dominantAuthorPart', { brand: brand.name, share: format.percent(top.share), mentions: format.count(top.mentions), inbound: format.count(brand.inbound) })] : [];
    });
    return t('coverage.dominantAuthorShared', { author: printableName(value), brands: format.list(parts) });
  };
  return notes.flatMap((note) => {
    const said = shared.get(note);
    const group = said === undefined ? [] : (groups.get(said.key) ?? []);
    if (said === undefined || group.length < 2) return [note];
    if (group[0] !== note) return [];
    // Under the client's id when it is among them: the summary page keeps the client's notes only.
    const client = group.find((item) => brandOf(item)?.role === 'client');
    return [{ ...note, brandId: (client ?? note).brandId, text: textOf(said.kind, said.value, group.flatMap((item) => brandOf(item) ?? [])) }];
  });
}

function sentence(metrics: MetricsReport, brand: BrandMetrics, warning: CoverageWarning, format: Formatter, t: Translate): string {
  const entries = platformEntries(metrics, brand.id);
  const flagged = entries.filter((entry) => warningsOf(entry.brand).includes(warning));
  const names = format.list(flagged.map((entry) => platformName(entry.platform)));
  const coverage = brand.coverage;
  switch (warning) {
    case 'no-brand-posts': {
      if (flagged.length === 0) return t('coverage.noBrandPostsAnywhere', { brand: brand.name });
      // Where no account of the brand is tracked, no export is missing: its mentions there count in volume only.
      const { untracked, missing, quiet } = unmeasuredPlatforms(metrics, brand.id);
      return [
        ...(untracked.length > 0 ? [t('coverage.noAccount', { brand: brand.name, platforms: format.alternatives(untracked.map(platformName)) })] : []),
        ...(missing.length > 0 ? [t(brand.responseRate === null ? 'coverage.noBrandPosts' : 'coverage.noBrandPostsPartial', { brand: brand.name, platforms: format.list(missing.map(platformName)) })] : []),
        ...(quiet.length > 0 ? [t('coverage.noBrandPostsQuiet', { brand: brand.name, platforms: format.list(quiet.map(platformName)) })] : []),
      ].join(' ');
    }
    case 'few-brand-posts': {
      const posts = coverage?.brandPosts ?? brand.brandPosts;
      return t(posts === 1 ? 'coverage.fewBrandPostsOne' : 'coverage.fewBrandPosts', { brand: brand.name, posts: format.count(posts) });
    }
    case 'responses-missing': {
      // Named platforms only when the warning is not about every platform the brand was mentioned on; the share is then theirs.
      // The share is of the mentions the rate rests on (needing an answer, where the brand's answers are measured), as the warning's.
      const mentioned = entries.filter((entry) => entry.brand.inbound > 0);
      const threshold = reportedResponsesMissingThreshold(metrics);
      const said = (missing: number, measured: number) => ({ brand: brand.name, count: format.count(missing), measured: format.count(measured), share: format.percentPast(ratio(missing, measured), threshold) });
      if (flagged.length > 0 && flagged.length < mentioned.length) {
        const values = said(sum(flagged, (b) => b.coverage?.listedResponsesMissing ?? 0), sum(flagged, (b) => b.coverage?.inboundMeasured ?? 0));
        return t('coverage.responsesMissingOn', { ...values, platforms: names });
      }
      return t('coverage.responsesMissing', said(coverage?.listedResponsesMissing ?? 0, coverage?.inboundMeasured ?? 0));
    }
    case 'brand-posts-partial': {
      // The platforms where the warning holds, each with the span of the brand's posts there, those with the same dates together; else all platforms.
      const scope = flagged.length > 0 ? flagged : [{ platform: '', brand }];
      const spans = new Map<string, { dates: string; first: string; last: string; platforms: string[] }>();
      for (const { platform, brand: entry } of scope) {
        const own = entry.coverage?.ownPosts;
        if (!own?.first || !own.last) continue;
        // Split at each gap the data holds none of its posts in: "from 1 to 10 and from 20 to 31 October".
        const dates = format.daySpansInSentence(ownPostSpans(own).map(([first, last]) => [new Date(first), new Date(last)] as const));
        const span = spans.get(dates) ?? { dates, ...format.daySpan(new Date(own.first), new Date(own.last)), platforms: [] };
        if (platform !== '') span.platforms.push(platformName(platform));
        spans.set(dates, span);
      }
      // "first" and "last" beside "dates": a template copy's strings written before "dates" still read.
      const spanTexts = [...spans.values()].map(({ platforms, ...dates }) => (platforms.length === 0 ? dates.dates : t('coverage.ownPostsSpanOn', { ...dates, platform: format.list(platforms) })));
      // Measured through answers after the period only: the data holds none of its posts in it.
      if (spanTexts.length === 0) spanTexts.push(t('coverage.ownPostsElsewhere'));
      const gaps = scope.some(({ brand: entry }) => (entry.coverage?.ownPosts.gaps.length ?? 0) > 0);
      return t(gaps ? 'coverage.brandPostsPartialGaps' : 'coverage.brandPostsPartial', {
        brand: brand.name,
        spans: format.list(spanTexts),
        outside: format.count(sum(scope, (b) => b.coverage?.outsideOwnPosts ?? 0)),
        measured: format.count(sum(scope, (b) => b.coverage?.inboundMeasured ?? 0)),
      });
    }
    case 'parents-missing': {
      const replying = entries.filter((entry) => (entry.brand.coverage?.replies ?? entry.brand.replies) > 0);
      if (flagged.length > 0 && flagged.length < replying.length) {
        const share = ratio(sum(flagged, (b) => b.coverage?.repliesWithMissingParent ?? 0), sum(flagged, (b) => b.coverage?.replies ?? b.replies));
        return t('coverage.parentsMissingOn', { brand: brand.name, share: format.percent(share), platforms: names });
      }
      return t('coverage.parentsMissing', { brand: brand.name, share: format.percent(ratio(coverage?.repliesWithMissingParent ?? 0, coverage?.replies ?? brand.replies)) });
    }
    case 'dominant-author': {
      const top = coverage?.topAuthor;
      return t('coverage.dominantAuthor', {
        brand: brand.name,
        author: printableName(top?.author ?? ''),
        share: format.percent(top?.share ?? null),
        mentions: format.count(top?.mentions ?? null),
        inbound: format.count(brand.inbound),
      });
    }
    case 'partial-period':
      return spanSentence(brand.name, coverage?.span, format, t) ?? t('coverage.partialPeriod', { brand: brand.name });
  }
}

/**
 * What makes a brand's data thin in the period, in one clause: most of its
 * mentions on one day, or few days with data ("from 29 to 31 October 2017").
 */
export function spanSentence(subject: string, span: PeriodSpan | undefined, format: Formatter, t: Translate): string | null {
  if (!span || span.first === null || span.last === null) return null;
  if (span.busiestDay !== null && crowdsOnOneDay(span)) {
    return t('coverage.oneDay', { brand: subject, share: format.percent(span.busiestDayShare), day: format.date(localDay(span.busiestDay, format.timezone)) });
  }
  return t('coverage.fewDays', {
    brand: subject,
    days: format.count(span.daysWithData),
    periodDays: format.count(span.periodDays),
    dates: format.daysInSentence(new Date(span.first), new Date(span.last)),
    first: format.date(new Date(span.first)),
    last: format.date(new Date(span.last)),
  });
}

/** Whether more than half of the mentions fall on one day: the partial-period case spanSentence words as that day. */
export function crowdsOnOneDay(span: PeriodSpan): boolean {
  return span.busiestDayShare !== null && span.busiestDayShare > 0.5;
}

/** Noon of a local calendar day ("2017-10-31") in `timezone`: formatted in that timezone, it is that day whatever the offset. */
export function localDay(day: string, timezone: string): Date {
  return new TZDate(`${day}T12:00:00`, timezone);
}

/** A brand whose mentions are this share or more of mass mentions and closers gets its own sentence (the others are in the coverage table). */
export const NOTABLE_NO_ANSWER_SHARE = 0.1;

/**
 * The mentions that need no answer, in one sentence per brand that had any
 * among the client and the brands where they weigh (NOTABLE_NO_ANSWER_SHARE
 * of its mentions or more): they count in its volume and share of voice, not
 * in its response figures.
 */
export interface NoAnswerNote {
  brandId: string;
  brandName: string;
  /** The share of its mentions that need no answer, as printed. */
  share: string;
  notable: boolean;
  text: string;
}

export function noAnswerNotes(metrics: MetricsReport, format: Formatter, t: Translate): NoAnswerNote[] {
  return metrics.brands.flatMap((brand) => {
    const mass = brand.coverage?.massMentions ?? 0;
    const closers = brand.coverage?.closers ?? 0;
    const share = ratio(mass + closers, brand.inbound);
    const notable = share !== null && share >= NOTABLE_NO_ANSWER_SHARE;
    if (mass + closers === 0 || (brand.role !== 'client' && !notable)) return [];
    const handles = format.count(metrics.settings?.massMentionHandles ?? 5);
    const values = {
      brand: brand.name,
      mass: format.count(mass),
      closers: format.count(closers),
      handles,
      share: format.percent(share),
      massPart: t(mass === 1 ? 'coverage.massOne' : 'coverage.massMany', { mass: format.count(mass), handles }),
      closersPart: t(closers === 1 ? 'coverage.closersOne' : 'coverage.closersMany', { closers: format.count(closers) }),
    };
    const key = mass > 0 && closers > 0 ? 'coverage.noAnswerBoth' : mass > 0 ? 'coverage.noAnswerMass' : closers === 1 ? 'coverage.noAnswerCloser' : 'coverage.noAnswerClosers';
    return [{ brandId: brand.id, brandName: brand.name, share: values.share, notable, text: t(key, values) }];
  });
}

/** Notes of noAnswerNotes as printed under a table: one sentence naming each brand's share when two or more have one (a tag storm's), in place of a sentence each. */
export function noAnswerLines(notes: readonly NoAnswerNote[], metrics: MetricsReport, format: Formatter, t: Translate): string[] {
  if (notes.length < 2) return notes.map((note) => note.text);
  const brands = format.list(notes.map((note) => t('coverage.noAnswerPart', { brand: note.brandName, share: note.share })));
  return [t('coverage.noAnswerShared', { handles: format.count(metrics.settings?.massMentionHandles ?? 5), brands })];
}

function sum(entries: PlatformEntry[], pick: (brand: BrandMetrics) => number): number {
  return entries.reduce((total, entry) => total + pick(entry.brand), 0);
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
