import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished, vi } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../src/errors.js';
import { importFiles, type ImportRequest } from '../../src/ingest/import.js';
import type { FileImportResult } from '../../src/ingest/result.js';
import { Store } from '../../src/store/database.js';

export const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');

/**
 * A fresh temporary folder, removed when the test ends. (Registered per test:
 * test files share this module, so an afterEach here would run for the first
 * file that loads it only.)
 */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'replybench-test-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Writes `content` (text as UTF-8, or raw bytes) to a new temporary file and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(tempFolder(), name);
  writeFileSync(path, content);
  return path;
}

/** A store in a temporary file database, closed after the test. */
export async function openStore(path = join(tempFolder(), 'test.duckdb')): Promise<Store> {
  const store = await Store.open(path);
  onTestFinished(() => store.close());
  return store;
}

/** Imports one file and returns its result; a failure throws the UserError. */
export async function importOne(store: Store, path: string, request: ImportRequest = {}): Promise<FileImportResult> {
  const outcome = await importFiles(store, [path], request);
  const failure = outcome.failures[0];
  if (failure) throw new UserError(failure.message);
  const result = outcome.results[0];
  if (!result) throw new Error('no result');
  return result;
}

/** The UserError message of importing `path`, failing the test when it imports. */
export async function importError(store: Store, path: string, request: ImportRequest = {}): Promise<string> {
  const outcome = await importFiles(store, [path], request);
  const failure = outcome.failures[0];
  if (!failure) throw new Error(`expected ${path} to be refused`);
  return failure.message;
}

const postRow = z
  .object({ platform: z.string(), post_id: z.string(), created_at: z.string(), author: z.string(), kind: z.string(), parent_id: z.string().nullable(), text: z.string().nullable() })
  .catchall(z.union([z.string(), z.number()]).nullable());
export type PostRow = z.infer<typeof postRow>;

const rejectRow = z.object({ batch_id: z.number(), file: z.string(), line: z.number(), reason: z.string(), raw: z.string() });

/** Every post, instants as ISO text, in a stable order. */
export async function allPosts(store: Store): Promise<PostRow[]> {
  return store.rows(
    'posts',
    postRow,
    `SELECT * EXCLUDE (created_at, author_followers, batch_id), strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, author_followers::DOUBLE AS author_followers
     FROM posts ORDER BY platform, post_id`,
  );
}

export async function rejects(store: Store): Promise<Array<{ batch_id: number; file: string; line: number; reason: string; raw: string }>> {
  return store.rows('rejects', rejectRow, `SELECT batch_id, file, line::DOUBLE AS line, reason, raw FROM import_rejects ORDER BY batch_id, line`);
}

/** A minimal TWCS file from rows of [id, author, created, text, inReplyTo]. */
export function twcsCsv(rows: ReadonlyArray<readonly [string, string, string, string, string]>, lineEnd = '\n'): string {
  const header = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
  const quote = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...rows.map(([id, author, created, text, parent]) => [id, author, 'True', created, quote(text), '', parent].join(','))].join(lineEnd) + lineEnd;
}

export const DATE = 'Tue Oct 31 22:10:47 +0000 2017';

/** Runs the CLI in this process (in `cwd` when given), capturing what it prints. */
export async function runCli(args: string[], cwd?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const home = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    process.chdir(home);
    out.mockRestore();
    err.mockRestore();
  }
}
