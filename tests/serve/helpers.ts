import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/serve/server.js';

export const TOKEN = 'serve-tests-token-0123456789';
export const KAGGLE_SAMPLE = join(import.meta.dirname, '../fixtures/ingest/twcs_kaggle_sample.csv');

/** A server on a free port over a fresh workspace, for the file's tests. */
export function serverForFile(): { server: () => RunningServer; workspace: () => string; base: () => string } {
  let server: RunningServer | null = null;
  let workspace = '';
  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'replybench-serve-'));
    server = await startServer({ workspace, port: 0, token: TOKEN, maxUpload: 64 * 1024 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(workspace, { recursive: true, force: true });
  });
  return {
    server: () => {
      if (!server) throw new Error('no server');
      return server;
    },
    workspace: () => workspace,
    base: () => new URL(server?.url ?? '').origin,
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** An API call with the token (unless `token` is null), JSON in and out. */
export async function call(base: string, method: string, path: string, body?: unknown, token: string | null = TOKEN, extra: Record<string, string> = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...extra };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${base}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** A request with a Host header of our choosing (fetch does not let a page set it). */
export function withHost(base: string, path: string, host: string): Promise<number> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { host, authorization: `Bearer ${TOKEN}` } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}
