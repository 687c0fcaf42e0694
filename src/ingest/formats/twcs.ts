import { layoutOf, matchesLayout } from './mapping-context.js';
import {
  handle,
  idList,
  idText,
  isScientificNotation,
  isUnreadableIdList,
  NULL_COUNT,
  NULL_TEXT,
  platformOrDefault,
  safeIdText,
  textCell,
  unescapeTweetText,
} from './sql-helpers.js';
import type { ExportFormat } from './types.js';
import { isExcelHashes } from './excel-damage.js';
import { UNREADABLE_RESPONSE_IDS } from '../canonical.js';

const REQUIRED = ['tweet_id', 'author_id', 'created_at', 'text', 'in_response_to_tweet_id'];

/**
 * Tweet ids are digits (pandas writes `3.0`, Meltwater-style quotes and
 * spaces are read as idText does): anything else in an id cell is a value
 * shifted there by a delimiter inside an unquoted text.
 */
function isNotTweetId(cell: string): string {
  return `coalesce(NOT regexp_full_match(${cell}, '\\s*["'']?[0-9]+(\\.0+)?["'']?\\s*'), false)`;
}

/**
 * True when an id list is one number Excel made of it: regrouped
 * (`155,157` shown as `1,55,157`), rounded to 15 significant digits (the
 * digits after them zeros: `349,350,351,352,347,000,000,000`), written in
 * scientific notation, or shown as `#####` (a column too narrow for the
 * number, saved as displayed). One regular expression: this runs on every row.
 */
function isExcelDamagedIdList(expr: string): string {
  const grouped = '[0-9]{1,2}(,[0-9]{2})+,[0-9]{3}';
  const rounded = '[0-9]{1,3}(,[0-9]{3}){3,}(,000)+';
  const scientific = '[0-9]+(\\.[0-9]+)?[eE]\\+[0-9]+';
  const hashes = '#{2,}';
  return `coalesce(regexp_full_match(${expr}, '\\s*(${grouped}|${rounded}|${scientific}|${hashes})\\s*'), false)`;
}

/** Why a row of the file is kept with a warning: Excel damaged one of its ids. */
export const TWCS_WARNING_REASONS = {
  parent: 'in_response_to_tweet_id is in scientific notation (Excel rounded it): the reply was kept without its parent',
  responses:
    'response_tweet_id was damaged by Excel, which made one number of its list of ids (155,157 shown as 1,55,157, rounded to 15 digits, written as 1.55E+5 or as #####): the list is lost, the rows are kept, and each counts as a post whose listed responses the data lacks (reply links come from in_response_to_tweet_id, which is intact); to keep the lists, export again without opening the file in Excel',
} as const;

const LAYOUT = layoutOf('Kaggle Customer Support on Twitter CSV', REQUIRED);

/**
 * Kaggle "Customer Support on Twitter" (twcs.csv) and its pandas/Excel
 * re-saves. Brands appear under their handle in `author_id`, customers under
 * an anonymised number. The parent comes from `in_response_to_tweet_id`;
 * `response_tweet_id`, the ids of the responses the export knows of, is kept
 * in `response_ids` (coverage: listed responses missing from the data); a list
 * a spreadsheet damaged is kept as UNREADABLE_RESPONSE_IDS.
 */
export const twcsFormat: ExportFormat = {
  id: 'twcs',
  label: 'Kaggle Customer Support on Twitter CSV',
  // The layout is named after the Kaggle dataset that made it known; the client reads only where the posts come from.
  tool: 'Twitter CSV',
  matches: (header) => matchesLayout(header, LAYOUT),
  layouts: [LAYOUT],
  requiredColumns: () => REQUIRED,
  select: (context) => {
    const id = context.col('tweet_id');
    const parent = context.col('in_response_to_tweet_id');
    const created = context.col('created_at');
    const responses = context.has('response_tweet_id') ? context.col('response_tweet_id') : null;
    const hasParent = `${textCell(parent)} IS NOT NULL`;
    return {
      columns: {
        platform: platformOrDefault(context.platformParam, 'twitter'),
        post_id: idText(id),
        created_at: `COALESCE(try_strptime(${created}, '%a %b %d %H:%M:%S %z %Y'), try_strptime(trim(${created}), '%a %b %d %H:%M:%S %z %Y'))`,
        author: handle(context.col('author_id')),
        author_name: NULL_TEXT,
        author_followers: NULL_COUNT,
        kind: `CASE WHEN ${hasParent} THEN 'reply' ELSE 'post' END`,
        parent_id: safeIdText(parent),
        parent_url: NULL_TEXT,
        thread_id: NULL_TEXT,
        text: unescapeTweetText(context.col('text')),
        url: NULL_TEXT,
        language: NULL_TEXT,
        sentiment: NULL_TEXT,
        topic: NULL_TEXT,
        response_ids: responses
          ? `CASE WHEN ${isExcelDamagedIdList(responses)} THEN '${UNREADABLE_RESPONSE_IDS}' WHEN ${isUnreadableIdList(responses)} THEN NULL ELSE ${idList(responses)} END`
          : NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate: created,
      rejectWhen: [
        {
          when: isScientificNotation(id),
          reason: 'tweet_id is in scientific notation (e.g. 1.23E+17): Excel rounded it and the real id is lost; export the data again without opening it in Excel',
        },
        { when: `${handle(context.col('author_id'))} IS NULL`, reason: 'author_id is empty' },
        // An id shown as ##### is Excel's damage, not a shifted cell: the rules every format shares (excel-damage.ts) say so.
        { when: `NOT ${isExcelHashes(id)} AND ${isNotTweetId(id)}`, reason: 'tweet_id is not a tweet id (a delimiter inside an unquoted text shifted the cells?)' },
        {
          when: `NOT ${isScientificNotation(parent)} AND NOT ${isExcelHashes(parent)} AND ${isNotTweetId(parent)}`,
          reason: 'in_response_to_tweet_id is not a tweet id (a delimiter inside an unquoted text shifted the cells?)',
        },
        ...(responses
          ? [
              {
                when: `NOT ${isExcelDamagedIdList(responses)} AND ${isUnreadableIdList(responses)}`,
                reason: 'response_tweet_id is not a list of ids (a delimiter inside an unquoted text shifted the cells?)',
              },
            ]
          : []),
      ],
      warnWhen: [
        {
          when: isScientificNotation(parent),
          reason: TWCS_WARNING_REASONS.parent,
        },
        ...(responses
          ? [
              {
                when: isExcelDamagedIdList(responses),
                reason: TWCS_WARNING_REASONS.responses,
              },
            ]
          : []),
      ],
    };
  },
};
