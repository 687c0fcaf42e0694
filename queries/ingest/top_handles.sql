-- The accounts that come up most in a set of posts: the authors of the most replies (and
-- comments, as answers on Facebook and Instagram are), which are the likely brand accounts
-- since brands answer and customers mostly ask, and the handles mentioned most. The dry
-- run's profile reads them from its own in-memory posts (src/ingest/file-profile.ts); the
-- page's brands form from a client's store, one platform at a time (src/serve/handles.ts).
--
-- A handle of digits only is left out: exports that hide customers (the Kaggle set) write
-- them as numbers, and brand accounts are not, so numbers would only push brands out of
-- the list.
--
-- A mentioned handle may hold dots inside it everywhere but on Twitter (@vireo.telecom on
-- Instagram is one account; on Twitter "@vireo." is @vireo at the end of a sentence), one
-- at a time and never at its end. An @ inside a word is an e-mail address (ayuda@vireo.com)
-- or a server (@ana@mastodon.social), not a mention.
--
-- Parameters: $top (how many of each), $platform (NULL: every platform).
WITH scoped AS (
  SELECT platform, author, kind, text FROM posts WHERE $platform::VARCHAR IS NULL OR platform = $platform
),
repliers AS (
  SELECT coalesce(list({ 'handle': author, 'n': n } ORDER BY n DESC, author), []) AS repliers
  FROM (
    SELECT author, count(*)::DOUBLE AS n FROM scoped
    WHERE kind IN ('reply', 'comment') AND NOT regexp_full_match(author, '[0-9]+')
    GROUP BY author ORDER BY n DESC, author LIMIT $top
  )
),
mentioned AS (
  SELECT coalesce(list({ 'handle': handle, 'n': n } ORDER BY n DESC, handle), []) AS mentioned
  FROM (
    SELECT lower(handle) AS handle, count(*)::DOUBLE AS n
    FROM (
      SELECT unnest(regexp_extract_all(text, '(?:^|[^A-Za-z0-9_])@([A-Za-z0-9_]+)', 1)) AS handle FROM scoped WHERE platform = 'twitter' AND contains(text, '@')
      UNION ALL
      SELECT unnest(regexp_extract_all(text, '(?:^|[^A-Za-z0-9_.])@([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)', 1)) AS handle FROM scoped WHERE platform <> 'twitter' AND contains(text, '@')
    )
    WHERE NOT regexp_full_match(handle, '[0-9.]+')
    GROUP BY lower(handle) ORDER BY n DESC, handle LIMIT $top
  )
)
SELECT repliers.repliers, mentioned.mentioned
FROM repliers, mentioned;
