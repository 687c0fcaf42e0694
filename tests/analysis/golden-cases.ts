/**
 * The numbers that must not move when the analysis is rebuilt: the metrics,
 * diagnostics, themes and report facts of the demo month, of the demo quarter in
 * questions-only mode, and of the real Kaggle sample, each computed through
 * the real import and the public library calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { importFiles } from '../../src/ingest/import.js';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { metricsOf } from '../../src/metrics/compute.js';
import { diagnosticsOf } from '../../src/metrics/diagnostics/index.js';
import { readStoreFacts } from '../../src/report/model/storeFacts.js';
import { themesOf, withThemes } from '../../src/themes/index.js';
import { writeSampleExports } from '../../src/sample/index.js';
import { SAMPLE_DATA_DIR } from '../../src/sample/paths.js';
import { SAMPLE_REPORT_PERIOD } from '../../src/sample/spec.js';
import { Store } from '../../src/store/database.js';
import { kaggleBrandIds } from '../metrics/kaggle-sample.js';

export const GOLDEN_DIR = new URL('../fixtures/golden/', import.meta.url);

export interface GoldenCase {
  name: string;
  config: Config;
  period: string;
}

/** Everything a run prints or draws for one case, as plain JSON. */
export async function goldenOutput(store: Store, config: Config, period: string): Promise<unknown> {
  return withAnalysis(store, config, period, async (analysis) => {
    const metrics = await metricsOf(analysis);
    metrics.diagnostics = await diagnosticsOf(analysis);
    const themes = await themesOf(analysis);
    const facts = await readStoreFacts(analysis);
      const imports = facts.imports.map(({ file, ...counts }) => ({ file: file.replace(/^.*[\\/]/, ''), ...counts }));
    return JSON.parse(JSON.stringify({ metrics: withThemes(metrics, themes), facts: { ...facts, imports } })) as unknown;
  });
}

/** The demo's exports imported into a fresh store (as `replybench demo` does). */
export async function demoStore(dir: string): Promise<Store> {
  const { files } = writeSampleExports(join(dir, 'exports'));
  const store = await Store.open(join(dir, 'demo.duckdb'));
  for (const file of files) {
    const mapping = file.mapping ? { mapping: join(SAMPLE_DATA_DIR, file.mapping) } : {};
    const outcome = await importFiles(store, [file.path], { format: 'auto', timezone: file.timezone, ...mapping });
    if (outcome.failures.length > 0) throw new Error(`sample import failed: ${JSON.stringify(outcome.failures)}`);
  }
  return store;
}

export async function kaggleStore(dir: string): Promise<Store> {
  const store = await Store.open(join(dir, 'kaggle.duckdb'));
  const path = new URL('../fixtures/metrics/twcs_kaggle_sample.csv', import.meta.url).pathname;
  const outcome = await importFiles(store, [path], { format: 'auto', timezone: 'UTC' });
  if (outcome.failures.length > 0) throw new Error(`kaggle import failed: ${JSON.stringify(outcome.failures)}`);
  return store;
}

export function demoConfig(overrides: Record<string, unknown> = {}): Config {
  const config = loadConfig(join(SAMPLE_DATA_DIR, 'replybench.yaml'));
  return { ...config, metrics: { ...config.metrics, ...overrides } };
}

export function kaggleConfig(): Config {
  return parseConfig(
    {
      client: 'applesupport',
      brands: kaggleBrandIds.map((id) => ({ id, accounts: { twitter: [id] } })),
      metrics: { influencerFollowers: 1000 },
    },
    'kaggle.yaml',
    '/tmp',
  );
}

/** Every case, computed in a temporary folder that is removed afterwards. */
export async function computeGoldenCases(): Promise<Map<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'replybench-golden-'));
  const out = new Map<string, unknown>();
  try {
    const demo = await demoStore(dir);
    try {
      out.set('demo-month', await goldenOutput(demo, demoConfig(), SAMPLE_REPORT_PERIOD));
      out.set('demo-quarter-questions', await goldenOutput(demo, demoConfig({ inbound: 'questions', clockStart: 'latest' }), '2025-Q3'));
    } finally {
      demo.close();
    }
    const kaggle = await kaggleStore(dir);
    try {
      out.set('kaggle-2017-10', await goldenOutput(kaggle, kaggleConfig(), '2017-10'));
    } finally {
      kaggle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
