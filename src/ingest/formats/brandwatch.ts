import { layoutOf, matchesLayout, optionalColumn } from './mapping-context.js';
import {
  answerKind,
  countValue,
  unreadFollowersWarning,
  firstOf,
  handle,
  idText,
  isOneOf,
  isRedditCommentUrl,
  daylightSavingWarning,
  languageCode,
  localOrIsoInstant,
  NULL_TEXT,
  platformFallback,
  platformFromUrl,
  platformName,
  postIdFromUrl,
  redditThreadId,
  sentimentLabel,
  textCell,
  urlKey,
} from './sql-helpers.js';
import type { ExportFormat } from './types.js';

const LAYOUT = layoutOf('Brandwatch CSV', ['Query Name', 'Date', 'Url', 'Page Type', 'Author']);

/**
 * Brandwatch Consumer Research mentions export (the metadata lines above the
 * header are removed by the pipeline). `Date` (`2017-10-31 22:10:47.0`) has
 * no offset; Brandwatch writes UTC unless the export was set to another
 * timezone, so it is read in `--timezone` (UTC when not given). The kind comes
 * from `Thread Entry Type`; `Twitter Reply to` / `Twitter Retweet of` /
 * `Parent Post Id` name the parent as an id or a URL.
 */
export const brandwatchFormat: ExportFormat = {
  id: 'brandwatch',
  label: 'Brandwatch CSV',
  tool: 'Brandwatch',
  matches: (header) => matchesLayout(header, LAYOUT),
  layouts: [LAYOUT],
  requiredColumns: () => ['Date', 'Url', 'Author'],
  select: (context) => {
    const optional = (...names: string[]): string => optionalColumn(context, ...names);
    const url = context.col('Url');
    const date = context.col('Date');
    const platform = firstOf(
      platformName(optional('Page Type')),
      platformFromUrl(optional('Domain')),
      platformFromUrl(url),
      ...platformFallback(context.platformParam),
    );
    // A reference is a bare id or a URL; both forms end up as an id where one can be read.
    const referenceId = (expr: string): string =>
      `CASE WHEN regexp_full_match(trim(${expr}), '[0-9_]+(\\.0+)?') THEN ${idText(expr)} ELSE ${postIdFromUrl(expr)} END`;
    const referenceUrl = (expr: string): string => `CASE WHEN regexp_matches(trim(${expr}), '^[A-Za-z]+://') THEN trim(${expr}) END`;
    const replyTo = optional('Twitter Reply to', 'X Reply to');
    const retweetOf = optional('Twitter Retweet of', 'X Repost of', 'X Retweet of');
    const parentPost = optional('Parent Post Id');
    const entryType = `lower(trim(coalesce(${optional('Thread Entry Type')}, '')))`;
    const kind = `CASE
      WHEN ${isOneOf(entryType, ['share', 'retweet', 'repost', 'reshare'])} THEN 'repost'
      WHEN ${isOneOf(entryType, ['quote', 'quote_tweet', 'quote tweet'])} THEN 'quote'
      WHEN ${isOneOf(entryType, ['reply', 'comment'])} THEN ${answerKind(platform)}
      WHEN ${isOneOf(entryType, ['post', 'original', 'tweet'])} THEN 'post'
      WHEN ${textCell(retweetOf)} IS NOT NULL THEN 'repost'
      WHEN ${textCell(replyTo)} IS NOT NULL OR ${textCell(parentPost)} IS NOT NULL OR ${isRedditCommentUrl(url)} THEN ${answerKind(platform)}
      ELSE 'post' END`;
    // The row's own network's follower cell: the one its count, and the warning of a count not read, come from.
    const followerCell = `[${optional('Twitter Followers', 'X Followers')}, ${optional('Instagram Followers')}][list_position(['twitter', 'instagram'], ${platform})]`;
    const author = handle(context.col('Author'));
    // Brandwatch writes ISO local times; a workbook's date cell without a date format holds a serial.
    const { instant, local } = localOrIsoInstant(date, null, context.timezoneParam);
    return {
      columns: {
        platform,
        post_id: firstOf(postIdFromUrl(url), idText(optional('Resource Id')), urlKey(url)),
        created_at: instant,
        author,
        author_name: textCell(optional('Full Name')),
        author_followers: countValue(followerCell),
        kind,
        parent_id: `CASE WHEN ${kind} = 'repost' THEN ${referenceId(retweetOf)}
          ELSE COALESCE(${referenceId(replyTo)}, ${referenceId(parentPost)}) END`,
        parent_url: `CASE WHEN ${kind} = 'repost' THEN ${referenceUrl(retweetOf)} ELSE ${referenceUrl(replyTo)} END`,
        thread_id: firstOf(idText(optional('Thread Id')), redditThreadId(url)),
        text: firstOf(textCell(optional('Full Text')), textCell(optional('Snippet')), textCell(optional('Title'))),
        url: textCell(url),
        language: languageCode(optional('Language')),
        sentiment: sentimentLabel(optional('Sentiment')),
        topic: textCell(optional('Query Name')),
        response_ids: NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate: date,
      rejectWhen: [
        { when: `${platform} IS NULL`, reason: 'the row names no platform (Page Type, Domain and Url are empty); pass --platform' },
        { when: `${author} IS NULL`, reason: 'Author is empty' },
      ],
      warnWhen: [daylightSavingWarning(local, context.timezoneParam, date), unreadFollowersWarning(followerCell)],
    };
  },
};
