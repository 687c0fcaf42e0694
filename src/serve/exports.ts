import { ReorderedHeader } from '../ingest/header-again.js';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'yaml';
import { importJson } from '../cli/commands/import.js';
import { newDatabaseFootprint } from '../cli/database.js';
import { onInterrupt } from '../temp-files.js';
import { type DryRunContext, type DryRunReport, dryRunExports, LAYOUT_DATES_ADVICE } from '../ingest/dry-run.js';
import { supportSentences } from '../ingest/file-profile.js';
import { noticeText } from '../ingest/notices.js';
import { reasonCountsIn, reasonText } from '../ingest/reason-texts.js';
import { earlierImport } from '../ingest/batch.js';
import { type ImportRequest, importFiles } from '../ingest/import.js';
import type { FileImportResult } from '../ingest/result.js';
import { fileName, isExportArchive } from '../ingest/archive.js';
import { UnknownLayout } from '../ingest/choose-format.js';
import { NotAnExport } from '../ingest/source/sniff.js';
import { MAPPING_FIELDS, REQUIRED_MAPPING_FIELDS } from '../ingest/formats/generic.js';
import { exportHeader, guessedMapping } from '../ingest/mapping-guess.js';
import { isKnownTimezone } from '../config/timezone.js';
import { Store } from '../store/database.js';
import { KNOWN_PLATFORMS } from '../store/platforms.js';
import type { Language } from '../report/i18n/language.js';
import { UserError } from '../errors.js';
import type { Activities, Running } from './activity.js';
import { HttpError, requestLanguage, unknownTimezone, withoutServerPath } from './http.js';
import { receiveOneFile } from './upload.js';
import { freeName } from './free-name.js';
import { mappingFileFor, savedMappingFor } from './saved-mappings.js';
import type { Workspace } from './workspace.js';

/** What an export may be: the layouts the import reads, one file per request. */
const EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.zip']);
const PREVIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INCOMING = '.incoming';
/** An upload left waiting this long (previewed, never imported) is removed when the next one arrives: uploads may be 2 GB each. */
const WAITING_LIMIT_MS = 24 * 60 * 60 * 1000;

/** The uploads a preview is reading now: never removed as stale under it. */
const previewing = new Set<string>();

/**
 * Removes the client's uploads untouched for longer than WAITING_LIMIT_MS (each preview touches its upload), with
 * their mappings; never one a preview is reading.
 */
function removeStaleUploads(incoming: string, now = Date.now()): void {
  if (!existsSync(incoming)) return;
  for (const entry of readdirSync(incoming)) {
    if (!PREVIEW_ID.test(entry) || previewing.has(entry)) continue;
    const upload = join(incoming, entry);
    const mapping = `${upload}.mapping.yaml`;
    const touched = Math.max(lstatSync(upload).mtimeMs, existsSync(mapping) ? lstatSync(mapping).mtimeMs : 0);
    if (now - touched <= WAITING_LIMIT_MS) continue;
    rmSync(upload, { recursive: true, force: true });
    rmSync(mapping, { force: true });
  }
}

/** In a waiting upload's folder, beside the file (whose name has no leading dot): the zone its last preview read local times in, which its import uses unless it names another. */
const zoneFile = (incoming: string) => join(incoming, '.timezone');

function previewedZone(incoming: string): string | undefined {
  return existsSync(zoneFile(incoming)) ? readFileSync(zoneFile(incoming), 'utf8') : undefined;
}

/** The longest file name the exports/ folder keeps, in UTF-8 bytes (file systems allow 255): a longer one keeps its start and its extension. */
const MAX_NAME_BYTES = 200;

