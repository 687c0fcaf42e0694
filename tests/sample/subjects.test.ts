/**
 * What the sample's customers write about, checked on the generated posts:
 * the subjects the sample config's themes name are written with the theme's
 * words in every language; billing is steady, roaming peaks in the summer.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { madridMonth } from '../../src/sample/clock.js';
import { generateSampleData, type SampleData } from '../../src/sample/generate.js';
import type { SamplePost } from '../../src/sample/model.js';
import { SAMPLE_DATA_DIR } from '../../src/sample/paths.js';
import type { IssueTopic } from '../../src/sample/texts.js';
import { themeWords } from '../../src/themes/words.js';
import { median } from './ground-truth.js';

const THEMED: readonly IssueTopic[] = ['billing', 'coverage', 'outage', 'roaming'];

let data: SampleData;
let themes: Record<string, readonly string[]>;

beforeAll(() => {
  data = generateSampleData();
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
