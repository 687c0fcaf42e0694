import { matchesLayout, namedColumns } from './mapping-context.js';
import {
  answerKind,
  countValue,
  unreadFollowersWarning,
  daylightSavingWarning,
  firstOf,
  handle,
  idText,
  isRedditCommentUrl,
  languageCode,
  localOrIsoInstant,
  strptimeAny,
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
import { swapDayMonth } from '../day-month.js';
import type { ExportFormat, FormatLayout, MappingContext } from './types.js';

/*
 * Sprout Social inbox/message export. No real export file was available:
 * the column names below are the ones public material uses for Sprout's
 * message data (network, message type, profile, from, permalink, sentiment),
 * each with its common variants. A file that differs can still be read with
 * --format generic and a mapping.
 */
const NETWORK = ['Network'];
const TEXT = ['Message', 'Message Text', 'Text', 'Post'];
const LINK = ['Permalink', 'Link', 'Message Link', 'Post Link'];
const AUTHOR = ['From Screen Name', 'From Handle', 'From', 'Sender', 'Author'];
/** Sprout's dates, month first as its US exports write them; a file written day first is read so (dayMonth). */
const MONTH_FIRST = ['%m/%d/%Y %I:%M %p', '%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S'];
const DATE = ['Timestamp', 'Date', 'Created Time', 'Received Time', 'Sent Date', 'Date Received'];
const MESSAGE_TYPE = ['Message Type', 'Type', 'Post Type'];

const LAYOUT: FormatLayout = { label: 'Sprout Social message export', columns: [NETWORK, MESSAGE_TYPE, TEXT, LINK, AUTHOR, DATE] };

function present(context: MappingContext, names: readonly string[]): string {
  return names.some((name) => context.has(name)) ? context.col(...names) : NULL_TEXT;
}

export const sproutFormat: ExportFormat = {
  id: 'sprout',
  label: 'Sprout Social message export',
  tool: 'Sprout Social',
  matches: (header) => matchesLayout(header, LAYOUT),
  layouts: [LAYOUT],
  requiredColumns: (header) => {
    const named = namedColumns(header);
    return [DATE, AUTHOR, LINK].map((names) => names.find((name) => named.has(name.toLowerCase())) ?? (names[0] ?? ''));
  },
  select: (context) => {
    const link = context.col(...LINK);
    const date = context.col(...DATE);
    // A file written the other way round is read so (day-month.ts finds it, and the import says it).
    const patterns = context.dayMonthSwapped ? MONTH_FIRST.map(swapDayMonth) : MONTH_FIRST;
    const { instant, local } = localOrIsoInstant(date, strptimeAny(date, patterns), context.timezoneParam);
    const platform = firstOf(
      platformName(present(context, NETWORK)),
      platformFromUrl(link),
      ...platformFallback(context.platformParam),
    );
    const messageType = `lower(coalesce(${present(context, MESSAGE_TYPE)}, ''))`;
    const parentRef = present(context, ['Parent ID', 'In Reply To', 'Parent Message ID', 'Parent Permalink', 'Parent URL']);
    const parentIsUrl = `regexp_matches(trim(${parentRef}), '^[A-Za-z]+://')`;
    const author = handle(context.col(...AUTHOR));
    return {
      columns: {
        platform,
        post_id: firstOf(idText(present(context, ['Native ID', 'Message ID', 'Post ID', 'GUID'])), postIdFromUrl(link), urlKey(link)),
        created_at: instant,
        author,
        author_name: textCell(present(context, ['From Name', 'Name', 'Author Name'])),
        author_followers: countValue(present(context, ['Followers', 'From Followers', 'Audience'])),
        kind: `CASE
          WHEN ${messageType} LIKE '%quote%' THEN 'quote'
          WHEN ${messageType} LIKE '%retweet%' OR ${messageType} LIKE '%repost%' OR ${messageType} LIKE '%share%' THEN 'repost'
          WHEN ${messageType} LIKE '%reply%' OR ${messageType} LIKE '%comment%' OR ${textCell(parentRef)} IS NOT NULL OR ${isRedditCommentUrl(link)} THEN ${answerKind(platform)}
          ELSE 'post' END`,
        parent_id: `CASE WHEN ${parentIsUrl} THEN ${postIdFromUrl(parentRef)} ELSE ${idText(parentRef)} END`,
        parent_url: `CASE WHEN ${parentIsUrl} THEN trim(${parentRef}) END`,
        thread_id: firstOf(idText(present(context, ['Conversation ID', 'Thread ID'])), redditThreadId(link)),
        text: textCell(context.col(...TEXT)),
        url: textCell(link),
        language: languageCode(present(context, ['Language'])),
        sentiment: sentimentLabel(present(context, ['Sentiment'])),
        topic: textCell(present(context, ['Profile', 'Profile Name', 'Topic'])),
        response_ids: NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate: date,
      rejectWhen: [
        { when: `${platform} IS NULL`, reason: 'the row names no platform (Network and the link are empty); pass --platform' },
        { when: `${author} IS NULL`, reason: 'the sender is empty' },
      ],
      warnWhen: [daylightSavingWarning(local, context.timezoneParam, date), unreadFollowersWarning(present(context, ['Followers', 'From Followers', 'Audience']))],
      dayMonth: { cell: date, format: patterns, source: null },
    };
  },
};
