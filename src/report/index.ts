/**
 * The PDF report: metrics -> report model -> Vega-Lite charts (SVG) -> HTML
 * (report-templates/) -> PDF (Chromium via puppeteer).
 *
 * Public contract (stable; other modules and `replybench demo` rely on it)
 * -----------------------------------------------------------------------
 *   const printer = await ReportPrinter.launch();          // one Chromium, reused
 *   try {
 *     const written = await writeReport({
 *       config,                 // Config from loadConfig()
 *       store,                  // open Store: examples, response times, import records
 *       period: '2017-10',      // or pass `metrics` (a MetricsReport) instead of computing
 *       outDir: 'out/acme',     // gets report.pdf, report.pptx, report.html, metrics.xlsx, analyst-notes.xlsx, metrics.csv, themes.csv, metrics.json, charts/*.svg
 *       lang: 'es',             // default: config.report.language
 *       printer,                // omit to start and close a browser for this one report
 *       improvements,           // optional ImprovementItem[] ("What to improve")
 *       formats: ['pdf', 'xlsx'], // optional: what to write (default: all of REPORT_FORMATS; metrics.json always)
 *     });
 *     console.log(written.pdf);
 *   } finally {
 *     await printer.close();
 *   }
 *
 * `writeReport` throws `UserError` for problems the user can fix (no browser,
 * bad template folder, missing logo, bad language, a period without posts).
 * Reports may print in parallel on one printer, but each concurrent call
 * needs its own Store (the metrics use temporary tables on the store's
 * connection).
 */
export { REPORT_STEPS, type ReportStep } from './steps.js';
export { writeReport, type WriteReportOptions, type WrittenReport } from './writeReport.js';
export { REPORT_FORMATS, parseFormats, type ReportFormat } from './formats.js';
export { ReportPrinter, type PrinterOptions, type PrintOptions, type PrintResult } from './pdf/printer.js';
export { findBrowser, NO_BROWSER_MESSAGE } from './pdf/findBrowser.js';
export { ReportTemplate, DEFAULT_TEMPLATE_DIR } from './template.js';
export { LANGUAGES, isLanguage, type Language } from './i18n/language.js';
export type { PageSize } from './html/renderHtml.js';
