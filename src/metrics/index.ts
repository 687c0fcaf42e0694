/**
 * Metrics engine: the numbers of the README's metric reference, computed in
 * DuckDB from the SQL in queries/ and shaped into a `MetricsReport`.
 *
 * Building on it (other metric families)
 * --------------------------------------
 * `prepareBase(store, config, range)` (src/metrics/base.ts) creates these
 * TEMP tables on the store's connection; later queries on the same Store can
 * read them. `computeMetrics` calls it for the range
 * [min(13-month trend start, previous period start), max(period end, trend end)),
 * so after `computeMetrics(...)` (or after `prepareBase` with your own range)
 * you can run e.g. `runQueryFile(store, 'my_family', { start, end })`
 * or `queryFile<Row>(...)` (src/metrics/sql.ts: splits a file on `;` at line
 * ends and binds only the `$params` each statement uses).
 *
 *   rb_brands   (brand_id, name, role 'client'|'competitor', ord)       the config's brands
 *   rb_accounts (brand_id, platform, handle)                           owned handles, lower case, no @
 *   rb_topics   (brand_id, topic)                                      topics tied to a brand, lower case
 *   rb_sla      (target_min DOUBLE)                                    SLA targets
 *   url_parents (platform, post_id, parent_post_id, parent_author,    parents found by link (parent_url)
 *                parent_at)                                           for posts of the slice
 *   post_parents VIEW (platform, post_id, author, created_at,          every post that points at a parent;
 *                parent_post_id, parent_author, parent_at)            parent_* NULL = not in the data;
 *                                                                     filter it by created_at
 *   brand_posts VIEW (brand_id, platform, post_id, author,             posts of owned accounts, any date,
 *                created_at, kind, parent_post_id, parent_author,    joined to their parent when read:
 *                parent_at, post_type 'reply'|'broadcast'|'repost')  filter it by created_at
 *   inbound     (brand_id, platform, post_id, author, created_at,     inbound mentions in [start, end),
 *                is_question)                                         after the config's inbound mode
 *   mentions    inbound + response_id, response_at,                   the table every metric reads
 *                response_min DOUBLE, pending BOOLEAN,
 *                local_month 'YYYY-MM', weekday 0=Mon, hour           (local = config timezone)
 *   responses VIEW (brand_id, platform, mention_id, response_id,      the answered rows of mentions
 *                response_at, response_min)
 *
 * Instants are TIMESTAMPTZ (the connection runs in UTC); bind them as ISO
 * strings and cast (`$start::TIMESTAMPTZ`). Cast counts to DOUBLE in SQL.
 * Metric queries group with `GROUPING SETS ((brand_id), (brand_id, platform))`
 * and name the all-platforms group scope '*'.
 */
export { computeMetrics, type ComputeOptions } from './compute.js';
export { prepareBase, iso, type AnalysisRange } from './base.js';
export { parsePeriod, previousPeriod, monthsEnding, type Period } from './period.js';
export { queryFile, runQueryFile, loadQuery } from './sql.js';
export { METRIC_DEFINITIONS, type MetricDefinition } from './definitions.js';
export { wilsonInterval } from './wilson.js';
export { medianCiRanks } from './median-ci.js';
export type * from './types.js';
