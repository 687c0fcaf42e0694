import { shownValue, slaKey } from '../../metrics/catalogue.js';
import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { answersOtherEnd, boundsAround, comparableMetrics, placedFigure } from '../../metrics/ranking.js';
import { benchmarkOf, catalogueOf, changeOf, clientOf, comparedRank, competitorsOf, rankedCount, rankOf, slaTargets } from './brandLookup.js';
import { answersUpperBound, hasPartialPosts, isLowerBoundUnder } from '../../metrics/coverage.js';
import { changeNotSettled } from '../../metrics/pending.js';
import { crowdsOnOneDay, localDay, measuredInbound, measuredPlatforms, warningsOf } from './coverage.js';
import { printableName } from './examples.js';
import { saidAsBound } from './bound-words.js';

/** "N times faster" needs medians at least this far apart (METRICS.md, "Share of voice and benchmarks"). */
const FASTER_RATIO = 1.2;

/**
 * A month far busier or quieter than this one is no ordinary yardstick (an outage month, a launch): when the
 * previous period's mentions and this period's are 20% or more apart, as for "N times faster", the change says so.
 */
function previousVolume(client: BrandMetrics, format: Formatter, t: Translate, previousLabel: string, periodLabel: string): string | null {
  // A count not compared (over a period the exports reach in part, a brand's export missing from one period) is not
  // set beside the other period's either: its change says why, under the tile.
  if (client.changeReason?.inbound !== undefined) return null;
  const before = client.previous?.inbound ?? null;
  const now = client.inbound;
  if (before === null || before === 0 || now === 0 || Math.max(before, now) < FASTER_RATIO * Math.min(before, now)) return null;
  return t(before > now ? 'finding.previousBusier' : 'finding.previousQuieter', { previous: previousLabel, previousInbound: format.count(before), inbound: format.count(now), period: periodLabel });
}

/** True when no brand has a response rate: the data holds none of the brands' replies (a mentions-only export), or no mention. */
export function noBrandReplies(metrics: MetricsReport): boolean {
  return metrics.brands.every((brand) => brand.responseRate === null);
}

/** The SLA finding's sentences for a client measured on some platforms only: they name them. */
const SLA_MEASURED_KEYS: Record<'finding.slaBehind' | 'finding.slaAhead' | 'finding.slaSame', string> = {
  'finding.slaBehind': 'finding.slaBehindMeasured',
  'finding.slaAhead': 'finding.slaAheadMeasured',
  'finding.slaSame': 'finding.slaSameMeasured',
};

/**
 * Three to five sentences a reader can check against the leaderboard: each
 * states numbers that appear in it, with the ranks, competitor medians and
 * best brands of the metrics. A finding compares only values that exist, and
 * compares them as printed: no "best" or "ahead" when two printed values are
 * the same, no "N times faster" under a 20% difference. Sentences with no
 * data behind them are skipped rather than written with blanks.
 */
export function writeFindings(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string, periodLabel: string, sameWithinPoints: number): string[] {
  if (metrics.brands.every((brand) => brand.inbound === 0)) {
    if (metrics.settings?.inbound === 'questions') return [t('finding.noQuestions')];
    // Posts of the brands without one mention: an export of their own posts alone, not a month nobody wrote to them; with
    // replies among them, an export of the answers without the messages they answer.
    if (metrics.brands.some((brand) => brand.replies > 0)) return [t('finding.noMentionsOwnReplies')];
    return [t(metrics.brands.some((brand) => brand.brandPosts > 0) ? 'finding.noMentionsOwnPosts' : 'finding.noMentions')];
  }
  const thin = thinPeriodFinding(metrics, format, t, periodLabel);
  const findings = noBrandReplies(metrics) ? volumeFindings(metrics, format, t, previousLabel) : responseFindings(metrics, format, t, previousLabel, periodLabel, sameWithinPoints);
  return thin === null ? findings : [thin, ...findings].slice(0, 5);
}

/**
 * One sentence when the data of the whole period is thin: most mentions on
 * one day, or fewer than half of the days with data (METRICS.md,
 * "Comparability", partial-period).
 */
