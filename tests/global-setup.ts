/**
 * Once per test run, before any test file: one Chromium that every report
 * test prints with (ReportPrinter.launch connects to it through
 * REPLYBENCH_BROWSER_WS_ENDPOINT, which the test processes inherit), and the
 * demo's sample exports written and imported once into a store the tests
 * open read-only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../src/report/pdf/findBrowser.js';
import { SAMPLE_DATA_DIR } from '../src/sample/paths.js';
import { importFiles } from '../src/ingest/import.js';
import { writeSampleExports } from '../src/sample/index.js';
import { Store } from '../src/store/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the sample exports, as `replybench demo` writes them. */
    sampleExportsDir: string;
    /** A store holding the sample exports, imported as the demo does (open it read-only). */
    sampleDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'replybench-tests-'));
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
    userDataDir: join(dir, 'chromium'),
  });
  process.env.REPLYBENCH_BROWSER_WS_ENDPOINT = browser.wsEndpoint();

  const exportsDir = join(dir, 'exports');
  const { files } = writeSampleExports(exportsDir);
  const database = join(dir, 'sample.duckdb');
  const store = await Store.open(database);
  try {
    for (const file of files) {
      const mapping = file.mapping ? { mapping: join(SAMPLE_DATA_DIR, file.mapping) } : {};
      const outcome = await importFiles(store, [file.path], { format: 'auto', timezone: file.timezone, ...mapping });
      if (outcome.failures.length > 0) throw new Error(`global setup: the sample did not import: ${JSON.stringify(outcome.failures)}`);
    }
  } finally {
    store.close();
  }
  project.provide('sampleExportsDir', exportsDir);
  project.provide('sampleDatabase', database);

  return async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
