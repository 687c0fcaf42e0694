import { describe, expect, it } from 'vitest';
import { buildImprovements, FINDING_IDS } from '../../../src/report/advice/index.js';
import type { AdviceLanguage } from '../../../src/report/advice/index.js';
import { DIAGNOSTIC_METRICS } from '../../../src/metrics/diagnostics/catalogue.js';
import { diagnosticBoundColumns, diagnosticColumns } from '../../../src/metrics/diagnostics/columns.js';
import { DIAGNOSTIC_NOTE_CODES, type BrandDiagnostics, type Diagnostics } from '../../../src/metrics/diagnostics/types.js';
import type { MetricsReport } from '../../../src/metrics/types.js';
import { LANGUAGES } from '../../../src/report/i18n/language.js';
import { ReportTemplate } from '../../../src/report/template.js';
import { adviceInput, rankAndBenchmark } from '../../fixtures/diagnostics/advice-input.js';

const strings = (language: AdviceLanguage) => ReportTemplate.open(undefined).strings(language);

function diagnosticsOf(input: MetricsReport): Diagnostics {
  if (!input.diagnostics) throw new Error('the advice fixture has no diagnostics');
  return input.diagnostics;
}

/** The client's diagnostics: the first brand of the advice fixture. */
function clientDiagnostics(input: MetricsReport): BrandDiagnostics {
  const [client] = diagnosticsOf(input).brands;
  if (!client) throw new Error('the advice fixture has no brands');
  return client;
}

/** Every number of the input, as the report could show it: itself, as a percentage, in hours, in days. */
function shownNumbers(input: unknown): Set<string> {
  const shown = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'number') for (const v of [value, value * 100, value / 60, value / 1440, value * 60]) {
      shown.add((Math.round(v * 10) / 10).toFixed(1));
      shown.add(Math.round(v).toFixed(1));
    }
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(input);
  return shown;
}

