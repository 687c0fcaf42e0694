-- The client's mentions that mention_examples.sql leaves out of its unanswered list because
-- their export lists a response the data does not hold (listed_missing), per platform: the
-- report says they were left out only when there are some on a platform it lists. A
-- mention is listed_missing only when it has no response in the data (base/mentions.sql).
--
-- Parameters: $start, $end, $inbound_mode, $client.
SELECT platform, count(*)::DOUBLE AS mentions
FROM mentions
WHERE brand_id = $client
  AND created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR is_question) AND needs_answer
  AND listed_missing
GROUP BY platform
ORDER BY platform;
