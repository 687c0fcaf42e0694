/**
 * The behaviours the sample is built to show, checked on the generated posts
 * themselves (the ground truth, before any export or import).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { madridMonth, madridParts } from '../../src/sample/clock.js';
import { generateSampleData, type SampleData } from '../../src/sample/generate.js';
import type { SamplePost } from '../../src/sample/model.js';
import { SAMPLE_REPORT_PERIOD } from '../../src/sample/spec.js';
import { GroundTruth, median } from './ground-truth.js';

const WINDOW_MS = 7 * 24 * 3_600_000;
let data: SampleData;
let truth: GroundTruth;

beforeAll(() => {
  data = generateSampleData();
  truth = new GroundTruth(data);
});

const inboundOf = (brandId: string, month?: string): SamplePost[] => truth.inbound(brandId, month);
const answered = (mentions: SamplePost[], brandId: string): number[] => truth.answered(mentions, brandId);
const rate = (brandId: string, month = SAMPLE_REPORT_PERIOD): number => truth.responseRate(brandId, month);
/** Reply text reduced to its template: no handles, digits, signatures, names or URLs. */
const template = (post: SamplePost): string =>
  post.text
    .replace(/@\w+/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\s(\^[A-Z]{2}|-[A-Z][a-z]+|-[A-Z]{2})$/, '')
    .replace(/\b[A-ZÁÉÍÓÚ][a-záéíóúñ]+,/, 'NAME,')
    .replace(/[A-Z]{2}-\d+|\d+([.,]\d+)?/g, '#')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
const topShare = (posts: SamplePost[], top: number): number => {
  const counts = new Map<string, number>();
  for (const post of posts) counts.set(template(post), (counts.get(template(post)) ?? 0) + 1);
  const largest = [...counts.values()].sort((a, b) => b - a).slice(0, top);
  return largest.reduce((sum, n) => sum + n, 0) / posts.length;
};

