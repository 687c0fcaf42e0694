import { layoutOf, matchesLayout, optionalColumn } from './mapping-context.js';
import {
  answerKind,
  countValue,
  unreadFollowersWarning,
  daylightSavingWarning,
  excelSerialLocal,
  firstOf,
  handle,
  hasUtcOffset,
  idText,
  isoInstant,
  isOneOf,
  isoLocal,
  isRedditCommentUrl,
  isRetweetText,
  languageCode,
  localToInstant,
  NULL_TEXT,
  platformFallback,
  platformFromUrl,
  platformName,
  postIdFromUrl,
  redditThreadId,
  sentimentLabel,
  strptimeAny,
  textCell,
  urlKey,
  withTimeOfDay,
} from './sql-helpers.js';
import type { ExportFormat, MappingContext } from './types.js';

const OLDER = layoutOf('Meltwater export (older layout)', ['Date', 'URL', 'Hit Sentence', 'Source', 'Influencer']);
const CURRENT = layoutOf('Meltwater export (current layout)', ['Date', 'URL', 'Author Handle', 'Source Domain', 'Content Type']);

/** Why a row is kept with a warning: its date has no time of day. */
export const DAY_WITHOUT_TIME_REASON = 'Date holds no time of day and Time is empty: the post was stored at 00:00 local time';

/** Meltwater's `Content Type` values, lower case, by the kind they are. */
const REPOST_TYPES = ['repost', 'retweet', 'share', 'reshare'];
const QUOTE_TYPES = ['quote', 'quote tweet', 'quote post'];

/** The row's local time: `Date` alone when it holds a time of day (older layout), else its day plus `Time`. */
function localTime(context: MappingContext): { local: string; rawDate: string } {
  const date = context.col('Date');
  const withClock = strptimeAny(date, ['%d-%b-%Y %I:%M%p', '%d-%b-%Y %I:%M %p', '%d-%b-%Y %H:%M']);
  // '%d-%b-%y' first: '%Y' would read the "25" of 13-Aug-25 as the year 25.
  const day = `COALESCE(${strptimeAny(date, ['%d-%b-%y', '%d-%b-%Y'])}, ${isoLocal(date)}, ${excelSerialLocal(date)})`;
  if (!context.has('Time')) return { local: `COALESCE(${withClock}, ${day})`, rawDate: date };
  const time = context.col('Time');
  return {
    local: `COALESCE(${withClock}, ${withTimeOfDay(day, time)})`,
    rawDate: `CASE WHEN ${textCell(time)} IS NULL OR ${textCell(date)} IS NULL THEN ${date} ELSE trim(${date}) || ' ' || trim(${time}) END`,
  };
}

/**
 * Meltwater mentions export, in both layouts Meltwater has written: the older
 * one (`Influencer`, `Source`, `Date` as `13-Aug-2025 09:07AM`, `Parent
 * URL`) and the current one (`Author Handle`, `Source Domain`, `Content
 * Type`, `Date` as a day, text or an Excel serial, plus `Time`). Times are
 * local to the Meltwater account, read in `--timezone`. Ids are wrapped in
 * literal quotes. A row's kind comes from `Content Type` where there is one;
 * otherwise a tweet whose text starts `RT @user:` is a repost, a row with a
 * `Parent URL` or a Reddit comment URL answers something, the rest are posts.
 */
