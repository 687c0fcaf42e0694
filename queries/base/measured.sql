-- Sets of one period that several queries read, computed once for each period of the
-- analysis, the period and the one before it (base/period_sets.sql says what each holds),
-- rather than by every query that reads them: a macro that computed one would be planned and
-- run again by each. Each macro below reads its period's rows, and fails, naming the period,
-- for a period whose sets were not built, rather than answer with no rows.
--
-- Parameters: none (tables and macros of the analysis's connection).
CREATE OR REPLACE TEMP TABLE period_sets_built (period_start TIMESTAMPTZ NOT NULL, period_end TIMESTAMPTZ NOT NULL, inbound_mode VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE period_measured_platforms (period_start TIMESTAMPTZ NOT NULL, brand_id VARCHAR NOT NULL, platform VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE period_few_brand_posts (period_start TIMESTAMPTZ NOT NULL, brand_id VARCHAR NOT NULL, scope VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE period_outside_own_posts (period_start TIMESTAMPTZ NOT NULL, brand_id VARCHAR NOT NULL, platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL, gap_from TIMESTAMPTZ, gap_to TIMESTAMPTZ);
CREATE OR REPLACE TEMP TABLE period_posts_partial_brands (period_start TIMESTAMPTZ NOT NULL, brand_id VARCHAR NOT NULL);

-- rb_built_period(start, end, inbound_mode): start, when the sets of [start, end) were built in
-- that inbound mode (NULL: in either); an error otherwise.
CREATE OR REPLACE TEMP MACRO rb_built_period(p_start, p_end, p_mode) AS (
  SELECT CASE WHEN count(*) > 0 THEN p_start
              ELSE error('base/period_sets.sql was not run for the period starting ' || p_start::VARCHAR || ' in inbound mode ' || coalesce(p_mode, 'any')) END
  FROM period_sets_built b
  WHERE b.period_start = p_start AND b.period_end = p_end AND (p_mode IS NULL OR b.inbound_mode = p_mode)
);

-- rb_measured_platforms(start, end): the (brand, platform) pairs whose response metrics the data
-- can support in [start, end).
CREATE OR REPLACE TEMP MACRO rb_measured_platforms(p_start, p_end) AS TABLE
SELECT brand_id, platform FROM period_measured_platforms WHERE period_start = rb_built_period(p_start, p_end, NULL);

-- rb_few_brand_posts(start, end): the (brand, scope) pairs with coverage few-brand-posts.
CREATE OR REPLACE TEMP MACRO rb_few_brand_posts(p_start, p_end) AS TABLE
SELECT brand_id, scope FROM period_few_brand_posts WHERE period_start = rb_built_period(p_start, p_end, NULL);

-- rb_outside_own_posts(start, end): the mentions left unanswered outside the span of the brand's
-- posts in the data; for one between two of its posts, the two posts' times (gap_from, gap_to).
CREATE OR REPLACE TEMP MACRO rb_outside_own_posts(p_start, p_end) AS TABLE
SELECT brand_id, platform, post_id, gap_from, gap_to FROM period_outside_own_posts WHERE period_start = rb_built_period(p_start, p_end, NULL);

-- rb_posts_partial_brands(start, end, inbound_mode): the brands with coverage brand-posts-partial
-- over all platforms.
CREATE OR REPLACE TEMP MACRO rb_posts_partial_brands(p_start, p_end, p_mode) AS TABLE
SELECT brand_id FROM period_posts_partial_brands WHERE period_start = rb_built_period(p_start, p_end, p_mode);