/** A file name as the client's exports/ folder keeps it: no folder part, no leading dot, plain characters. */
export function safeFileName(name: string): string {
  const whole = basename(name.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_');
  // From the last dot, where extname reads none in ".csv" or "..csv" (a hidden name); a name left with no stem is "export".
  const extension = whole.includes('.') ? whole.slice(whole.lastIndexOf('.')) : '';
  const stem = [...whole.slice(0, whole.length - extension.length).replace(/^[.\s]+/, '')];
  if (stem.length === 0) stem.push(...'export');
  while (Buffer.byteLength(stem.join('') + extension) > MAX_NAME_BYTES) stem.pop();
  const plain = stem.join('') + extension;
  if (!EXTENSIONS.has(extension.toLowerCase())) {
    // The name as sent, cut: it is the user's, and only quoted back.
    const sent = [...name].slice(0, 120).join('');
    throw new HttpError(400, `"${sent}": send a CSV, TSV, TXT, XLSX or ZIP export.`, { code: 'not-an-export', values: { problem: 'extension', file: sent } });
  }
  return plain;
}

/**
 * Streams the upload (multipart, field `file`) to the client's
 * exports/.incoming/<previewId>/, at most `maxBytes`, and answers what
 * importing it would do (the dry run) with the previewId an import names.
 */
export async function receiveExport(
  workspace: Workspace,
  id: string,
  request: IncomingMessage,
  maxBytes: number,
  activities: Activities,
  asked: { timezone?: unknown; language?: unknown } = {},
) {
  const zone = localTimesZone(workspace, id, asked.timezone);
  const language = requestLanguage(asked.language);
  removeStaleUploads(workspace.pathIn(id, 'exports', INCOMING));
  const previewId = randomUUID();
  const target = workspace.pathIn(id, 'exports', INCOMING, previewId);
  try {
    const file = await receiveOneFile(request, {
      what: 'the export',
      maxBytes,
      tooLarge: () =>
        new HttpError(413, `the file is larger than ${sizeText(maxBytes)}, the most an upload may be; import it with replybench import instead.`, { code: 'too-large', values: { limitBytes: String(maxBytes) } }),
      sink: async (name, stream) => {
        const written = join(target, safeFileName(name));
        mkdirSync(target, { recursive: true });
        await pipeline(stream, createWriteStream(written, { flags: 'wx' }));
        return written;
      },
    });
    writeFileSync(zoneFile(target), zone);
    let read: Awaited<ReturnType<typeof previewWithStore>>;
    try {
      read = await previewWithStore(workspace, id, file, { timezone: zone }, activities);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // A file the import refuses: the page maps its columns, starting from the best guesses; the upload waits.
      // Named as the user named it, not by its folder on the server; an empty or binary file in the page's words.
      const named = error.message.replaceAll(file, basename(file));
      if (error instanceof NotAnExport) throw new HttpError(400, named, { code: 'not-an-export', values: { problem: error.problem, file: fileName(error.file) } });
      // Two exports joined, the second's columns moved: no mapping of the columns reads both parts.
      if (error instanceof ReorderedHeader) throw new HttpError(400, named, { code: 'reordered-header', values: { file: basename(file), line: String(error.line) } });
      // An archive's refusal is its own: the column mapper reads one export, not a zip.
      const refused = new UserError(named, error.fault.replaceAll(file, basename(file)));
      if (await isExportArchive(file)) throw refused;
      const { names, delimiter, rows } = await exportHeader(file);
      if (names.length === 0) throw refused;
      const saved = savedMappingFor(workspace.folderOf(id), names, delimiter);
      return {
        previewId,
        file: basename(file),
        timezone: zone,
        preview: null,
        // Whether its content was imported is told by the mapped preview, which reads it.
        alreadyImported: null,
        // Why, with the upload named as the user named it (not by its folder on the server); none is needed for a layout the page says it does not know.
        unknownLayout: error instanceof UnknownLayout,
        // The command line's way out (--format, a mapping file) is not the page's: its mapper is.
        problem:
          refused.fault === named ? named : `${refused.fault} Map its columns: send a mapping, starting from the mapper's, to POST /api/clients/${id}/exports/${previewId}/preview, then import it.`,
        // The columns picked for an earlier export of the layout, when its mapping fits this file; else the best guesses.
        mapper: {
          fields: MAPPING_FIELDS,
          required: REQUIRED_MAPPING_FIELDS,
          columns: names,
          platforms: KNOWN_PLATFORMS,
          mapping: saved?.mapping ?? guessedMapping(names, delimiter, rows),
          savedMapping: saved?.file ?? null,
        },
      };
    }
    return { previewId, file: basename(file), timezone: zone, preview: shownPreview(read.preview, language), alreadyImported: read.alreadyImported, mapper: null };
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw withoutServerPath(error, target);
  }
}

/**
 * The dry run of an upload, with what the client's database says of it: the posts it holds already, and an earlier
 * import of the same content. While an import of this process writes the database, neither is known; else the
 * preview reads it as one of its readers, so an import asked for meanwhile waits until it has closed it.
 */
async function previewWithStore(workspace: Workspace, id: string, path: string, request: ImportRequest, activities: Activities) {
  const read = async (busy: boolean) => {
    // A zip of one export is previewed as that export; the page shows one preview per upload.
    const outcomes = await dryRunExports(path, request, previewContext(workspace, id, busy));
    const [outcome] = outcomes;
    if (outcome === undefined || outcomes.length > 1) {
      throw new HttpError(400, `${basename(path)} holds ${outcomes.length} exports: the page previews one export per upload; upload each on its own, or import the archive with replybench import.`, {
        code: 'not-an-export',
        values: { problem: 'several-exports', file: basename(path), count: String(outcomes.length) },
      });
    }
    if (outcome.error) throw outcome.error;
    const preview = outcome.report;
    return { preview, alreadyImported: busy ? null : await importedBefore(workspace, id, preview.sha256) };
  };
  return activities.importing(id) ? read(true) : activities.reading(id, () => read(false));
}

/**
 * The earlier import of the same content, which importing it again adds
 * nothing to: said before the import. A database that cannot tell (none yet,
 * or one without posts) has none.
 */
async function importedBefore(workspace: Workspace, id: string, sha256: string): Promise<{ batchId: number; importedAt: string } | null> {
  try {
    const earlier = await workspace.readData(id, null, (store) => earlierImport(store, sha256));
    return earlier === null ? null : { batchId: earlier.batchId, importedAt: earlier.importedAt };
  } catch (error) {
    if (error instanceof UserError || error instanceof HttpError) return null;
    throw error;
  }
}

/**
 * What a preview looks at beyond the file: the client's database, whose posts it counts (none when the config names
 * none the page may read: the import says why; not opened while an import of this process writes it), and the
 * client's timezone, the file's days are counted in.
 */
function previewContext(workspace: Workspace, id: string, busy: boolean): DryRunContext {
  let database: string | null = null;
  try {
    database = workspace.databaseOf(id);
  } catch (error) {
    if (!(error instanceof UserError || error instanceof HttpError)) throw error;
  }
  return { database, databaseBusy: busy, daysIn: workspace.timezoneOf(id) };
}

/** The preview of a waiting upload read again: with a generic mapping (the page's column mapper, as the user picks), or as its own layout in another zone. */
export async function previewAgain(workspace: Workspace, id: string, previewId: string, body: unknown, activities: Activities) {
  const { file, path, incoming } = waitingUpload(workspace, id, previewId, activities);
  const now = new Date();
  utimesSync(incoming, now, now);
  previewing.add(previewId);
  try {
    return await previewWaiting(workspace, id, previewId, { file, path, incoming }, body, activities);
  } catch (error) {
    throw withoutServerPath(error, incoming);
  } finally {
    previewing.delete(previewId);
  }
}

async function previewWaiting(
  workspace: Workspace,
  id: string,
  previewId: string,
  { file, path, incoming }: { file: string; path: string; incoming: string },
  body: unknown,
  activities: Activities,
) {
  const mappingPath = `${incoming}.mapping.yaml`;
  const { mapping, timezone, language } = (body ?? {}) as { mapping?: unknown; timezone?: unknown; language?: unknown };
  const zone = localTimesZone(workspace, id, timezone, previewedZone(incoming));
  const shownIn = requestLanguage(language);
  if (mapping === undefined || mapping === null) {
    // No mapping: the upload read again as its own layout, in another zone or language.
    const read = await previewWithStore(workspace, id, path, { timezone: zone }, activities);
    writeFileSync(zoneFile(incoming), zone);
    return { previewId, file, timezone: zone, preview: shownPreview(read.preview, shownIn), alreadyImported: read.alreadyImported, mapper: null };
  }
  writeFileSync(mappingPath, stringify(checkedMapping(mapping)));
  try {
    const read = await previewWithStore(workspace, id, path, { format: 'generic', mapping: mappingPath, timezone: zone }, activities);
    // Kept only once a preview has read the rows in it: a refused one changes nothing the import would read.
    writeFileSync(zoneFile(incoming), zone);
    const preview = shownPreview(read.preview, shownIn);
    return { previewId, file, timezone: zone, preview: { ...preview, format: { ...preview.format, label: MAPPED_LABEL[shownIn] } }, alreadyImported: read.alreadyImported, mapper: null };
  } catch (error) {
    throw error instanceof UserError ? new HttpError(400, error.message.replace(`${mappingPath}: `, 'mapping: ')) : error;
  }
}

/**
 * The zone of local times written without an offset: the one the page names, else the one the upload was last
 * previewed in, else the client's, as `replybench import` in its folder.
 */
function localTimesZone(workspace: Workspace, id: string, timezone: unknown, previewed?: string): string {
  if (timezone === undefined || timezone === null || timezone === '') return previewed !== undefined && isKnownTimezone(previewed) ? previewed : workspace.timezoneOf(id);
  if (typeof timezone !== 'string' || !isKnownTimezone(timezone)) throw unknownTimezone('timezone', timezone);
  return timezone;
}

/** The format of an export read through the page's column mapper, in the page's language. */
const MAPPED_LABEL: Record<Language, string> = {
  en: 'generic CSV, with the columns mapped here',
  es: 'CSV genérico, con las columnas asignadas aquí',
  fr: 'CSV générique, avec les colonnes associées ici',
};

/** The dry run as the page shows it: the file's name without its folder; its warnings, reasons and what it supports in the page's language. */
function shownPreview(preview: DryRunReport, language: Language): DryRunReport {
  return {
    ...preview,
    path: fileName(preview.path),
    rows: preview.rows.map((row) => (row.rejected === null ? row : { ...row, rejected: reasonText(row.rejected, language) })),
    rejectedByReason: reasonCountsIn(preview.rejectedByReason, language),
    warnings: preview.notices.map((notice) => noticeText(notice, language)),
    profile: { ...preview.profile, supports: supportSentences(preview.profile, language) },
    unreadDates: preview.unreadDates && { ...preview.unreadDates, advice: preview.unreadDates.advice === LAYOUT_DATES_ADVICE ? PAGE_DATES_ADVICE : preview.unreadDates.advice },
  };
}

/** LAYOUT_DATES_ADVICE in the API's words: the mapper, not --format, reads the file another way. */
const PAGE_DATES_ADVICE = "check the timezone the upload is read in, or map the file's columns with a date.format (a mapping sent to the upload's preview)";

/**
 * The mapping as saved for `replybench import --mapping`: with the zone the page read local times in as its
 * date.timezone (unless it names one), so that next month's import of the same layout from the terminal, which
 * takes no --timezone from the page, reads its times as the page did.
 */
function withZone(mapping: unknown, timezone: string): unknown {
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) return mapping;
  const { date } = mapping as { date?: unknown };
  if (date !== undefined && (date === null || typeof date !== 'object' || Array.isArray(date))) return mapping;
  const named = (date ?? {}) as Record<string, unknown>;
  return named.timezone === undefined ? { ...mapping, date: { ...named, timezone } } : mapping;
}