export const meltwaterFormat: ExportFormat = {
  id: 'meltwater',
  label: 'Meltwater export',
  tool: 'Meltwater',
  matches: (header) => matchesLayout(header, OLDER) || matchesLayout(header, CURRENT),
  layouts: [OLDER, CURRENT],
  requiredColumns: (header) => (matchesLayout(header, CURRENT) && !matchesLayout(header, OLDER) ? ['Date', 'URL', 'Author Handle'] : ['Date', 'URL', 'Influencer']),
  select: (context) => {
    const optional = (...names: string[]): string => optionalColumn(context, ...names);
    const url = context.col('URL');
    const date = context.col('Date');
    const { local, rawDate } = localTime(context);
    const instant = `CASE WHEN ${hasUtcOffset(date)} THEN ${isoInstant(date, context.timezoneParam)} ELSE ${localToInstant(local, context.timezoneParam)} END`;

    const domain = optional('Source Domain');
    const sourceType = `lower(coalesce(${optional('Source Type')}, ${optional('Information Type')}, ''))`;
    // A site that is no social network is stored as the kind of site Meltwater says it is.
    const siteType = `CASE WHEN ${textCell(domain)} IS NULL AND ${textCell(url)} IS NULL THEN NULL
      WHEN ${sourceType} LIKE '%news%' THEN 'news' WHEN ${sourceType} LIKE '%blog%' THEN 'blog'
      WHEN ${sourceType} LIKE '%forum%' THEN 'forum' WHEN ${sourceType} LIKE '%review%' THEN 'review' ELSE 'web' END`;
    const platform = context.has('Source')
      ? firstOf(platformName(optional('Source')), platformFromUrl(url), ...platformFallback(context.platformParam))
      : firstOf(platformFromUrl(domain), platformFromUrl(url), siteType, ...platformFallback(context.platformParam));

    const text = firstOf(textCell(optional('Hit Sentence')), textCell(optional('Opening Text')), textCell(optional('Title')), textCell(optional('Headline')));
    const parentUrl = textCell(optional('Parent URL'));
    const contentType = `lower(trim(coalesce(${optional('Content Type')}, '')))`;
    const answer = answerKind(platform);
    const kind = `CASE
      WHEN ${isOneOf(contentType, REPOST_TYPES)} THEN 'repost'
      WHEN ${isOneOf(contentType, QUOTE_TYPES)} THEN 'quote'
      WHEN ${contentType} LIKE '%reply%' OR ${contentType} LIKE '%comment%' THEN ${answer}
      WHEN ${contentType} <> '' THEN 'post'
      WHEN ${platform} = 'twitter' AND ${isRetweetText(text)} THEN 'repost'
      WHEN ${parentUrl} IS NOT NULL OR ${isRedditCommentUrl(url)} THEN ${answer}
      ELSE 'post' END`;
    const author = firstOf(handle(optional('Influencer')), handle(optional('Author Handle')), handle(optional('User Profile Url')));
    const authorColumn = context.has('Influencer') ? 'Influencer' : 'Author Handle';
    const dayWithoutTime = `(${textCell(optional('Time'))} IS NULL AND NOT contains(${date}, ':') AND NOT contains(${date}, '.') AND ${local} IS NOT NULL)`;
    return {
      columns: {
        platform,
        post_id: firstOf(idText(optional('Tweet Id')), postIdFromUrl(url), idText(optional('Document ID')), urlKey(url)),
        created_at: instant,
        author,
        author_name: textCell(optional('Twitter Screen Name', 'Author Name')),
        author_followers: countValue(optional('Twitter Followers')),
        kind,
        parent_id: postIdFromUrl(parentUrl),
        parent_url: parentUrl,
        thread_id: redditThreadId(url),
        text,
        url: textCell(url),
        language: languageCode(optional('Language')),
        sentiment: sentimentLabel(optional('Sentiment')),
        topic: textCell(optional('Input Name')),
        response_ids: NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate,
      rejectWhen: [
        { when: `${platform} IS NULL`, reason: `the row names no platform (${context.has('Source') ? 'Source' : 'Source Domain'} and URL are empty); pass --platform` },
        { when: `${author} IS NULL`, reason: `${authorColumn} is empty` },
      ],
      warnWhen: [
        daylightSavingWarning(local, context.timezoneParam, date),
        { when: dayWithoutTime, reason: DAY_WITHOUT_TIME_REASON },
        unreadFollowersWarning(optional('Twitter Followers')),
      ],
    };
  },
};
