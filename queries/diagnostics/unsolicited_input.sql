-- Unsolicited mentions, step 1: the brand's original posts and quotes in the
-- period that @mention people of whom none had written to the brand in the
-- $lookback_us microseconds before the post (7 days). "Had written to the
-- brand" = authored an inbound mention of that brand (any inbound mention, not
-- only questions). A post that replies to anything (a parent id or link, found
-- in the data or not) is never unsolicited: an export that holds a brand's
-- replies without the messages they answer must not make them spam. Mentions
-- of tracked brands' own accounts are ignored. The
-- posts found are the input of template_keys.sql (near-same texts).
--
-- Output: diag_unsolicited(brand_id, platform, post_id, created_at, recipients)
-- and diag_template_input(brand_id, platform, post_id, norm).
-- Parameters: $start, $end, $lookback_us.
CREATE OR REPLACE TEMP TABLE diag_unsolicited AS
WITH own AS (
  SELECT b.brand_id, b.platform, b.post_id, b.created_at, p.text
  FROM brand_posts b
  JOIN posts p ON p.platform = b.platform AND p.post_id = b.post_id
  WHERE b.post_type <> 'repost'
    AND (b.kind = 'quote' OR NOT b.points_at_parent)
    AND b.created_at >= $start::TIMESTAMPTZ AND b.created_at < $end::TIMESTAMPTZ
    AND contains(p.text, '@')
),
recipients AS (
  SELECT DISTINCT r.brand_id, r.platform, r.post_id, r.created_at, r.handle
  FROM (
    SELECT brand_id, platform, post_id, created_at,
           lower(unnest(regexp_extract_all(text, '(?:^|[^A-Za-z0-9_])@([A-Za-z0-9_]+)', 1))) AS handle
    FROM own
  ) r
  WHERE NOT EXISTS (SELECT 1 FROM rb_accounts a WHERE a.platform = r.platform AND a.handle = r.handle)
),
solicited AS (
  SELECT DISTINCT r.brand_id, r.platform, r.post_id
  FROM recipients r
  JOIN mentions m ON m.brand_id = r.brand_id AND m.platform = r.platform AND m.author = r.handle
  WHERE m.created_at <= r.created_at
    AND m.created_at >= r.created_at - to_microseconds($lookback_us::BIGINT)
)
SELECT r.brand_id, r.platform, r.post_id, any_value(r.created_at) AS created_at, list(r.handle ORDER BY r.handle) AS recipients
FROM recipients r
ANTI JOIN solicited s ON s.brand_id = r.brand_id AND s.platform = r.platform AND s.post_id = r.post_id
GROUP BY r.brand_id, r.platform, r.post_id;

CREATE OR REPLACE TEMP TABLE diag_template_input AS
SELECT u.brand_id, u.platform, u.post_id, rb_template_text(p.text) AS norm
FROM diag_unsolicited u
JOIN posts p ON p.platform = u.platform AND p.post_id = u.post_id;
