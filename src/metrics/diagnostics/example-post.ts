import type { ExamplePost } from './types.js';

/** An example post as the diagnostics queries return it (instants already ISO text). */
export interface ExamplePostRow extends Record<string, unknown> {
  brand_id: string;
  author: string;
  text: string | null;
  url: string | null;
  created_at: string;
}

/** The row as an example for the report; a post without text shows as empty. */
export function examplePost(row: ExamplePostRow): ExamplePost {
  return { author: row.author, text: row.text ?? '', createdAt: row.created_at, url: row.url };
}
