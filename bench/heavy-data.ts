/**
 * The heavy bench's inputs, made with import-data.ts's generator and cached in
 * .cache/bench/: twcs CSVs whose posts all fall in one month (2025-10, UTC),
 * with 10 brands, about 62% of the posts inbound mentions of a brand, about
 * 58% of those answered by a brand reply (1 minute to 3 days later, log-uniform),
 * and about 1% brand broadcasts; and a config naming the 10 brands' handles.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TWCS_BRANDS, writeTwcsCsv, type TwcsShape } from './import-data.js';

export const HEAVY_PERIOD = '2025-10';
const SPAN = { start: Date.UTC(2025, 9, 1), end: Date.UTC(2025, 10, 1) };
const BRANDS = TWCS_BRANDS.slice(0, 10);
const MAX_DELAY_MIN = 3 * 24 * 60;

/**
 * Per slot: 2.15% broadcasts; otherwise a mention, answered 53% of the time,
 * and a quarter of the answered ones get a follow-up mention that is answered
 * too: 1.13 mentions and 0.66 replies per conversation.
 */
const HEAVY_SHAPE: TwcsShape = {
  brands: BRANDS,
  unanswered: 0.47,
  followUp: 0.25,
  broadcast: 0.0215,
  delayMs: (next) => Math.floor(60_000 * Math.exp(next() * Math.log(MAX_DELAY_MIN))),
};

export interface HeavyFile {
  path: string;
  rows: number;
  /** Seconds spent generating it, null when it came from the cache. */
  generatedIn: number | null;
}

/**
 * The month's file of `rows` posts; `second` is a different file of the same
 * month and brands (another seed, ids from 1,000,000,001) to add to a store
 * that holds the first.
 */
export async function heavyCsv(folder: string, rows: number, second = false): Promise<HeavyFile> {
  const path = join(folder, `heavy-${HEAVY_PERIOD}-${rows}${second ? '-second' : ''}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return { path, rows, generatedIn: null };
  const started = performance.now();
  await writeTwcsCsv(path, rows, { seed: second ? 4242 : 42, firstId: second ? 1_000_000_001 : 1, span: SPAN, shape: HEAVY_SHAPE });
  return { path, rows, generatedIn: (performance.now() - started) / 1000 };
}

/** The config naming the 10 brands (the first is the client), written next to the data. */
export function heavyConfig(folder: string): string {
  const path = join(folder, `heavy-${HEAVY_PERIOD}.yaml`);
  mkdirSync(folder, { recursive: true });
  const brands = BRANDS.map((handle) => `  - id: ${handle.toLowerCase()}\n    name: ${handle}\n    accounts: { twitter: [${handle}] }\n`);
  writeFileSync(path, `# The heavy bench's 10 brands (bench/heavy-data.ts writes this file).\nclient: ${BRANDS[0]?.toLowerCase()}\ntimezone: UTC\nbrands:\n${brands.join('')}`);
  return path;
}
