-- rb_url_owner(url): the account a post's link names, lower case, or NULL: the handle of
-- twitter.com/<handle>/status/... or of a profile link twitter.com/<handle> as
-- Talkwalker writes a parent (or x.com, mobile.), the page of
-- facebook.com/<page>/posts|videos|photos|reel/... A parent that is not in the data is
-- still known to be the brand's own post when its link names one of the brand's
-- accounts: a brand reply to it continues its own thread (brand_posts.sql), and a
-- customer's comment on it is aimed at the brand (inbound.sql).
--
-- Parameters: none.
CREATE OR REPLACE TEMP MACRO rb_url_owner(url) AS
  lower(nullif(coalesce(
    nullif(regexp_extract(url, '^\s*https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]+)', 1), ''),
    regexp_extract(url, '^\s*https?://(?:www\.|m\.|web\.)?facebook\.com/([A-Za-z0-9._-]+)/(?:posts|videos|photos|reels?)/', 1)
  ), ''));
