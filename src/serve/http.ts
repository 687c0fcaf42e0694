import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import { UNKNOWN_TIMEZONE } from '../config/timezone.js';
import { NothingImported } from '../cli/database.js';
import { closest } from '../closest.js';
import { UserError } from '../errors.js';
import { isLanguage, type Language, LANGUAGE_LIST } from '../report/i18n/language.js';
import { ReportFolderHeld } from '../report/report-folder.js';
import { DatabaseHeld, heldSentence } from '../store/held.js';
import { UnfinishedImport } from '../store/orphans.js';

/** The page's own policy: its scripts and styles only, nothing from the network, no frames of other origins. */
export const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** A report read in the page: no script at all, its inline styles and embedded images only, sandboxed. */
export const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox; frame-ancestors 'self'";

/**
 * A refusal the page can say in its own language: `code` names it, and `values` are what its sentence quotes (the
 * English `message` is what scripts and a page without the code read).
 */
export interface ErrorCode {
  code: 'busy' | 'config-changed' | 'too-large' | 'upload-gone' | 'bad-period' | 'no-accounts' | 'bad-logo' | 'likely-typo' | 'bad-timezone' | 'bad-hours' | 'not-an-export' | 'reordered-header' | 'client-exists' | 'linked-out' | 'held-elsewhere' | 'unfinished-import' | 'no-imports';
  values?: Record<string, string>;
}

/** A refusal the API answers with its status and one sentence (`{ "error": ... }`), and its code when the page words it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly coded: ErrorCode | null = null,
  ) {
    super(message);
  }
}

/** A timezone the page sent that is no IANA zone, refused with `key` (the field) named: the page says it in its language. */
export function unknownTimezone(key: string, given: unknown): HttpError {
  return new HttpError(400, `${key}: ${UNKNOWN_TIMEZONE}.`, { code: 'bad-timezone', values: { given: String(given) } });
}

/** The language a request asks for (`language`: en, es or fr); English when it names none. */
export function requestLanguage(value: unknown): Language {
  if (value === undefined || value === null) return 'en';
  if (typeof value !== 'string' || !isLanguage(value)) throw new HttpError(400, `language: use ${LANGUAGE_LIST}.`);
  return value;
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = `${JSON.stringify(value)}\n`;
  response.writeHead(status, { ...commonHeaders(), 'content-type': 'application/json; charset=utf-8', 'content-security-policy': "default-src 'none'" });
  response.end(body);
}

/** Headers every answer carries: never cached (answers hold client data), never sniffed, the token never sent on as a referrer. */
export function commonHeaders(): Record<string, string> {
  return { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cross-origin-resource-policy': 'same-origin' };
}

/** An error as the API answers it: a UserError or HttpError in one sentence; anything else is a 500 without its stack. */
export function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) sendJson(response, error.status, { error: error.message, ...(error.coded ?? {}) });
  // Another process (an import in a terminal) holds the client's database: a wait, as for the page's own work, not a fault.
  else if (error instanceof DatabaseHeld) {
    const { pid } = error.holder;
    sendJson(response, 409, { error: `the client's database: ${heldSentence(error.holder)}`, code: 'held-elsewhere', values: pid === null ? { problem: 'unknown-process' } : { pid: String(pid) } });
  } else if (error instanceof ReportFolderHeld) {
    // Said without the CLI's options (--out) or the server's paths.
    sendJson(response, 409, {
      error: `another replybench (process ${error.owner}) is writing this report (a terminal's report of the same period and language); wait until it ends.`,
      code: 'held-elsewhere',
      values: { pid: String(error.owner), problem: 'report-folder' },
    });
  } else if (error instanceof UnfinishedImport) {
    // The CLI's sentence says to run replybench import; here, an import from the page clears the rows as well.
    sendJson(response, 409, {
      error: `the client's database holds ${(error.orphans.posts + error.orphans.rejects).toLocaleString('en-US')} rows of an import that was cut short and never finished, which no report may count: import the file again here (an import clears them first).`,
      code: 'unfinished-import',
      values: { rows: String(error.orphans.posts + error.orphans.rejects) },
    });
  } else if (error instanceof NothingImported) {
    sendJson(response, 400, { error: 'no post of this client is imported yet: import its exports first.', code: 'no-imports' });
  }
  // What is wrong, without the command line's advice (an option to pass), which no request can follow.
  else if (error instanceof UserError) sendJson(response, 400, { error: error.fault });
  else sendJson(response, 500, { error: `replybench failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
}

/** A JSON body of at most `limit` bytes. */
export async function readJson(request: IncomingMessage, limit = 1024 * 1024): Promise<unknown> {
  // Media types are case-insensitive (RFC 9110).
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `the body is larger than ${limit / 1024} KB.`, { code: 'too-large', values: { limitBytes: String(limit) } });
    chunks.push(chunk as Buffer);
  }
  // No body at all: a request whose every field is optional, sent as curl -X POST sends it.
  if (size === 0) return {};
  if (!type.startsWith('application/json')) throw new HttpError(415, 'send the body as JSON (Content-Type: application/json).');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON.');
  }
}

/**
 * The fields of a JSON object the API was sent, refused (400, naming the key) when it is no object or holds a key the
 * request does not take: a misspelt optional field ("lang") would otherwise be left out without a word.
 */
export function jsonFields(value: unknown, example: string, fields: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, `send a JSON object, such as ${example}.`);
  for (const key of Object.keys(value)) {
    if (fields.includes(key)) continue;
    // "lang" is too short for an edit distance to reach "language": a field it begins is as good a guess.
    const [near] = closest(key, fields, 1).concat(fields.filter((field) => key.length >= 3 && field.startsWith(key)));
    throw new HttpError(400, `${key}: not a field of this request${near ? `; did you mean ${near}?` : '.'} It takes ${fields.join(', ')}.`);
  }
  return value as Record<string, unknown>;
}

/**
 * A refusal as the API answers it, naming files from `folder` (an upload's own folder: the file as the user named it;
 * the client's: mappings/crm.yaml) rather than by their place on the server: a refusal from a reader deeper down names
 * its own path.
 */
export function withoutServerPath(error: unknown, folder: string): unknown {
  const prefix = `${folder}${sep}`;
  if (error instanceof HttpError && error.message.includes(prefix)) return new HttpError(error.status, error.message.replaceAll(prefix, ''), error.coded);
  if (error instanceof UserError && error.message.includes(prefix)) return new UserError(error.message.replaceAll(prefix, ''), error.fault.replaceAll(prefix, ''));
  return error;
}
