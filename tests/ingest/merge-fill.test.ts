/** A later copy of a post fills the fields the stored row lacks, the listed responses included. */
import { describe, expect, it } from 'vitest';
import { importOne, openStore, tempFile } from './helpers.js';
import { storedRows } from '../stored-rows.js';

describe('filling a stored post from a later copy', () => {
  it('adds the response ids an earlier export did not list', async () => {
    const store = await openStore();
    const date = 'Tue Oct 10 10:00:00 +0000 2017';
    await importOne(store, tempFile('first.csv', `tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id\n1,ana,True,${date},@Brand hi,\n`));
    await importOne(store, tempFile('second.csv', `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n1,ana,True,${date},@Brand hi,"7,8",\n`));
    expect(await storedRows(store, 'SELECT post_id, response_ids FROM posts')).toEqual([{ post_id: '1', response_ids: '7,8' }]);
  });
});
