-- Themes, step 6: each theme of each brand in the period, as METRICS.md counts
-- everything else:
--   mentions, share        its mentions, and their share of the brand's mentions
--   previous_mentions      the same in the previous period; NULL when the data holds no
--                          mention of a tracked brand then (change_reason
--                          'previous-period-not-in-data': unknown, not 0)
--   change                 mentions against the previous period, in percent; NULL when
--                          the exports reach over part of this period or of the previous
--                          one only ($period_whole, $previous_whole false: change_reason
--                          'period-partly-in-data' or 'previous-period-partly-in-data'), or
--                          either side has fewer than $min_mentions mentions (with
--                          change_reason 'thin-period' or 'thin-previous-period'), or the
--                          brand's own posts were not in the data in the previous period
--                          where they are in this one ('unmeasured-previous-period', as
--                          every figure of the brand: its care export missing then, the
--                          mentions it holds were missing with it), or the data of one period
--                          holds none of the brand's mentions and posts on a platform where the
--                          other holds $min_mentions or more ('platform-missing-previous',
--                          'platform-missing': an export of one month missing), or a platform
--                          holds its posts in the previous period only, beside $min_mentions
--                          mentions now ('unmeasured-period'; src/metrics/ranking.ts,
--                          missingPlatforms), or the brand's data on a platform (its posts and
--                          the mentions of it) reaches over part of this period, or of the
--                          previous one, only, beside the other brands' data there ($brands_cut,
--                          $brands_cut_previous: the brand ids, comma-separated;
--                          'brand-data-partial', 'brand-data-partial-previous': its care export
--                          ends early; Analysis.brandsInPart)
--   measured, answered     mentions that need an answer on platforms where the data holds
--                          the brand's posts (base/measured.sql), and those answered
--   listed_missing         of the measured, those unanswered whose export lists a response the
--                          data lacks (base/mentions.sql): each may have been an answer
--   response_rate          answered / measured (NULL without measured mentions)
--   response_rate_end      the highest the rate could be, where the data may lack answers: 1 where it
--                          holds the brand's posts on part of the period (rb_posts_partial_brands: how
--                          many it lacks is unknown), else the rate were each of listed_missing an
--                          answer where they are too many of the measured (rb_lists_missing:
--                          coverage responses-missing, applied to the theme's own mentions); NULL
--                          where the rate is exact, or 100%
--   median_min             median response time of the answered ones
--   negative, neutral, positive   mentions by the sentiment the export gave (rb_sentiment,
--                          carried from theme_posts to theme_mentions)
-- Every brand gets a row for every configured theme, mentioned or not; a term found
-- gets rows where it has mentions, for the brand it was found for and, when it was
-- found for the client, for every brand (the client's benchmark). So the client's rows
-- are its own themes only, and benchmarks.sql ranks no theme its page does not show.
--
-- Output: theme_summary, then its rows.
-- Parameters: $from, $start, $end, $inbound_mode, $min_mentions, $period_whole, $previous_whole,
-- $brands_cut, $brands_cut_previous.
CREATE OR REPLACE TEMP TABLE theme_summary AS
WITH measured_platforms AS (
  SELECT * FROM rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ)
),
compared AS (
  -- the terms found for each brand, and those found for the client at every brand
  SELECT brand_id, term FROM theme_found
  UNION
  SELECT b.brand_id, f.term FROM theme_found f JOIN rb_brands c ON c.brand_id = f.brand_id AND c.role = 'client' CROSS JOIN rb_brands b
),
previous_held AS (
  SELECT EXISTS (SELECT 1 FROM mentions WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $start::TIMESTAMPTZ) AS held
),
unmeasured AS (
  -- coverage.sql's no-brand-posts over all platforms (a mention received on a platform where the data holds no post
  -- of the brand), in the previous period and not in this one
  SELECT m.brand_id, 'unmeasured-previous-period' AS reason
  FROM mentions m
  LEFT JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) now_mp ON now_mp.brand_id = m.brand_id AND now_mp.platform = m.platform
  LEFT JOIN rb_measured_platforms($from::TIMESTAMPTZ, $start::TIMESTAMPTZ) then_mp ON then_mp.brand_id = m.brand_id AND then_mp.platform = m.platform
  WHERE m.created_at >= $from::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ AND ($inbound_mode = 'all' OR m.is_question)
  GROUP BY m.brand_id
  HAVING coalesce(bool_or(m.created_at < $start::TIMESTAMPTZ AND then_mp.platform IS NULL), false)
     AND NOT coalesce(bool_or(m.created_at >= $start::TIMESTAMPTZ AND now_mp.platform IS NULL), false)
),
platform_missing AS (
  -- src/metrics/ranking.ts, missingPlatforms: a platform's data of the brand in one period only, or its posts there
  -- in the previous period only beside $min_mentions mentions now; in that order
  SELECT brand_id,
         CASE WHEN bool_or(mentions_then + posts_then = 0 AND mentions_now + posts_now >= $min_mentions) THEN 'platform-missing-previous'
              WHEN bool_or(mentions_now + posts_now = 0 AND mentions_then + posts_then >= $min_mentions) THEN 'platform-missing'
              WHEN bool_or(posts_now = 0 AND mentions_now >= $min_mentions AND posts_then > 0) THEN 'unmeasured-period' END AS reason
  FROM (
    SELECT brand_id, platform,
           count(*) FILTER (WHERE mention AND created_at >= $start::TIMESTAMPTZ) AS mentions_now,
           count(*) FILTER (WHERE mention AND created_at < $start::TIMESTAMPTZ) AS mentions_then,
           count(*) FILTER (WHERE NOT mention AND created_at >= $start::TIMESTAMPTZ) AS posts_now,
           count(*) FILTER (WHERE NOT mention AND created_at < $start::TIMESTAMPTZ) AS posts_then
    FROM (
      SELECT brand_id, platform, created_at, true AS mention FROM mentions
      WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND ($inbound_mode = 'all' OR is_question)
      UNION ALL
      SELECT brand_id, platform, created_at, false FROM brand_posts
      WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
    )
    GROUP BY brand_id, platform
  )
  GROUP BY brand_id
  HAVING reason IS NOT NULL
),
volume AS (
  SELECT brand_id, count(*) AS inbound FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND ($inbound_mode = 'all' OR is_question)
  GROUP BY brand_id
),
counted AS (
  SELECT t.brand_id, t.theme, t.source,
         count(*) FILTER (WHERE t.current) AS mentions,
         count(*) FILTER (WHERE NOT t.current) AS previous_mentions,
         count(*) FILTER (WHERE t.current AND t.needs_answer AND mp.platform IS NOT NULL) AS measured,
         count(t.response_at) FILTER (WHERE t.current AND t.needs_answer AND mp.platform IS NOT NULL) AS answered,
         count(*) FILTER (WHERE t.current AND t.needs_answer AND mp.platform IS NOT NULL AND t.listed_missing) AS listed_missing,
         quantile_cont(t.response_min, 0.5) FILTER (WHERE t.current AND t.needs_answer) AS median_min,
         count(*) FILTER (WHERE t.current AND t.sentiment = 'negative') AS negative,
         count(*) FILTER (WHERE t.current AND t.sentiment = 'neutral') AS neutral,
         count(*) FILTER (WHERE t.current AND t.sentiment = 'positive') AS positive
  FROM rb_theme_mentions($from::TIMESTAMPTZ, $start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode) t
  LEFT JOIN measured_platforms mp ON mp.brand_id = t.brand_id AND mp.platform = t.platform
  LEFT JOIN compared c ON c.brand_id = t.brand_id AND c.term = t.theme
  WHERE t.source = 'config' OR c.term IS NOT NULL
  GROUP BY t.brand_id, t.theme, t.source
),
grid AS (
  SELECT b.brand_id, ph.theme, 'config' AS source FROM rb_brands b CROSS JOIN (SELECT DISTINCT theme FROM rb_theme_phrases) ph
  UNION
  SELECT brand_id, theme, source FROM counted
)
SELECT g.brand_id, g.theme, g.source,
       coalesce(c.mentions, 0)::DOUBLE AS mentions,
       (coalesce(c.mentions, 0) / nullif(v.inbound, 0))::DOUBLE AS share,
       CASE WHEN ph.held THEN coalesce(c.previous_mentions, 0) END::DOUBLE AS previous_mentions,
       -- The change is given exactly when no reason withholds it (then both sides hold $min_mentions, none 0).
       CASE WHEN NOT ph.held THEN 'previous-period-not-in-data'
            WHEN NOT $period_whole THEN 'period-partly-in-data'
            WHEN NOT $previous_whole THEN 'previous-period-partly-in-data'
            WHEN u.reason IS NOT NULL THEN u.reason
            WHEN pm.reason IS NOT NULL THEN pm.reason
            WHEN list_contains(string_split($brands_cut, ','), g.brand_id) THEN 'brand-data-partial'
            WHEN list_contains(string_split($brands_cut_previous, ','), g.brand_id) THEN 'brand-data-partial-previous'
            WHEN coalesce(c.mentions, 0) < $min_mentions THEN 'thin-period'
            WHEN coalesce(c.previous_mentions, 0) < $min_mentions THEN 'thin-previous-period' END AS change_reason,
       CASE WHEN change_reason IS NULL THEN ((c.mentions - c.previous_mentions) * 100.0 / c.previous_mentions)::DOUBLE END AS change,
       coalesce(c.measured, 0)::DOUBLE AS measured,
       coalesce(c.answered, 0)::DOUBLE AS answered,
       coalesce(c.listed_missing, 0)::DOUBLE AS listed_missing,
       (c.answered / nullif(c.measured, 0))::DOUBLE AS response_rate,
       CASE WHEN c.answered < c.measured THEN
         CASE WHEN pp.brand_id IS NOT NULL THEN 1 ELSE rb_listed_rate_end(c.answered / c.measured, c.listed_missing, c.measured) END
       END::DOUBLE AS response_rate_end,
       c.median_min::DOUBLE AS median_min,
       coalesce(c.negative, 0)::DOUBLE AS negative,
       coalesce(c.neutral, 0)::DOUBLE AS neutral,
       coalesce(c.positive, 0)::DOUBLE AS positive
FROM grid g
CROSS JOIN previous_held ph
LEFT JOIN counted c ON c.brand_id = g.brand_id AND c.theme = g.theme AND c.source = g.source
LEFT JOIN volume v ON v.brand_id = g.brand_id
LEFT JOIN unmeasured u ON u.brand_id = g.brand_id
LEFT JOIN platform_missing pm ON pm.brand_id = g.brand_id
LEFT JOIN rb_posts_partial_brands($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode) pp ON pp.brand_id = g.brand_id;

SELECT * FROM theme_summary ORDER BY brand_id, source, mentions DESC, theme;