describe('the sample story', () => {
  it('spans thirteen full months (Oct 2024 to Oct 2025) with a convincing volume', () => {
    expect(data.calendar.months).toHaveLength(13);
    expect(data.calendar.months[0]).toBe('2024-10');
    expect(data.calendar.months[12]).toBe(SAMPLE_REPORT_PERIOD);
    expect(data.posts.length).toBeGreaterThan(20_000);
    expect(data.posts.length).toBeLessThan(40_000);
    for (const month of data.calendar.months) expect(data.posts.filter((post) => madridMonth(post.createdAt) === month).length).toBeGreaterThan(1500);
  });

  it('is internally consistent: unique ids, replies after their parents, nothing after the export cutoff', () => {
    const keys = new Set(data.posts.map((post) => `${post.platform}:${post.id}`));
    expect(keys.size).toBe(data.posts.length);
    expect(data.posts.filter((post) => post.parent).length).toBeGreaterThan(1000);
    for (const post of data.posts) {
      expect(post.createdAt).toBeLessThan(data.calendar.cutoff);
      if (post.parent) {
        expect(post.createdAt).toBeGreaterThanOrEqual(post.parent.createdAt);
        expect(keys.has(`${post.parent.platform}:${post.parent.id}`)).toBe(true);
      }
    }
  });

  it('has daily and weekly rhythms: quiet small hours, quieter weekends', () => {
    const mentions = data.posts.filter((post) => post.role === 'mention');
    const hour = (post: SamplePost) => madridParts(post.createdAt).hour;
    const night = mentions.filter((post) => hour(post) >= 3 && hour(post) < 6).length;
    const midday = mentions.filter((post) => hour(post) >= 11 && hour(post) < 14).length;
    expect(night * 8).toBeLessThan(midday);
    const weekend = mentions.filter((post) => madridParts(post.createdAt).weekday >= 5).length / 2;
    const weekday = mentions.filter((post) => madridParts(post.createdAt).weekday < 5).length / 5;
    expect(weekday).toBeGreaterThan(weekend * 1.25);
  });

  it('the client answers most mentions within a few hours, slower at night and at weekends', () => {
    expect(rate('vireo')).toBeGreaterThan(0.7);
    const all = answered(inboundOf('vireo'), 'vireo');
    expect(median(all)).toBeLessThan(120);
    expect(all.filter((minutes) => minutes <= 240).length / all.length).toBeGreaterThan(0.7);
    const when = (post: SamplePost) => madridParts(post.createdAt);
    const office = inboundOf('vireo').filter((post) => when(post).weekday < 5 && when(post).hour >= 10 && when(post).hour < 18);
    const offHours = inboundOf('vireo').filter((post) => when(post).weekday >= 5 || when(post).hour < 6 || when(post).hour >= 23);
    expect(median(answered(offHours, 'vireo'))).toBeGreaterThan(2 * median(answered(office, 'vireo')));
  });

  it('Telbo mostly broadcasts; the client mostly replies', () => {
    const replyShare = (brandId: string) => {
      const own = data.posts.filter((post) => post.brandId === brandId);
      return own.filter((post) => post.parent && post.parent.brandId !== brandId).length / own.length;
    };
    expect(replyShare('telbo')).toBeLessThan(0.2);
    expect(replyShare('vireo')).toBeGreaterThan(0.8);
    expect(rate('telbo')).toBeLessThan(0.25);
  });

  it('Ondanet answers with the same few templates and agent signatures; the client writes each answer', () => {
    const answers = (brandId: string) => data.posts.filter((post) => post.brandId === brandId && post.role === 'answer');
    expect(topShare(answers('ondanet'), 6)).toBeGreaterThan(0.9);
    expect(topShare(answers('vireo'), 6)).toBeLessThan(0.3);
    const signed = answers('ondanet').filter((post) => /\s(\^JD|\^MR|-Ana|-Luis)$/.test(post.text));
    expect(signed.length).toBe(answers('ondanet').length);
    expect(rate('ondanet')).toBeGreaterThan(0.55);
  });

  it('Kwikly is fast but answers few', () => {
    expect(rate('kwikly')).toBeLessThan(0.35);
    expect(median(answered(inboundOf('kwikly', SAMPLE_REPORT_PERIOD), 'kwikly'))).toBeLessThan(15);
    expect(median(answered(inboundOf('vireo', SAMPLE_REPORT_PERIOD), 'vireo'))).toBeGreaterThan(20);
  });

  it('Zentel sends the same promotion to people who had not written to it', () => {
    const spam = data.posts.filter((post) => post.role === 'spam');
    expect(spam.length).toBeGreaterThan(500);
    expect(new Set(spam.map((post) => post.brandId))).toEqual(new Set(['zentel']));
    const wroteToZentel = new Map<string, number[]>();
    for (const post of inboundOf('zentel')) wroteToZentel.set(post.author, [...(wroteToZentel.get(post.author) ?? []), post.createdAt]);
    for (const post of spam) {
      const recipient = /^@(\w+) /.exec(post.text)?.[1] ?? '';
      const earlier = (wroteToZentel.get(recipient) ?? []).filter((t) => t < post.createdAt && t >= post.createdAt - WINDOW_MS);
      expect(earlier).toEqual([]);
    }
    const sameText = new Map<string, Set<string>>();
    for (const post of spam) {
      const text = post.text.replace(/^@\w+ /, '');
      sameText.set(text, (sameText.get(text) ?? new Set()).add(post.text));
    }
    expect(Math.max(...[...sameText.values()].map((recipients) => recipients.size))).toBeGreaterThanOrEqual(5);
  });

  it('customers write follow-ups in the thread; the client drops most of them, Ondanet answers more', () => {
    const followUpAnswered = (brandId: string) => {
      const followUps = data.posts.filter((post) => post.role === 'follow-up' && post.targets.includes(brandId));
      return { count: followUps.length, share: answered(followUps, brandId).length / followUps.length };
    };
    expect(followUpAnswered('vireo').count).toBeGreaterThan(500);
    expect(followUpAnswered('vireo').share).toBeLessThan(0.4);
    expect(followUpAnswered('ondanet').share).toBeGreaterThan(followUpAnswered('vireo').share + 0.15);
  });

  it('has influencers, sentiment labels, and Spanish and French mentions', () => {
    const mentions = data.posts.filter((post) => post.role === 'mention');
    expect(mentions.filter((post) => post.followers >= 10_000).length).toBeGreaterThan(100);
    expect(new Set(mentions.map((post) => post.sentiment))).toEqual(new Set(['negative', 'neutral', 'positive']));
    for (const language of ['es', 'fr'] as const) expect(mentions.filter((post) => post.language === language).length / mentions.length).toBeGreaterThan(0.08);
  });

  it('reads like real customers: no markup, script, SQL, local link or formula in any post', () => {
    expect(data.posts.filter((post) => post.hostile)).toEqual([]);
    const attacks = /<|=HYPERLINK|DROP TABLE|javascript:|file:\/\/|\{\{/i;
    expect(data.posts.filter((post) => attacks.test(post.text)).map((post) => post.text)).toEqual([]);
    // A cell starting with = + - or @SUM is a formula to a spreadsheet; tweets start with an @handle, never @ and a function.
    expect(data.posts.filter((post) => /^[=+-]|^@[A-Z]+\(/.test(post.text)).map((post) => post.text)).toEqual([]);
  });
});
