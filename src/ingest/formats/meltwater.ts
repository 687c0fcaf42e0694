import { hasAll, optionalColumn } from './mapping-context.js';
import {
  answerKind,
  countValue,
  daylightSavingWarning,
  firstOf,
  handle,
  idText,
  isRetweetText,
  languageCode,
  localOrIsoInstant,
  NULL_TEXT,
  platformFallback,
  platformFromUrl,
  platformName,
  postIdFromUrl,
  sentimentLabel,
  textCell,
  urlKey,
} from './sql-helpers.js';
import type { ExportFormat } from './types.js';

const SIGNATURE = ['Date', 'URL', 'Hit Sentence', 'Source', 'Influencer'];

/**
 * Meltwater mentions export (UTF-16LE TSV; the pipeline hands it over as
 * UTF-8). `Date` is local time (`13-Aug-2025 09:07AM`) in the Meltwater
 * account's timezone, read in `--timezone`. Ids are wrapped in literal quotes.
 * Meltwater has no repost flag: a tweet whose text starts `RT @user:` is a
 * repost; a row with a `Parent URL` answers that post.
 */
export const meltwaterFormat: ExportFormat = {
  id: 'meltwater',
  label: 'Meltwater export',
  matches: (header) => hasAll(header, SIGNATURE),
  requiredColumns: () => ['Date', 'URL', 'Influencer'],
  select: (context) => {
    const optional = (...names: string[]): string => optionalColumn(context, ...names);
    const url = context.col('URL');
    const date = context.col('Date');
    const { instant, local } = localOrIsoInstant(
      date,
      `try_strptime(trim(${date}), ['%d-%b-%Y %I:%M%p', '%d-%b-%Y %I:%M %p', '%d-%b-%Y %H:%M'])`,
      context.timezoneParam,
    );
    const platform = firstOf(
      platformName(optional('Source')),
      platformFromUrl(url),
      ...platformFallback(context.platformParam),
    );
    const text = firstOf(textCell(optional('Hit Sentence')), textCell(optional('Opening Text')), textCell(optional('Headline')));
    const parentUrl = textCell(optional('Parent URL'));
    const author = firstOf(handle(context.col('Influencer')), handle(optional('User Profile Url')));
    return {
      columns: {
        platform,
        post_id: firstOf(idText(optional('Tweet Id')), postIdFromUrl(url), idText(optional('Document ID')), urlKey(url)),
        created_at: instant,
        author,
        author_name: textCell(optional('Twitter Screen Name', 'Author Name')),
        author_followers: countValue(optional('Twitter Followers')),
        kind: `CASE
          WHEN ${platform} = 'twitter' AND ${isRetweetText(text)} THEN 'repost'
          WHEN ${parentUrl} IS NOT NULL THEN ${answerKind(platform)}
          ELSE 'post' END`,
        parent_id: postIdFromUrl(parentUrl),
        parent_url: parentUrl,
        thread_id: NULL_TEXT,
        text,
        url: textCell(url),
        language: languageCode(optional('Language')),
        sentiment: sentimentLabel(optional('Sentiment')),
        topic: textCell(optional('Input Name')),
        response_ids: NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate: date,
      rejectWhen: [
        { when: `${platform} IS NULL`, reason: 'the row names no platform (Source and URL are empty); pass --platform' },
        { when: `${author} IS NULL`, reason: 'Influencer is empty' },
      ],
      warnWhen: [daylightSavingWarning(local, context.timezoneParam, date)],
    };
  },
};
