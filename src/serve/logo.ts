import { createHash } from 'node:crypto';
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import busboy from 'busboy';
import { checkedLogo, type LogoKind, logoDataUrl, MAX_LOGO_BYTES } from '../report/html/logo.js';
import { UserError } from '../errors.js';
import { HttpError } from './http.js';
import type { Workspace } from './workspace.js';

const EXTENSION: Record<LogoKind, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' };
/** The names an upload is stored under: by content, so a new logo changes no report until the config names it. */
const UPLOADED = /^logo-[0-9a-f]{12}\.(png|jpg|svg)$/;

/** The logo a client's config names, as the page shows it (`problem` says why a named one cannot be shown). */
export function logoOf(workspace: Workspace, id: string): { logo: string | null; dataUrl: string | null; problem: string | null } {
  const folder = workspace.folderOf(id);
  const logo = (workspace.config(id) as { report?: { agency?: { logo?: unknown } } } | null)?.report?.agency?.logo;
  if (typeof logo !== 'string' || logo === '') return { logo: null, dataUrl: null, problem: null };
  // The page reads nothing outside the client's folder, whatever a config edited elsewhere names.
  if (!workspace.holds(id, logo)) return { logo, dataUrl: null, problem: `report.agency.logo: "${logo}" is outside the client's folder.` };
  try {
    return { logo, dataUrl: logoDataUrl(logo, folder), problem: null };
  } catch (error) {
    if (error instanceof UserError) return { logo, dataUrl: null, problem: error.message };
    throw error;
  }
}

/**
 * Receives an agency logo (multipart, field `file`): read whole in memory (at
 * most 2 MB), checked by its content as the report checks it, and written into
 * the client's folder as logo-<hash>.<type>, which the page then names in the
 * config. Earlier uploads the config does not name are removed.
 */
export async function receiveLogo(workspace: Workspace, id: string, request: IncomingMessage): Promise<{ logo: string; dataUrl: string }> {
  const folder = workspace.folderOf(id);
  const { name, bytes } = await uploadedImage(request);
  const kind = checkedLogo(bytes, (why, _todo, problem) => new HttpError(400, `"${name}" ${why}; send a PNG, JPEG or SVG of at most 2 MB and 4,000 pixels a side.`, { code: 'bad-logo', values: { problem } }));
  const file = `logo-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${EXTENSION[kind]}`;
  const temporary = join(folder, `.${file}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, join(folder, file));
  const named = logoOf(workspace, id).logo;
  for (const other of readdirSync(folder)) {
    if (UPLOADED.test(other) && other !== file && other !== named) rmSync(join(folder, other), { force: true });
  }
  return { logo: file, dataUrl: `data:${kind};base64,${bytes.toString('base64')}` };
}

/** The one file of a multipart upload, in memory: refused past MAX_LOGO_BYTES. */
function uploadedImage(request: IncomingMessage): Promise<{ name: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: MAX_LOGO_BYTES, fields: 0 } });
    } catch {
      reject(new HttpError(415, 'send the logo as multipart/form-data, in a field named "file".'));
      return;
    }
    let failure: HttpError | null = null;
    let received: { name: string; bytes: Buffer } | null = null;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        failure ??= new HttpError(400, `the logo goes in a field named "file", not "${field}".`);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure ??= new HttpError(400, `"${info.filename}" is larger than 2 MB; send a smaller image.`, { code: 'bad-logo', values: { problem: 'too-large' } });
      });
      stream.on('end', () => {
        received = { name: info.filename ?? 'logo', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => {
      failure ??= new HttpError(400, 'send one file per request.');
    });
    parser.on('error', () => reject(new HttpError(400, 'the upload is not valid multipart/form-data.')));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (received) resolve(received);
      else reject(new HttpError(400, 'no file in the request: put the logo in a field named "file".'));
    });
    request.pipe(parser);
  });
}
