-- What one file holds, for the dry run (src/ingest/file-profile.ts): its span (and its
-- first and last day in $tz, the zone its days are counted in), how many days hold posts,
-- its posts per kind, which authors come up most (the repliers and
-- mentioned handles are top_handles.sql's), and how its replies and comments can be
-- matched to what they answer: those that name the post they answer (a parent id), how
-- many of those answer a post of the file itself, and those that name neither the post
-- nor the conversation (no parent id or link, no thread: only the user, or nothing).
-- Reads the posts table of the dry run's own in-memory database, which holds only the
-- file's kept rows.
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
),
replies AS (
  SELECT count(*) FILTER (WHERE r.parent_id IS NOT NULL)::DOUBLE AS replies_naming_parent,
         count(p.post_id)::DOUBLE AS replies_answering_file,
         count(*) FILTER (WHERE r.parent_id IS NULL AND r.parent_url IS NULL AND r.thread_id IS NULL)::DOUBLE AS replies_unlinked
  FROM posts r
  LEFT JOIN posts p ON p.platform = r.platform AND p.post_id = r.parent_id
  WHERE r.kind IN ('reply', 'comment')
)
SELECT span.*, kinds.kinds, authors.authors, replies.*
FROM span, kinds, authors, replies;
