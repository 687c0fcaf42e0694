/**
 * The analysis: the base tables every number is computed from, built once per
 * (store, config, period) on a connection of its own (`Analysis.build`).
 * Metrics (src/metrics), diagnostics (src/metrics/diagnostics) and the
 * report's facts (src/report/model/storeFacts.ts) only read them, with the
 * SQL files of queries/ (`analysis.rows('response', responseRow, params)`).
 *
 * The base covers [min(previous period start, 13-month trend start, period
 * start - look-back), max(period end, trend end)); the slice of brand replies
 * and parents runs one response window further. Every query filters its own
 * period. TEMP tables (and one view), per analysis connection:
 *
 *   rb_brands   (brand_id, name, role 'client'|'competitor', ord)       the config's brands
 *   rb_accounts (brand_id, platform, handle)                           owned handles, lower case, no @
 *   rb_topics   (brand_id, topic)                                      topics tied to a brand, lower case
 *   rb_sla      (target_min DOUBLE)                                    SLA targets
 *   url_parents (platform, post_id, parent_post_id, parent_author,    parents found by link (parent_url)
 *                parent_at)                                           for posts of the slice
 *   post_parents (platform, post_id, author, created_at,              every post of the slice that points at a
 *                parent_post_id, parent_author, parent_at)            parent; parent_* NULL = not in the data
 *   brand_posts (brand_id, platform, post_id, author, created_at,     posts of owned accounts in the slice,
 *                local_day, kind, parent_post_id, parent_author,      with their parent and their type
 *                parent_at, post_type 'reply'|'broadcast'|'repost',
 *                batch_id)
 *   inbound     (brand_id, platform, post_id, author, created_at,     every inbound mention of the range
 *                is_question)                                         (questions filtered per query)
 *   mentions    inbound + response_id, response_at,                   the table every metric reads
 *                response_min DOUBLE, pending BOOLEAN,
 *                local_month 'YYYY-MM', local_day DATE, weekday 0=Mon, (local = config timezone)
 *                hour
 *   responses VIEW (brand_id, platform, mention_id, response_id,      the answered rows of mentions
 *                response_at, response_min)
 *   period_measured_platforms, period_few_brand_posts,                 sets of the period and the one before
 *   period_outside_own_posts, period_posts_partial_brands              (base/period_sets.sql), read through
 *   period_sets_built (the periods whose sets are built)               base/measured.sql's macros
 * and the macros the audience figures read (base/sentiment.sql: rb_sentiment; base/audience.sql:
 * rb_audience_mentions, rb_audience_groups).
 *
 * Instants are TIMESTAMPTZ (the connection runs in UTC); bind them as ISO
 * strings and cast (`$start::TIMESTAMPTZ`). Cast counts to DOUBLE in SQL.
 * Metric queries take `$inbound_mode` and keep `is_question` rows only in
 * 'questions' mode; they group with `GROUPING SETS ((brand_id), (brand_id,
 * platform))` and name the all-platforms group scope '*'.
 */
export { Analysis, withAnalysis, type AnalysisOptions } from './analysis.js';
export { iso, type AnalysisRange } from './build.js';
export { queryFile, queryText, runQueryFile } from './queries.js';
export { monthsEnding, parsePeriod, previousPeriod, type Period } from './period.js';
