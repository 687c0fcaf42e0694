/**
 * Once per test run, before any test file: one Chromium that every report
 * test prints with (ReportPrinter.launch connects to it through
 * REPLYBENCH_BROWSER_WS_ENDPOINT, which the test processes inherit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { findBrowser } from '../src/report/pdf/findBrowser.js';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'replybench-tests-'));
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
    userDataDir: join(dir, 'chromium'),
  });
  process.env.REPLYBENCH_BROWSER_WS_ENDPOINT = browser.wsEndpoint();

  return async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
