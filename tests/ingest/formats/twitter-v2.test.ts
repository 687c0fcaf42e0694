import { describe, expect, test } from 'vitest';
import { detectFormat } from '../../../src/ingest/formats/index.js';
import { twitterV2Format } from '../../../src/ingest/formats/twitter-v2.js';
import { column, runFormat } from './run-format.js';

const PLAIN = 'tests/fixtures/formats/twitter_v2.csv';
const EXPANDED = 'tests/fixtures/formats/twitter_v2_expanded.csv';
const ids = (...last: number[]): string[] => last.map((n) => `18440000000000000${String(n).padStart(2, '0')}`);

describe('twitter-v2: the columns the API returns (id, author_id, conversation_id, in_reply_to_user_id)', () => {
  test('is detected from id, author_id, created_at, conversation_id, and twarc2 headers are not', async () => {
    const mapped = await runFormat(twitterV2Format, PLAIN);
    expect(detectFormat(mapped.header)?.id).toBe('twitter-v2');
    expect(twitterV2Format.matches([...mapped.header, 'referenced_tweets.replied_to.id'])).toBe(false);
  });

  test('numeric authors, conversation as thread, the user replied to, no parent post', async () => {
    const mapped = await runFormat(twitterV2Format, PLAIN);
    expect(column(mapped, 'post_id')).toEqual(ids(1, 2, 3, 4, 5, 6, 7, 8));
    expect(column(mapped, 'author')).toEqual(['2000000002', '1000000001', '2000000002', '3000000003', '1000000001', '1000000001', '3000000003', '1000000001']);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'reply', 'reply', 'reply', 'reply', 'repost', 'post']);
    expect(column(mapped, 'thread_id')).toEqual([...ids(1, 1, 1, 1, 1, 1), ...ids(7, 8)]);
    expect(column(mapped, 'reply_to_user')).toEqual([null, '2000000002', '1000000001', '2000000002', '2000000002', '3000000003', null, null]);
    expect(new Set(column(mapped, 'parent_id'))).toEqual(new Set([null]));
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['twitter']));
  });

  test('ISO instants with Z, and the API escapes undone in the text', async () => {
    const mapped = await runFormat(twitterV2Format, PLAIN, { timezone: 'Europe/Madrid' });
    expect(column(mapped, 'created_at').slice(0, 2)).toEqual(['2024-10-09T14:00:05Z', '2024-10-09T14:20:35Z']);
    expect(mapped.rows[3]?.text).toBe('@AcmeHelp @jane_doe same thing happened to me last month & nobody answered');
  });
});

describe('twitter-v2 with author.username and referenced_tweets', () => {
  test('authors are handles; referenced_tweets in JSON, Python or tweepy form names the parent', async () => {
    const mapped = await runFormat(twitterV2Format, EXPANDED);
    expect(column(mapped, 'author')).toEqual(['jane_doe', 'acmehelp', 'jane_doe', 'bystander_bo', 'acmehelp', 'bystander_bo']);
    expect(column(mapped, 'author_name')).toEqual(['Jane Doe', 'Acme Help', 'Jane Doe', 'Bo', 'Acme Help', 'Bo']);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'reply', 'reply', 'reply', 'quote']);
    expect(column(mapped, 'parent_id')).toEqual([null, '1845000000000000001', '1845000000000000002', '1845000000000000001', '1845000000000000003', '1845000000000000001']);
    expect(column(mapped, 'reply_to_user')).toEqual([null, '2000000002', '1000000001', '2000000002', '2000000002', null]);
    expect(column(mapped, 'created_at')[1]).toBe('2024-10-10T08:12:30Z');
    expect(new Set(column(mapped, 'language'))).toEqual(new Set(['en']));
  });
});