/** The mapping the page sent, refused when it is no object. */
function checkedMapping(mapping: unknown): object {
  if (mapping === null || typeof mapping !== 'object') throw new HttpError(400, 'mapping: give the columns of the export, as a generic mapping (docs/formats.md, "generic").');
  return mapping;
}

/** The upload waiting under `previewId`: its file's name and path. */
function waitingUpload(workspace: Workspace, id: string, previewId: unknown, activities: Activities): { file: string; path: string; incoming: string } {
  if (typeof previewId !== 'string' || !PREVIEW_ID.test(previewId)) throw new HttpError(400, 'previewId: give the previewId the upload answered.');
  const incoming = workspace.pathIn(id, 'exports', INCOMING, previewId);
  const [file] = existsSync(incoming) ? readdirSync(incoming).filter((name) => !name.startsWith('.')) : [];
  // An import running may have taken it (the same upload imported twice at once): said as that import, not as an upload gone.
  if (file === undefined) activities.refuseWhileBusy(id, 'import');
  if (file === undefined) throw new HttpError(404, `no upload ${previewId} waiting to be imported: upload the file again.`, { code: 'upload-gone' });
  return { file, path: join(incoming, file), incoming };
}

/**
 * Imports a previewed upload: the file moves into exports/ (a new name if one
 * is taken) and into the client's store, whole or not at all. With a
 * `mapping` (the column mapper's), it is saved as mappings/<export>.yaml, the
 * file `replybench import --format generic --mapping` reads, and used.
 */
