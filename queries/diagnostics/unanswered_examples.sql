-- Unanswered inbound mentions of the period, up to $limit per brand: negative
-- ones first (sentiment as the export gave it; those on the platforms the sentiment figures
-- are compared on before the others), then the oldest. Pending
-- mentions (window still open) are included and flagged. Only mentions that need an
-- answer (base/mentions.sql), on platforms where the data can measure the brand's
-- answers (base/measured.sql), and not one whose export lists a response the data does
-- not hold (listed_missing: it may have been answered), nor one outside the span of the brand's
-- posts (rb_outside_own_posts: its answer may be outside the data). The mentions are chosen on their keys; only the
-- chosen ones' text is read from posts.
--
-- Parameters: $start, $end, $inbound_mode, $limit, $compared (the platforms the sentiment
-- figures are compared on, diagnostics/sentiment.sql, comma-separated; '' for every platform).
WITH compared AS (
  -- read once, not for each mention
  SELECT list_filter(string_split($compared, ','), platform -> platform <> '') AS platforms
),
chosen AS (
  SELECT m.brand_id, m.platform, m.post_id, m.created_at, m.pending, rb_sentiment(p.sentiment) AS sentiment
  FROM mentions m
  JOIN posts p ON p.platform = m.platform AND p.post_id = m.post_id
  SEMI JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) d ON d.brand_id = m.brand_id AND d.platform = m.platform
  ANTI JOIN rb_outside_own_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) o ON o.brand_id = m.brand_id AND o.platform = m.platform AND o.post_id = m.post_id
  CROSS JOIN compared c
  WHERE m.response_at IS NULL AND NOT m.listed_missing
    AND m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question) AND m.needs_answer
  QUALIFY row_number() OVER (PARTITION BY m.brand_id
                             ORDER BY (sentiment = 'negative' AND (len(c.platforms) = 0 OR list_contains(c.platforms, m.platform))) DESC NULLS LAST,
                                      (sentiment = 'negative') DESC NULLS LAST, m.created_at, m.post_id) <= $limit
)
SELECT c.brand_id, c.platform, p.author, p.text, p.url,
       strftime(c.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
       c.sentiment, c.pending
FROM chosen c
JOIN posts p ON p.platform = c.platform AND p.post_id = c.post_id AND p.created_at = c.created_at
ORDER BY c.brand_id, (c.sentiment = 'negative') DESC NULLS LAST, c.created_at, c.post_id;
