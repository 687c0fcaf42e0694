/**
 * The competitors' Twitter, as a Meltwater listening export (one search per
 * competitor, named in `Input Name`): UTF-16LE with a byte-order mark, TAB
 * separated, LF line ends, the real 52 columns, Madrid local dates like
 * "13-Aug-2025 09:07AM" (whole minutes), ids wrapped in literal quotes,
 * `Parent URL` on replies, newest rows first.
 */
import { formatMeltwaterDates } from '../clock.js';
import { IdMaker } from '../ids.js';
import type { SamplePost } from '../model.js';
import { Random } from '../random.js';
import type { BrandBehaviour, Language } from '../spec.js';
import { authorNumber } from './talkwalker.js';
import { delimitedLine, rowInOrder } from './csv.js';
import { MELTWATER_COLUMNS } from './headers.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish', fr: 'French' };

/** One row per tweet of a competitor's conversations; a tweet two searches found appears once per search, as Meltwater exports it. */
export function writeMeltwater(posts: readonly SamplePost[], brands: readonly BrandBehaviour[], seed: string): { content: Buffer; rows: number } {
  const random = new Random(`${seed}:meltwater`);
  const documents = new IdMaker(random.fork('documents'));
  const competitors = brands.filter((brand) => brand.role === 'competitor');
  const lines = [MELTWATER_COLUMNS.join('\t')];
  const tweets = posts.filter((post) => post.platform === 'twitter');
  for (let i = tweets.length - 1; i >= 0; i--) {
    const tweet = tweets[i] as SamplePost;
    for (const brand of competitors) {
      if (!tweet.involves.includes(brand.id)) continue;
      lines.push(delimitedLine(rowInOrder(MELTWATER_COLUMNS, meltwaterRow(tweet, brand, random, documents)), '\t'));
    }
  }
  return { content: Buffer.from(`\ufeff${lines.join('\n')}\n`, 'utf16le'), rows: lines.length - 1 };
}

/** Meltwater's tweet URL form. */
export function meltwaterTweetUrl(author: string, id: string): string {
  return `https://twitter.com/${author}/statuses/${id}`;
}

function meltwaterRow(tweet: SamplePost, search: BrandBehaviour, random: Random, documents: IdMaker): Record<string, string | number> {
  const dates = formatMeltwaterDates(tweet.createdAt);
  const text = tweet.text.replace(/[\t\r\n]+/g, ' ');
  const likes = tweet.brandId ? random.int(2, 400) : random.int(0, 15);
  const parentUrl = tweet.parent ? meltwaterTweetUrl(tweet.parent.author, tweet.parent.id) : tweet.missingParentId ? meltwaterTweetUrl('i', tweet.missingParentId) : '';
  return {
    Date: dates.date,
    URL: meltwaterTweetUrl(tweet.author, tweet.id),
    'Opening Text': text.length > 140 ? `${text.slice(0, 140)} ...` : text,
    'Hit Sentence': text,
    Source: 'Twitter',
    Influencer: `@${tweet.author.toLowerCase()}`,
    Country: tweet.language === 'fr' ? 'France' : 'Spain',
    Language: LANGUAGE_NAMES[tweet.language],
    Reach: tweet.followers,
    Engagement: likes,
    AVE: (tweet.followers * 0.00925).toFixed(2),
    Sentiment: tweet.sentiment === 'negative' ? 'Negative' : tweet.sentiment === 'positive' ? 'Positive' : 'Neutral',
    'Input Name': search.topic,
    Keywords: search.accounts.twitter.map((handle) => `@${handle}`).join(','),
    'Twitter Authority': Math.min(10, Math.max(1, Math.round(Math.log10(tweet.followers + 1) * 1.8))),
    'Tweet Id': `"${tweet.id}"`,
    'Twitter Id': `"${authorNumber(tweet.author.toLowerCase())}"`,
    'Twitter Screen Name': tweet.authorName,
    'User Profile Url': `https://twitter.com/${tweet.author}`,
    'Twitter Followers': tweet.followers,
    'Twitter Following': random.int(50, 1500),
    'Alternate Date Format': dates.alternateDate,
    Time: dates.time,
    Likes: likes,
    Replies: 0,
    Retweets: tweet.brandId ? random.int(0, 40) : 0,
    'Is Verified': tweet.brandId ? 'true' : 'false',
    'Parent URL': parentUrl,
    'Document ID': `"${documents.meltwaterDocument(tweet.createdAt)}"`,
  };
}
