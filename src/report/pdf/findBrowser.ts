import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';
import { UserError } from '../../errors.js';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const NO_BROWSER_MESSAGE =
  'no Chromium found to print the PDF; install one with "apt-get install chromium" (or "npx puppeteer browsers install chrome"), or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary.';

/**
 * Which browser prints: PUPPETEER_EXECUTABLE_PATH, then a system Chromium,
 * then the one puppeteer downloaded. `env` and `systemPaths` are parameters
 * so tests can check the order and the message without touching the machine.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = SYSTEM_BROWSERS, puppeteerPath: () => string = () => puppeteer.executablePath()): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new UserError(`PUPPETEER_EXECUTABLE_PATH: "${fromEnv}" does not exist; fix the variable or unset it to use the system Chromium.`);
  }
  const system = systemPaths.find((path) => existsSync(path));
  if (system) return system;
  try {
    const downloaded = puppeteerPath();
    if (downloaded && existsSync(downloaded)) return downloaded;
  } catch {
    // puppeteer throws when it has no browser of its own: fall through to the advice.
  }
  throw new UserError(NO_BROWSER_MESSAGE);
}
