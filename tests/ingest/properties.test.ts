import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/database.js';
import { allPosts, importOne, tempFile, twcsCsv, type PostRow } from './helpers.js';

type Row = readonly [string, string, string, string, string];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const text = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('hola, qué tal', 'say "hi"', 'two\nlines', 'emoji 😡🙏', 'tab\there', 'Itâ€™s', '=SUM(A1)'),
);

/** Posts with unique ids; a copy of a post may repeat it with some fields emptied (as overlapping exports do). */
const rows = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 25 })
  .chain((ids) =>
    fc.tuple(
      fc.tuple(...ids.map((id) => fc.record({ author: fc.constantFrom('acme', 'Cliente', 'RivalCo'), day: fc.integer({ min: 1, max: 28 }), text, parent: fc.constantFrom('', '1', '2') }).map((post) => ({ id, ...post })))),
      fc.array(fc.nat(), { maxLength: 6 }),
    ),
  )
  .map(([posts, copies]) => {
    const toRow = (post: (typeof posts)[number], emptyText: boolean): Row => {
      const date = new Date(Date.UTC(2017, 9, post.day, 12, 0, 0));
      const created = `${DAYS[date.getUTCDay()]} Oct ${String(post.day).padStart(2, '0')} 12:00:00 +0000 2017`;
      return [String(post.id), post.author, created, emptyText ? '' : post.text, post.parent];
    };
    const all = posts.map((post) => toRow(post, false));
    for (const copy of copies) {
      const post = posts[copy % posts.length];
      if (post) all.push(toRow(post, true));
    }
    return all;
  });

async function postsAfter(files: ReadonlyArray<readonly Row[]>): Promise<PostRow[]> {
  const store = await Store.open(':memory:');
  try {
    for (const [index, file] of files.entries()) await importOne(store, tempFile(`part${index}.csv`, twcsCsv(file)));
    return await allPosts(store);
  } finally {
    store.close();
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

describe('the posts table does not depend on how the data arrives', () => {
  it('shuffling the rows of a file gives the same posts', async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 1_000_000 }), async (data, seed) => {
        expect(await postsAfter([shuffled(data, seed)])).toEqual(await postsAfter([data]));
      }),
      { numRuns: 6 },
    );
  });

  it('splitting a file into several imports gives the same posts', async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), async (data, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (data.length + 1)))].sort((a, b) => a - b);
        const parts = [...points, data.length].map((end, index) => data.slice(index === 0 ? 0 : points[index - 1], end)).filter((part) => part.length > 0);
        expect(await postsAfter(parts)).toEqual(await postsAfter([data]));
      }),
      { numRuns: 6 },
    );
  });

  it('importing the same file again and again gives the same posts', async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 2, max: 3 }), async (data, times) => {
        expect(await postsAfter(Array.from({ length: times }, () => data))).toEqual(await postsAfter([data]));
      }),
      { numRuns: 4 },
    );
  });
});
