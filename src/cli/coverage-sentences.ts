import type { BrandMetrics, CoverageWarning, MetricsReport } from '../metrics/types.js';
import { printable } from '../metrics/format/aligned.js';

const count = (n: number): string => n.toLocaleString('en-US');
const percent = (share: number | null | undefined): string => (share == null ? '-' : `${Math.round(share * 100)}%`);

/**
 * What each brand's numbers rest on, in plain English for `replybench check`:
 * one line per coverage warning and per kind of mention that needs no
 * answer, per platform ("brand Tesco, twitter: ..."), and for all platforms
 * together where that says something the platform lines do not.
 */
export function coverageSentences(report: MetricsReport, options: { warningsOnly?: boolean } = {}): string[] {
  const handles = options.warningsOnly ? null : (report.settings?.massMentionHandles ?? 5);
  return report.brands.flatMap((brand) => {
    if (hasNoData(brand)) return [`brand ${printable(brand.name)}: ${NO_DATA_SENTENCE}`];
    const platforms = (report.byPlatform ?? []).flatMap((scope) => scope.brands.filter((entry) => entry.id === brand.id).map((entry) => ({ scope: scope.platform, entry })));
    const perPlatform = platforms.flatMap(({ scope, entry }) => sentencesOf(entry, handles).map((text) => `brand ${printable(brand.name)}, ${scope}: ${text}`));
    const said = new Set(platforms.flatMap(({ entry }) => sentencesOf(entry, handles)));
    const overall = sentencesOf(brand, handles)
      .filter((text) => !said.has(text) && (platforms.length > 1 || perPlatform.length === 0))
      .map((text) => `brand ${printable(brand.name)}, all platforms: ${text}`);
    return [...perPlatform, ...overall];
  });
}

const NO_DATA_SENTENCE = 'the data holds neither a post of the brand nor a mention its figures count in the period, so there is nothing to measure: check its handles in the config, or import its exports.';

/** A brand with neither a post nor a mention its figures count in the period: its zeros are no data, not a measure. */
export function hasNoData(brand: BrandMetrics): boolean {
  return brand.coverage !== undefined && brand.coverage !== null && brand.coverage.span.first === null;
}

/** The sentences of a brand's coverage warnings, then (unless `handles` is null) of its mentions that need no answer. */
function sentencesOf(brand: BrandMetrics, handles: number | null): string[] {
  const coverage = brand.coverage;
  if (!coverage) return [];
  const lines = coverage.warnings.map((warning) => warningSentence(brand, warning));
  if (handles === null) return lines;
  if (coverage.massMentions > 0) {
    lines.push(
      `${percent(coverage.massMentions / brand.inbound)} of its mentions (${count(coverage.massMentions)} of ${count(brand.inbound)}) tag ${handles} or more accounts at once: they count in its volume and share of voice, not in its response figures.`,
    );
  }
  if (coverage.closers === 1) lines.push('1 of its mentions is a thank-you or acknowledgement after its answer: it counts in its volume, not in its response figures.');
  if (coverage.closers > 1) {
    lines.push(`${count(coverage.closers)} of its mentions are thanks or acknowledgements after its answer: they count in its volume, not in its response figures.`);
  }
  return lines;
}

function warningSentence(brand: BrandMetrics, warning: CoverageWarning): string {
  const coverage = brand.coverage;
  switch (warning) {
    case 'no-brand-posts':
      return 'the data holds no post of the brand here, so its answers cannot be measured: import its own posts (its care or publishing export).';
    case 'few-brand-posts':
      return `the data holds only ${coverage?.brandPosts === 1 ? '1 post' : `${count(coverage?.brandPosts ?? 0)} posts`} of the brand, none a reply: its response figures are shown but not compared. Import its replies.`;
    case 'responses-missing':
      return `${percent((coverage?.listedResponsesMissing ?? 0) / brand.inbound)} of its mentions list responses that are not in the data: its response rate is a lower bound.`;
    case 'parents-missing':
      return `${percent((coverage?.repliesWithMissingParent ?? 0) / (coverage?.replies || 1))} of its replies answer posts that are not in the data: its mentions and share of voice are understated. Import the mentions it answers.`;
    case 'dominant-author': {
      const top = coverage?.topAuthor;
      return `one author, ${printable(top?.author ?? '?')}, wrote ${percent(top?.share)} of its mentions (${count(top?.mentions ?? 0)} of ${count(brand.inbound)}): its volume largely reflects one person.`;
    }
    case 'partial-period': {
      const span = coverage?.span;
      if (span?.busiestDayShare != null && span.busiestDayShare > 0.5) {
        return `${percent(span.busiestDayShare)} of its mentions fall on ${span.busiestDay ?? '?'}: its figures describe that day more than the period. Import the whole period.`;
      }
      return `the data covers ${count(span?.daysWithData ?? 0)} of the ${count(span?.periodDays ?? 0)} days of the period (${(span?.first ?? '?').slice(0, 10)} to ${(span?.last ?? '?').slice(0, 10)}). Import the whole period.`;
    }
  }
}
