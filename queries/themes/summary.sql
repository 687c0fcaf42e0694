-- Themes, step 6: each theme of each brand in the period, as METRICS.md counts
-- everything else:
--   mentions, share        its mentions, and their share of the brand's mentions
--   previous_mentions      the same in the previous period; NULL when the data holds no
--                          mention of a tracked brand then (change_reason
--                          'previous-period-not-in-data': unknown, not 0)
--   change                 mentions against the previous period, in percent; NULL when the
--                          brand's counts of the two periods do not compare, with the reason
--                          theme_uncompared gives (uncompared.sql: the data holds nothing of the
--                          previous period, the exports reach over part of either period, or
--                          the brand's own data is missing or cut in one), or either side has fewer than
--                          $min_mentions mentions (change_reason 'thin-period' or
--                          'thin-previous-period')
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
-- Parameters: $from, $start, $end, $inbound_mode, $min_mentions.
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
       CASE WHEN u.reason IS DISTINCT FROM 'previous-period-not-in-data' THEN coalesce(c.previous_mentions, 0) END::DOUBLE AS previous_mentions,
       -- The change is given exactly when no reason withholds it (then both sides hold $min_mentions, none 0).
       CASE WHEN u.reason IS NOT NULL THEN u.reason
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
LEFT JOIN theme_uncompared u ON u.brand_id = g.brand_id
LEFT JOIN counted c ON c.brand_id = g.brand_id AND c.theme = g.theme AND c.source = g.source
LEFT JOIN volume v ON v.brand_id = g.brand_id
LEFT JOIN rb_posts_partial_brands($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode) pp ON pp.brand_id = g.brand_id;

SELECT * FROM theme_summary ORDER BY brand_id, source, mentions DESC, theme;
