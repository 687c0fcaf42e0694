import { execFileSync } from 'node:child_process';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { Coverage, MetricsReport } from '../../src/metrics/types.js';
import { metricsFixtureConfig, metricsFixtureStore } from './fixtureStore.js';

/** October 2017 of the metrics fixture store (tests/report/fixtureStore.ts), computed by computeMetrics as a report run computes it. */
export async function computeFixtureMetrics(client?: string): Promise<MetricsReport> {
  const store = await metricsFixtureStore();
  try {
    return await computeMetrics(store, metricsFixtureConfig(client), '2017-10');
  } finally {
    store.close();
  }
}

/** Computed once per test file, for the tests that need the numbers synchronously. */
const FIXTURE_METRICS = await computeFixtureMetrics();

/** A fresh copy of the fixture metrics (a test may change it). */
export function fixtureMetrics(): MetricsReport {
  return structuredClone(FIXTURE_METRICS);
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Text of the whole PDF (or one page), with every kind of space folded to a plain space. */
export function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return foldSpaces(execFileSync('pdftotext', [...range, pdf, '-'], { encoding: 'utf8' }));
}

export function foldSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ');
}

export interface TextLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Lines of one page with their boxes in PDF points (pdftotext -bbox-layout). */
export function pdfLines(pdf: string, page: number): { width: number; height: number; lines: TextLine[] } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const pageBox = /<page width="([\d.]+)" height="([\d.]+)"/.exec(xml);
  const lines: TextLine[] = [];
  for (const match of xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
    const words = [...(match[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => decodeEntities(word[1] ?? ''));
    lines.push({ text: words.join(' '), xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
  }
  return { width: Number(pageBox?.[1]), height: Number(pageBox?.[2]), lines };
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** One page rasterised in grey (pdftoppm -pgm); pixels 0 (black) .. 255 (white). */
export function rasterPage(pdf: string, page: number, dpi: number): { width: number; height: number; pixels: Uint8Array } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height)) };
}

/** Share of pixels darker than near-white inside a box given in PDF points. */
export function inkShare(raster: { width: number; height: number; pixels: Uint8Array }, pageWidthPt: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const scale = raster.width / pageWidthPt;
  const x0 = Math.max(0, Math.floor(box.x0 * scale));
  const x1 = Math.min(raster.width, Math.ceil(box.x1 * scale));
  const y0 = Math.max(0, Math.floor(box.y0 * scale));
  const y1 = Math.min(raster.height, Math.ceil(box.y1 * scale));
  let ink = 0;
  for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) if ((raster.pixels[y * raster.width + x] ?? 255) < 235) ink += 1;
  return ink / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** The words a reader sees in a report's HTML: no styles, no chart markup, tags dropped, entities decoded, spaces folded. */
export function htmlText(html: string): string {
  const text = html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return foldSpaces(decodeEntities(text.replace(/&#39;/g, "'"))).trim();
}

/** A brand's coverage with nothing in it: every count 0, no span, no warning. */
export function emptyCoverage(): Coverage {
  return {
    brandPosts: 0,
    inboundMeasured: 0,
    massMentions: 0,
    closers: 0,
    inboundWithListedResponses: 0,
    listedResponsesMissing: 0,
    outsideOwnPosts: 0,
    ownPosts: { first: null, last: null, gaps: [] },
    replies: 0,
    repliesWithMissingParent: 0,
    accountsTracked: 1,
    topAuthor: null,
    span: { first: null, last: null, daysWithData: 0, spanDays: 0, periodDays: 31, busiestDay: null, busiestDayMentions: 0, busiestDayShare: null },
    warnings: [],
  };
}
