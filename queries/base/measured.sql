-- rb_measured_platforms(start, end): the (brand, platform) pairs whose response metrics
-- the data can support in [start, end): the data holds posts of the brand there in the
-- period (reposts left out), or a response (which may come after the period's end) to
-- one of its mentions. Elsewhere the brand's mentions may be all the export holds:
-- "unanswered" would say nothing (coverage.sql, unanswered_examples.sql).
--
-- Parameters: none (a macro of the analysis's connection).
CREATE OR REPLACE TEMP MACRO rb_measured_platforms(period_start, period_end) AS TABLE
SELECT brand_id, platform
FROM brand_posts
WHERE created_at >= period_start AND created_at < period_end AND post_type <> 'repost'
UNION
SELECT brand_id, platform
FROM mentions
WHERE created_at >= period_start AND created_at < period_end AND response_at IS NOT NULL;

-- rb_few_brand_posts(start, end): the (brand, scope) pairs, scope '*' for all platforms
-- together, where the brand received inbound mentions in [start, end) but wrote fewer
-- than 10 posts there (reposts left out), none of them a reply: too little of its own
-- activity to compare its answers (METRICS.md, "Comparability", few-brand-posts). A
-- brand with no post at all there is no-brand-posts instead (coverage.sql).
CREATE OR REPLACE TEMP MACRO rb_few_brand_posts(period_start, period_end) AS TABLE
WITH own AS (
  SELECT brand_id, CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS posts, count(*) FILTER (WHERE post_type = 'reply') AS replies
  FROM brand_posts
  WHERE created_at >= period_start AND created_at < period_end AND post_type <> 'repost'
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
received AS (
  SELECT DISTINCT brand_id, platform FROM mentions
  WHERE created_at >= period_start AND created_at < period_end
)
SELECT o.brand_id, o.scope
FROM own o
WHERE o.posts < 10 AND o.replies = 0
  AND EXISTS (SELECT 1 FROM received r WHERE r.brand_id = o.brand_id AND (o.scope = '*' OR r.platform = o.scope));