function thinPeriodFinding(metrics: MetricsReport, format: Formatter, t: Translate, periodLabel: string): string | null {
  const coverage = metrics.periodCoverage;
  if (!coverage?.partial) return null;
  const span = coverage.span;
  if (span.first === null || span.last === null) return null;
  if (span.busiestDay !== null && crowdsOnOneDay(span)) {
    return t('finding.thinOneDay', { share: format.percent(span.busiestDayShare), day: format.date(localDay(span.busiestDay, format.timezone)), period: periodLabel });
  }
  return t('finding.thinFewDays', {
    days: format.count(span.daysWithData),
    periodDays: format.count(span.periodDays),
    period: periodLabel,
    dates: format.daysInSentence(new Date(span.first), new Date(span.last)),
    first: format.date(new Date(span.first)),
    last: format.date(new Date(span.last)),
  });
}

function responseFindings(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string, periodLabel: string, sameWithinPoints: number): string[] {
  const client = clientOf(metrics);

  const findings: string[] = [];
  const rate = rateFinding(metrics, client, format, t);
  if (rate) findings.push(rate);
  const speed = speedFinding(metrics, client, format, t);
  if (speed) findings.push(speed);

  const target = slaTargets(metrics)[0] ?? 60;
  // The benchmark's own client value: none when the client's figures are not comparable (too few posts of its own).
  const sla = benchmarkOf(metrics, slaKey(target));
  const clientWithin = sla?.client ?? null;
  const othersWithin = sla?.competitorMedian ?? null;
  // "At least 0%" says nothing: a share the data can only understate is said when it is more, and not set against a median
  // it is behind at one end and reaches at its other (Benchmark.clientEnd): it may be ahead or behind.
  const clientEnd = sla?.clientEnd ?? null;
  const straddles = clientWithin !== null && clientEnd !== null && othersWithin !== null && clientWithin < othersWithin && clientEnd >= othersWithin;
  if (clientWithin !== null && othersWithin !== null && !(isLowerBound(client) && clientWithin === 0) && !straddles) {
    const share = format.percent(clientWithin);
    // A median that rests on competitors' lower bounds (Benchmark.competitorMedianEnd) is said as one, and the client is ahead of it only when ahead of its other end too.
    const medianEnd = sla?.competitorMedianEnd ?? null;
    const median = saidAsBound(t, format.percent(othersWithin), othersWithin, medianEnd);
    // A share the data can only understate is set against the median in the plain words of slaBehind, neither ahead of it nor level with it.
    const ahead = clientWithin > othersWithin && (medianEnd === null || (clientWithin > medianEnd && share !== format.percent(medianEnd)));
    const same = medianEnd === null && share === median;
    const key = isLowerBound(client) ? 'finding.slaBehind' : same ? 'finding.slaSame' : ahead ? 'finding.slaAhead' : 'finding.slaBehind';
    // Part of its mentions are on platforms without its posts: the share is of the others, and the sentence says so, as the rate's does.
    const platforms = warningsOf(client).includes('no-brand-posts') ? measuredPlatforms(metrics, client.id, format) : null;
    const values = { share: lowerBound(client, share, t), client: client.name, target: format.span(target), median };
    findings.push(format.capitalise(platforms === null ? t(key, values) : t(SLA_MEASURED_KEYS[key], { ...values, platforms })));
  }

  const rateChange = changeOf(client, 'responseRate');
  if (rateChange !== null) {
    const rounded = Math.round(rateChange * 10) / 10;
    // Within the scorecard's "about the same", as the tile's grey change says it: not a rise or a fall.
    const level = rounded !== 0 && Math.abs(rounded) <= sameWithinPoints + 1e-9;
    // A fall its pending mentions could still make up is no fall yet: said as where the rate stands for now, and why.
    const open = changeNotSettled(client, 'responseRate');
    const key = level ? (open ? 'finding.rateLevelNotSettled' : 'finding.rateLevel') : rounded > 0 ? 'finding.rateUp' : rounded < 0 ? (open ? 'finding.rateDownNotSettled' : 'finding.rateDown') : 'finding.rateSame';
    const change = level ? format.points(rateChange) : format.points(Math.abs(rateChange)).replace(/^\+/, '');
    const sentence = t(key, { change, previous: previousLabel, pending: format.count(client.pending), measured: format.count(measuredInbound(client)) });
    const volume = previousVolume(client, format, t, previousLabel, periodLabel);
    findings.push(volume === null ? sentence : `${sentence} ${volume}`);
  }

  // The qualifying competitor ranked lowest on reply share, when the client's printed share is higher.
  const clientShare = client.replyShare;
  const broadcaster = competitorsOf(metrics)
    .filter((brand) => brand.replyShare !== null && brand.replyShare < 0.5 && brand.replies + brand.broadcasts >= 30 && rankOf(brand, 'replyShare') !== null)
    .sort((a, b) => (rankOf(b, 'replyShare') ?? 0) - (rankOf(a, 'replyShare') ?? 0))[0];
  if (broadcaster?.replyShare != null && clientShare !== null && findings.length < 5 && clientShare > broadcaster.replyShare && format.percent(clientShare) !== format.percent(broadcaster.replyShare)) {
    findings.push(t('finding.broadcaster', { brand: broadcaster.name, share: format.percent(broadcaster.replyShare), clientShare: format.percent(clientShare), client: client.name }));
  }

  const voice = voiceFinding(metrics, client, format, t);
  if (findings.length < 5 && voice) findings.push(voice);
  const lowSample = lowSampleFinding(client, format, t);
  if (lowSample) findings.unshift(lowSample);
  return findings.slice(0, 5);
}