/** The numbers written in a sentence, read with the language's separators. */
function numbersIn(text: string, language: AdviceLanguage): number[] {
  const pattern = language === 'en' ? /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g : /\d{1,3}(?:[.\u202f\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
  return [...text.matchAll(pattern)].map(([match]) =>
    Number(language === 'en' ? match.replace(/,/g, '') : match.replace(/[.\u202f\u00a0 ]/g, '').replace(',', '.')),
  );
}

describe('what to improve', () => {
  it('ranks the client’s weak points against the competitor median, weakest first, and skips its strengths', () => {
    const items = buildImprovements(adviceInput(), 'en');
    expect(items.map((item) => item.id)).toEqual([
      // Relative gap to the competitor median: unsolicited (12% - 0.5%) / 1% = 11.5, canned 3, slow 1.7, ...
      'unsolicited-mentions',
      'canned-replies',
      'slow',
      'negative-mentions',
      'follow-ups',
      'unanswered',
      'influencers',
    ]);
    expect(items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(items.some((item) => item.id === 'megaphone')).toBe(false);
  });

  it('quotes the numbers of the tables in the evidence', () => {
    const items = buildImprovements(adviceInput(), 'en');
    const unanswered = items.find((item) => item.id === 'unanswered');
    expect(unanswered?.evidence).toEqual([
      'Response rate: Acme 63%, median of 2 measured competitors 85%.',
      'Acme ranks 3 of 3; the best is Rivalia, with 90%.',
      '250 of 400 mentions were answered.',
    ]);
    expect(items.find((item) => item.id === 'slow')?.evidence[0]).toBe('Median response time: Acme 3.1\u00a0h, median of 2 measured competitors 1.1\u00a0h.');
    expect(unanswered?.examples[0]?.text).toBe('Tercer día sin línea <script>alert(1)</script>');
    expect(items.find((item) => item.id === 'negative-mentions')?.examples.map((e) => e.author)).toEqual(['angry']);
    // Compared on Facebook only (the client's export rates no Twitter mention), a Twitter mention is no example of the figure.
    const onFacebook = adviceInput();
    if (onFacebook.diagnostics) onFacebook.diagnostics.comparedPlatforms = { followers: [], sentiment: ['facebook'] };
    expect(buildImprovements(onFacebook, 'en').find((item) => item.id === 'negative-mentions')?.examples).toEqual([]);
    expect(items.find((item) => item.id === 'follow-ups')?.examples.map((e) => e.author)).toEqual(['waiting']);
    // 29 of 70 conversations: 80 follow-ups in them, so a figure of its own.
    expect(items.find((item) => item.id === 'follow-ups')?.evidence.at(-1)).toBe('29 of 70 conversations ended with the customer’s message unanswered.');
  });

  it('gives the slow business-hours answers without the rate outside hours as evidence when the data holds the client\'s posts on part of the period only', () => {
    const input = adviceInput();
    const hours = (median: number, rate: number) => ({ inboundInside: 100, answeredInside: 80, listedMissingInside: 0, responseRateInside: 0.8, inboundOutside: 100, answeredOutside: rate * 100, listedMissingOutside: 0, responseRateOutside: rate, businessTimeMedianMin: median, businessTimeP90Min: null, calendarTimeMedianMin: median, calendarTimeP90Min: null });
    for (const brand of input.diagnostics?.brands ?? []) brand.businessHours = brand.role === 'client' ? hours(240, 0.3) : hours(30, 0.8);
    rankAndBenchmark(input);
    const evidenceOf = () => buildImprovements(input, 'en').find((item) => item.id === 'business-hours')?.evidence ?? [];
    expect(evidenceOf()).toContain('Outside business hours, 30% of 100 mentions were answered.');
    clientDiagnostics(input).postsPartial = true;
    expect(evidenceOf().length).toBeGreaterThan(0);
    expect(evidenceOf().some((line) => line.includes('Outside business hours'))).toBe(false);
  });

  it('quotes no share as evidence that responses its export lists and the data lacks make a bound', () => {
    const input = adviceInput();
    const hours = (median: number, rate: number, listedMissingOutside = 0) => ({ inboundInside: 100, answeredInside: 80, listedMissingInside: 0, responseRateInside: 0.8, inboundOutside: 100, answeredOutside: rate * 100, listedMissingOutside, responseRateOutside: rate, businessTimeMedianMin: median, businessTimeP90Min: null, calendarTimeMedianMin: median, calendarTimeP90Min: null });
    for (const brand of input.diagnostics?.brands ?? []) brand.businessHours = brand.role === 'client' ? hours(240, 0.3, 6) : hours(30, 0.8);
    const client = clientDiagnostics(input);
    // 6 of its 100 mentions outside hours (more than 5%) list a response the data lacks; its abandoned conversations, 4 of 29 of 70.
    client.followThrough = { ...client.followThrough, abandonedListedMissing: 4 };
    const others = client.influencers?.others;
    if (!client.influencers || !others) throw new Error('the advice fixture has no influencer split for the client');
    client.influencers = { ...client.influencers, others: { ...others, listedMissing: 19 } };
    rankAndBenchmark(input);
    const evidence = buildImprovements(input, 'en').flatMap((item) => item.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.some((line) => line.includes('Outside business hours'))).toBe(false);
    expect(evidence.some((line) => line.includes('conversations ended'))).toBe(false);
    // 19 of the 360 other authors' mentions (5.3%): the influencers' 60% is not set against the others' 63%.
    expect(evidence.some((line) => line.includes('the others 63%'))).toBe(false);
    // Each says it with the bound gone.
    client.followThrough = { ...client.followThrough, abandonedListedMissing: 3 };
    client.influencers = { ...client.influencers, others: { ...others, listedMissing: 18 } };
    for (const brand of input.diagnostics?.brands ?? []) brand.businessHours = brand.role === 'client' ? hours(240, 0.3, 5) : hours(30, 0.8);
    rankAndBenchmark(input);
    const exact = buildImprovements(input, 'en').flatMap((item) => item.evidence);
    expect(exact).toContain('Outside business hours, 30% of 100 mentions were answered.');
    expect(exact.some((line) => line.includes('conversations ended'))).toBe(true);
    expect(exact.some((line) => line.includes('the others 63%'))).toBe(true);
  });

  it('does not say again, as conversations, the share of follow-ups answered when each conversation holds one', () => {
    const input = adviceInput();
    const client = clientDiagnostics(input);
    client.followThrough = { ...client.followThrough, conversations: 80, abandoned: 44, abandonedShare: 44 / 80 };
    const evidence = buildImprovements(input, 'en').find((item) => item.id === 'follow-ups')?.evidence ?? [];
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.some((line) => line.includes('conversations ended'))).toBe(false);
  });

  it.each(LANGUAGES)('writes every evidence number from the input numbers (%s)', (language) => {
    const input = adviceInput();
    const allowed = shownNumbers(input);
    const items = buildImprovements(input, language);
    const sentences = items.flatMap((item) => item.evidence);
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) {
      const numbers = numbersIn(sentence, language);
      expect(numbers.length, sentence).toBeGreaterThan(0);
      for (const number of numbers) expect(allowed.has(number.toFixed(1)), `${number} in "${sentence}"`).toBe(true);
    }
  });

  it.each(['es', 'fr'] as const)('uses a decimal comma and leaves no English (%s)', (language) => {
    const items = buildImprovements(adviceInput(), language);
    const text = items.flatMap((item) => [item.title, item.body, ...item.evidence]).join('\n');
    expect(text).toContain('3,1\u00a0h');
    expect(text).not.toMatch(/\d\.\d{1,2}(?!\d)/);
    const english = new Set(['the', 'and', 'of', 'with', 'your', 'you', 'answer', 'answered', 'reply', 'replies', 'were', 'competitor', 'median', 'ranks', 'best', 'times', 'people', 'followers', 'share', 'rate', 'business', 'hours', 'first', 'more', 'faster', 'who', 'than']);
    for (const line of text.split('\n')) {
      const words = line.toLowerCase().match(/[\p{L}]+/gu) ?? [];
      expect(words.filter((word) => english.has(word)), line).toEqual([]);
    }
    for (const item of items) expect(item.title).not.toBe(strings('en')[`advice.title.${item.id}`]);
  });

  it.each(['es', 'fr'] as const)('has no English in the diagnostics labels and notes (%s)', (language) => {
    const english = new Set(['the', 'of', 'to', 'reply', 'replies', 'answered', 'response', 'rate', 'time', 'business', 'hours', 'has', 'for', 'are', 'set', 'influencers', 'canned', 'latest', 'follow', 'ups', 'inside', 'outside']);
    const catalogue = strings(language);
    const texts = [...DIAGNOSTIC_METRICS.map((metric) => catalogue[metric.label]), ...DIAGNOSTIC_NOTE_CODES.map((code) => catalogue[`advice.note.${code}`])];
    for (const text of texts.map((text) => text ?? 'missing')) {
      const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
      expect(words.filter((word) => english.has(word)), text).toEqual([]);
    }
  });

  it('flattens a brand’s diagnostics into stable columns', () => {
    const client = clientDiagnostics(adviceInput());
    const columns = diagnosticColumns(client);
    expect(Object.keys(columns)).toEqual([...DIAGNOSTIC_METRICS.map((metric) => metric.key), 'cannedReplies', 'unsolicitedPosts', 'followUps', 'abandonedConversations', 'inboundInsideHours', 'inboundOutsideHours', 'influencerInbound', 'negativeInbound']);
    expect(columns).toMatchObject({ cannedShare: 0.6, abandonedShare: 29 / 70, businessTimeMedianMin: null, cannedReplies: 168, inboundInsideHours: null, negativeInbound: 120 });
    expect(diagnosticBoundColumns(client)).toEqual({ conversations: 70, followUpsListedMissing: 0, abandonedListedMissing: 0, listedMissingInsideHours: null, listedMissingOutsideHours: null, influencerListedMissing: 0, negativeListedMissing: 0 });
  });

  it('has a title and a body for every finding, and every diagnostic note, in every language', () => {
    const needed = [...FINDING_IDS.flatMap((id) => [`advice.title.${id}`, `advice.body.${id}`]), ...DIAGNOSTIC_NOTE_CODES.map((code) => `advice.note.${code}`)];
    for (const language of LANGUAGES) expect([language, needed.filter((key) => !(key in strings(language)))]).toEqual([language, []]);
  });

  it('judges speed from the customer’s latest message when metrics.clockStart is latest', () => {
    const input = adviceInput();
    const diagnostics = diagnosticsOf(input);
    diagnostics.settings.clockStart = 'latest';
    const clocks = [90, 30, 45];
    diagnostics.brands.forEach((brand, i) => {
      brand.clockLatest = { answered: 200, responseTimeMedianMin: clocks[i] ?? null, responseTimeP90Min: null, responseTimeMeanMin: null };
    });
    const slow = buildImprovements(rankAndBenchmark(input), 'fr').find((item) => item.id === 'slow');
    expect(slow?.metric).toBe('latestClockTimeMedianMin');
    expect(slow?.evidence).toEqual([
      // The label is the table's (label.latestClockTimeMedianMin), one label per metric in every output.
      'Délai médian de réponse depuis le dernier message\u00a0: Acme 1,5\u00a0h\u00a0; médiane de 2 concurrents mesurés 38\u00a0min.',
      'Acme est au rang 3 sur 3\u00a0; la meilleure marque est Rivalia, avec 30\u00a0min.',
    ]);
  });

  it('calls out a brand that broadcasts more than its competitors', () => {
    const input = adviceInput();
    const [client] = input.brands;
    if (!client) throw new Error('the advice fixture has no brands');
    Object.assign(client, { replies: 90, broadcasts: 210, replyShare: 0.3 });
    rankAndBenchmark(input);
    const megaphone = buildImprovements(input, 'en').find((item) => item.id === 'megaphone');
    expect(megaphone?.evidence[0]).toBe('Reply share: Acme 30%, median of 2 measured competitors 63%.');
    expect(megaphone?.evidence).toContain('210 announcements against 90 replies.');
  });

  it('gives no advice that rests on fewer than 30 mentions', () => {
    const input = adviceInput();
    const client = clientDiagnostics(input);
    const others = client.influencers?.others;
    if (!others) throw new Error('the advice fixture has no influencer split for the client');
    client.influencers = { followerThreshold: 1000, influencers: { inbound: 29, answered: 1, listedMissing: 0, responseRate: 1 / 29, responseTimeMedianMin: 5, reason: null }, others, unknownFollowers: 0, otherPlatforms: 0 };
    const ids = buildImprovements(input, 'en').map((item) => item.id);
    expect(ids).not.toContain('influencers');
    expect(ids).toContain('unanswered');
  });

  it('compares only against the benchmarks the metrics carry: none, no advice', () => {
    const input = adviceInput();
    input.benchmarks = undefined;
    diagnosticsOf(input).benchmarks = [];
    expect(buildImprovements(input, 'en')).toEqual([]);
  });

  it('gives no advice when the client beats its competitors everywhere', () => {
    const input = adviceInput();
    const [client, ...rivals] = input.brands;
    if (!client) throw new Error('the advice fixture has no brands');
    input.brands = [{ ...client, role: 'competitor' }, ...rivals.map((b, i) => (i === 0 ? { ...b, role: 'client' as const } : b))];
    const diagnostics = diagnosticsOf(input);
    diagnostics.brands = diagnostics.brands.map((b) => ({ ...b, role: b.id === 'rival' ? 'client' : 'competitor' }));
    const items = buildImprovements(rankAndBenchmark(input), 'en');
    // Rivalia is best or at the median on everything but reply share (75% vs median of 93.3% and 50% = 71.7%): nothing to say.
    expect(items).toEqual([]);
  });
});
