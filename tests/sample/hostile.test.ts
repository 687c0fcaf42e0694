/**
 * Hostile texts through the sample's whole path, with the generator's
 * test-only option (the demo's own data holds none): the export writers keep
 * them, escaped where the format escapes; the import stores them as they were
 * written; the report prints them as plain text, runs and loads nothing, and
 * writes no formula into the workbook.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { importFiles } from '../../src/ingest/import.js';
import { writeReport, type WrittenReport } from '../../src/report/index.js';
import { madridMonth } from '../../src/sample/clock.js';
import { generateSampleData, type SampleData } from '../../src/sample/generate.js';
import { renderSampleExports } from '../../src/sample/index.js';
import { SAMPLE_DATA_DIR } from '../../src/sample/paths.js';
import { DEFAULT_SEED, SAMPLE_REPORT_PERIOD } from '../../src/sample/spec.js';
import { Store } from '../../src/store/database.js';
import { FORMULA_TEXTS, HOSTILE_SAMPLE, HOSTILE_TEXTS } from '../fixtures/sample/hostile.js';
import { GroundTruth } from './ground-truth.js';

type Rendered = ReturnType<typeof renderSampleExports>;

let dir: string;
let data: SampleData;
let files: Rendered;
let store: Store;
let report: WrittenReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'replybench-hostile-'));
  data = generateSampleData(DEFAULT_SEED, { hostileTexts: HOSTILE_SAMPLE });
  files = renderSampleExports(data);
  mkdirSync(join(dir, 'exports'));
  store = await Store.open(join(dir, 'hostile.duckdb'));
  for (const file of files) {
    const path = join(dir, 'exports', file.name);
    writeFileSync(path, file.content);
    const mapping = file.mapping ? { mapping: join(SAMPLE_DATA_DIR, file.mapping) } : {};
    const outcome = await importFiles(store, [path], { format: 'auto', timezone: file.timezone, ...mapping });
    expect(outcome.failures).toEqual([]);
  }
  const config = loadConfig(join(SAMPLE_DATA_DIR, 'replybench.yaml'));
  report = await writeReport({ config, store, period: SAMPLE_REPORT_PERIOD, outDir: join(dir, 'report'), formats: ['pdf', 'html', 'xlsx'], generatedAt: new Date('2025-11-09T10:00:00Z') });
}, 240_000);

afterAll(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const hostilePosts = () => data.posts.filter((post) => post.hostile);
const content = (name: string): string => {
  const file = files.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`no ${name}`);
  return file.content.toString('utf8');
};

describe('the sample with hostile texts (a test-only option)', () => {
  it('adds them to the demo\'s posts and changes no other post', () => {
    const key = (post: SampleData['posts'][number]) => `${post.platform} ${post.id} ${post.createdAt} ${post.author} ${post.parent?.id ?? ''} ${post.text}`;
    const expected = Object.values(HOSTILE_SAMPLE).reduce((sum, texts) => sum + texts.length, 0);
    expect(hostilePosts()).toHaveLength(expected);
    expect(data.posts.filter((post) => !post.hostile).map(key)).toEqual(generateSampleData().posts.map(key));
  });

  it('puts them among the client\'s unanswered mentions of the report month', () => {
    const truth = new GroundTruth(data);
    for (const post of hostilePosts()) {
      expect(post.targets).toEqual(['vireo']);
      expect(madridMonth(post.createdAt)).toBe(SAMPLE_REPORT_PERIOD);
      expect(truth.responseMinutes(post, 'vireo')).toBeNull();
    }
    const texts = hostilePosts().map((post) => post.text).join('\n');
    for (const text of [...HOSTILE_TEXTS, ...FORMULA_TEXTS]) expect(texts).toContain(text);
  });

  it('are written escaped in twcs (as the Kaggle data escapes), as they are in Talkwalker, quoted in the semicolon sheet', () => {
    const twcs = content('vireo-twitter-care.csv');
    expect(twcs).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(twcs).not.toContain('<script>');
    expect(content('facebook-talkwalker.csv')).toContain('<script>alert(1)</script>');
    expect(content('facebook-talkwalker.csv')).toContain('"=HYPERLINK(""http://evil.example"",""click for refund"")"');
    expect(content('instagram-sheet.csv')).toContain('"<%= process.exit(1) %>');
  });

  it('are stored by the import exactly as they were written', async () => {
    const stored = await store.rows('stored texts', z.object({ platform: z.string(), post_id: z.string(), text: z.string() }), 'SELECT platform, post_id, text FROM posts');
    const byKey = new Map(stored.map((row) => [`${row.platform}:${row.post_id}`, row.text]));
    expect(hostilePosts().length).toBeGreaterThan(5);
    for (const post of hostilePosts()) expect([post.platform, byKey.get(`${post.platform}:${post.id}`)]).toEqual([post.platform, post.text]);
  });

  it('print in the PDF as visible text, with nothing run and nothing loaded, and stay escaped in the HTML', () => {
    const text = execFileSync('pdftotext', ['-raw', report.pdf ?? '', '-'], { encoding: 'utf8' });
    for (const needle of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'file:///etc/passwd', '=HYPERLINK(', 'DROP TABLE posts']) expect(text).toContain(needle);
    expect(report.blockedRequests).toEqual([]);
    const html = readFileSync(report.html, 'utf8');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('are text cells in the workbook, never formulas', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(report.xlsx ?? '');
    const cells = book.worksheets.flatMap((sheet) => {
      const found: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => found.push(cell)));
      return found;
    });
    const formula = cells.find((cell) => String(cell.value).startsWith('=HYPERLINK('));
    expect(formula?.type).toBe(ExcelJS.ValueType.String);
    expect(formula?.numFmt).toBe('@');
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
  });
});