/** A mentions-only export: what the data can tell, volume and share of voice. */
function volumeFindings(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string): string[] {
  const client = clientOf(metrics);
  const findings = [t('finding.noReplies')];
  const change = changeOf(client, 'inbound');
  findings.push(
    change === null
      ? t('finding.inboundOnly', { client: client.name, inbound: format.count(client.inbound) })
      : t('finding.inbound', { client: client.name, inbound: format.count(client.inbound), change: format.signedPercent(change), previous: previousLabel }),
  );
  const voice = voiceFinding(metrics, client, format, t);
  if (voice) findings.push(voice);
  return findings;
}

/**
 * Brands other than `brand` whose printed value of the metric `key` is the
 * same as its own and that share its rank: only then is it "the same".
 */
function samePrinted(metrics: MetricsReport, brand: BrandMetrics, key: string, value: (b: BrandMetrics) => number | null, print: (v: number) => string): BrandMetrics[] {
  const own = value(brand);
  if (own === null) return [];
  return metrics.brands.filter((other) => {
    const theirs = value(other);
    return other.id !== brand.id && theirs !== null && print(theirs) === print(own) && rankOf(other, key) === rankOf(brand, key);
  });
}

/** Whether the data can only understate the brand's rates (answers its export lists, or due outside the span of its posts, are not in the data). */
function isLowerBound(brand: BrandMetrics): boolean {
  return isLowerBoundUnder(warningsOf(brand));
}

/** A rate or share as a sentence gives it: "at least 64%" where the data can only understate it. */
function lowerBound(brand: BrandMetrics, printed: string, t: Translate): string {
  return isLowerBound(brand) ? t('finding.atLeast', { value: printed }) : printed;
}

