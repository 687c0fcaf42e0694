import { z } from 'zod';
import type { ExamplePost } from './types.js';

/** An example post as the diagnostics queries return it (instants already ISO text). */
export const examplePostRow = z.object({ brand_id: z.string(), author: z.string(), text: z.string().nullable(), url: z.string().nullable(), created_at: z.string() });
export type ExamplePostRow = z.infer<typeof examplePostRow>;

/** The row as an example for the report; a post without text shows as empty. */
export function examplePost(row: ExamplePostRow): ExamplePost {
  return { author: row.author, text: row.text ?? '', createdAt: row.created_at, url: row.url };
}
