/**
 * What the sample's customers write about, checked on the generated posts:
 * the subjects the sample config's themes name are written with the theme's
 * words in every language; billing is steady, roaming peaks in the summer,
 * and the client's outage month holds three days of outage mentions from a
 * few cities, in the three languages, in which the client answers fewer of
 * all its mentions, much later: the year's busiest month for it, its lowest
 * response rate and its slowest median response.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { madridMonth, madridParts } from '../../src/sample/clock.js';
import { generateSampleData, type SampleData } from '../../src/sample/generate.js';
import type { SamplePost } from '../../src/sample/model.js';
import { SAMPLE_DATA_DIR } from '../../src/sample/paths.js';
import { SAMPLE_OUTAGE, SAMPLE_REPORT_PERIOD } from '../../src/sample/spec.js';
import type { IssueTopic } from '../../src/sample/texts.js';
import { themeWords } from '../../src/themes/words.js';
import { GroundTruth, median } from './ground-truth.js';

const THEMED: readonly IssueTopic[] = ['billing', 'coverage', 'outage', 'roaming'];
const OUTAGE_MONTH = SAMPLE_OUTAGE.days[0].iso.slice(0, 7);

let data: SampleData;
let truth: GroundTruth;
let themes: Record<string, readonly string[]>;

beforeAll(() => {
  data = generateSampleData();
  truth = new GroundTruth(data);
  themes = loadConfig(join(SAMPLE_DATA_DIR, 'replybench.yaml')).themes ?? {};
});

/** The mention holds one of the theme's words, as `replybench themes` matches them (links and handles left out). */
const holds = (post: SamplePost, theme: string): boolean => {
  const words = ` ${themeWords(post.text.replace(/https?:\/\/\S+|@\w+/g, ' '))} `;
  return (themes[theme] ?? []).some((word) => words.includes(` ${themeWords(word)} `));
};
const complaints = (brandId?: string) => data.posts.filter((post) => post.topic !== null && (!brandId || post.targets.includes(brandId)));
const share = (posts: SamplePost[], topic: IssueTopic): number => posts.filter((post) => post.topic === topic).length / posts.length;
const byMonth = <T>(compute: (month: string) => T): Map<string, T> => new Map(data.calendar.months.map((month) => [month, compute(month)]));
const outageMentions = (brandId: string, month: string): SamplePost[] => truth.needsAnswer(truth.inbound(brandId, month)).filter((post) => holds(post, 'outage'));
const outageRate = (brandId: string, month: string): number => {
  const mentions = outageMentions(brandId, month);
  return truth.answered(mentions, brandId).length / mentions.length;
};
const cityOf = (handle: string): string | undefined => data.customers.find((customer) => customer.handle === handle)?.city;
const madridDay = (at: number): string => {
  const { year, month, day } = madridParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('what the sample\'s customers write about', () => {
  it('writes every complaint about billing, coverage, an outage or roaming with a word of its theme, in English, Spanish and French', () => {
    expect(Object.keys(themes).sort()).toEqual([...THEMED].sort());
    for (const topic of THEMED) {
      for (const language of ['en', 'es', 'fr'] as const) {
        const written = complaints().filter((post) => post.topic === topic && post.language === language);
        expect([topic, language, written.length > 30]).toEqual([topic, language, true]);
        expect([topic, language, written.filter((post) => !holds(post, topic)).map((post) => post.text)]).toEqual([topic, language, []]);
        // Several templates, their placeholders filled.
        expect([topic, language, new Set(written.map((post) => post.text.replace(/^@\w+ |^[^:]+: | @\S+$/g, ''))).size > 5]).toEqual([topic, language, true]);
        expect(written.filter((post) => /\{\w+\}/.test(post.text))).toEqual([]);
      }
    }
  });

  it('complains about billing steadily, month after month, summer and outage alike', () => {
    const billing = byMonth((month) => share(complaints('vireo').filter((post) => post.topic !== 'outage' && madridMonth(post.createdAt) === month), 'billing'));
    for (const [month, value] of billing) expect([month, value > 0.17 && value < 0.33]).toEqual([month, true]);
  });

  it('complains about roaming most in the summer holidays', () => {
    const roaming = byMonth((month) => share(complaints().filter((post) => madridMonth(post.createdAt) === month), 'roaming'));
    const winter = median(['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'].map((month) => roaming.get(month) ?? NaN));
    for (const summer of ['2025-07', '2025-08']) expect([summer, (roaming.get(summer) ?? 0) > 3 * winter]).toEqual([summer, true]);
    const peak = [...roaming].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(['2025-07', '2025-08']).toContain(peak);
  });
});

describe('the client\'s outage', () => {
  const outageDays = new Set<string>(SAMPLE_OUTAGE.days.map((day) => day.iso));
  const onOutageDays = (posts: SamplePost[]) => posts.filter((post) => outageDays.has(madridDay(post.createdAt)));
  const offOutageDays = (posts: SamplePost[]) => posts.filter((post) => !outageDays.has(madridDay(post.createdAt)));
  const rate = (posts: SamplePost[]) => truth.answered(posts, 'vireo').length / truth.needsAnswer(posts).length;
  const medianTime = (posts: SamplePost[]) => median(truth.answered(posts, 'vireo'));

  it('falls in the month before the report month, so the report compares with it', () => {
    const [year, month] = SAMPLE_REPORT_PERIOD.split('-').map(Number) as [number, number];
    expect(OUTAGE_MONTH).toBe(month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`);
    expect([...outageDays].every((day) => day.startsWith(OUTAGE_MONTH))).toBe(true);
  });

  it('is a spike of the client\'s outage mentions in that month, from the few cities it hit, in English, Spanish and French', () => {
    const counts = byMonth((month) => outageMentions('vireo', month).length);
    const others = [...counts].filter(([month]) => month !== OUTAGE_MONTH).map(([, count]) => count);
    expect(counts.get(OUTAGE_MONTH) ?? 0).toBeGreaterThan(4 * median(others));
    expect(counts.get(OUTAGE_MONTH) ?? 0).toBeGreaterThan(2 * Math.max(...others));
    const cities: readonly string[] = SAMPLE_OUTAGE.cities;
    const fromCities = (posts: SamplePost[]) => posts.filter((post) => cities.includes(cityOf(post.author) ?? '')).length / posts.length;
    const during = onOutageDays(outageMentions('vireo', OUTAGE_MONTH));
    expect(during.length).toBeGreaterThan(150);
    expect(fromCities(during)).toBeGreaterThan(0.85);
    expect(fromCities(outageMentions('vireo', SAMPLE_REPORT_PERIOD))).toBeLessThan(0.6);
    for (const language of ['en', 'es', 'fr'] as const) expect([language, during.filter((post) => post.language === language).length >= 15]).toEqual([language, true]);
  });

  it('fills the client\'s complaints of its days with the outage theme, against a small share in every other month', () => {
    const outageShare = (posts: SamplePost[]) => posts.filter((post) => holds(post, 'outage')).length / posts.length;
    const during = outageShare(onOutageDays(complaints('vireo')));
    expect(during).toBeGreaterThan(0.75);
    // Every month, the outage's included without its days, and June's short outage too (SAMPLE_EVENTS).
    const monthly = byMonth((month) => outageShare(offOutageDays(complaints('vireo')).filter((post) => madridMonth(post.createdAt) === month)));
    for (const [month, value] of monthly) expect([month, value < during / 2.5]).toEqual([month, true]);
    expect(median([...monthly.values()])).toBeLessThan(0.15);
  });

  it('makes the client answer fewer of all its mentions of those days, the outage\'s and the others, and much later', () => {
    const inbound = truth.needsAnswer(truth.inbound('vireo'));
    const during = onOutageDays(inbound);
    const rest = offOutageDays(inbound);
    expect(rate(during)).toBeLessThan(rate(rest) - 0.25);
    expect(medianTime(during)).toBeGreaterThan(4 * medianTime(rest));
    // The team is swamped: the day's other mentions wait too (on at least 30 of them, the report's low-sample line).
    const ordinary = during.filter((post) => !holds(post, 'outage'));
    expect(ordinary.length).toBeGreaterThanOrEqual(30);
    expect(rate(ordinary)).toBeLessThan(rate(rest) - 0.2);
    expect(medianTime(ordinary)).toBeGreaterThan(2 * medianTime(rest));
  });

  it('gives the outage month the client\'s most mentions, its lowest response rate and its slowest median response of the year', () => {
    const months = data.calendar.months;
    const inbound = (month: string) => truth.needsAnswer(truth.inbound('vireo', month));
    const others = months.filter((month) => month !== OUTAGE_MONTH);
    expect(inbound(OUTAGE_MONTH).length).toBeGreaterThan(1.15 * Math.max(...others.map((month) => inbound(month).length)));
    expect(rate(inbound(OUTAGE_MONTH))).toBeLessThan(Math.min(...others.map((month) => rate(inbound(month)))) - 0.02);
    expect(medianTime(inbound(OUTAGE_MONTH))).toBeGreaterThan(Math.max(...others.map((month) => medianTime(inbound(month)))) + 10);
  });

  it('is answered worse by the client than Ondanet answered its own outage earlier that month, and than the client answers outages in the report month', () => {
    const client = outageRate('vireo', OUTAGE_MONTH);
    // Ondanet's outage of 8-10 September (SAMPLE_EVENTS): the competitor with enough outage mentions to compare.
    expect(outageMentions('ondanet', OUTAGE_MONTH).length).toBeGreaterThan(30);
    expect(outageRate('ondanet', OUTAGE_MONTH)).toBeGreaterThan(client + 0.15);
    // Not the client's habit: it answers its outage mentions of the report month far better.
    expect(outageRate('vireo', SAMPLE_REPORT_PERIOD)).toBeGreaterThan(client + 0.3);
  });
});