function rateFinding(metrics: MetricsReport, client: BrandMetrics, format: Formatter, t: Translate): string | null {
  const rank = rankOf(client, 'responseRate');
  // A rate left unranked because the data holds the client's posts on part of the period only is said as a lower bound, compared with nothing.
  // One left unranked only because its rank would change were the responses its export lists, and the data lacks, answers
  // (comparable on every other count: ranking.ts, comparableAmong) is said between its two ends, compared with nothing.
  const upper = client.responseRate === null ? null : answersUpperBound(client, client.responseRate);
  const rateSpec = catalogueOf(metrics).find((spec) => spec.key === 'responseRate');
  const open = rank === null && upper !== null && rateSpec !== undefined && comparableMetrics(client, rateSpec);
  // One left unranked because competitors' bounds reach past it is said with their names.
  const around =
    rank === null && !open && rateSpec !== undefined && client.responseRate !== null && comparableMetrics(client, rateSpec)
      ? boundsAround(metrics.brands, client, rateSpec, shownValue('share', client.responseRate), placedFigure, answersOtherEnd)
      : [];
  if (client.responseRate === null || (rank === null && !hasPartialPosts(client) && !open && around.length === 0)) return null;
  const brands = rankedCount(metrics, 'responseRate');
  const measured = measuredInbound(client);
  // "of the 617 mentions that needed an answer" when thank-yous or mass mentions were left out, else "of the 40 mentions it received".
  const noAnswer = (client.coverage?.massMentions ?? 0) + (client.coverage?.closers ?? 0);
  const mentions = t(noAnswer > 0 ? 'finding.mentionsNeedingAnswer' : 'finding.mentionsReceived', { count: format.count(measured) });
  const printedRate = format.percent(client.responseRate);
  const said = { client: client.name, rate: lowerBound(client, printedRate, t), inbound: format.count(measured), mentions };
  // "At least 0%" says nothing.
  if (isLowerBound(client) && client.responseRate === 0) return null;
  // Part of its mentions are on platforms without its posts: the rate is over the others, and the sentence says so.
  const platforms = measuredPlatforms(metrics, client.id, format);
  const onPlatforms = warningsOf(client).includes('no-brand-posts') && platforms !== null;
  if (open && upper !== null) {
    const missing = client.coverage?.listedResponsesMissing ?? 0;
    const ends = { ...said, upper: format.percent(upper), missing: format.count(missing) };
    if (onPlatforms) return t(missing === 1 ? 'finding.rateMeasuredOpenOne' : 'finding.rateMeasuredOpen', { ...ends, platforms });
    return t(missing === 1 ? 'finding.rateOpenOne' : 'finding.rateOpen', ends);
  }
  if (around.length > 0 && !hasPartialPosts(client)) {
    const others = format.list(around.map((brand) => brand.name));
    return onPlatforms ? t('finding.rateMeasuredAround', { ...said, platforms, others }) : t('finding.rateAround', { ...said, others });
  }
  if (rank === null) return t('finding.rateLowerBoundUncompared', said);
  const values = { ...said, rank, brands };
  // No competitor's rate to compare: the rate is said, with no rank.
  if (brands < 2) return onPlatforms ? t('finding.rateMeasuredUncompared', { ...values, platforms }) : t('finding.rateUncompared', values);
  // Every ranked brand at one rank: the rank tells none apart, the others are named instead.
  const tiedWithAll = comparedRank(metrics, client, 'responseRate') === null;
  if (onPlatforms) return tiedWithAll ? t('finding.rateMeasuredTiedAll', { ...values, platforms, others: rankedCompetitors(metrics, 'responseRate', format) }) : t('finding.rateMeasured', { ...values, platforms });
  // A rate the data can only understate is no tie and no best: it is said with its rank, nothing more.
  if (isLowerBound(client)) return t('finding.rate', values);
  if (tiedWithAll) return t('finding.rateTiedAll', { ...values, others: rankedCompetitors(metrics, 'responseRate', format) });
  const printed = (value: number) => format.percent(value);
  const tied = samePrinted(metrics, client, 'responseRate', (brand) => brand.responseRate, printed);
  if (tied.length > 0) return t('finding.rateTied', { ...values, others: format.list(tied.map((brand) => brand.name)) });
  // A rate printed like another brand's is never "the best", whatever the ranks say; nor is one on fewer than 30 mentions
  // (100% of 2 mentions is no claim about a brand's answers), as "the fastest" needs 30 answered mentions.
  const level = metrics.brands.some((brand) => brand.id !== client.id && brand.responseRate !== null && printed(brand.responseRate) === printedRate);
  return t(rank === 1 && !level && !client.lowSample ? 'finding.rateBest' : 'finding.rate', values);
}

