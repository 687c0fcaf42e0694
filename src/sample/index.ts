/**
 * The sample data of `replybench demo`: a fictional client telecom and four
 * competitors over thirteen months, written as real export formats.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSampleData, type SampleData } from './generate.js';
import { DEFAULT_SEED } from './spec.js';
import { writeMeltwater } from './writers/meltwater.js';
import { writeSheet } from './writers/sheet.js';
import { writeTalkwalker } from './writers/talkwalker.js';
import { writeTwcs } from './writers/twcs.js';

export { sampleCalendar } from './calendar.js';
export { generateSampleData, type SampleData } from './generate.js';
export type { SamplePost } from './model.js';
export { DEFAULT_SEED, SAMPLE_BRANDS, SAMPLE_REPORT_PERIOD } from './spec.js';

export type SampleFormat = 'twcs' | 'talkwalker' | 'meltwater' | 'generic';

export interface SampleFile {
  /** File name inside the output folder. */
  name: string;
  format: SampleFormat;
  /** Timezone of the local times the file writes without an offset (the --timezone to import it with). */
  timezone: string;
  /** What the file holds, in words. */
  holds: string;
  /** For the generic format: the mapping file (in sample-data/) that reads it. */
  mapping?: string;
}

export interface RenderedSampleFile extends SampleFile {
  /** Data rows (posts) in the file, header excluded. */
  rows: number;
  content: Buffer;
}

export interface SampleExport extends Omit<RenderedSampleFile, 'content'> {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * What each file holds, as an agency would pull them: the client's own
 * Twitter care export, a listening tool's search for each competitor on
 * Twitter, every brand's Facebook page from another listening tool, and an
 * Instagram spreadsheet kept by hand.
 */
export const SAMPLE_FILES: readonly SampleFile[] = [
  { name: 'vireo-twitter-care.csv', format: 'twcs', timezone: 'UTC', holds: "the client's Twitter conversations (its care tool's export, Kaggle twcs layout)" },
  { name: 'competitors-twitter-meltwater.tsv', format: 'meltwater', timezone: 'Europe/Madrid', holds: "the four competitors' Twitter conversations (Meltwater, one search per competitor)" },
  { name: 'facebook-talkwalker.csv', format: 'talkwalker', timezone: 'Europe/Madrid', holds: "all five brands' Facebook pages (Talkwalker)" },
  { name: 'instagram-sheet.csv', format: 'generic', timezone: 'Europe/Madrid', holds: "all five brands' Instagram (a spreadsheet, read with instagram-mapping.yaml)", mapping: 'instagram-mapping.yaml' },
];

/** Renders the three export files (bytes) from generated data. */
export function renderSampleExports(data: SampleData): RenderedSampleFile[] {
  const clientId = data.brands.find((brand) => brand.role === 'client')?.id ?? '';
  return SAMPLE_FILES.map((file) => {
    const written =
      file.format === 'twcs'
        ? utf8(writeTwcs(data.posts, clientId))
        : file.format === 'talkwalker'
          ? utf8(writeTalkwalker(data.posts, data.brands, data.seed))
          : file.format === 'meltwater'
            ? writeMeltwater(data.posts, data.brands, data.seed)
            : utf8(writeSheet(data.posts, data.brands));
    return { ...file, rows: written.rows, content: written.content };
  });
}

/** Generates the sample and writes its export files into `dir` (created if needed). */
export function writeSampleExports(dir: string, seed: string = DEFAULT_SEED): { data: SampleData; files: SampleExport[] } {
  const data = generateSampleData(seed);
  mkdirSync(dir, { recursive: true });
  const files = renderSampleExports(data).map(({ content, ...file }): SampleExport => {
    const path = join(dir, file.name);
    writeFileSync(path, content);
    return { ...file, path, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  });
  return { data, files };
}

function utf8(written: { text: string; rows: number }): { content: Buffer; rows: number } {
  return { content: Buffer.from(written.text, 'utf8'), rows: written.rows };
}
