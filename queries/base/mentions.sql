-- mentions: one row per inbound mention and brand, with its response and the local
-- calendar fields of the trend and hour-of-week charts. Every metric query reads it.
--
-- The response to a mention is the earliest post of the same brand that replies
-- directly to it (by parent id, or by link: url_parents.sql) and is created no earlier than
-- the mention and at most $window_us microseconds after it (the response window,
-- 7 days by default; exactly 7 days still counts). A reply stamped before its parent
-- is never a response. A response after the period still counts for the mention's
-- period (the slice runs one window past the end).
--   response_min  minutes from mention to response (seconds kept), NULL if unanswered
--   pending       unanswered, and the window had not closed by the newest post of
--                 the same platform in the data, or by the latest import if that
--                 is earlier (it may still be answered)
--   lists_responses  the export lists response ids for the mention (twcs response_tweet_id)
--   listed_missing   unanswered in the data, though the export lists a response id that is
--                    not a post of the data: the answer may exist but was not exported
--   no_answer     why the mention needs no answer (METRICS.md, "Mentions that need no
--                 answer"), NULL when it needs one; with $needs_answer false, always NULL:
--                   'mass-mention'  it tags at least $mass_handles distinct handles
--                                   (inbound.sql's handles_tagged) and does not reply
--                                   directly to a post of the brand;
--                   'closer'        a short acknowledgement with no question
--                                   (acknowledgement.sql) that its author wrote after
--                                   the brand had replied to them in the same thread: in
--                                   reply to that brand reply, or in the same
--                                   conversation (thread_id)
--   needs_answer  no_answer IS NULL: the response metrics rest on these mentions only;
--                 volume and share of voice count every mention
--   local_month   'YYYY-MM' in the report timezone
--   local_day     the calendar day in the report timezone
--   weekday       0 = Monday ... 6 = Sunday, in the report timezone
--   hour          0 ... 23, in the report timezone
--
-- Parameters: $window_us (BIGINT), $tz, $needs_answer (BOOLEAN), $mass_handles.
CREATE OR REPLACE TEMP TABLE mentions AS
WITH first_replies AS (
  -- Each brand's earliest reply to each post, among its replies in the slice
  -- (brand_posts.sql: parent by id, or by link when the id finds nothing) created
  -- no earlier than that post and within the window. Reposts and quotes point at
  -- the post they share or quote but do not reply to it (a quote is a broadcast).
  -- Grouped by (brand, parent) before meeting the mentions: one join, not one per reply.
  SELECT brand_id, platform, parent_post_id,
         min(created_at) AS response_at,
         arg_min(post_id, created_at) AS response_id
  FROM brand_posts
  WHERE kind NOT IN ('repost', 'quote')
    AND parent_post_id IS NOT NULL
    AND created_at >= parent_at
    AND created_at <= parent_at + to_microseconds($window_us::BIGINT)
  GROUP BY brand_id, platform, parent_post_id
),
listed_missing AS (
  -- mentions whose export lists a response id that is not a post of the data
  SELECT DISTINCT l.brand_id, l.platform, l.post_id
  FROM (
    SELECT brand_id, platform, post_id, unnest(string_split(listed_responses, ',')) AS response_id
    FROM inbound
    WHERE listed_responses IS NOT NULL
  ) l
  ANTI JOIN posts p ON p.platform = l.platform AND p.post_id = l.response_id
),
closer_candidates AS (
  -- Mentions whose author the brand had already replied to in the same thread; few,
  -- so the text is read for these only.
  SELECT i.brand_id, i.platform, i.post_id
  FROM inbound i
  JOIN post_parents pp ON pp.platform = i.platform AND pp.post_id = i.post_id
  JOIN brand_posts b ON b.brand_id = i.brand_id AND b.platform = i.platform AND b.post_id = pp.parent_post_id
  WHERE $needs_answer AND NOT i.is_question
    AND b.post_type = 'reply' AND b.parent_author = i.author AND b.created_at <= i.created_at
  UNION
  SELECT i.brand_id, i.platform, i.post_id
  FROM inbound i
  JOIN brand_posts b ON b.brand_id = i.brand_id AND b.platform = i.platform AND b.thread_id = i.thread_id
  WHERE $needs_answer AND NOT i.is_question AND i.thread_id IS NOT NULL
    AND b.post_type = 'reply' AND b.parent_author = i.author AND b.created_at <= i.created_at
),
closer_texts AS (
  -- each candidate post once, with its text reduced as acknowledgement.sql says
  SELECT platform, post_id, bare, rb_ack_words(bare) AS words
  FROM (
    SELECT p.platform, p.post_id, rb_bare_text(p.text) AS bare
    FROM posts p
    SEMI JOIN closer_candidates c ON c.platform = p.platform AND c.post_id = p.post_id
    WHERE rb_may_acknowledge(p.text)
  )
),
worded_closers AS (
  -- the candidates of 1 to 12 words that acknowledgement.sql's vocabulary test passes:
  -- a thank-you (every word in its vocabulary or naming a problem, one of them
  -- acknowledging, and a problem named only beside a word that resolves it) or a hand-off
  -- (every word in its vocabulary, one a hand-off verb, one naming the private channel);
  -- never one whose words hold a refusal ("done with", rb_ack_refusals)
  SELECT t.platform, t.post_id
  FROM (
    SELECT platform, post_id, unnest(words) AS word FROM closer_texts
    WHERE len(words) BETWEEN 1 AND 12
      AND NOT EXISTS (SELECT 1 FROM rb_ack_refusals r WHERE contains(' ' || array_to_string(words, ' ') || ' ', ' ' || r.phrase || ' '))
  ) t
  LEFT JOIN rb_ack_vocabulary v ON v.word = t.word
  GROUP BY t.platform, t.post_id
  HAVING (bool_and(coalesce(v.thanks OR v.problem, false)) AND bool_or(coalesce(v.acknowledges, false))
          AND (NOT bool_or(coalesce(v.problem, false)) OR bool_or(coalesce(v.resolves, false))))
      OR (bool_and(coalesce(v.hand_off, false)) AND bool_or(coalesce(v.hands_off, false)) AND bool_or(coalesce(v.private_channel, false)))
),
closers AS (
  SELECT c.brand_id, c.platform, c.post_id
  FROM closer_candidates c
  JOIN closer_texts t ON t.platform = c.platform AND t.post_id = c.post_id
  LEFT JOIN worded_closers w ON w.platform = t.platform AND w.post_id = t.post_id
  WHERE CASE WHEN len(t.words) = 0 THEN rb_ack_emoji_shape(t.bare) ELSE w.post_id IS NOT NULL END
),
newest AS (
  -- the newest accepted post of each platform, never later than the latest import
  -- (the import accepts dates up to a day ahead of its own time)
  SELECT platform, least(max(created_at), (SELECT max(imported_at) FROM import_batches)) AS newest_at
  FROM posts GROUP BY platform
)
SELECT brand_id, platform, post_id, author, created_at, is_question, response_id, response_at, response_min, pending,
       lists_responses, listed_missing, no_answer, no_answer IS NULL AS needs_answer,
       strftime(local_at, '%Y-%m') AS local_month,
       local_at::DATE AS local_day,
       (isodow(local_at) - 1)::INTEGER AS weekday,
       hour(local_at)::INTEGER AS hour
FROM (
  SELECT i.brand_id, i.platform, i.post_id, i.author, i.created_at, i.is_question,
         r.response_id, r.response_at,
         ((epoch_us(r.response_at) - epoch_us(i.created_at)) / 60000000)::DOUBLE AS response_min,
         (r.response_at IS NULL AND i.created_at + to_microseconds($window_us::BIGINT) > n.newest_at) AS pending,
         i.listed_responses IS NOT NULL AS lists_responses,
         (r.response_at IS NULL AND lm.post_id IS NOT NULL) AS listed_missing,
         CASE WHEN NOT $needs_answer THEN NULL
              WHEN i.handles_tagged >= $mass_handles AND NOT i.replies_to_brand THEN 'mass-mention'
              WHEN cl.post_id IS NOT NULL THEN 'closer'
         END AS no_answer,
         i.created_at AT TIME ZONE $tz AS local_at
  FROM inbound i
  LEFT JOIN first_replies r ON r.brand_id = i.brand_id AND r.platform = i.platform AND r.parent_post_id = i.post_id
  LEFT JOIN newest n ON n.platform = i.platform
  LEFT JOIN listed_missing lm ON lm.brand_id = i.brand_id AND lm.platform = i.platform AND lm.post_id = i.post_id
  LEFT JOIN closers cl ON cl.brand_id = i.brand_id AND cl.platform = i.platform AND cl.post_id = i.post_id
)
-- Stored in time order, so the per-period queries skip the other months.
ORDER BY created_at;

-- responses: the answered mentions that needed an answer, one row each.
CREATE OR REPLACE TEMP VIEW responses AS
SELECT brand_id, platform, post_id AS mention_id, response_id, response_at, response_min
FROM mentions
WHERE response_at IS NOT NULL AND needs_answer;
