/**
 * Two exports joined into one file (`cat a.csv b.csv`, or pasted in a
 * spreadsheet) repeat the header between them: that line is rejected as a
 * copy of the header, not as a post with an unreadable date, and every post
 * around it is kept; a header again in another order refuses the file.
 */
import { describe, expect, it } from 'vitest';
import { PIPELINE_REASONS } from '../../src/ingest/canonical.js';
import { dryRunFile } from '../../src/ingest/dry-run.js';
import { allPosts, DATE, importError, importOne, openStore, rejects, tempFile, twcsCsv } from './helpers.js';

const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

function rowsFrom(first: number, count: number): Array<[string, string, string, string, string]> {
  return Array.from({ length: count }, (_, index) => [String(first + index), `user${first + index}`, DATE, `@Brand question ${first + index}`, '']);
}

describe('two exports joined into one file', () => {
  it('rejects the repeated header line as such and keeps the posts of both', async () => {
    const first = twcsCsv(rowsFrom(1, 3));
    const second = twcsCsv(rowsFrom(4, 2));
    const store = await openStore();
    const result = await importOne(store, tempFile('joined.csv', first + second));
    expect(result.imported).toBe(5);
    expect((await allPosts(store)).map((post) => post.post_id)).toEqual(['1', '2', '3', '4', '5']);
    expect(await rejects(store)).toEqual([expect.objectContaining({ line: 5, reason: PIPELINE_REASONS.repeatedHeader, raw: HEADER })]);
  });

  it('knows the header again when each joined file starts with a byte-order mark (Excel\'s CSV UTF-8), in either order', async () => {
    const bom = '\uFEFF';
    const store = await openStore();
    await importOne(store, tempFile('joined-bom.csv', bom + twcsCsv(rowsFrom(1, 2)) + bom + twcsCsv(rowsFrom(3, 1))));
    expect((await allPosts(store)).map((post) => post.post_id)).toEqual(['1', '2', '3']);
    expect((await rejects(store)).map((reject) => [reject.line, reject.reason])).toEqual([[4, PIPELINE_REASONS.repeatedHeader]]);
    const reordered = `${bom}tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id,response_tweet_id\n3,user3,True,${DATE},@Brand reply,1,\n`;
    const path = tempFile('reordered-bom.csv', bom + twcsCsv(rowsFrom(1, 2)) + reordered);
    expect(await importError(await openStore(), path)).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: the header comes again here with its columns in another order`));
  });

  it('knows the header again with spaces around its cells and an unnamed column', async () => {
    const header = `${HEADER},`;
    const line = (cells: string[]) => [...cells, ''].join(',');
    const file = [header, line(['1', 'user1', 'True', DATE, '@Brand hi', '', '']), ' tweet_id , author_id,inbound, created_at,text,response_tweet_id,in_response_to_tweet_id,', line(['2', 'user2', 'True', DATE, '@Brand hi again', '', ''])].join('\n');
    const store = await openStore();
    await importOne(store, tempFile('unnamed.csv', `${file}\n`));
    expect((await allPosts(store)).map((post) => post.post_id)).toEqual(['1', '2']);
    expect((await rejects(store)).map((reject) => [reject.line, reject.reason])).toEqual([[3, PIPELINE_REASONS.repeatedHeader]]);
  });

  it('refuses a file whose header comes again with its columns in another order, at that line, storing nothing; its dry run too', async () => {
    const first = twcsCsv(rowsFrom(1, 2));
    // The second export writes the parent before the responses: read by the first header's positions, they would swap.
    const second = `tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id,response_tweet_id\n3,user3,True,${DATE},@Brand reply,1,\n`;
    const path = tempFile('reordered.csv', first + second);
    const store = await openStore();
    const expected = `${path}:4: the header comes again here with its columns in another order (exports joined into one file?): the rows after it would be read into the wrong columns. Split the file at line 4 and import each part.`;
    expect(await importError(store, path)).toBe(expected);
    expect(await allPosts(store)).toEqual([]);
    expect(await rejects(store)).toEqual([]);
    await expect(dryRunFile(path, {})).rejects.toThrow(expected);
  });

  it('does not take a row that only starts like the header for one', async () => {
    const file = `${HEADER}\n1,user1,True,${DATE},@Brand hi,,\ntweet_id,user2,True,created_at,@Brand hi,,\n`;
    const store = await openStore();
    await importOne(store, tempFile('alike.csv', file));
    expect((await rejects(store)).map((reject) => [reject.line, reject.reason])).toEqual([[3, PIPELINE_REASONS.badDate]]);
  });
});
