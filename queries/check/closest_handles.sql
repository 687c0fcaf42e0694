-- For each config handle that neither posts nor is mentioned in [$start, $end)
-- (check_handles.sql), the handles of the data that look most like it: authors of the
-- period and @words of its texts on the same platform, at most 3, within an edit
-- distance of a third of the handle's length (at least 2), spaces and signs left out
-- of both, nearest first, then the busiest. `posts` counts the posts a candidate wrote or is mentioned in.
--
-- Parameters: $start, $end.
WITH missing AS (
  SELECT brand_id, platform, handle, ord FROM check_handles WHERE posts = 0 AND mentions = 0
),
seen AS (
  SELECT platform, author AS handle FROM posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND platform IN (SELECT platform FROM missing)
  UNION ALL
  SELECT platform, lower(unnest(regexp_extract_all(text, '(?:^|[^A-Za-z0-9_])@([A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]|[A-Za-z0-9_])', 1))) AS handle
  FROM posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND platform IN (SELECT platform FROM missing) AND contains(text, '@')
),
counted AS (
  SELECT platform, handle, regexp_replace(handle, '[^a-z0-9]', '', 'g') AS letters, count(*) AS posts FROM seen GROUP BY platform, handle
),
-- Spelt apart from spaces and signs: a page named by its words ("vireo telecom, s.a.") is near the account the
-- export names by one ("vireotelecom").
bare AS (
  SELECT *, regexp_replace(handle, '[^a-z0-9]', '', 'g') AS letters FROM missing
),
near AS (
  SELECT m.brand_id, m.platform, m.handle, m.ord, c.handle AS candidate, c.posts,
         levenshtein(m.letters, c.letters) AS distance
  FROM bare m
  JOIN counted c ON c.platform = m.platform AND c.handle <> m.handle
  -- a handle the config already names (the brand's other account, a competitor's) is no correction
  ANTI JOIN rb_accounts a ON a.platform = c.platform AND a.handle = c.handle
  WHERE levenshtein(m.letters, c.letters) <= greatest(2, length(m.letters) // 3)
)
SELECT brand_id, platform, handle, candidate, posts::DOUBLE AS posts
FROM (
  SELECT *, row_number() OVER (PARTITION BY brand_id, platform, handle ORDER BY distance, posts DESC, candidate) AS place
  FROM near
)
WHERE place <= 3
ORDER BY ord, platform, handle, place;
