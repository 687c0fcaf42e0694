import { hasAll, layoutOf, matchesLayout, optionalColumn } from './mapping-context.js';
import {
  countValue,
  unreadFollowersWarning,
  firstOf,
  handle,
  idText,
  isoInstant,
  isRetweetText,
  languageCode,
  NULL_TEXT,
  platformOrDefault,
  referencedTweetId,
  textCell,
  unescapeTweetText,
} from './sql-helpers.js';
import type { ExportFormat } from './types.js';

const LAYOUT = layoutOf('Twitter API v2 CSV', ['id', 'author_id', 'created_at', 'conversation_id']);
/** twarc2's flattened references: a header with it is twarc2's, which is detected first. */
const TWARC2_COLUMN = 'referenced_tweets.replied_to.id';
const USERNAME = ['author.username', 'username'];

/**
 * Tweets as the Twitter (X) API v2 returns them, written to CSV by tweepy
 * scripts, the API's own tools and many scrapers:
 * `id,text,author_id,created_at,conversation_id,in_reply_to_user_id,...`.
 * Authors are numeric user ids unless the export adds `author.username`.
 * There is usually no parent tweet id: a reply names only its conversation
 * (`thread_id`) and the user it answers (`reply_to_user`); the analysis finds
 * the parent from those, and the import learns each user id's handle from the
 * replies to it (learned_handles). When `referenced_tweets` is there, the
 * replied-to, quoted or retweeted tweet is the parent.
 */
export const twitterV2Format: ExportFormat = {
  id: 'twitter-v2',
  label: 'Twitter API v2 CSV',
  tool: 'Twitter API v2',
  matches: (header) => matchesLayout(header, LAYOUT) && !hasAll(header, [TWARC2_COLUMN]),
  layouts: [LAYOUT],
  requiredColumns: (header) => ['id', 'created_at', 'conversation_id', USERNAME.find((name) => hasAll(header, [name])) ?? 'author_id'],
  select: (context) => {
    const optional = (...names: string[]): string => optionalColumn(context, ...names);
    const id = idText(context.col('id'));
    const created = context.col('created_at');
    const references = optional('referenced_tweets');
    const repliedTo = referencedTweetId(references, 'replied_to');
    const quoted = referencedTweetId(references, 'quoted');
    const retweeted = referencedTweetId(references, 'retweeted');
    const conversation = idText(context.col('conversation_id'));
    const replyToUser = idText(optional('in_reply_to_user_id'));
    const text = unescapeTweetText(optional('text'));
    const author = context.has('author.username') || context.has('username') ? firstOf(handle(optional(...USERNAME)), handle(optional('author_id'))) : handle(context.col('author_id'));
    return {
      columns: {
        platform: platformOrDefault(context.platformParam, 'twitter'),
        post_id: id,
        created_at: isoInstant(created, context.timezoneParam),
        author,
        author_name: textCell(optional('author.name', 'name')),
        author_followers: countValue(optional('author.public_metrics.followers_count', 'followers_count')),
        // A tweet in someone else's conversation, or naming the user it answers, is a reply even when its parent is not named.
        kind: `CASE
          WHEN ${retweeted} IS NOT NULL OR (${references} IS NULL AND ${isRetweetText(text)}) THEN 'repost'
          WHEN ${repliedTo} IS NOT NULL OR ${replyToUser} IS NOT NULL OR ${conversation} <> ${id} THEN 'reply'
          WHEN ${quoted} IS NOT NULL THEN 'quote'
          ELSE 'post' END`,
        parent_id: `COALESCE(${retweeted}, ${repliedTo}, ${quoted})`,
        parent_url: NULL_TEXT,
        thread_id: conversation,
        text,
        url: NULL_TEXT,
        language: languageCode(optional('lang')),
        sentiment: NULL_TEXT,
        topic: NULL_TEXT,
        response_ids: NULL_TEXT,
        reply_to_user: replyToUser,
      },
      rawDate: created,
      rejectWhen: [{ when: `${author} IS NULL`, reason: 'author_id is empty' }],
      warnWhen: [unreadFollowersWarning(optional('author.public_metrics.followers_count', 'followers_count'))],
    };
  },
};
