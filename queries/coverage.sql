-- Coverage: what the data can and cannot tell about each brand, per platform and over
-- all platforms (scope '*'), for [$start, $end). Exports are often partial: a listening
-- export holds the customers' mentions but not the brand's replies, a care export the
-- replies but not all they answer, a quick export one evening of a month.
--   brand_posts                    the brand's own posts (reposts left out)
--   inbound                        its inbound mentions (questions-only mode applied)
--   inbound_measured               those that need an answer (base/mentions.sql) on a
--                                  platform where the data holds posts of the brand:
--                                  the mentions its response metrics rest on
--   mass_mentions, closers         inbound mentions that need no answer, by reason
--   inbound_with_listed_responses  mentions whose export lists response ids
--   listed_responses_missing       of inbound_measured, the unanswered mentions whose export
--                                  lists a response id that is not in the data (base/mentions.sql):
--                                  those that make the rate a lower bound
--   outside_own_posts              of inbound_measured, the unanswered mentions after the brand's
--                                  last post, before its first, or between two of its posts, where
--                                  the data holds none of its posts for longer than it leaves likely
--                                  (base/period_sets.sql says when), on the platforms where they are
--                                  at least 5 and more than the threshold of its mentions there
--                                  (base/measured.sql, rb_outside_own_posts): when the brand's export
--                                  covers part of the period (a care tool changed mid-month) the data
--                                  cannot hold their answers, while they count as unanswered
--   own_first_at, own_last_at      the brand's first and last post in the period (reposts left
--                                  out; for '*', on every platform)
--   own_gaps                       on a platform, the runs inside the period its outside mentions
--                                  fall in (base/period_sets.sql: its exports stop and start again
--                                  around them), each from its last post before them to its first
--                                  after them, in time order; none for '*'
--   replies                        the brand's replies (reply versus broadcast)
--   replies_with_missing_parent    of them, replies to posts not in the data
--   top_author, top_author_mentions  the author of most of its inbound mentions (ties:
--                                  the first name in alphabetical order)
--   first_at, last_at              its first and last post in the period, mentions and its
--                                  own posts together (ISO instants)
--   days_with_data                 local days ($tz) with a mention or a post of the brand,
--                                  of the period's period_days
--   span_days                      local days from the first to the last, both counted (a brand
--                                  mentioned on 12 days spread over the month spans 31; an
--                                  export of one week spans 7 at most)
--   busiest_day, busiest_day_mentions, busiest_day_share  the local day with most of its
--                                  mentions (ties: the earliest), and its share of them
--   These five read every mention, questions or not: they say what the exports cover,
--   and a month of questions on fewer days is no shorter export.
--   top_author_share               top_author_mentions / inbound
--   accounts_tracked               the brand's accounts in the config on the platform (for '*',
--                                  on every platform; another name of an account, a user id,
--                                  is not one): with none, no post of the brand is looked for
--                                  there, and no export is missing
-- Warnings (thresholds from the config's metrics.coverage, and METRICS.md's "Comparability"):
--   no-brand-posts      inbound mentions but no post of the brand on the platform (for '*':
--                       on some platform): its response metrics there are NULL, not 0
--   few-brand-posts     inbound mentions, but fewer than 10 posts of the brand and no reply
--                       (base/measured.sql): its response metrics are not compared
--   responses-missing   listed_responses_missing / inbound_measured > $responses_missing_share
--                       (rb_lists_missing, base/config_tables.sql, which holds the same share):
--                       the response rate is a lower bound (a mass mention's missing response
--                       changes no rate, and a brand without a rate has no bound)
--   brand-posts-partial at least 5 mentions outside its posts, and outside_own_posts /
--                       inbound_measured > $responses_missing_share (the same threshold: answers
--                       the data may lack; for '*', base/measured.sql's rb_posts_partial_brands,
--                       which the diagnostics and the themes read too): the response rate is a
--                       lower bound, and takes no rank (never with few-brand-posts, which already
--                       compares none of its response figures)
--   parents-missing     replies_with_missing_parent / replies > $parents_missing_share
--                       (never on zero replies): inbound volume and share of voice are
--                       understated
--   dominant-author     one author wrote more than 20% of its inbound mentions, and at
--                       least 20 of them
--   partial-period      the data covers fewer than half of the period's days, or more
--                       than half of its mentions fall on one day of a period of several days
--
-- Output: measured_platforms(brand_id, platform), then metric_coverage(brand_id, scope, ...).
-- Parameters: $start, $end, $inbound_mode, $responses_missing_share, $parents_missing_share,
-- $tz.
-- A platform is measured for a brand as base/measured.sql says.
CREATE OR REPLACE TEMP TABLE measured_platforms AS
SELECT * FROM rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ);

