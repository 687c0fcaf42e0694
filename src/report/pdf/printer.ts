import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer';
import { CRASH_STEPS, crashPoint } from '../../crash-point.js';
import { UserError } from '../../errors.js';
import { makeTempFolder, onInterrupt } from '../../temp-files.js';
import type { PageSize } from '../html/renderHtml.js';
import { findBrowser } from './findBrowser.js';
import { launchFailure } from './launchFailure.js';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
];

export interface PrintOptions {
  pageSize: PageSize;
  /** HTML of the page footer (page numbers); a separate document with its own inline styles. */
  footerHtml: string;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Every request the page tried to make; all were refused (mention text is untrusted). */
  blockedRequests: string[];
}

export interface PrinterOptions {
  executablePath?: string;
  /**
   * The DevTools WebSocket of a Chromium that is already running, to print
   * with it instead of starting one (default: REPLYBENCH_BROWSER_WS_ENDPOINT).
   * Closing the printer then only disconnects.
   */
  browserWSEndpoint?: string;
  /** Pages printing at once (about 2 on 2 cores). */
  concurrency?: number;
}

/**
 * One Chromium reused across reports, with a small pool of pages. Every page
 * has JavaScript disabled and aborts every network request, including file:
 * URLs: the HTML carries all its assets inline.
 *
 * @example
 * const printer = await ReportPrinter.launch();
 * try { await writeReport({ ..., printer }); await writeReport({ ..., printer }); } finally { await printer.close(); }
 */
export class ReportPrinter {
  private readonly idle: Page[] = [];
  private readonly blockedLog = new Map<Page, string[]>();
  private pages = 0;
  private readonly waiting: Array<(page: Page) => void> = [];

  private constructor(
    private readonly browser: Browser,
    /** Removes the profile folder of a browser this printer started (and stops it on interruption); null when it connected to a running one. */
    private readonly started: { remove(): void } | null,
    private readonly concurrency: number,
  ) {}

  static async launch(options: PrinterOptions = {}): Promise<ReportPrinter> {
    const concurrency = Math.max(1, options.concurrency ?? 2);
    const endpoint = options.browserWSEndpoint ?? process.env.REPLYBENCH_BROWSER_WS_ENDPOINT;
    if (endpoint) {
      try {
        return new ReportPrinter(await puppeteer.connect({ browserWSEndpoint: endpoint }), null, concurrency);
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        throw new UserError(`REPLYBENCH_BROWSER_WS_ENDPOINT: cannot reach the Chromium at ${endpoint} (${reason}); start it again or unset the variable.`);
      }
    }
    const executablePath = options.executablePath ?? findBrowser();
    const profile = makeTempFolder('chromium');
    let browser: Browser;
    try {
      // Over a pipe rather than a WebSocket: Chromium reads its end of the pipe, so it exits when this process dies, however it dies.
      // Interruptions are this program's to handle (onInterrupt below; `serve` finishes the report under way first):
      // puppeteer's own handlers would end the process on Ctrl-C whatever it is doing.
      browser = await puppeteer.launch({ executablePath, headless: true, args: LAUNCH_ARGS, userDataDir: profile.path, pipe: true, handleSIGINT: false, handleSIGTERM: false });
    } catch (error) {
      profile.remove();
      throw launchFailure(executablePath, error);
    }
    // Interrupted (Ctrl-C), the browser is stopped at once rather than left to notice the closed pipe.
    const release = onInterrupt(() => browser.process()?.kill('SIGKILL'));
    crashPoint(CRASH_STEPS.reportBrowserStarted);
    const started = {
      remove: () => {
        release();
        profile.remove();
      },
    };
    return new ReportPrinter(browser, started, concurrency);
  }

  async print(html: string, options: PrintOptions): Promise<PrintResult> {
    const page = await this.acquire();
    const blockedRequests: string[] = [];
    this.blockedLog.set(page, blockedRequests);
    let healthy = false;
    try {
      // A fresh document each time: setContent rewrites the current one, which keeps the previous report's CSP and state.
      await page.goto('about:blank');
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: options.pageSize,
        preferCSSPageSize: true,
        printBackground: true,
        // Tagging (the accessibility tree) doubles print time and PDF size; the text stays extractable without it.
        tagged: false,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: options.footerHtml,
        margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
      });
      healthy = true;
      return { pdf, blockedRequests };
    } finally {
      this.release(page, healthy);
    }
  }

  /**
   * An image (a data URL, such as an SVG logo) drawn as a PNG `height` pixels
   * high, for documents that cannot show SVG (the deck). The page that draws
   * it is as locked down as the printing page.
   */
  async rasterize(dataUrl: string, height = 240): Promise<string> {
    const page = await this.acquire();
    let healthy = false;
    try {
      await page.goto('about:blank');
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent"><img style="height:${height}px;display:block" src="${dataUrl.replaceAll('"', '%22')}"></body></html>`, { waitUntil: 'load' });
      const image = await page.$('img');
      if (!image) throw new Error('rasterize: the image did not load');
      // The box from the layout, and a capture of that clip: an element screenshot first waits for the element to be seen
      // in a drawn frame, which a page that is not the browser's front one may never draw.
      const box = await image.boundingBox();
      if (!box || box.width === 0) throw new Error('rasterize: the image has no size');
      const png = await page.screenshot({ type: 'png', omitBackground: true, clip: { x: box.x, y: box.y, width: Math.ceil(box.width), height: Math.ceil(box.height) } });
      healthy = true;
      return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    } finally {
      this.release(page, healthy);
    }
  }

  async close(): Promise<void> {
    if (this.started === null) {
      // Someone else's browser: leave it running, with none of our pages.
      await Promise.all(this.idle.splice(0).map((page) => page.close().catch(() => undefined)));
      await this.browser.disconnect().catch(() => undefined);
      return;
    }
    await this.browser.close().catch(() => undefined);
    this.started.remove();
  }

  private async openPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith('data:')) {
        void request.continue();
        return;
      }
      this.blockedLog.get(page)?.push(url);
      void request.abort('blockedbyclient');
    });
    return page;
  }

  private async acquire(): Promise<Page> {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.pages < this.concurrency) {
      this.pages += 1;
      try {
        return await this.openPage();
      } catch (error) {
        this.pages -= 1;
        throw error;
      }
    }
    return new Promise<Page>((resolve) => this.waiting.push(resolve));
  }

  /** A page that failed mid-print is closed rather than reused. */
  private release(page: Page, healthy: boolean): void {
    this.blockedLog.delete(page);
    if (!healthy) {
      this.pages -= 1;
      void page.close().catch(() => undefined);
      const next = this.waiting.shift();
      if (next) {
        this.pages += 1;
        this.openPage().then(next, () => {
          this.pages -= 1;
        });
      }
      return;
    }
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }
}
