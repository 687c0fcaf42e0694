-- Response time with the clock started at the customer's latest message
-- (the option metrics.clockStart: latest). For each answered inbound mention
-- of the period, the clock starts at the latest post the same person added to
-- it, by replying to their own message (directly or through a chain of their
-- own replies), before the brand's response; with no such post it starts at
-- the mention itself, as in METRICS.md. The response is unchanged. Mentions that need
-- no answer (base/mentions.sql) are left out, as everywhere response times are.
--
-- Parameters: $start, $end, $inbound_mode.
WITH RECURSIVE self_replies AS (
  -- Only posts that answer their own author can extend a chain: a small set.
  SELECT platform, post_id, parent_post_id, created_at
  FROM post_parents
  WHERE author = parent_author
),
chain AS (
  SELECT m.brand_id, m.platform, m.post_id AS mention_id, m.post_id, m.created_at, m.response_at, 0 AS depth
  FROM mentions m
  WHERE m.response_at IS NOT NULL AND m.needs_answer
    AND m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question)
  UNION ALL
  SELECT c.brand_id, c.platform, c.mention_id, pp.post_id, pp.created_at, c.response_at, c.depth + 1
  FROM chain c
  JOIN self_replies pp ON pp.platform = c.platform AND pp.parent_post_id = c.post_id
  WHERE pp.created_at <= c.response_at AND c.depth < 100
),
clocked AS (
  SELECT brand_id, mention_id,
         epoch_us(any_value(response_at)) - epoch_us(max(created_at)) AS response_us,
         (response_us / 60000000)::DOUBLE AS response_min
  FROM chain
  GROUP BY brand_id, platform, mention_id
)
SELECT b.brand_id,
       count(c.mention_id)::INTEGER AS answered,
       quantile_cont(c.response_min, 0.5)::DOUBLE AS median_min,
       quantile_cont(c.response_min, 0.9)::DOUBLE AS p90_min,
       (avg(c.response_us) / 60000000)::DOUBLE AS mean_min
FROM rb_brands b
LEFT JOIN clocked c ON c.brand_id = b.brand_id
GROUP BY b.brand_id, b.ord
ORDER BY b.ord;
