import { statSync } from 'node:fs';
import { isKnownTimezone } from '../config/timezone.js';
import { CRASH_STEPS, crashPoint } from '../crash-point.js';
import { diskFullError, isDiskFull } from '../disk-full.js';
import { UserError } from '../errors.js';
import type { Store } from '../store/database.js';
import { canonicalPlatform, KNOWN_PLATFORMS } from '../store/platforms.js';
import { closest } from '../closest.js';
import { FORMAT_CHOICES, formatById } from './formats/index.js';
import { genericFormat, loadGenericMapping } from './formats/generic.js';
import type { ExportFormat } from './formats/types.js';
import { resolve } from 'node:path';
import { type ArchiveExport, archiveExports, expandArchive, isExportArchive, memberPath, type ExpandedArchive } from './archive.js';
import { importFile, type FileImportOptions } from './import-file.js';
import type { ImportProgress } from './progress.js';
import type { FileImportResult } from './result.js';

export interface ImportRequest {
  /** `auto`, a format id, or `generic` (with `mapping`). */
  format?: string;
  /** Mapping file (YAML) for the generic format. */
  mapping?: string;
  platform?: string;
  /** IANA timezone for local times without an offset; default UTC. */
  timezone?: string;
  /**
   * Read files that were imported before again, to fill the columns a store
   * upgrade added (`import --again`): a stored post takes the file's values
   * for its empty fields, and no post is added.
   */
  again?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
  results: FileImportResult[];
  /** Files that failed: each left the database as it was (`fault`: what is wrong, without the command line's advice; see UserError). */
  failures: Array<{ path: string; message: string; fault: string }>;
}

/** Checks the request once, before any file is read. */
export function resolveImportOptions(request: ImportRequest): FileImportOptions {
  const timezone = request.timezone ?? 'UTC';
  if (!isKnownTimezone(timezone)) {
    throw new UserError(`--timezone: "${timezone}" is not a known IANA timezone; use e.g. UTC, Europe/Madrid or America/New_York.`);
  }
  let platform: string | null = null;
  if (request.platform !== undefined) {
    platform = canonicalPlatform(request.platform);
    // As a config's accounts and a mapping's platform are: a platform no config can name would be counted by nothing.
    if (!KNOWN_PLATFORMS.includes(platform)) {
      const [near] = closest(platform, KNOWN_PLATFORMS, 1);
      throw new UserError(`--platform: "${request.platform}" is not a platform replybench knows${near ? `; did you mean ${near}?` : ''} (use one of ${KNOWN_PLATFORMS.join(', ')}).`);
    }
  }
  const name = (request.format ?? 'auto').trim().toLowerCase();
  let format: ExportFormat | 'auto';
  let delimiter: string | undefined;
  if (name === 'generic' || (name === 'auto' && request.mapping !== undefined)) {
    if (request.mapping === undefined) throw new UserError('--format generic needs --mapping file.yaml, which names the id, author, date and text columns (see docs/formats.md, "generic").');
    const mapping = loadGenericMapping(request.mapping);
    format = genericFormat(mapping, request.mapping);
    delimiter = mapping.delimiter;
  } else if (name === 'auto') {
    format = 'auto';
  } else {
    const known = formatById(name);
    if (!known) throw new UserError(`--format: "${request.format}" is not a known format; use auto, ${FORMAT_CHOICES.join(', ')}.`);
    if (request.mapping !== undefined) throw new UserError(`--mapping applies only to --format generic; drop --mapping, or use --format generic.`);
    format = known;
  }
  return {
    format,
    timezone,
    platform,
    ...(delimiter ? { delimiter } : {}),
    ...(request.again ? { again: true } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  };
}

/**
 * Imports the files one after the other, each in its own transaction. A file
 * that fails with a UserError is reported and leaves the database as it was;
 * the next files are still imported. A full disk stops the import with a
 * UserError (nothing more can be written); any other error is a bug and stops.
 */
export async function importFiles(store: Store, paths: readonly string[], request: ImportRequest, onFile?: (outcome: FileImportResult | ImportOutcome['failures'][number]) => void): Promise<ImportOutcome> {
  return importWithOptions(store, paths, resolveImportOptions(request), onFile);
}

/** When to stop between two files: checked after each file has landed (the CLI stops when nobody reads its output any more). */
export interface ImportControl {
  shouldStop?: () => boolean;
}

/** `importFiles` with options already checked by `resolveImportOptions` (the CLI checks them before it opens the database). */
export async function importWithOptions(
  store: Store,
  paths: readonly string[],
  options: FileImportOptions,
  onFile?: (outcome: FileImportResult | ImportOutcome['failures'][number]) => void,
  control: ImportControl = {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { results: [], failures: [] };
  // `file` is what is read (an archive member's temporary copy), for the room a full disk lacked.
  const importOne = async (path: string, run: () => Promise<FileImportResult>, file = path): Promise<void> => {
    try {
      const result = await run();
      crashPoint(CRASH_STEPS.importBeforeCheckpoint);
      outcome.results.push(result);
      onFile?.(result);
    } catch (error) {
      // A full disk: DuckDB lost track of the blocks the rolled-back rows took, and a checkpoint now would keep them for good (the CLI trims them off the closed file).
      if (isDiskFull(error)) throw diskFullError(writtenPath(error) ?? store.path, exportSize(file), `free space there and import ${path} again (the database is as it was before it)`);
      // The transaction was rolled back, but the rows it wrote ahead still take room in the file.
      await store.reclaimSpace();
      if (!(error instanceof UserError)) throw error;
      const failure = { path, message: error.message, fault: error.fault };
      outcome.failures.push(failure);
      onFile?.(failure);
    }
    // Each file lands in the database file itself before the next starts; a checkpoint that fails is an error.
    await store.checkpoint();
  };
  for (const path of paths) {
    if (control.shouldStop?.()) break;
    if (!(await isExportArchive(path))) {
      await importOne(path, () => importFile(store, path, options));
      continue;
    }
    // Each export in an archive is a file of its own: one batch and one transaction each.
    let archive: ExpandedArchive;
    try {
      archive = await expandArchive(path);
    } catch (error) {
      await importOne(path, () => Promise.reject(error));
      continue;
    }
    try {
      let exports: ArchiveExport[];
      try {
        exports = archiveExports(path, archive);
      } catch (error) {
        await importOne(path, () => Promise.reject(error));
        continue;
      }
      for (const [index, { name, member, notes }] of exports.entries()) {
        if (index > 0 && control.shouldStop?.()) break;
        await importOne(name, () => importFile(store, member.file, options, { name, file: memberPath(resolve(path), member.name), notes }), member.file);
      }
    } finally {
      archive.cleanup();
    }
  }
  return outcome;
}

/** The file a failed Node write was writing (a temporary copy), when the error says. */
function writtenPath(error: unknown): string | null {
  return error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : null;
}

/** What a file's import may need on disk, for the full-disk message: the export's own size is a fair upper bound. */
function exportSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
