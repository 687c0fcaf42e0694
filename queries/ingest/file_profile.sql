-- What a set of posts holds (src/ingest/file-profile.ts): its span, how many days hold
-- posts, its posts per kind, and which authors, repliers and mentioned handles come up
-- most. The dry run reads the posts table of its own in-memory database, which holds
-- only the file's kept rows; the page's brands form reads a client's store, one
-- platform at a time.
--
-- Parameters: $top (how many authors and handles), $platform (NULL: every platform).
WITH scoped AS (
  SELECT * FROM posts WHERE $platform::VARCHAR IS NULL OR platform = $platform
),
span AS (
  SELECT strftime(min(created_at), '%Y-%m-%dT%H:%M:%SZ') AS first_at,
         strftime(max(created_at), '%Y-%m-%dT%H:%M:%SZ') AS last_at,
         count(DISTINCT created_at::DATE)::DOUBLE AS days,
         count(*)::DOUBLE AS posts
  FROM scoped
),
kinds AS (
  SELECT coalesce(list({ 'kind': kind, 'n': n } ORDER BY kind), []) AS kinds
  FROM (SELECT kind, count(*)::DOUBLE AS n FROM scoped GROUP BY kind)
),
authors AS (
  SELECT coalesce(list({ 'handle': author, 'n': n } ORDER BY n DESC, author), []) AS authors
  FROM (SELECT author, count(*)::DOUBLE AS n FROM scoped GROUP BY author ORDER BY n DESC, author LIMIT $top)
),
-- Brands answer and customers mostly ask: the authors of the most replies (and comments,
-- as answers on Facebook and Instagram are) are the likely brand accounts.
repliers AS (
  SELECT coalesce(list({ 'handle': author, 'n': n } ORDER BY n DESC, author), []) AS repliers
  FROM (SELECT author, count(*)::DOUBLE AS n FROM scoped WHERE kind IN ('reply', 'comment') GROUP BY author ORDER BY n DESC, author LIMIT $top)
),
mentioned AS (
  SELECT coalesce(list({ 'handle': handle, 'n': n } ORDER BY n DESC, handle), []) AS mentioned
  FROM (
    SELECT lower(handle) AS handle, count(*)::DOUBLE AS n
    FROM (SELECT unnest(regexp_extract_all(text, '@([A-Za-z0-9_]+)', 1)) AS handle FROM scoped WHERE contains(text, '@'))
    GROUP BY lower(handle) ORDER BY n DESC, handle LIMIT $top
  )
)
SELECT span.*, kinds.kinds, authors.authors, repliers.repliers, mentioned.mentioned
FROM span, kinds, authors, repliers, mentioned;
