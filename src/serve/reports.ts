import { createReadStream, lstatSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { withAnalysis } from '../analysis/analysis.js';
import { CONFIG_FILE } from '../config/load.js';
import type { Config } from '../config/types.js';
import { configAgainstData, type ConfigWarning, likelyTypos, TYPO_MIN_POSTS } from '../analysis/config-check.js';
import { emptyPeriodSentence, noPostsSentence, whereTheDataIs } from '../analysis/empty-period.js';
import { openImportedDatabase } from '../cli/database.js';
import type { ReportPrinter } from '../report/pdf/printer.js';
import { projectReportFolder, REPORT_FILE_NAMES, ReportFolderHeld, reportFolderHolder } from '../report/report-folder.js';
import { isRealFolder } from '../paths.js';
import type { Activities } from './activity.js';
import { logoOf } from './logo.js';
import { askedPeriod } from './periods.js';
import { commonHeaders, HttpError, REPORT_POLICY, requestLanguage } from './http.js';
import type { Workspace } from './workspace.js';
import { metricsOf } from '../metrics/compute.js';

const FOLDER = /^\d{4}-[0-9Q-]+(-to-[0-9-]+)?-[a-z]{2}$/;
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ReportFiles {
  folder: string;
  /** analystNotes: the analyst's notes (analyst-notes.xlsx), which stay with the agency. */
  files: { pdf: string | null; pptx: string | null; xlsx: string | null; html: string | null; analystNotes: string | null };
}

/** A report just written: its files, and the client's reports with it, in the order the client's summary lists them. */
export interface WrittenReport extends ReportFiles {
  reports: string[];
}

/** Writes the client's report of `period` in `language` into reports/<period>-<language>/ and answers the URLs of its files. */
export async function generateReport(
  workspace: Workspace,
  id: string,
  body: unknown,
  printer: () => Promise<ReportPrinter>,
  activities: Activities,
): Promise<WrittenReport> {
  const { period, language, allowUnmatchedHandles } = (body ?? {}) as { period?: unknown; language?: unknown; allowUnmatchedHandles?: unknown };
  const config = workspace.configToRead(id);
  const asked = askedPeriod(period, config.timezone);
  const lang = requestLanguage(language ?? config.report.language);
  const outDir = projectReportFolder(config, asked.label, lang);
  const folder = basename(outDir);
  // Nothing read or written outside the client's folder, whatever a config edited elsewhere names or a link points to.
  workspace.unlinkedPathIn(id, 'reports', folder);
  refuseOutsideFiles(workspace, id, config);
  // Refused before the analysis, not after it: a report of the period a terminal is writing into the same folder.
  const holder = reportFolderHolder(outDir);
  // This process's own report of it is the client's running action: refused as busy below.
  if (holder !== null && holder !== process.pid) throw new ReportFolderHeld(`reports/${folder}: another replybench (process ${holder}) is writing this report; wait until it ends.`, holder);
  return activities.during(id, 'report', asked.label, async (running) => {
    const store = await openImportedDatabase(workspace.databaseOf(id));
    try {
      const noPosts = await noPostsSentence(store, asked, config.timezone);
      if (noPosts !== null) throw new HttpError(422, `period: ${noPosts}`, { code: 'bad-period', values: { period: asked.label, problem: 'no-data' } });
      const { writeReport } = await import('../report/index.js');
      const written = await withAnalysis(store, config, asked, async (analysis) => {
        const { warnings } = await configAgainstData(analysis);
        if (allowUnmatchedHandles !== true) refuseLikelyTypos(warnings);
        // A month of other accounts' posts only, the brands posting in others: a report of zeros, not written.
        const metrics = await metricsOf(analysis);
        const elsewhere = await whereTheDataIs(analysis, metrics);
        if (elsewhere !== null) {
          throw new HttpError(422, `period: ${emptyPeriodSentence(asked, elsewhere)}`, {
            code: 'bad-period',
            // The days of the brands' nearest posts, before and after the period, which the page's sentence names: the
            // problem says which of the two the data has.
            values: {
              period: asked.label,
              problem: elsewhere.lastBefore === null ? 'no-brand-data-after' : elsewhere.firstAfter === null ? 'no-brand-data-before' : 'no-brand-data',
              ...(elsewhere.lastBefore === null ? {} : { before: elsewhere.lastBefore }),
              ...(elsewhere.firstAfter === null ? {} : { after: elsewhere.firstAfter }),
            },
          });
        }
        return writeReport({ config, analysis, metrics, outDir, lang, printer: await printer(), onStep: running.reportStep });
      });
      const url = (path: string | null) => (path === null ? null : fileUrl(id, folder, path.split('/').pop() ?? ''));
      return {
        folder,
        files: { pdf: url(written.pdf), pptx: url(written.pptx), xlsx: url(written.xlsx), html: url(written.html), analystNotes: url(written.analystNotes) },
        reports: workspace.reportsOf(id),
      };
    } finally {
      store.close();
    }
  });
}

/**
 * The logo and template a config edited by hand may name outside the client's folder: the page's report reads neither.
 * A logo the page cannot show (gone, damaged, not an image) is refused as its logo field says it, before the analysis.
 */
function refuseOutsideFiles(workspace: Workspace, id: string, config: Config): void {
  const logo = config.report.agency?.logo;
  const { problem } = logoOf(workspace, id);
  if (logo !== undefined && problem === 'outside-folder') {
    throw new HttpError(400, `${CONFIG_FILE}: report.agency.logo: "${logo}" is outside the client's folder; send the logo in the page, or name a file inside the folder.`, { code: 'bad-logo', values: { problem } });
  }
  if (logo !== undefined && problem !== null) {
    throw new HttpError(400, `${CONFIG_FILE}: report.agency.logo: "${logo}" cannot be read as an image (moved, damaged, or not a PNG, JPEG or SVG); send the logo in the page, or take the key away.`, {
      code: 'bad-logo',
      // Not the page's own upload gone meanwhile (`unreadable`, said of a logo just picked): the one the config names.
      values: { problem: 'config-unreadable' },
    });
  }
  const template = config.report.template;
  if (template !== undefined && !workspace.holds(id, template)) {
    throw new HttpError(400, `${CONFIG_FILE}: report.template: "${template}" is outside the client's folder; copy the template into the folder and name it there.`);
  }
}

/** A misspelt handle would print its brand without data, or leave an account's posts out: the report waits for the handle to be corrected, unless asked to write it anyway. */
function refuseLikelyTypos(warnings: readonly ConfigWarning[]): void {
  const typos = likelyTypos(warnings);
  const [first] = typos;
  if (!first) return;
  const said = typos.map((typo) => `${typo.key} (${typo.brand}): ${typo.message}`).join('; ');
  throw new HttpError(422, `${CONFIG_FILE}: ${said} Correct the handle in the brands form and save, or send allowUnmatchedHandles: true to write the report anyway.`, {
    code: 'likely-typo',
    // Another account of the brand matches there: the report would not show the brand without data, it would leave the posts of the account out.
    values: {
      brand: first.brand,
      handle: first.value,
      // The account the refusal rests on: the nearest with enough posts, not a customer spelt nearer with one or two.
      closest: first.closest.find((candidate) => candidate.posts >= TYPO_MIN_POSTS)?.name ?? '',
      platform: first.platform ?? '',
      ...(first.brandUnmatched ? {} : { problem: 'other-accounts' }),
    },
  });
}

function fileUrl(id: string, folder: string, file: string): string {
  return `/api/clients/${id}/reports/${folder}/${file}`;
}

/** An earlier report of the client: the URLs of the files its folder holds (null for a format it was not written in). */
export function earlierReport(workspace: Workspace, id: string, folder: string): ReportFiles {
  const path = reportFolder(workspace, id, folder);
  const url = (file: string) => (regularFile(join(path, file)) ? fileUrl(id, folder, file) : null);
  return { folder, files: { pdf: url('report.pdf'), pptx: url('report.pptx'), xlsx: url('metrics.xlsx'), html: url('report.html'), analystNotes: url('analyst-notes.xlsx') } };
}

/** A report folder of the client: reports/ and the folder themselves, not links (a link's files are not the client's). */
function reportFolder(workspace: Workspace, id: string, folder: string): string {
  const reports = join(workspace.folderOf(id), 'reports');
  if (!FOLDER.test(folder) || !isRealFolder(reports) || !isRealFolder(join(reports, folder))) throw new HttpError(404, `no report ${folder}.`);
  return join(reports, folder);
}

function regularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** The words of the report's file names in its language, for the names the files are downloaded under (plain ASCII). */
const DOWNLOAD_WORDS: Record<string, Record<string, string>> = {
  es: { report: 'informe', metrics: 'metricas', themes: 'temas', 'analyst-notes': 'notas-del-analista' },
  fr: { report: 'rapport', metrics: 'metriques', themes: 'sujets', 'analyst-notes': 'notes-de-l-analyste' },
};

/** The name a report's file is downloaded under, in the report's language (its folder ends with it): the client receives it. */
function downloadName(file: string, folder: string): string {
  const words = DOWNLOAD_WORDS[folder.slice(-2)] ?? {};
  return file.replace(/^[a-z-]+/, (stem) => words[stem] ?? stem);
}

/** One file of a written report: a known name in a report folder of the client, a regular file (no link followed). */
export function sendReportFile(workspace: Workspace, id: string, folder: string, file: string, response: ServerResponse): void {
  if (!FOLDER.test(folder) || !(REPORT_FILE_NAMES as readonly string[]).includes(file)) throw new HttpError(404, 'no such report file.');
  const path = join(reportFolder(workspace, id, folder), file);
  let size: number;
  try {
    const stats = lstatSync(path);
    if (!stats.isFile()) throw new Error('not a file');
    size = stats.size;
  } catch {
    throw new HttpError(404, `no ${file} in the report ${folder}.`);
  }
  const extension = file.split('.').pop() ?? '';
  const inline = extension === 'html';
  response.writeHead(200, {
    ...commonHeaders(),
    'content-type': TYPES[extension] ?? 'application/octet-stream',
    'content-length': String(size),
    'content-security-policy': REPORT_POLICY,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${id}-${folder}-${downloadName(file, folder)}"`,
  });
  createReadStream(path).pipe(response);
}
