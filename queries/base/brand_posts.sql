-- brand_posts: posts written by an owned account of a tracked brand, with their parent
-- (see url_parents.sql for how a parent is found), classified for "reply versus
-- broadcast":
--   repost    a repost (retweet, share): left out of reply/broadcast counts;
--   broadcast an original post, a quote, or a reply to the brand's own post (self-thread);
--   reply     a reply to a post not written by the brand, or to a parent not found in
--             the data (also a post marked as a reply or comment without any parent link).
-- points_at_parent: the post replies to (or quotes) something, by id, link or kind,
-- whether or not that parent is in the data.
-- A parent not found in the data is still marked as the brand's own when its link names
-- one of the brand's accounts (twitter.com/<handle>/status/..., or a profile link as
-- Talkwalker writes it), or when the user it replies to (reply_to_user) is one of them:
-- a reply to it continues the brand's thread, a broadcast.
-- (The config refuses a handle listed by two brands: each brand post has one brand.)
-- Built once for the analysis's slice [$slice_start, $slice_end] (every reader filters
-- it by created_at), in time order, so the per-period readers skip the other months.
--
-- local_day is its calendar day in the report timezone ($tz), as mentions.sql's: read by every
-- query of days, once converted here rather than by each.
--
-- Parameters: $slice_start, $slice_end, $tz.
CREATE OR REPLACE TEMP TABLE brand_posts AS
SELECT a.brand_id, p.platform, p.post_id, p.author, p.created_at, (p.created_at AT TIME ZONE $tz)::DATE AS local_day,
       p.kind, p.thread_id, p.batch_id,
       coalesce(parent.post_id, u.parent_post_id) AS parent_post_id,
       coalesce(parent.author, u.parent_author) AS parent_author,
       coalesce(parent.created_at, u.parent_at) AS parent_at,
       CASE
         WHEN p.kind = 'repost' THEN 'repost'
         WHEN p.kind = 'quote' THEN 'broadcast'
         WHEN p.parent_id IS NULL AND nullif(trim(p.parent_url), '') IS NULL AND p.reply_to_user IS NULL AND p.kind NOT IN ('reply', 'comment') THEN 'broadcast'
         WHEN self.handle IS NOT NULL THEN 'broadcast'
         ELSE 'reply'
       END AS post_type,
       (p.parent_id IS NOT NULL OR nullif(trim(p.parent_url), '') IS NOT NULL OR p.reply_to_user IS NOT NULL OR p.kind IN ('reply', 'comment')) AS points_at_parent
FROM posts p
JOIN rb_accounts a ON a.platform = p.platform AND a.handle = p.author
LEFT JOIN posts parent ON parent.platform = p.platform AND parent.post_id = p.parent_id
LEFT JOIN url_parents u ON u.platform = p.platform AND u.post_id = p.post_id
LEFT JOIN rb_accounts self
  ON self.brand_id = a.brand_id AND self.platform = p.platform
 AND self.handle = coalesce(parent.author, u.parent_author,
                            rb_url_owner(p.parent_url),
                            p.reply_to_user)
WHERE p.created_at >= $slice_start::TIMESTAMPTZ AND p.created_at <= $slice_end::TIMESTAMPTZ
ORDER BY p.created_at;
