import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { Store } from '../../src/store/database.js';

export const FIXTURES = new URL('../fixtures/report/', import.meta.url).pathname;

interface FixturePost {
  post_id: string;
  created_at: string;
  author: string;
  kind: string;
  parent_id: string | null;
  text: string;
}

/** The hostile texts the escaping tests look for, exactly as stored. */
export const HOSTILE = {
  script: "<script>document.title='pwned'</script>",
  img: '<img src=x onerror=alert(1)>',
  file: 'file:///etc/passwd',
};

export function fixtureConfig(): Config {
  return loadConfig(`${FIXTURES}store-config.yaml`);
}

/** A small in-memory store: two brands, a handful of mentions (some hostile), one import batch with rejects. */
export async function fixtureStore(path = ':memory:'): Promise<Store> {
  const store = await Store.open(path);
  const posts = JSON.parse(readFileSync(`${FIXTURES}posts.json`, 'utf8')) as FixturePost[];
  await store.run(
    `INSERT INTO import_batches VALUES (1, 'exports/acme_october.csv', 'abc', 'twcs', 'utf-8', 'twitter', $rows, $imported, 0, 2, 0, [], '2017-11-02T10:00:00Z')`,
    { rows: posts.length + 2, imported: posts.length },
  );
  await store.run(`INSERT INTO import_rejects VALUES (1, 'exports/acme_october.csv', 7, 'unparseable date', 'x'), (1, 'exports/acme_october.csv', 9, 'unparseable date', 'y')`);
  for (const post of posts) {
    await store.run(
      `INSERT INTO posts (platform, post_id, created_at, author, kind, parent_id, text, batch_id)
       VALUES ('twitter', $id, $at::TIMESTAMPTZ, $author, $kind, $parent, $text, 1)`,
      { id: post.post_id, at: post.created_at, author: post.author, kind: post.kind, parent: post.parent_id ?? null, text: post.text },
    );
  }
  return store;
}
