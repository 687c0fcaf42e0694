-- Each theme of the config against the data of [$start, $end): how many mentions hold
-- one of its words or phrases (each post once, whatever the number of brands it targets;
-- themes/posts.sql and themes/configured.sql run first), and, for a theme no mention
-- holds, the words of the period that look most like one of its phrases (stop words neither offered nor mended): at most 3,
-- within an edit distance of a third of the phrase's length (at least 2), nearest
-- first, then the most frequent. Only questions count with metrics.inbound: questions, as in
-- the report's subjects. And each theme's phrases made only of words found themes leave
-- out (rb_theme_stopwords: stop words, words written to every brand about everything, the
-- brands' names): such a phrase marks mentions whatever they are about.
--
-- Parameters: $start, $end, $inbound_mode.
WITH current AS (
  SELECT DISTINCT platform, post_id FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR is_question)
),
counts AS (
  SELECT ph.theme, count(DISTINCT (m.platform, m.post_id)) FILTER (WHERE m.post_id IS NOT NULL) AS mentions
  FROM (SELECT DISTINCT theme FROM rb_theme_phrases) ph
  LEFT JOIN (SELECT * FROM theme_matches SEMI JOIN current USING (platform, post_id)) m ON m.theme = ph.theme
  GROUP BY ph.theme
),
vocabulary AS (
  -- read only when a theme has no mention: the words of every mention are not cut up for nothing
  SELECT word, count(*) AS uses
  FROM (
    SELECT unnest(string_split(trim(t.words), ' ')) AS word FROM theme_posts t SEMI JOIN current c ON c.platform = t.platform AND c.post_id = t.post_id
    WHERE EXISTS (SELECT 1 FROM counts WHERE mentions = 0)
  )
  WHERE length(word) >= 3
    -- a stop word is no subject to offer ("the" was offered for a misspelt "invocie")
    AND word NOT IN (SELECT word FROM rb_theme_stopwords)
  GROUP BY word
),
common AS (
  SELECT theme, phrase
  FROM (SELECT theme, phrase, unnest(string_split(phrase, ' ')) AS word FROM rb_theme_phrases) w
  LEFT JOIN rb_theme_stopwords s USING (word)
  GROUP BY theme, phrase
  HAVING bool_and(s.word IS NOT NULL)
),
near AS (
  -- not for a phrase of stop words only: it is said as such (common_phrases), not mended into another word
  SELECT p.theme, v.word, v.uses, levenshtein(p.phrase, v.word) AS distance
  FROM (SELECT * FROM rb_theme_phrases ANTI JOIN common USING (theme, phrase)) p
  JOIN counts c ON c.theme = p.theme AND c.mentions = 0
  JOIN vocabulary v ON levenshtein(p.phrase, v.word) <= greatest(2, length(p.phrase) // 3)
  QUALIFY row_number() OVER (PARTITION BY p.theme, v.word ORDER BY distance) = 1
)
SELECT c.theme, c.mentions::DOUBLE AS mentions,
       coalesce((SELECT list(phrase ORDER BY phrase) FROM common WHERE common.theme = c.theme), []) AS common_phrases,
       coalesce(list(n.word ORDER BY n.distance, n.uses DESC, n.word) FILTER (WHERE n.word IS NOT NULL), [])[1:3] AS closest,
       coalesce(list(n.uses::DOUBLE ORDER BY n.distance, n.uses DESC, n.word) FILTER (WHERE n.word IS NOT NULL), [])[1:3] AS closest_uses
FROM counts c
LEFT JOIN near n ON n.theme = c.theme
GROUP BY c.theme, c.mentions
ORDER BY c.mentions DESC, c.theme;
