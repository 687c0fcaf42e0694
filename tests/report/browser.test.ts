import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../src/report/pdf/findBrowser.js';
import { ReportPrinter } from '../../src/report/pdf/printer.js';

const existing = process.execPath;

describe('browser discovery', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH, then a system Chromium, then puppeteer’s own', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: existing }, ['/nope'], () => '/nope')).toBe(existing);
    expect(findBrowser({}, ['/nope', existing], () => '/nope')).toBe(existing);
    expect(findBrowser({}, ['/nope'], () => existing)).toBe(existing);
  });

  it('says how to install one when there is none', () => {
    const none = () => findBrowser({}, ['/nope'], () => {
      throw new Error('Could not find Chrome');
    });
    expect(none).toThrow(UserError);
    expect(none).toThrow(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).toContain('apt-get install chromium');
    expect(NO_BROWSER_MESSAGE).toContain('npx puppeteer browsers install chrome');
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
  });

  it('names a PUPPETEER_EXECUTABLE_PATH that does not exist', () => {
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' }, [existing], () => existing)).toThrow('/no/such/chrome');
  });
});

describe('a running Chromium (REPLYBENCH_BROWSER_WS_ENDPOINT)', () => {
  const html = '<!doctype html><html><body><p>hello</p></body></html>';

  it('is printed with, and left running when the printer closes', async () => {
    expect(process.env.REPLYBENCH_BROWSER_WS_ENDPOINT).toMatch(/^ws:\/\//);
    for (let round = 0; round < 2; round++) {
      const printer = await ReportPrinter.launch();
      const { pdf } = await printer.print(html, { pageSize: 'A4', footerHtml: '<span></span>' });
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      await printer.close();
    }
  });

  it('that cannot be reached is a one-line error naming the variable', async () => {
    await expect(ReportPrinter.launch({ browserWSEndpoint: 'ws://127.0.0.1:9/devtools/browser/none' })).rejects.toThrow(
      /^REPLYBENCH_BROWSER_WS_ENDPOINT: cannot reach the Chromium at ws:\/\/127\.0\.0\.1:9\/devtools\/browser\/none \(.+\); start it again or unset the variable\.$/,
    );
  });
});
