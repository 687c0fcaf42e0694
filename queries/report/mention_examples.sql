-- The client's mentions the report quotes, created in [$start, $end), among those that
-- need an answer (base/mentions.sql); an unanswered one whose export lists a response the
-- data does not hold (listed_missing) is left out: it may have been answered; so is one
-- outside the span of the client's posts (rb_outside_own_posts): its answer may be outside the data.
--   $list = 'unanswered'  its oldest unanswered mentions first;
--   $list = 'slowest'     its answered mentions, slowest response first.
-- The text is cut to 2,000 characters; ties are broken by platform and id.
--
-- Parameters: $start, $end, $inbound_mode, $client, $list, $limit.
SELECT m.platform, m.author, epoch_ms(m.created_at)::DOUBLE AS created_ms,
       left(coalesce(p.text, ''), 2000) AS text, m.response_min, m.pending
FROM mentions m
JOIN posts p ON p.platform = m.platform AND p.post_id = m.post_id
ANTI JOIN rb_outside_own_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) o ON o.brand_id = m.brand_id AND o.platform = m.platform AND o.post_id = m.post_id
WHERE m.brand_id = $client
  AND m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR m.is_question) AND m.needs_answer
  AND CASE $list WHEN 'unanswered' THEN m.response_at IS NULL AND NOT m.listed_missing ELSE m.response_min IS NOT NULL END
ORDER BY CASE $list WHEN 'unanswered' THEN epoch_us(m.created_at)::DOUBLE ELSE -m.response_min END, m.platform, m.post_id
LIMIT $limit;
