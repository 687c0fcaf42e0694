/**
 * Once per test run, before any test file: one Chromium that every report
 * test prints with (ReportPrinter.launch connects to it through
 * REPLYBENCH_BROWSER_WS_ENDPOINT, which the test processes inherit), and one
 * temporary folder (TMPDIR, inherited the same way) that holds every file a
 * test writes and goes with the run, whatever a test left in it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { findBrowser } from '../src/report/pdf/findBrowser.js';

export default async function setup(): Promise<() => Promise<void>> {
  // Short: Chromium's socket path, under a test's own TMPDIR inside this one, must stay within 108 bytes.
  const dir = mkdtempSync(join(tmpdir(), 'rb-'));
  const scratch = join(dir, 't');
  mkdirSync(scratch);
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
    userDataDir: join(dir, 'chromium'),
  });
  process.env.REPLYBENCH_BROWSER_WS_ENDPOINT = browser.wsEndpoint();
  process.env.TMPDIR = scratch;

  return async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