export async function importPreviewed(workspace: Workspace, id: string, body: unknown, activities: Activities) {
  const { previewId, mapping, timezone, language } = (body ?? {}) as { previewId?: unknown; mapping?: unknown; timezone?: unknown; language?: unknown };
  const shownIn = requestLanguage(language);
  const { file: name, path, incoming } = waitingUpload(workspace, id, previewId, activities);
  const zone = localTimesZone(workspace, id, timezone, previewedZone(incoming));
  try {
    return await activities.during(id, 'import', name, (running) => importWaiting(workspace, id, { name, path, incoming, mapping, timezone: zone, language: shownIn }, running));
  } catch (error) {
    // A refusal from deeper down (a mapping's, a reader's) names files by their place on the server: here, by the client's folder.
    throw withoutServerPath(error, workspace.folderOf(id));
  }
}

async function importWaiting(
  workspace: Workspace,
  id: string,
  { name, path, incoming, mapping, timezone, language }: { name: string; path: string; incoming: string; mapping: unknown; timezone: string; language: Language },
  running: Running,
) {
  const folder = workspace.folderOf(id);
  const exports = workspace.pathIn(id, 'exports');
  let request: ImportRequest = { timezone };
  const saved = mapping === undefined || mapping === null ? null : mappingFileFor(folder, name, checkedMapping(withZone(mapping, timezone)));
  if (saved !== null) request = { ...request, format: 'generic', mapping: saved.path };
  const destination = freeName(exports, name);
  const database = workspace.databaseOf(id);
  renameSync(path, destination);
  let imported = false;
  // Stopped at once (a second Ctrl-C), the upload goes back to wait under its previewId rather than sit in exports/ unimported.
  const putBack = onInterrupt(() => {
    if (!imported) renameSync(destination, path);
  });
  // A database this import creates is not left behind empty when it is refused: the client reads as before its first import.
  const footprint = newDatabaseFootprint(database);
  try {
    const store = await Store.open(database);
    try {
      await store.trackQueryProgress();
      const outcome = await importFiles(store, [destination], { ...request, onProgress: (progress) => running.importProgress(progress, () => store.queryProgress()) });
      const failure = outcome.failures[0];
      // Named as the user named the upload, not by its place on the server.
      // What is wrong, without the command line's advice (--format, --timezone), which no request can take.
      if (failure) throw new HttpError(400, failure.fault.replaceAll(destination, name));
      imported = true;
      // Content imported before adds nothing: when its first copy is in exports/ still, a second copy would only mislead.
      const kept = await firstCopyKept(store, outcome.results, exports);
      if (kept !== null) rmSync(destination, { force: true });
      // Times as the page writes them: in the client's zone; each file named as `replybench import` in the client's folder names it (the first copy, when this one went).
      const zone = workspace.timezoneOf(id);
      const files = outcome.results.map((result) => ({ ...importJson(result, language, zone), path: relative(folder, kept ?? result.path) }));
      return { files, mapping: request.mapping === undefined ? null : relative(folder, request.mapping) };
    } finally {
      store.close();
      if (!imported) footprint.discard();
    }
  } finally {
    putBack();
    // A failed import leaves the upload waiting under its previewId, to be imported again once fixed.
    if (imported) {
      rmSync(incoming, { recursive: true, force: true });
      rmSync(`${incoming}.mapping.yaml`, { force: true });
    } else {
      renameSync(destination, path);
      // A mapping the import could not use is not offered to the next upload of the layout.
      if (saved?.created) rmSync(saved.path, { force: true });
    }
  }
}

/** The first copy in `exports` of the file imported, when it was imported before (adding nothing) from a file still there; else null. */
async function firstCopyKept(store: Store, results: readonly FileImportResult[], exports: string): Promise<string | null> {
  // One upload is one file (a zip of several is refused before): its one result.
  const [result, ...others] = results;
  if (result === undefined || others.length > 0 || !result.alreadyImported) return null;
  const earlier = await earlierImport(store, result.sha256);
  return earlier && dirname(earlier.file) === exports && existsSync(earlier.file) ? earlier.file : null;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB` : `${Math.round(bytes / 1024)} KB`;
}
