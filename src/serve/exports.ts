import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { importJson } from '../cli/commands/import.js';
import { dryRunFile } from '../ingest/dry-run.js';
import { importFiles } from '../ingest/import.js';
import { Store } from '../store/database.js';
import { HttpError } from './http.js';
import type { Workspace } from './workspace.js';

/** What an export may be: the layouts the import reads, one file per request. */
const EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.zip']);
const PREVIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INCOMING = '.incoming';

/** A file name as the client's exports/ folder keeps it: no folder part, no leading dot, plain characters. */
export function safeFileName(name: string): string {
  const plain = basename(name.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(-120);
  if (plain === '' || !EXTENSIONS.has(extname(plain).toLowerCase())) {
    throw new HttpError(400, `"${name}": send a CSV, TSV, TXT, XLSX or ZIP export.`);
  }
  return plain;
}

/**
 * Streams the upload (multipart, field `file`) to the client's
 * exports/.incoming/<previewId>/, at most `maxBytes`, and answers what
 * importing it would do (the dry run) with the previewId an import names.
 */
export async function receiveExport(workspace: Workspace, id: string, request: IncomingMessage, maxBytes: number) {
  const folder = workspace.folderOf(id);
  const previewId = randomUUID();
  const target = join(folder, 'exports', INCOMING, previewId);
  let path: string | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes, fields: 0 } });
      } catch {
        reject(new HttpError(415, 'send the export as multipart/form-data, in a field named "file".'));
        return;
      }
      const writes: Array<Promise<void>> = [];
      parser.on('file', (field, stream, info) => {
        if (field !== 'file') {
          stream.resume();
          return reject(new HttpError(400, `the export goes in a field named "file", not "${field}".`));
        }
        let name: string;
        try {
          name = safeFileName(info.filename ?? '');
        } catch (error) {
          stream.resume();
          return reject(error);
        }
        mkdirSync(target, { recursive: true });
        path = join(target, name);
        stream.on('limit', () => reject(new HttpError(413, `the file is larger than ${sizeText(maxBytes)}, the most an upload may be; import it with replybench import instead.`)));
        writes.push(pipeline(stream, createWriteStream(path, { flags: 'wx' })));
      });
      parser.on('filesLimit', () => reject(new HttpError(400, 'send one file per request.')));
      parser.on('error', reject);
      parser.on('close', () => {
        Promise.all(writes).then(() => (path === null ? reject(new HttpError(400, 'no file in the request: put the export in a field named "file".')) : resolve()), reject);
      });
      request.pipe(parser);
    });
    if (path === null) throw new HttpError(400, 'no file in the request.');
    // As `replybench import` reads it by default: local times without an offset are UTC.
    const preview = await dryRunFile(path, {});
    return { previewId, file: basename(path), preview: { ...preview, path: basename(path) } };
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  }
}

/** Imports a previewed upload: the file moves into exports/ (a new name if one is taken) and into the client's store, whole or not at all. */
export async function importPreviewed(workspace: Workspace, id: string, body: unknown) {
  const { previewId } = (body ?? {}) as { previewId?: unknown };
  if (typeof previewId !== 'string' || !PREVIEW_ID.test(previewId)) throw new HttpError(400, 'previewId: give the previewId the upload answered.');
  const folder = workspace.folderOf(id);
  const incoming = join(folder, 'exports', INCOMING, previewId);
  const [name] = existsSync(incoming) ? readdirSync(incoming) : [];
  if (name === undefined) throw new HttpError(404, `no upload ${previewId} waiting to be imported: upload the file again.`);
  const destination = freeName(join(folder, 'exports'), name);
  const database = workspace.databaseOf(id);
  renameSync(join(incoming, name), destination);
  let imported = false;
  try {
    const store = await Store.open(database);
    try {
      const outcome = await importFiles(store, [destination], {});
      const failure = outcome.failures[0];
      if (failure) throw new HttpError(400, failure.message);
      imported = true;
      return { files: outcome.results.map(importJson) };
    } finally {
      store.close();
    }
  } finally {
    // A failed import leaves the upload waiting under its previewId, to be imported again once fixed.
    if (imported) rmSync(incoming, { recursive: true, force: true });
    else renameSync(destination, join(incoming, name));
  }
}

function freeName(folder: string, name: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let index = 1; ; index += 1) {
    const candidate = join(folder, index === 1 ? name : `${stem} (${index})${extension}`);
    if (!existsSync(candidate)) return candidate;
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB` : `${Math.round(bytes / 1024)} KB`;
}
