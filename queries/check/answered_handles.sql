-- Config against the data: @handles the brands answer under but the config does not list.
-- A post a brand's account replied to in the period that is not one of its mentions
-- (base/mentions.sql: its text names none of the brand's handles and it replies to no post
-- of the brand), yet names another @handle that no tracked brand lists, most likely names
-- the brand under another name: another of its accounts, or its user id (the Kaggle
-- "Customer Support on Twitter" set writes some brands as anonymised ids, "@76099"). Those
-- posts, and every other mention of that name, are left out of the brand's figures.
-- Both the reply and the post it answers are in the period; a post another tracked brand
-- wrote is left out (it is that brand's), and so is a handle that wrote a post of its own in
-- the period (an account the data holds, a competitor's or a customer's, is no other name of
-- the brand). The warning still says what to do if the handle is someone else's.
--
-- Output: brand_id, ord (the brand's place in the config), platform, handle, posts (the
-- answered posts naming it), the $shown handles named most per brand and platform, each on
-- at least $min_posts posts; most first, then by handle.
-- Parameters: $start, $end, $min_posts, $shown.
WITH answered AS (
  SELECT DISTINCT b.brand_id, b.platform, b.parent_post_id AS post_id
  FROM brand_posts b
  WHERE b.post_type = 'reply' AND b.parent_post_id IS NOT NULL
    AND b.created_at >= $start::TIMESTAMPTZ AND b.created_at < $end::TIMESTAMPTZ
    AND b.parent_at >= $start::TIMESTAMPTZ AND b.parent_at < $end::TIMESTAMPTZ
),
unmatched AS (
  SELECT a.brand_id, a.platform, a.post_id
  FROM answered a
  ANTI JOIN mentions m ON m.brand_id = a.brand_id AND m.platform = a.platform AND m.post_id = a.post_id
),
named AS (
  -- each handle once per post: "@" with no letter, digit or "_" just before it, as base/inbound.sql reads mentions
  SELECT DISTINCT u.brand_id, u.platform, u.post_id, lower(unnest(regexp_extract_all(p.text, '(?:^|[^A-Za-z0-9_])@([A-Za-z0-9_]+)', 1))) AS handle
  FROM unmatched u
  JOIN posts p ON p.platform = u.platform AND p.post_id = u.post_id
  ANTI JOIN rb_accounts o ON o.platform = p.platform AND o.handle = p.author
  WHERE contains(p.text, '@')
),
authors AS (
  SELECT DISTINCT platform, author FROM posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
),
counted AS (
  SELECT n.brand_id, n.platform, n.handle, count(*) AS posts
  FROM named n
  ANTI JOIN rb_accounts a ON a.platform = n.platform AND a.handle = n.handle
  ANTI JOIN authors w ON w.platform = n.platform AND w.author = n.handle
  GROUP BY n.brand_id, n.platform, n.handle
  HAVING count(*) >= $min_posts
)
SELECT c.brand_id, b.ord::DOUBLE AS ord, c.platform, c.handle, c.posts::DOUBLE AS posts
FROM counted c
JOIN rb_brands b ON b.brand_id = c.brand_id
QUALIFY row_number() OVER (PARTITION BY c.brand_id, c.platform ORDER BY c.posts DESC, c.handle) <= $shown
ORDER BY b.ord, c.platform, c.posts DESC, c.handle;
