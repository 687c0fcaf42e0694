/**
 * The real Kaggle "Customer Support on Twitter" sample as plain rows, for the
 * tests that recompute metrics in TypeScript (no SQL) and compare.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface KaggleRow {
  id: string;
  author: string;
  at: number;
  text: string;
  parent: string | null;
}

export const kaggleRows: KaggleRow[] = Papa.parse<Record<string, string>>(readFileSync(new URL('../fixtures/metrics/twcs_kaggle_sample.csv', import.meta.url), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data.map((raw) => ({
  id: raw.tweet_id ?? '',
  author: (raw.author_id ?? '').toLowerCase(),
  at: Date.parse(raw.created_at ?? ''),
  text: raw.text ?? '',
  parent: raw.in_response_to_tweet_id ? String(Number(raw.in_response_to_tweet_id)) : null,
}));

/** Brands are the authors whose id is not a number (customers are anonymised to numbers). */
export const kaggleBrandIds = [...new Set(kaggleRows.map((row) => row.author).filter((author) => !/^\d+$/.test(author)))].sort();

/** The sample's month, October 2017 (UTC), and the default 7-day response window, in ms. */
export const START = Date.UTC(2017, 9, 1);
export const END = Date.UTC(2017, 10, 1);
export const WINDOW = 7 * 86_400_000;
