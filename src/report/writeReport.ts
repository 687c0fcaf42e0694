import { Analysis } from '../analysis/analysis.js';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { metricsOf } from '../metrics/compute.js';
import { diagnosticsOf } from '../metrics/diagnostics/index.js';
import { metricsCsv } from '../metrics/format/csv.js';
import type { MetricsReport } from '../metrics/types.js';
import type { Store } from '../store/database.js';
import { themesCsv } from '../themes/format.js';
import { themesIfTheyFit, withThemes } from '../themes/index.js';
import type { ThemesReport } from '../themes/types.js';
import { buildImprovements } from './advice/improvements.js';
import type { ImprovementItem } from './advice/types.js';
import { renderFooterHtml, renderReportHtml, type PageSize } from './html/renderHtml.js';
import { isLanguage, LANGUAGE_LIST, type Language } from './i18n/language.js';
import { buildReportModel } from './model/buildModel.js';
import { noPostsMessage } from './noPosts.js';
import { readStoreFacts, type StoreFacts } from './model/storeFacts.js';
import { withDocumentInfo } from './pdf/document-info.js';
import { ReportPrinter } from './pdf/printer.js';
import { REPORT_FORMATS, type ReportFormat } from './formats.js';
import { buildDeck } from './pptx/buildDeck.js';
import { CHARTS_FOLDER, ReportFolder } from './report-folder.js';
import type { ReportStep } from './steps.js';
import { ReportTemplate } from './template.js';
import { buildWorkbook } from './xlsx/buildWorkbook.js';

export interface WriteReportOptions {
  config: Config;
  /**
   * The analysis of the period, already built (the metrics, diagnostics,
   * examples, the answered-over-time curve and import records are read from it).
   */
  analysis?: Analysis;
  /** Without `analysis`: the store to analyse (one analysis is built for this report, then closed). */
  store?: Store;
  /** Metrics already computed for the period; computed from the analysis when absent. */
  metrics?: MetricsReport;
  /** "2017-10", "2017-Q4" or "2017-10-01..2017-10-15"; needed with `store` when `metrics` is absent. */
  period?: string;
  /** Folder that receives report.pdf, report.pptx, report.html, metrics.xlsx, analyst-notes.xlsx, metrics.csv (and themes.csv), metrics.json and charts/*.svg (created if needed). */
  outDir: string;
  /**
   * The output folder already taken (ReportFolder.open(outDir)), so that no
   * other report can write there from the start of a long run; the caller
   * releases it. Without it the folder is taken here, for the writing only.
   */
  folder?: ReportFolder;
  /** Default: the config's report.language. */
  lang?: Language;
  /** Default: the config's report.pageSize. */
  pageSize?: PageSize;
  /** A browser reused across reports; without one, a browser is started and closed for this report. */
  printer?: ReportPrinter;
  /**
   * "What to improve" items; the section is left out when empty. When
   * undefined and a store is given, they are diagnosed from the store (and the
   * diagnostics added to metrics.json); null leaves the section out.
   */
  improvements?: ImprovementItem[] | null;
  /** Skip the PDF, as leaving pdf out of `formats` does: no browser needed. */
  skipPdf?: boolean;
  /** The files to write (default: all); metrics.json is always written, and without pdf no browser is needed. */
  formats?: readonly ReportFormat[];
  /** Date printed on the cover (default: now). */
  generatedAt?: Date;
  /** Told as each step of the report starts, for a progress display. */
  onStep?: (step: ReportStep) => void;
}

export interface WrittenReport {
  outDir: string;
  pdf: string | null;
  /** report.pptx, null when not written. */
  pptx: string | null;
  /** metrics.xlsx, null when not written. */
  xlsx: string | null;
  /** analyst-notes.xlsx, written with the workbook: the notes for the agency's analyst, not for the client. */
  analystNotes: string | null;
  /** Where report.html and metrics.csv are; each is written only when `formats` names it (html, csv). */
  html: string;
  csv: string;
  json: string;
  charts: string[];
  metrics: MetricsReport;
  /** Requests the printing page tried to make (all refused); empty for a well-formed template. */
  blockedRequests: string[];
  /** What the analyst should know of this report (a section left out for want of memory), one line each. */
  warnings: string[];
}

/** Writes one client report; see src/report/index.ts for the contract. */
export async function writeReport(options: WriteReportOptions): Promise<WrittenReport> {
  const language = options.lang ?? options.config.report.language;
  if (!isLanguage(language)) throw new UserError(`--lang: "${String(language)}" is not a report language; use ${LANGUAGE_LIST}.`);
  if (options.analysis || !options.store) return writeAnalysedReport(options, options.analysis ?? null, language);
  const period = options.period ?? options.metrics?.period.label;
  if (!period) throw new Error('writeReport needs `analysis`, `metrics`, or `store` and `period`');
  const analysis = await Analysis.build(options.store, options.config, period);
  try {
    return await writeAnalysedReport(options, analysis, language);
  } finally {
    analysis.close();
  }
}