function speedFinding(metrics: MetricsReport, client: BrandMetrics, format: Formatter, t: Translate): string | null {
  const clientTime = client.responseTimeMedianMin;
  const speed = benchmarkOf(metrics, 'responseTimeMedianMin');
  if (clientTime === null || !speed || speed.best === null) return null;
  const best = speed.best;
  const time = (minutes: number) => format.duration(minutes);
  const median = speed.competitorMedian;
  const tied = samePrinted(metrics, client, 'responseTimeMedianMin', (brand) => brand.responseTimeMedianMin, time);
  // Level with the fastest as printed: the same time, never "the fastest".
  if (time(clientTime) === time(best) || rankOf(client, 'responseTimeMedianMin') === 1 || clientTime <= best) {
    if (median === null || time(median) === time(clientTime)) return null;
    // "The fastest" is a claim about a median: not on fewer than 30 answered mentions, as "N times faster" below.
    if (client.lowSampleTimes === true) return null;
    if (tied.length > 0) return t('finding.fastestTied', { client: client.name, others: format.list(tied.map((brand) => brand.name)), time: time(clientTime), median: time(median) });
    return t('finding.fastest', { client: client.name, time: time(clientTime), median: time(median) });
  }
  // The brand the benchmark names, or another with the same best median.
  const named =
    metrics.brands.find((brand) => brand.id === speed.bestBrandId && brand.responseTimeMedianMin === best) ??
    metrics.brands.find((brand) => brand.responseTimeMedianMin === best);
  if (!named || best <= 0) return null;
  // A median of a few answers (a competitor's one reply of the month) is set against the client only when no brand
  // whose median rests on 30 answered mentions was faster than the client: that one is the comparison then.
  const fastest = named.lowSampleTimes === true && client.lowSampleTimes !== true ? (fastestMeasured(metrics, client, clientTime) ?? named) : named;
  const bestTime = fastest.responseTimeMedianMin ?? best;
  const values = { best: fastest.name, client: client.name, bestTime: time(bestTime), clientTime: time(clientTime) };
  const ratio = clientTime / bestTime;
  // "N times faster" is a claim about two medians: neither may rest on fewer than 30 answered mentions. A clear gap is
  // still said, both medians and how little they rest on: findings that keep only the flattering lines mislead.
  if (client.lowSampleTimes === true || fastest.lowSampleTimes === true) {
    if (ratio < FASTER_RATIO) return null;
    // Which median rests on few answers is said, with how many: "at least one of the two" left the reader to guess.
    if (client.lowSampleTimes !== true) return t('finding.slowerFewAnswersBest', { ...values, answered: format.count(fastest.answered) });
    if (fastest.lowSampleTimes !== true) return t('finding.slowerFewAnswersClient', { ...values, answered: format.count(client.answered) });
    return t('finding.slowerFewAnswers', values);
  }
  // The ratio of the two times as printed (6.0 h against 2 min: 180 times, not the 153.6 of 361.03 and 2.35 minutes); as
  // fast when either the medians or the printed times are less than 20% apart (10.45 and 8.7 minutes print 10 and 9).
  const shown = format.shownMinutes(bestTime) > 0 ? format.shownMinutes(clientTime) / format.shownMinutes(bestTime) : ratio;
  if (ratio < FASTER_RATIO || shown < FASTER_RATIO) return t('finding.asFast', values);
  const faster = t('finding.faster', { ...values, ratio: format.times(shown) });
  // Speed bought by answering fewer people is no lead to praise alone: say so when the faster brand answered a smaller share,
  // even at the other end of its rate where that is a bound (a bound by an unknown margin could be any higher).
  const fastestHigh = fastest.responseRate === null || hasPartialPosts(fastest) ? null : (answersUpperBound(fastest, fastest.responseRate) ?? fastest.responseRate);
  const answersLess = fastestHigh !== null && client.responseRate !== null && fastestHigh < client.responseRate && format.percent(fastestHigh) !== format.percent(client.responseRate);
  return answersLess ? `${faster} ${t('finding.fasterAnswersLess', { client: client.name, bestRate: lowerBound(fastest, format.percent(fastest.responseRate), t), clientRate: lowerBound(client, format.percent(client.responseRate), t) })}` : faster;
}

/** The fastest ranked brand other than the client whose median rests on 30 answered mentions or more, if it was faster than `clientTime`. */
function fastestMeasured(metrics: MetricsReport, client: BrandMetrics, clientTime: number): BrandMetrics | null {
  const measured = metrics.brands.filter(
    (brand) => brand.id !== client.id && brand.lowSampleTimes !== true && brand.responseTimeMedianMin !== null && brand.responseTimeMedianMin > 0 && rankOf(brand, 'responseTimeMedianMin') !== null,
  );
  const fastest = measured.sort((a, b) => (a.responseTimeMedianMin ?? 0) - (b.responseTimeMedianMin ?? 0))[0];
  return fastest && (fastest.responseTimeMedianMin ?? Infinity) < clientTime ? fastest : null;
}

/** The competitors ranked on a metric, by name, as a list ("RivalCo and Tercera"). */
function rankedCompetitors(metrics: MetricsReport, key: string, format: Formatter): string {
  return format.list(competitorsOf(metrics).filter((brand) => rankOf(brand, key) !== null).map((brand) => brand.name));
}

