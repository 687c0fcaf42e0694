-- Follow-through, per brand. A follow-up is an inbound mention created in the
-- period that replies directly to a reply of the brand, written by the same
-- person the brand had replied to (the customer wrote again in the thread).
-- Its answer is its response as in METRICS.md (earliest brand reply to it
-- within the window). A conversation (one brand reply with its follow-ups) is
-- abandoned when its latest follow-up got no answer and its window has
-- closed: the customer had the last word and waited longer than the window.
-- Follow-ups count whether or not they contain a question mark; a closer or a mass
-- mention (base/mentions.sql) needs no answer and is no follow-up. The brand reply
-- a follow-up answers must be written in the period or in the look-back before it
-- ($lookback_start: 7 days before the period), whatever range the analysis covers.
--
-- Under $min_follow_ups follow-ups the shares and the median are NULL, with reason
-- 'too-few-follow-ups' (none when there is no follow-up at all): a handful of
-- threads says nothing comparable.
--
-- Output: diag_followups (one row per follow-up, `latest` marks the latest of
-- its conversation), then the per-brand summary.
-- Parameters: $start, $end, $lookback_start, $min_follow_ups.
CREATE OR REPLACE TEMP TABLE diag_followups AS
SELECT m.brand_id, m.platform, m.post_id, m.created_at, m.response_at, m.response_min, m.pending, m.listed_missing,
       b.post_id AS brand_reply_id,
       row_number() OVER (PARTITION BY m.brand_id, m.platform, b.post_id ORDER BY m.created_at DESC, m.post_id DESC) = 1 AS latest
FROM mentions m
JOIN post_parents pp ON pp.platform = m.platform AND pp.post_id = m.post_id
JOIN brand_posts b ON b.brand_id = m.brand_id AND b.platform = m.platform AND b.post_id = pp.parent_post_id
WHERE b.post_type = 'reply' AND b.parent_author = m.author AND m.needs_answer
  AND b.created_at >= $lookback_start::TIMESTAMPTZ
  AND m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ;

WITH per_brand AS (
  SELECT brand_id, count(*) AS followups, count(response_at) AS answered,
         quantile_cont(response_min, 0.5) AS median_min,
         count(*) FILTER (WHERE latest) AS conversations,
         count(*) FILTER (WHERE latest AND response_at IS NULL AND NOT pending) AS abandoned,
         count(*) FILTER (WHERE listed_missing) AS listed_missing,
         count(*) FILTER (WHERE latest AND response_at IS NULL AND NOT pending AND listed_missing) AS abandoned_listed_missing
  FROM diag_followups
  GROUP BY brand_id
),
summary AS (
  SELECT b.brand_id, b.ord, f.median_min,
         coalesce(f.followups, 0) AS followups, coalesce(f.answered, 0) AS answered,
         coalesce(f.conversations, 0) AS conversations, coalesce(f.abandoned, 0) AS abandoned,
         coalesce(f.listed_missing, 0) AS listed_missing, coalesce(f.abandoned_listed_missing, 0) AS abandoned_listed_missing,
         coalesce(f.followups, 0) >= $min_follow_ups AS measured
  FROM rb_brands b
  LEFT JOIN per_brand f ON f.brand_id = b.brand_id
)
SELECT brand_id,
       followups::INTEGER AS followups,
       answered::INTEGER AS answered,
       CASE WHEN measured THEN (answered / followups)::DOUBLE END AS answered_share,
       CASE WHEN measured THEN median_min::DOUBLE END AS median_min,
       conversations::INTEGER AS conversations,
       abandoned::INTEGER AS abandoned,
       CASE WHEN measured THEN (abandoned / conversations)::DOUBLE END AS abandoned_share,
       listed_missing::INTEGER AS listed_missing,
       abandoned_listed_missing::INTEGER AS abandoned_listed_missing,
       CASE WHEN followups > 0 AND NOT measured THEN 'too-few-follow-ups' END AS reason
FROM summary
ORDER BY ord;
