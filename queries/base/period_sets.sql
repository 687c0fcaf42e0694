-- The sets of one period [$start, $end) that several queries read (base/measured.sql's
-- rb_measured_platforms, rb_few_brand_posts, rb_outside_own_posts, rb_posts_partial_brands),
-- computed once, each from the ones before it: the analysis runs this for its period and the
-- one before it, after the base tables.
--
-- measured platforms: the (brand, platform) pairs whose response metrics the data can support
-- in the period: the data holds posts of the brand there in the period (reposts left out), or
-- a response (which may come after the period's end) to one of its mentions. Elsewhere the
-- brand's mentions may be all the export holds: "unanswered" would say nothing (coverage.sql,
-- unanswered_examples.sql).
--
-- few brand posts: the (brand, scope) pairs, scope '*' for all platforms together, where the
-- brand received inbound mentions in the period but wrote fewer than 10 posts there (reposts
-- left out), none of them a reply: too little of its own activity to compare its answers
-- (METRICS.md, "Comparability", few-brand-posts). A brand with no post at all there is
-- no-brand-posts instead (coverage.sql).
--
-- outside own posts: the mentions of the period that need an answer, on a platform measured
-- for their brand (not one with few-brand-posts there), left unanswered where the data holds
-- no post of the brand around them: its mentions there ran on for a whole response window
-- (rb_outside_rule) after its last post in the data (brand_posts: the analysis's slice), and
-- they came after it with their window closed (not pending); or its mentions began a window
-- or more before its first post, and they came before it. A silence that long while
-- customers kept writing is what an export of the brand's posts covering part of the period
-- leaves (a care tool changed mid-month); a shorter one, a brand that did not answer the last
-- mentions of a day, is not. A shorter silence at an end of the period counts too when the
-- brand's own days make it unlikely and every export (import batch) that holds its posts of
-- the day up to its last post in the period ends within a day after that post (at the
-- start: every one holding its posts of the day from its first post begins within a day
-- before it): a care export pulled on the 28th, or overnight with the night's mentions,
-- beside a listening export that runs on; not an export that holds the brand's silence. (A
-- post stored from two exports is the first one's: docs/import.md, "Duplicate".) So does such
-- a silence inside the period, between two of its posts, when the exports holding its posts
-- of the day up to the first and those holding its posts of the day from the second (none may
-- hold both: one export that runs through the silence holds it) hold no row, of any author, on
-- the days of the run: a care export in two files with days missing between them. Its
-- mentions between the two posts then count. The run:
-- counting only the days its mentions fall on, on its own days of the week in either period
-- and not the config's holidays, with a share d of them holding a post of the brand, in
-- this period or the one before it ($before_start, $before_end), the higher, the one
-- before counting with 7 such days or more, or half its days when that is fewer (one
-- evening of September says nothing of the brand's days), more such days after its last
-- post in the period (or before its first, or between the two posts of a silence inside the
-- period that those exports hold no row on) than the fewest k with (1 - d)^k under 1 in
-- 1,000, and more than 2, as src/analysis/analysis.ts's endTolerance judges a brand's data.
-- The mentions after that post (its last in the period, even where a later export holds
-- more) then count whether their window has closed or not: its answers cannot be in the
-- data. Only a brand of 30 posts and mentions there in the period is judged so.
-- Either way, the mentions outside its posts count only on a platform where they are at
-- least 5 and more than rb_outside_rule.share of the brand's mentions there that need an
-- answer: a few are a silence the client should see among its unanswered mentions, not a
-- lost export.
--
-- posts partial brands: the brands with coverage brand-posts-partial over all platforms
-- (coverage.sql's '*' rows; the diagnostics' and the themes' medians leave them out): the
-- mentions of the platforms where the set above holds are at least 5 and more than
-- rb_outside_rule.share of every mention of the brand that needs an answer on a measured
-- platform (questions only in that inbound mode), and the brand is not few-brand-posts over
-- all platforms.
--
-- A period whose base tables hold no mention and no post of a tracked brand has every set
-- empty: for it the analysis runs only base/period_built.sql (src/analysis/build.ts).
--
-- Parameters: $start, $end, $before_start, $before_end (the period before it), $inbound_mode, $tz,
-- $holidays (the config's, 'YYYY-MM-DD', comma-joined).
INSERT INTO period_measured_platforms
SELECT $start::TIMESTAMPTZ, brand_id, platform
FROM brand_posts
WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
UNION
SELECT $start::TIMESTAMPTZ, brand_id, platform
FROM mentions
WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND response_at IS NOT NULL;

INSERT INTO period_few_brand_posts
WITH own AS (
  SELECT brand_id, CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS posts, count(*) FILTER (WHERE post_type = 'reply') AS replies
  FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
received AS (
  SELECT DISTINCT brand_id, platform FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
)
SELECT $start::TIMESTAMPTZ, o.brand_id, o.scope
FROM own o
WHERE o.posts < 10 AND o.replies = 0
  AND EXISTS (SELECT 1 FROM received r WHERE r.brand_id = o.brand_id AND (o.scope = '*' OR r.platform = o.scope));

INSERT INTO period_outside_own_posts
WITH spans AS (
  SELECT brand_id, platform, min(created_at) AS own_first, max(created_at) AS own_last
  FROM brand_posts
  WHERE post_type <> 'repost'
  GROUP BY brand_id, platform
),
mentioned AS (
  SELECT brand_id, platform, min(created_at) AS first_mention, max(created_at) AS last_mention,
         count(*) FILTER (WHERE needs_answer) AS needing, count(*) AS mentions
  FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  GROUP BY brand_id, platform
),
own_days AS (
  -- the brand's own posts per local day, in this period (current) and the one before it
  SELECT brand_id, platform, local_day,
         created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AS current,
         count(*) AS posts, min(created_at) AS first_at, max(created_at) AS last_at
  FROM brand_posts
  WHERE post_type <> 'repost'
    AND ((created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ)
      OR (created_at >= $before_start::TIMESTAMPTZ AND created_at < $before_end::TIMESTAMPTZ))
  GROUP BY ALL
),
counted_days AS (
  -- the days its mentions fall on, on the brand's own days of the week in either period, not holidays; whether it posted on
  -- each, and its first and last mention that day
  SELECT m.brand_id, m.platform, m.local_day, m.current, m.day_first, m.day_last, o.local_day IS NOT NULL AS posted
  FROM (SELECT brand_id, platform, local_day,
               created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AS current,
               min(created_at) AS day_first, max(created_at) AS day_last
        FROM mentions
        WHERE (created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ)
           OR (created_at >= $before_start::TIMESTAMPTZ AND created_at < $before_end::TIMESTAMPTZ)
        GROUP BY ALL) m
  LEFT JOIN own_days o ON o.brand_id = m.brand_id AND o.platform = m.platform AND o.local_day = m.local_day
  SEMI JOIN own_days w ON w.brand_id = m.brand_id AND w.platform = m.platform AND isodow(w.local_day) = isodow(m.local_day)
  WHERE NOT list_contains(string_split($holidays, ','), strftime(m.local_day, '%Y-%m-%d'))
),
own_span AS (
  -- its posts in this period: first and last (instant and local day), how many, and the day up to its last and from its first
  -- (computed once here: an interval added to each post's time costs a calendar's arithmetic per row)
  SELECT *, period_last - INTERVAL 1 DAY AS last_from, period_first + INTERVAL 1 DAY AS first_until
  FROM (SELECT o.brand_id, o.platform, min(o.first_at) AS period_first, max(o.last_at) AS period_last,
               min(o.local_day) AS first_day, max(o.local_day) AS last_day, sum(o.posts) AS posts
        FROM own_days o
        WHERE o.current
        GROUP BY ALL)
),
end_posts AS (
  -- the exports (import batches) holding its posts of the day up to its last post in this period, or of the day from its first:
  -- those that record the brand at that end (a listening export that caught one reply of the 10th records nothing of the 28th)
  SELECT b.brand_id, b.platform, b.batch_id, bool_or(b.created_at >= e.last_from) AS last, bool_or(b.created_at <= e.first_until) AS first
  FROM brand_posts b
  JOIN own_span e ON e.brand_id = b.brand_id AND e.platform = b.platform
  WHERE b.post_type <> 'repost' AND b.created_at >= $start::TIMESTAMPTZ AND b.created_at < $end::TIMESTAMPTZ
    AND (b.created_at >= e.last_from OR b.created_at <= e.first_until)
  GROUP BY ALL
),
unlikely_ends AS (
  -- d: the share of the counted days with a post of it, in this period or the one before it (of 7 such days or more,
  -- or half its days when that is fewer), the higher; k: the counted days of this period after its last post, and before its first
  SELECT c.brand_id, c.platform,
         greatest(count(*) FILTER (WHERE c.current AND c.posted)::DOUBLE / nullif(count(*) FILTER (WHERE c.current), 0),
                  CASE WHEN count(*) FILTER (WHERE NOT c.current) >= least(7, ceil(date_diff('hour', $before_start::TIMESTAMPTZ, $before_end::TIMESTAMPTZ) / 48))
                       THEN count(*) FILTER (WHERE NOT c.current AND c.posted)::DOUBLE / count(*) FILTER (WHERE NOT c.current) ELSE 0 END) AS density,
         count(*) FILTER (WHERE c.current AND c.local_day > e.last_day) AS days_after,
         count(*) FILTER (WHERE c.current AND c.local_day < e.first_day) AS days_before
  FROM counted_days c
  JOIN own_span e ON e.brand_id = c.brand_id AND e.platform = c.platform
  GROUP BY ALL
),
enough AS (
  -- the brand's platforms with 30 posts and mentions or more in this period: a shorter silence is judged only there
  SELECT e.brand_id, e.platform
  FROM own_span e
  JOIN mentioned m ON m.brand_id = e.brand_id AND m.platform = e.platform
  WHERE m.mentions + e.posts >= 30
),
tolerances AS (
  -- the days its density leaves likely without a post (endTolerance: the fewest k with (1 - d)^k under 1 in 1,000, and 2 at least)
  SELECT brand_id, platform, CASE WHEN density >= 1 THEN 2 ELSE greatest(2, ceil(ln(0.001) / ln(1 - density))) END AS tolerance
  FROM unlikely_ends
  WHERE density > 0
),
gap_runs AS (
  -- the runs of counted days inside this period between two days with its posts, longer than its tolerance (the days a
  -- judged run counts, those no export of its posts holds a row on, are among these)
  SELECT g.brand_id, g.platform, g.before_day, g.before_at, g.after_day, g.after_at,
         g.before_at - INTERVAL 1 DAY AS before_from, g.after_at + INTERVAL 1 DAY AS after_until
  FROM (SELECT brand_id, platform, local_day AS before_day, last_at AS before_at,
               lead(local_day) OVER w AS after_day, lead(first_at) OVER w AS after_at
        FROM own_days
        WHERE current
        WINDOW w AS (PARTITION BY brand_id, platform ORDER BY local_day)) g
  JOIN counted_days c ON c.brand_id = g.brand_id AND c.platform = g.platform AND c.current AND c.local_day > g.before_day AND c.local_day < g.after_day
  JOIN tolerances u ON u.brand_id = g.brand_id AND u.platform = g.platform
  GROUP BY g.brand_id, g.platform, g.before_day, g.before_at, g.after_day, g.after_at
  HAVING count(*) > any_value(u.tolerance)
),
gap_posts AS (
  -- the exports holding its posts of the day up to such a run, or of the day from its end
  SELECT g.brand_id, g.platform, g.before_at, b.batch_id, bool_or(b.created_at <= g.before_at) AS before, bool_or(b.created_at >= g.after_at) AS after
  FROM gap_runs g
  JOIN brand_posts b ON b.brand_id = g.brand_id AND b.platform = g.platform
  WHERE b.post_type <> 'repost'
    AND ((b.created_at >= g.before_from AND b.created_at <= g.before_at) OR (b.created_at >= g.after_at AND b.created_at <= g.after_until))
  GROUP BY ALL
),
batch_reach AS (
  -- the first and last post of each of those exports on the platform, read once per export
  SELECT p.batch_id, p.platform, min(p.created_at) AS first_at, max(p.created_at) AS last_at
  FROM posts p
  SEMI JOIN end_posts b ON b.batch_id = p.batch_id AND b.platform = p.platform
  GROUP BY ALL
),
export_ends AS (
  -- whether every such export ends within a day after its last post (a care export pulled on the 28th, or overnight with
  -- the night's mentions), and begins within a day before its first: one that runs on holds the brand's silence
  SELECT e.brand_id, e.platform,
         bool_and(r.last_at < s.period_last + INTERVAL 1 DAY) FILTER (WHERE e.last) AS ends_with_it,
         bool_and(r.first_at > s.period_first - INTERVAL 1 DAY) FILTER (WHERE e.first) AS begins_with_it
  FROM end_posts e
  JOIN batch_reach r ON r.batch_id = e.batch_id AND r.platform = e.platform
  JOIN own_span s ON s.brand_id = e.brand_id AND s.platform = e.platform
  GROUP BY ALL
),
judged AS (
  -- a run longer than its tolerance at an end where every export that records the brand there ends (begins) too
  SELECT u.brand_id, u.platform, e.period_first, e.period_last,
         u.days_after > t.tolerance AND coalesce(r.ends_with_it, false) AS cut_after,
         u.days_before > t.tolerance AND coalesce(r.begins_with_it, false) AS cut_before
  FROM unlikely_ends u
  JOIN tolerances t ON t.brand_id = u.brand_id AND t.platform = u.platform
  JOIN own_span e ON e.brand_id = u.brand_id AND e.platform = u.platform
  JOIN export_ends r ON r.brand_id = u.brand_id AND r.platform = u.platform
  SEMI JOIN enough n ON n.brand_id = u.brand_id AND n.platform = u.platform
),
gap_rows AS (
  -- the local days inside such a run on which one of those exports holds a row, of any author: days it records, where the
  -- brand's silence is its own (a care file that holds one older message of a thread records that day only)
  SELECT DISTINCT g.brand_id, g.platform, g.before_at, (p.created_at AT TIME ZONE $tz)::DATE AS local_day
  FROM gap_runs g
  JOIN gap_posts b ON b.brand_id = g.brand_id AND b.platform = g.platform AND b.before_at = g.before_at
  JOIN posts p ON p.batch_id = b.batch_id AND p.platform = g.platform AND p.created_at > g.before_at AND p.created_at < g.after_at
),
cut_gaps AS (
  -- a run with more counted days than its tolerance on which none of those exports holds a row, where none of them holds
  -- its posts of both ends (one export that runs through the run holds the brand's silence), on a platform of enough data:
  -- a care export in two files with days missing between them
  SELECT g.brand_id, g.platform, g.before_at, g.after_at
  FROM gap_runs g
  JOIN counted_days c ON c.brand_id = g.brand_id AND c.platform = g.platform AND c.current AND c.local_day > g.before_day AND c.local_day < g.after_day
  ANTI JOIN gap_rows r ON r.brand_id = g.brand_id AND r.platform = g.platform AND r.before_at = g.before_at AND r.local_day = c.local_day
  JOIN tolerances u ON u.brand_id = g.brand_id AND u.platform = g.platform
  SEMI JOIN enough n ON n.brand_id = g.brand_id AND n.platform = g.platform
  WHERE NOT EXISTS (SELECT 1 FROM gap_posts p WHERE p.brand_id = g.brand_id AND p.platform = g.platform AND p.before_at = g.before_at AND p.before AND p.after)
  GROUP BY g.brand_id, g.platform, g.before_at, g.after_at
  HAVING count(*) > any_value(u.tolerance)
),
silences AS (
  -- where its posts end and begin: in the slice, or in this period where its run there is judged cut
  SELECT s.brand_id, s.platform, m.needing,
         coalesce(j.cut_after, false) AS cut_after,
         CASE WHEN j.cut_after THEN j.period_last ELSE s.own_last END AS own_last,
         CASE WHEN j.cut_before THEN j.period_first ELSE s.own_first END AS own_first,
         m.last_mention >= s.own_last + to_microseconds((SELECT window_us FROM rb_outside_rule)) OR coalesce(j.cut_after, false) AS after_last,
         m.first_mention + to_microseconds((SELECT window_us FROM rb_outside_rule)) <= s.own_first OR coalesce(j.cut_before, false) AS before_first
  FROM spans s
  JOIN mentioned m ON m.brand_id = s.brand_id AND m.platform = s.platform
  LEFT JOIN judged j ON j.brand_id = s.brand_id AND j.platform = s.platform
),
outside AS (
  -- a mention in a cut run keeps the run's two posts (the runs of one platform do not overlap): coverage.sql's own_gaps
  SELECT m.brand_id, m.platform, m.post_id, s.needing, g.before_at AS gap_from, g.after_at AS gap_to
  FROM mentions m
  JOIN silences s ON s.brand_id = m.brand_id AND s.platform = m.platform
  LEFT JOIN cut_gaps g ON g.brand_id = m.brand_id AND g.platform = m.platform AND m.created_at > g.before_at AND m.created_at < g.after_at
  SEMI JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) mp ON mp.brand_id = m.brand_id AND mp.platform = m.platform
  ANTI JOIN rb_few_brand_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) f ON f.brand_id = m.brand_id AND f.scope = m.platform
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND m.needs_answer AND m.response_at IS NULL
    AND ((s.after_last AND m.created_at > s.own_last AND (NOT m.pending OR s.cut_after)) OR (s.before_first AND m.created_at < s.own_first)
      OR g.before_at IS NOT NULL)
)
SELECT $start::TIMESTAMPTZ, brand_id, platform, post_id, gap_from, gap_to
FROM outside
QUALIFY count(*) OVER (PARTITION BY brand_id, platform) >= 5
  AND count(*) OVER (PARTITION BY brand_id, platform) > (SELECT share FROM rb_outside_rule) * needing;

INSERT INTO period_posts_partial_brands
WITH outside AS (
  SELECT o.brand_id, count(*) AS n
  FROM rb_outside_own_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) o
  JOIN mentions m ON m.brand_id = o.brand_id AND m.platform = o.platform AND m.post_id = o.post_id
  WHERE $inbound_mode = 'all' OR m.is_question
  GROUP BY o.brand_id
),
measured AS (
  SELECT m.brand_id, count(*) AS n
  FROM mentions m
  SEMI JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) mp ON mp.brand_id = m.brand_id AND mp.platform = m.platform
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ AND m.needs_answer
    AND ($inbound_mode = 'all' OR m.is_question)
  GROUP BY m.brand_id
)
SELECT $start::TIMESTAMPTZ, o.brand_id
FROM outside o
JOIN measured t ON t.brand_id = o.brand_id
ANTI JOIN rb_few_brand_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) f ON f.brand_id = o.brand_id AND f.scope = '*'
WHERE o.n >= 5 AND o.n > (SELECT share FROM rb_outside_rule) * t.n;
