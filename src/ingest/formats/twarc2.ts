import { hasAll, layoutOf, matchesLayout, optionalColumn } from './mapping-context.js';
import {
  unreadFollowersWarning,
  countValue,
  handle,
  idText,
  isoInstant,
  languageCode,
  NULL_TEXT,
  platformOrDefault,
  textCell,
  unescapeTweetText,
} from './sql-helpers.js';
import type { ExportFormat } from './types.js';

const SIGNATURE = ['id', 'conversation_id', 'referenced_tweets.replied_to.id', 'created_at', 'text'];
const LAYOUT = layoutOf('twarc2 CSV', SIGNATURE);

/**
 * `twarc2 csv` output (twarc-csv 0.5 to 0.7 headers). A retweet is a repost
 * of `referenced_tweets.retweeted.id`; a reply answers
 * `referenced_tweets.replied_to.id` (a reply that also quotes stays a reply);
 * a quote's parent is the quoted tweet.
 */
export const twarc2Format: ExportFormat = {
  id: 'twarc2',
  label: 'twarc2 CSV',
  tool: 'twarc2 (Twitter API)',
  matches: (header) => matchesLayout(header, LAYOUT),
  layouts: [LAYOUT],
  requiredColumns: (header) => [...SIGNATURE, hasAll(header, ['author.username']) ? 'author.username' : 'author_id'],
  select: (context) => {
    const optional = (...names: string[]): string => optionalColumn(context, ...names);
    const repliedTo = idText(context.col('referenced_tweets.replied_to.id'));
    const retweeted = idText(optional('referenced_tweets.retweeted.id'));
    const quoted = idText(optional('referenced_tweets.quoted.id'));
    const created = context.col('created_at');
    const author = handle(context.col('author.username', 'author_id'));
    return {
      columns: {
        platform: platformOrDefault(context.platformParam, 'twitter'),
        post_id: idText(context.col('id')),
        created_at: isoInstant(created, context.timezoneParam),
        author,
        author_name: textCell(optional('author.name')),
        author_followers: countValue(optional('author.public_metrics.followers_count')),
        kind: `CASE WHEN ${retweeted} IS NOT NULL THEN 'repost' WHEN ${repliedTo} IS NOT NULL THEN 'reply' WHEN ${quoted} IS NOT NULL THEN 'quote' ELSE 'post' END`,
        parent_id: `COALESCE(${retweeted}, ${repliedTo}, ${quoted})`,
        parent_url: NULL_TEXT,
        thread_id: idText(context.col('conversation_id')),
        text: unescapeTweetText(context.col('text')),
        url: NULL_TEXT,
        language: languageCode(optional('lang')),
        sentiment: NULL_TEXT,
        topic: NULL_TEXT,
        response_ids: NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate: created,
      rejectWhen: [{ when: `${author} IS NULL`, reason: 'author.username is empty' }],
      warnWhen: [unreadFollowersWarning(optional('author.public_metrics.followers_count'))],
    };
  },
};