function voiceFinding(metrics: MetricsReport, client: BrandMetrics, format: Formatter, t: Translate): string | null {
  const brands = rankedCount(metrics, 'shareOfVoice');
  if (client.shareOfVoice === null || rankOf(client, 'shareOfVoice') === null || brands < 2) return null;
  const share = format.percent(client.shareOfVoice);
  const rank = comparedRank(metrics, client, 'shareOfVoice');
  const tied = samePrinted(metrics, client, 'shareOfVoice', (brand) => brand.shareOfVoice, (value) => format.percent(value));
  // Every ranked brand at one rank: "rank 1 of 2" would read as a lead; some at the client's: named beside its rank.
  const said =
    rank === null
      ? t('finding.shareOfVoiceTied', { client: client.name, share, others: rankedCompetitors(metrics, 'shareOfVoice', format) })
      : tied.length > 0
        ? t('finding.shareOfVoiceTiedRank', { client: client.name, share, others: format.list(tied.map((brand) => brand.name)), rank, brands })
        : t('finding.shareOfVoice', { client: client.name, share, rank, brands });
  // A share most of which one author wrote (a tag storm, a customer writing all month) says so where it is compared.
  const top = client.coverage?.topAuthor;
  const oneAuthor = warningsOf(client).includes('dominant-author') && top ? t('finding.shareOfVoiceOneAuthor', { client: client.name, share: format.percent(top.share), author: printableName(top.author) }) : null;
  return [said, oneAuthor, unequalSpans(metrics, client, format, t)].filter((part) => part !== null).join(' ');
}

/** At most this many brands are named in the sentence on unequal spans (the coverage table gives every brand's days). */
const SPAN_BRANDS_NAMED = 4;

/**
 * Shares of voice whose data runs over unequal parts of the period, in one
 * sentence: a ranked brand whose data spans fewer than half the days of
 * another's, first post to last, and has data on fewer than half as many
 * days (a competitor's export of one week beside a client's month). A brand
 * mentioned on a few days spread over the month spans it; one early mention
 * before an evening of data holds two days: neither is said.
 */
function unequalSpans(metrics: MetricsReport, client: BrandMetrics, format: Formatter, t: Translate): string | null {
  const spanOf = (brand: BrandMetrics) => brand.coverage?.span;
  const ranked = metrics.brands.filter((brand) => rankOf(brand, 'shareOfVoice') !== null && spanOf(brand)?.first);
  const shorter = (brand: BrandMetrics, than: BrandMetrics) => {
    const [own, other] = [spanOf(brand), spanOf(than)];
    return own !== undefined && other !== undefined && own.spanDays * 2 < other.spanDays && own.daysWithData * 2 < other.daysWithData;
  };
  const short = ranked.filter((brand) => ranked.some((other) => shorter(brand, other)));
  if (short.length === 0 || !ranked.includes(client)) return null;
  // Each short brand beside what it is short against: the client where it is, the longest-running brand otherwise.
  const longest = ranked.reduce((best, brand) => ((spanOf(brand)?.spanDays ?? 0) > (spanOf(best)?.spanDays ?? 0) ? brand : best));
  const references = short.map((brand) => (brand !== client && shorter(brand, client) ? client : longest));
  const named = [...new Set([client, ...references, ...short])];
  const items = named.slice(0, SPAN_BRANDS_NAMED).flatMap((brand) => {
    const span = spanOf(brand);
    if (!span?.first || !span.last) return [];
    const [first, last] = [new Date(span.first), new Date(span.last)];
    // "first" and "last" beside "dates": a template copy's strings written before "dates" still read.
    if (format.oneDay(first, last)) return [t('finding.shareOfVoiceSpanItemOneDay', { day: format.date(first), brand: brand.name })];
    return [t('finding.shareOfVoiceSpanItem', { dates: format.daysInSentence(first, last), ...format.daySpan(first, last), brand: brand.name })];
  });
  return t('finding.shareOfVoiceSpans', { list: format.list(items) });
}

/**
 * Fewer than 30 mentions, or fewer than 30 of them that need an answer and
 * could be measured; nothing when none is (the coverage note says why).
 */
function lowSampleFinding(client: BrandMetrics, format: Formatter, t: Translate): string | null {
  if (!client.lowSample) return null;
  if (client.inbound < 30) return t('finding.lowSample', { client: client.name });
  const measured = measuredInbound(client);
  return measured > 0 ? t('finding.lowSampleMeasured', { client: client.name, measured: format.count(measured) }) : null;
}
