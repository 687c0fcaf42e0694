-- Config topics against the data: how many posts of [$start, $end) carry each topic the
-- config gives a brand, and for a topic no post carries, the closest topics the data
-- holds (at most 3, edit distance within a third of its length, at least 2), with
-- their counts.
--
-- Parameters: $start, $end.
WITH seen AS (
  SELECT lower(trim(topic)) AS topic, count(*) AS posts
  FROM posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND nullif(trim(topic), '') IS NOT NULL
  GROUP BY 1
),
configured AS (
  SELECT t.brand_id, t.topic, b.ord, coalesce(s.posts, 0) AS posts
  FROM rb_topics t JOIN rb_brands b USING (brand_id) LEFT JOIN seen s USING (topic)
)
SELECT c.brand_id, c.topic, c.posts::DOUBLE AS posts,
       list(s.topic ORDER BY levenshtein(c.topic, s.topic), s.posts DESC, s.topic)[1:3] AS closest,
       list(s.posts ORDER BY levenshtein(c.topic, s.topic), s.posts DESC, s.topic)[1:3]::DOUBLE[] AS closest_posts
FROM configured c
LEFT JOIN seen s ON c.posts = 0 AND s.topic <> c.topic AND levenshtein(c.topic, s.topic) <= greatest(2, length(c.topic) // 3)
GROUP BY c.brand_id, c.topic, c.ord, c.posts
ORDER BY c.ord, c.topic;
