-- What one file holds, for the dry run (src/ingest/file-profile.ts): its span, how many
-- days hold posts, its posts per kind, and which authors and mentioned handles come
-- up most. Reads the posts table of the dry run's own in-memory database, which holds
-- only the file's kept rows.
--
-- Parameters: $top (how many authors and handles).
WITH span AS (
  SELECT strftime(min(created_at), '%Y-%m-%dT%H:%M:%SZ') AS first_at,
         strftime(max(created_at), '%Y-%m-%dT%H:%M:%SZ') AS last_at,
         count(DISTINCT created_at::DATE)::DOUBLE AS days,
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
mentioned AS (
  SELECT coalesce(list({ 'handle': handle, 'n': n } ORDER BY n DESC, handle), []) AS mentioned
  FROM (
    SELECT lower(handle) AS handle, count(*)::DOUBLE AS n
    FROM (SELECT unnest(regexp_extract_all(text, '@([A-Za-z0-9_]+)', 1)) AS handle FROM posts WHERE contains(text, '@'))
    GROUP BY lower(handle) ORDER BY n DESC, handle LIMIT $top
  )
)
SELECT span.*, kinds.kinds, authors.authors, mentioned.mentioned
FROM span, kinds, authors, mentioned;
