-- What one file holds, for the dry run (src/ingest/file-profile.ts): its span (and its
-- first and last day in $tz, the zone its days are counted in), how many days hold posts,
-- its posts per kind, and which authors come up most (the repliers and
-- mentioned handles are top_handles.sql's). Reads the posts table of the dry run's own
-- in-memory database, which holds only the file's kept rows.
--
-- Parameters: $top (how many authors), $tz.
WITH span AS (
  SELECT strftime(min(created_at), '%Y-%m-%dT%H:%M:%SZ') AS first_at,
         strftime(max(created_at), '%Y-%m-%dT%H:%M:%SZ') AS last_at,
         strftime(min(created_at AT TIME ZONE $tz), '%Y-%m-%d') AS first_day,
         strftime(max(created_at AT TIME ZONE $tz), '%Y-%m-%d') AS last_day,
         count(DISTINCT (created_at AT TIME ZONE $tz)::DATE)::DOUBLE AS days,
         count(*)::DOUBLE AS posts
  FROM posts
),
kinds AS (
  SELECT coalesce(list({ 'kind': kind, 'n': n } ORDER BY kind), []) AS kinds
  FROM (SELECT kind, count(*)::DOUBLE AS n FROM posts GROUP BY kind)
),
authors AS (
  SELECT coalesce(list({ 'handle': author, 'n': n } ORDER BY n DESC, author), []) AS authors
  FROM (SELECT author, count(*)::DOUBLE AS n FROM posts GROUP BY author ORDER BY n DESC, author LIMIT $top)
)
SELECT span.*, kinds.kinds, authors.authors
FROM span, kinds, authors;
