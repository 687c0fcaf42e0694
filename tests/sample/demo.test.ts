/** `replybench demo` end to end: sample -> database -> PDF, checked with poppler's tools. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SAMPLE_REPORT_PERIOD } from '../../src/sample/spec.js';
import { analystWordsIn, deckWords, jsonFields, pdfWords, workbookWords } from '../report/clientText.js';

let root: string;
let outDir: string;
let status: number;
let stdout = '';
let stderr = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'replybench-demo-'));
  outDir = join(root, 'demo');
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    status = await main(['demo', '--out', outDir]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}, 240_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const reportDir = () => join(outDir, 'reports', '2025-10-en');
const pdfPath = () => join(reportDir(), 'report.pdf');

describe('replybench demo', () => {
  it('exits 0, reports its steps on stderr and prints the PDF path alone on stdout', () => {
    expect(status, stderr).toBe(0);
    expect(stdout.trim()).toBe(pdfPath());
    for (const step of ['[1/4]', '[2/4]', '[3/4]', '[4/4]', 'done']) expect(stderr).toContain(step);
    expect(stderr).toContain(`for ${SAMPLE_REPORT_PERIOD}`);
    expect(stderr).toContain('0 rejected');
  });

  it('prints the import and metrics lines docs/demo.md shows it printing', () => {
    const shown = readFileSync(join(import.meta.dirname, '../../docs/demo.md'), 'utf8').split('\n');
    const lines = shown.filter((line) => / posts, | posts in the sample\)$/.test(line));
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(stderr).toContain(line);
  });

  it('leaves a project to explore: config, logo, exports, database, report files and charts', () => {
    for (const file of ['replybench.yaml', 'logo.svg', 'instagram-mapping.yaml', 'replybench.duckdb', 'exports/vireo-twitter-care.csv', 'exports/competitors-twitter-meltwater.tsv', 'exports/facebook-talkwalker.csv', 'exports/instagram-sheet.csv', 'reports/2025-10-en/report.html', 'reports/2025-10-en/metrics.csv', 'reports/2025-10-en/metrics.json']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    expect(readdirSync(join(reportDir(), 'charts')).filter((name) => name.endsWith('.svg')).length).toBeGreaterThanOrEqual(5);
    const metrics = JSON.parse(readFileSync(join(reportDir(), 'metrics.json'), 'utf8')) as { period: { label?: string }; brands: Array<{ id: string }> };
    expect(metrics.period.label).toBe(SAMPLE_REPORT_PERIOD);
    expect(metrics.brands.map((brand) => brand.id).sort()).toEqual(['kwikly', 'ondanet', 'telbo', 'vireo', 'zentel']);
  });

  it('finds each export already imported when it is imported again as docs/demo.md shows, without --platform', async () => {
    let printed = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((printed += String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const file = join(outDir, 'exports', 'facebook-talkwalker.csv');
      expect(await main(['import', file, '--timezone', 'Europe/Madrid', '--db', join(outDir, 'replybench.duckdb'), '--json'])).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const result = JSON.parse(printed) as { imported: number; alreadyImported: unknown };
    expect(result.imported).toBe(0);
    expect(result.alreadyImported).toMatchObject({ batchId: expect.any(Number) });
  });

  it('writes a PDF of several pages that names the brands, compares the month with the outage month before it and quotes real-looking mentions', () => {
    const info = execFileSync('pdfinfo', [pdfPath()], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(3);
    const text = execFileSync('pdftotext', ['-raw', pdfPath(), '-'], { encoding: 'utf8' });
    for (const name of ['Vireo Telecom', 'Telbo', 'Ondanet', 'Kwikly Mobile', 'Zentel', 'Norte Social', 'October 2025', 'What to improve', 'Oldest unanswered mentions', 'Slowest responses']) expect(text).toContain(name);
    expect(text).toMatch(/The response rate rose by [\d.]+ pts\s+compared with September 2025/);
    expect(text).toContain('@VireoCares');
    expect(text).not.toMatch(/<script|<img|=HYPERLINK|DROP TABLE|javascript:/);
  });

  it('prints the scorecard with its key and the notes on its marks on the same page (the key had fallen to the next one)', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath()], { encoding: 'utf8' }))?.[1]);
    const texts = Array.from({ length: pages }, (_, index) => execFileSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), pdfPath(), '-'], { encoding: 'utf8' }));
    const page = texts.find((text) => text.includes('Mistakes scorecard')) ?? '';
    for (const part of ['Competitor median', 'How to read the cells', 'not comparable', '† A rate or a time resting on fewer than 30 mentions']) expect(page).toContain(part);
  });

  it('shows the client no config key, JSON field, CLI flag, store table or path on any page, slide or client sheet', async () => {
    const report = reportDir();
    const fields = jsonFields(JSON.parse(readFileSync(join(report, 'metrics.json'), 'utf8')));
    const sheets = [...(await workbookWords(join(report, 'metrics.xlsx')))];
    expect(sheets.length).toBeGreaterThanOrEqual(8);
    const found = {
      pdf: analystWordsIn(pdfWords(pdfPath()), fields),
      deck: analystWordsIn(await deckWords(join(report, 'report.pptx')), fields),
      ...Object.fromEntries(sheets.map(([name, text]) => [`sheet ${name}`, analystWordsIn(text, fields)])),
    };
    expect(Object.entries(found).filter(([, words]) => words.length > 0)).toEqual([]);
  });

  it('stops at once, in one line and before writing anything, when no browser can print the PDF', async () => {
    const target = join(root, 'no-browser');
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = join(root, 'missing-chromium');
    let message = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((message += String(chunk)), true));
    try {
      expect(await main(['demo', '--out', target])).toBe(1);
    } finally {
      err.mockRestore();
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to write into a folder that holds other files', async () => {
    const foreign = join(root, 'someone-else');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep me');
    let message = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((message += String(chunk)), true));
    try {
      expect(await main(['demo', '--out', foreign])).toBe(1);
    } finally {
      err.mockRestore();
    }
    expect(message).toMatch(/already holds other files; pick a new or empty folder/);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
  });
});