CREATE OR REPLACE TEMP TABLE metric_coverage AS
WITH period_own AS (
  -- the brand's own posts in the period, reposts left out: its counts and its span of activity
  SELECT brand_id, platform, created_at, local_day, post_type, parent_post_id FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
),
own AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS brand_posts,
         count(*) FILTER (WHERE post_type = 'reply') AS replies,
         count(*) FILTER (WHERE post_type = 'reply' AND parent_post_id IS NULL) AS replies_with_missing_parent,
         min(created_at) AS own_first, max(created_at) AS own_last
  FROM period_own
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
elsewhere AS (
  -- its own posts on other days of the analysis's data (the months before the period, the days after it), reposts left
  -- out: a platform without any in the period but with some there is a quiet stretch, not an export to import
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS own_posts_elsewhere
  FROM brand_posts
  WHERE (created_at < $start::TIMESTAMPTZ OR created_at >= $end::TIMESTAMPTZ) AND post_type <> 'repost'
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
outside AS (
  SELECT * FROM rb_outside_own_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ)
),
seen AS MATERIALIZED (
  SELECT m.*, mp.platform IS NOT NULL AS on_measured,
         o.post_id IS NOT NULL AS outside_own_posts
  FROM mentions m
  LEFT JOIN measured_platforms mp ON mp.brand_id = m.brand_id AND mp.platform = m.platform
  LEFT JOIN outside o ON o.brand_id = m.brand_id AND o.platform = m.platform AND o.post_id = m.post_id
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
),
received AS (
  SELECT * FROM seen WHERE $inbound_mode = 'all' OR is_question
),
inbound AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS inbound,
         count(*) FILTER (WHERE on_measured AND needs_answer) AS inbound_measured,
         count(*) FILTER (WHERE no_answer = 'mass-mention') AS mass_mentions,
         count(*) FILTER (WHERE no_answer = 'closer') AS closers,
         count(*) FILTER (WHERE lists_responses) AS inbound_with_listed_responses,
         count(*) FILTER (WHERE on_measured AND needs_answer AND listed_missing) AS listed_responses_missing,
         count(*) FILTER (WHERE outside_own_posts) AS outside_own_posts,
         bool_or(NOT on_measured) AS some_unmeasured
  FROM received
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
author_counts AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         author, count(*) AS n
  FROM received
  GROUP BY GROUPING SETS ((brand_id, author), (brand_id, platform, author))
),
authors AS (
  -- ties go to the first name in alphabetical order
  SELECT c.brand_id, c.scope, min(c.author) AS top_author, max(c.n) AS top_author_mentions
  FROM author_counts c
  SEMI JOIN (SELECT brand_id, scope, max(n) AS n FROM author_counts GROUP BY brand_id, scope) top
    ON top.brand_id = c.brand_id AND top.scope = c.scope AND top.n = c.n
  GROUP BY c.brand_id, c.scope
),
days AS (
  -- ties go to the earliest day
  SELECT brand_id, scope, arg_max(local_day, (n, -epoch(local_day))) AS busiest_day, max(n) AS busiest_day_mentions,
         sum(n) AS mentions_seen
  FROM (
    SELECT brand_id,
           CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
           local_day, count(*) AS n
    FROM seen
    GROUP BY GROUPING SETS ((brand_id, local_day), (brand_id, platform, local_day))
  )
  GROUP BY brand_id, scope
),
activity AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         min(created_at) AS first_at, max(created_at) AS last_at,
         count(DISTINCT local_day) AS days_with_data,
         date_diff('day', min(local_day), max(local_day)) + 1 AS span_days
  FROM (
    SELECT brand_id, platform, created_at, local_day FROM seen
    UNION ALL
    SELECT brand_id, platform, created_at, local_day FROM period_own
  )
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
few AS (
  SELECT brand_id, scope FROM rb_few_brand_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ)
),
gaps AS (
  -- the runs between two of its posts that its outside mentions fall in (base/period_sets.sql finds them)
  SELECT brand_id, scope, list({'from': strftime(gap_from, '%Y-%m-%dT%H:%M:%SZ'), 'to': strftime(gap_to, '%Y-%m-%dT%H:%M:%SZ')} ORDER BY gap_from) AS own_gaps
  FROM (SELECT DISTINCT brand_id, platform AS scope, gap_from, gap_to FROM outside WHERE gap_from IS NOT NULL)
  GROUP BY ALL
),
period AS (
  SELECT date_diff('day', ($start::TIMESTAMPTZ AT TIME ZONE $tz)::DATE, ($end::TIMESTAMPTZ AT TIME ZONE $tz)::DATE) AS period_days
)
SELECT s.brand_id, s.scope,
       coalesce(o.brand_posts, 0)::DOUBLE AS brand_posts,
       coalesce(e.own_posts_elsewhere, 0)::DOUBLE AS own_posts_elsewhere,
       coalesce(i.inbound, 0)::DOUBLE AS inbound,
       coalesce(i.inbound_measured, 0)::DOUBLE AS inbound_measured,
       coalesce(i.mass_mentions, 0)::DOUBLE AS mass_mentions,
       coalesce(i.closers, 0)::DOUBLE AS closers,
       coalesce(i.inbound_with_listed_responses, 0)::DOUBLE AS inbound_with_listed_responses,
       coalesce(i.listed_responses_missing, 0)::DOUBLE AS listed_responses_missing,
       coalesce(i.outside_own_posts, 0)::DOUBLE AS outside_own_posts,
       strftime(o.own_first, '%Y-%m-%dT%H:%M:%SZ') AS own_first_at,
       strftime(o.own_last, '%Y-%m-%dT%H:%M:%SZ') AS own_last_at,
       coalesce(g.own_gaps, []) AS own_gaps,
       coalesce(o.replies, 0)::DOUBLE AS replies,
       coalesce(o.replies_with_missing_parent, 0)::DOUBLE AS replies_with_missing_parent,
       au.top_author,
       coalesce(au.top_author_mentions, 0)::DOUBLE AS top_author_mentions,
       (au.top_author_mentions / i.inbound)::DOUBLE AS top_author_share,
       strftime(a.first_at, '%Y-%m-%dT%H:%M:%SZ') AS first_at,
       strftime(a.last_at, '%Y-%m-%dT%H:%M:%SZ') AS last_at,
       coalesce(a.days_with_data, 0)::DOUBLE AS days_with_data,
       coalesce(a.span_days, 0)::DOUBLE AS span_days,
       (SELECT count(*) FROM rb_accounts ra WHERE ra.brand_id = s.brand_id AND NOT ra.alias AND (s.scope = '*' OR ra.platform = s.scope))::DOUBLE AS accounts_tracked,
       pd.period_days::DOUBLE AS period_days,
       strftime(d.busiest_day, '%Y-%m-%d') AS busiest_day,
       coalesce(d.busiest_day_mentions, 0)::DOUBLE AS busiest_day_mentions,
       (d.busiest_day_mentions / d.mentions_seen)::DOUBLE AS busiest_day_share,
       coalesce(i.some_unmeasured, false) AS no_brand_posts,
       f.brand_id IS NOT NULL AS few_brand_posts,
       coalesce(rb_lists_missing(i.listed_responses_missing, i.inbound_measured), false) AS responses_missing,
       CASE WHEN s.scope = '*' THEN pb.brand_id IS NOT NULL
            ELSE coalesce(i.outside_own_posts >= 5 AND i.outside_own_posts / i.inbound_measured > $responses_missing_share AND f.brand_id IS NULL, false)
       END AS brand_posts_partial,
       coalesce(o.replies > 0 AND o.replies_with_missing_parent / o.replies > $parents_missing_share, false) AS parents_missing,
       coalesce(au.top_author_mentions >= 20 AND au.top_author_mentions / i.inbound > 0.2, false) AS dominant_author,
       -- A period of one day holds all its mentions on one day: only a period of several days can have them crowd on one.
       coalesce(a.days_with_data * 2 < pd.period_days OR (pd.period_days > 1 AND d.busiest_day_mentions * 2 > d.mentions_seen), false) AS partial_period
FROM metric_scopes s
CROSS JOIN period pd
LEFT JOIN own o ON o.brand_id = s.brand_id AND o.scope = s.scope
LEFT JOIN elsewhere e ON e.brand_id = s.brand_id AND e.scope = s.scope
LEFT JOIN inbound i ON i.brand_id = s.brand_id AND i.scope = s.scope
LEFT JOIN authors au ON au.brand_id = s.brand_id AND au.scope = s.scope
LEFT JOIN days d ON d.brand_id = s.brand_id AND d.scope = s.scope
LEFT JOIN activity a ON a.brand_id = s.brand_id AND a.scope = s.scope
LEFT JOIN few f ON f.brand_id = s.brand_id AND f.scope = s.scope
LEFT JOIN gaps g ON g.brand_id = s.brand_id AND g.scope = s.scope
LEFT JOIN rb_posts_partial_brands($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode) pb ON pb.brand_id = s.brand_id;