async function writeAnalysedReport(options: WriteReportOptions, analysis: Analysis | null, language: Language): Promise<WrittenReport> {
  const { config } = options;
  const step = options.onStep ?? (() => undefined);
  step('metrics');
  let metrics = options.metrics ?? (analysis ? await metricsOf(analysis) : null);
  if (!metrics) throw new Error('writeReport needs `analysis`, `metrics`, or `store` and `period`');
  if (metrics.dataQuality.posts === 0) throw new UserError(noPostsMessage(metrics.period));
  // What people write about: computed with the analysis, unless the metrics given already carry it.
  const warnings: string[] = [];
  let themesLeftOut = false;
  if (analysis && !metrics.brands.some((brand) => brand.themes !== undefined)) {
    step('themes');
    const { themes, leftOut } = await themesIfTheyFit(analysis);
    if (themes) metrics = withThemes(metrics, themes);
    else {
      warnings.push(leftOut);
      themesLeftOut = true;
    }
  }
  const template = ReportTemplate.open(config.report.template, config.baseDir, config.source);
  let improvements = options.improvements ?? null;
  if (options.improvements === undefined && analysis) {
    step('diagnostics');
    if (!metrics.diagnostics) metrics = { ...metrics, diagnostics: await diagnosticsOf(analysis) };
    improvements = buildImprovements(metrics, language, { template });
  }
  step('pages');
  const facts: StoreFacts | null = analysis ? await readStoreFacts(analysis) : null;
  const pageSize = options.pageSize ?? config.report.pageSize;
  const formats = new Set<ReportFormat>(options.formats ?? REPORT_FORMATS);
  if (options.skipPdf) formats.delete('pdf');
  const { model, t } = await buildReportModel({ metrics, config, facts, template, language, improvements, generatedAt: options.generatedAt, themesLeftOut });
  const html = renderReportHtml(model, template, t, pageSize);

  const folder = options.folder ?? ReportFolder.open(options.outDir, 'outDir');
  step('files');
  // One browser prints the PDF and, for the deck, draws an SVG logo as a PNG.
  const svgLogo = model.agency.logoDataUrl?.startsWith('data:image/svg+xml') === true;
  let printer: ReportPrinter | null = null;
  try {
    const htmlPath = formats.has('html') ? folder.write('report.html', html) : folder.finalPath('report.html');
    const csv = formats.has('csv') ? folder.write('metrics.csv', metricsCsv(metrics)) : folder.finalPath('metrics.csv');
    if (formats.has('csv') && metrics.brands.some((brand) => brand.themes !== undefined)) folder.write('themes.csv', themesCsv(themesReportOf(metrics)));
    const json = folder.write('metrics.json', `${JSON.stringify(metrics, null, 2)}\n`);
    printer = formats.has('pdf') || (formats.has('pptx') && svgLogo) ? (options.printer ?? (await ReportPrinter.launch())) : null;
    // The deck's logo is drawn first (a fraction of a second).
    const logoPng = formats.has('pptx') && printer && svgLogo && model.agency.logoDataUrl ? await printer.rasterize(model.agency.logoDataUrl) : null;
    // Chromium prints the PDF while this process writes the deck and the workbook.
    const footerLeft = [model.agency.name, model.client.name, model.period.label].filter(Boolean).join(' · ');
    const printing = printer && formats.has('pdf') ? printer.print(html, { pageSize, footerHtml: renderFooterHtml(template, t, footerLeft) }) : null;
    // Awaited below; until then a failure of the deck must not leave its rejection unhandled.
    printing?.catch(() => undefined);
    let pptx: string | null = null;
    if (formats.has('pptx')) pptx = folder.write('report.pptx', await buildDeck({ model, t, logoPng }));
    let xlsx: string | null = null;
    let analystNotes: string | null = null;
    if (formats.has('xlsx')) {
      xlsx = folder.write('metrics.xlsx', await buildWorkbook(model.workbook));
      analystNotes = folder.write('analyst-notes.xlsx', await buildWorkbook(model.analystWorkbook));
    }
    const charts = Object.values(model.charts).flatMap((chart) => {
      if (chart.svg === null || !formats.has('svg')) return [];
      return [folder.write(`${CHARTS_FOLDER}/${chart.id}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg}\n`)];
    });

    let blockedRequests: string[] = [];
    let pdf: string | null = null;
    if (printing) {
      const result = await printing;
      const title = [model.client.name, model.title, model.period.label].join(' · ');
      pdf = folder.write('report.pdf', withDocumentInfo(result.pdf, { title, agency: model.agency.name, created: options.generatedAt ?? new Date() }));
      blockedRequests = result.blockedRequests;
    }
    // Every file is complete: only now do they replace the previous report's.
    folder.commit();
    return { outDir: folder.dir, pdf, pptx, xlsx, analystNotes, html: htmlPath, csv, json, charts, metrics, blockedRequests, warnings };
  } finally {
    if (!options.folder) folder.release();
    if (printer && !options.printer) await printer.close();
  }
}

/** The themes the metrics carry, as `replybench themes` reports them. */
function themesReportOf(metrics: MetricsReport): ThemesReport {
  return { period: metrics.period, brands: metrics.brands.map((brand) => ({ id: brand.id, name: brand.name, role: brand.role, themes: brand.themes ?? [] })) };
}
