/**
 * The client's Twitter care export, in the Kaggle "Customer Support on
 * Twitter" layout: every tweet of a conversation with the client, `inbound`
 * True for customers, reply links both ways (response_tweet_id lists the
 * replies, in_response_to_tweet_id the parent), UTC dates like
 * "Wed Oct 11 06:55:44 +0000 2017", text escaped the way Twitter's API
 * escapes it (&amp; &lt; &gt;), CRLF line ends.
 */
import { formatTwitterDate } from '../clock.js';
import type { SamplePost } from '../model.js';
import { delimitedLine } from './csv.js';
import { TWCS_COLUMNS } from './headers.js';

export function writeTwcs(posts: readonly SamplePost[], clientId: string): { text: string; rows: number } {
  const tweets = posts.filter((post) => post.platform === 'twitter' && post.involves.includes(clientId));
  const inFile = new Set(tweets.map((tweet) => tweet.id));
  const replies = new Map<string, string[]>();
  for (const tweet of tweets) {
    if (!tweet.parent || !inFile.has(tweet.parent.id)) continue;
    const list = replies.get(tweet.parent.id) ?? [];
    list.push(tweet.id);
    replies.set(tweet.parent.id, list);
  }
  const lines = [TWCS_COLUMNS.join(',')];
  for (const tweet of tweets) {
    lines.push(
      delimitedLine(
        [
          tweet.id,
          tweet.author,
          tweet.brandId === null ? 'True' : 'False',
          formatTwitterDate(tweet.createdAt),
          escapeTweetText(tweet.text),
          (replies.get(tweet.id) ?? []).join(','),
          tweet.parent?.id ?? tweet.missingParentId ?? '',
        ],
        ',',
      ),
    );
  }
  return { text: `${lines.join('\r\n')}\r\n`, rows: tweets.length };
}

/** Twitter's API (and so the Kaggle data) writes &, < and > as entities. */
export function escapeTweetText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
