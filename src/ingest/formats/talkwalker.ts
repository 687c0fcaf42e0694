import { layoutOf, matchesLayout, optionalColumn } from './mapping-context.js';
import {
  unreadFollowersWarning,
  answerKind,
  countValue,
  daylightSavingWarning,
  firstOf,
  handle,
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
import type { ExportFormat } from './types.js';

/** Talkwalker's dates, day first as its exports write them; a file written month first is read so (dayMonth). */
const DAY_FIRST = ['%d/%m/%y %H:%M:%S', '%d/%m/%y %H:%M', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M'];

const LAYOUT = layoutOf('Talkwalker CSV', ['url', 'published', 'parent_url', 'tags_internal', 'matched_profile']);

/**
 * Talkwalker CSV export. `published` is local time (dd/mm/yy) in the
 * timezone of the Talkwalker account, read in `--timezone`. Talkwalker fills
 * `parent_url` with the post's own URL for originals; it names the parent only
 * when it differs. Kinds come from the `tags_internal` flags.
 */
export const talkwalkerFormat: ExportFormat = {
  id: 'talkwalker',
  label: 'Talkwalker CSV',
  tool: 'Talkwalker',
  matches: (header) => matchesLayout(header, LAYOUT),
  layouts: [LAYOUT],
  requiredColumns: () => ['url', 'published'],
  select: (context) => {
    const optional = (...names: string[]): string => optionalColumn(context, ...names);
    const url = context.col('url');
    const published = context.col('published');
    // A file written the other way round is read so (day-month.ts finds it, and the import says it).
    const patterns = context.dayMonthSwapped ? DAY_FIRST.map(swapDayMonth) : DAY_FIRST;
    const { instant, local } = localOrIsoInstant(published, strptimeAny(published, patterns), context.timezoneParam);
    const tags = `(',' || lower(replace(coalesce(${optional('tags_internal')}, ''), ' ', '')) || ',')`;
    const tagged = (flag: string): string => `contains(${tags}, ',${flag.toLowerCase()},')`;
    const sourceType = `lower(coalesce(${optional('source_type')}, ''))`;
    const platformFromSource = `CASE
      WHEN ${sourceType} LIKE '%socialmedia_%' THEN ${platformName(`regexp_extract(${sourceType}, 'socialmedia_([a-z]+)', 1)`)}
      WHEN ${sourceType} <> '' THEN ${platformName(`split_part(${sourceType}, ',', 1)`)}
      ELSE NULL END`;
    const platform = firstOf(
      platformFromSource,
      platformFromUrl(url),
      ...platformFallback(context.platformParam),
    );
    const parentUrl = `CASE WHEN ${urlKey(optional('parent_url'))} IS DISTINCT FROM ${urlKey(url)} THEN ${textCell(optional('parent_url'))} END`;
    // Followers are per network; the list lookup names the platform once.
    const followerCell = `[${['twitter', 'facebook', 'instagram', 'pinterest']
      .map((network) => optional(`source_extended_attributes.${network}_followers`))
      .join(', ')}][list_position(['twitter', 'facebook', 'instagram', 'pinterest'], ${platform})]`;
    const author = firstOf(handle(optional('extra_author_attributes.short_name')), handle(optional('extra_author_attributes.url', 'root_url')));
    const profile = textCell(optional('matched_profile'));
    return {
      columns: {
        platform,
        post_id: firstOf(postIdFromUrl(url), urlKey(url)),
        created_at: instant,
        author,
        author_name: textCell(optional('extra_author_attributes.name', 'extra_source_attributes.name')),
        author_followers: countValue(followerCell),
        kind: `CASE
          WHEN ${tagged('isRepost')} OR ${tagged('isShare')} THEN 'repost'
          WHEN ${tagged('isQuote')} THEN 'quote'
          WHEN ${tagged('isComment')} OR ${tagged('isReply')} OR ${parentUrl} IS NOT NULL OR ${isRedditCommentUrl(url)} THEN ${answerKind(platform)}
          ELSE 'post' END`,
        parent_id: postIdFromUrl(parentUrl),
        parent_url: parentUrl,
        thread_id: redditThreadId(url),
        text: firstOf(textCell(optional('content')), textCell(optional('content_snippet')), textCell(optional('title'))),
        url: textCell(url),
        language: languageCode(optional('lang')),
        sentiment: sentimentLabel(optional('sentiment')),
        // "SEARCH /  / Carrefour": the last part is the profile's name, the one a config lists under topics.
        topic: `NULLIF(trim(regexp_extract(${profile}, '([^/]*)$', 1)), '')`,
        response_ids: NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate: published,
      rejectWhen: [
        { when: `${platform} IS NULL`, reason: 'the row names no platform (source_type and url are empty); pass --platform' },
        { when: `${author} IS NULL`, reason: 'no author (extra_author_attributes.short_name and the author URL are empty)' },
      ],
      warnWhen: [
        daylightSavingWarning(local, context.timezoneParam, published),
        unreadFollowersWarning(followerCell),
      ],
      dayMonth: { cell: published, format: patterns, source: null },
    };
  },
};
