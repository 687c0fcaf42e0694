import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { checkedLogo, type LogoKind, logoDataUrl, MAX_LOGO_BYTES } from '../report/html/logo.js';
import { UserError } from '../errors.js';
import { replaceWhole } from '../output-file.js';
import { HttpError } from './http.js';
import { receiveOneFile } from './upload.js';
import type { Workspace } from './workspace.js';

const EXTENSION: Record<LogoKind, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' };
/** The names an upload is stored under: by content, so a new logo changes no report until the config names it. */
const UPLOADED = /^logo-[0-9a-f]{12}\.(png|jpg|svg)$/;

/**
 * Why the logo a config names cannot be shown, as the page words it: outside the client's folder (a config edited
 * elsewhere), or not an image it can read (missing, not a PNG, JPEG or SVG, too large).
 */
export type LogoProblem = 'outside-folder' | 'unreadable';

/** The logo a client's config names, as the page shows it. */
export function logoOf(workspace: Workspace, id: string): { logo: string | null; dataUrl: string | null; problem: LogoProblem | null } {
  const logo = workspace.agencyLogo(id);
  if (logo === null) return { logo: null, dataUrl: null, problem: null };
  // The page reads nothing outside the client's folder, whatever a config edited elsewhere names.
  if (!workspace.holds(id, logo)) return { logo, dataUrl: null, problem: 'outside-folder' };
  try {
    return { logo, dataUrl: logoDataUrl(logo, workspace.folderOf(id)), problem: null };
  } catch (error) {
    if (error instanceof UserError) return { logo, dataUrl: null, problem: 'unreadable' };
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
  const { name, bytes } = await receiveOneFile(request, {
    what: 'the logo',
    maxBytes: MAX_LOGO_BYTES,
    tooLarge: () => new HttpError(400, 'the logo is larger than 2 MB; send a smaller image.', { code: 'bad-logo', values: { problem: 'too-large' } }),
    sink: async (sent, stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { name: sent, bytes: Buffer.concat(chunks) };
    },
  });
  const kind = checkedLogo(bytes, (why, _todo, problem) => new HttpError(400, `"${name}" ${why}; send a PNG, JPEG or SVG of at most 2 MB and 4,000 pixels a side.`, { code: 'bad-logo', values: { problem } }));
  const file = `logo-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${EXTENSION[kind]}`;
  replaceWhole(join(folder, file), bytes);
  const named = workspace.agencyLogo(id);
  for (const other of readdirSync(folder)) {
    const kept = other === file || (named !== null && resolve(folder, named) === join(folder, other));
    if (UPLOADED.test(other) && !kept) rmSync(join(folder, other), { force: true });
  }
  return { logo: file, dataUrl: `data:${kind};base64,${bytes.toString('base64')}` };
}
