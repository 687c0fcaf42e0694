import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlParams } from '../store/session.js';
import type { SqlSession } from '../store/session.js';

/** queries/ sits two levels above both src/analysis/ and dist/analysis/. */
const QUERIES_DIR = fileURLToPath(new URL('../../queries/', import.meta.url));

const texts = new Map<string, string>();

/** The text of queries/<name>.sql (read once per process). */
export function queryText(name: string): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(`${QUERIES_DIR}${name}.sql`, 'utf8');
    texts.set(name, text);
  }
  return text;
}

/**
 * Runs every statement of queries/<name>.sql and returns the rows of the last,
 * unparsed (Analysis.rows parses them). A failing statement names its file,
 * so an analyst finds it in one step.
 */
export async function queryFile(session: SqlSession, name: string, params: SqlParams = {}): Promise<unknown[]> {
  try {
    return await session.script(queryText(name), params);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`queries/${name}.sql: ${message}`, { cause: error });
  }
}

/** Runs every statement of queries/<name>.sql (a file that builds tables). */
export async function runQueryFile(session: SqlSession, name: string, params: SqlParams = {}): Promise<void> {
  await queryFile(session, name, params);
}
