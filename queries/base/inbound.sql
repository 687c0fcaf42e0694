-- inbound: the inbound mentions of each tracked brand created in [$start, $end).
-- A post is an inbound mention of brand B when
--   1. no tracked brand owns its author (on that platform),
--   2. it is not a repost, and
--   3. it targets B: its text mentions one of B's handles on that platform, or it
--      replies directly to a post of B (parent by id or link, see url_parents.sql, or a
--      parent not in the data whose link names one of B's accounts, url_owner.sql;
--      a quote does not reply),
--      or its topic is one of B's topics (case-insensitive).
-- One post can target several brands: it gets one row per brand.
-- Every inbound mention is kept; is_question marks those containing "?" or "¿", for the
-- questions-only mode that each metric query applies. listed_responses: the response ids
-- the export lists for the post (posts.response_ids), for coverage.
-- For the mentions that need no answer (mentions.sql): handles_tagged, the distinct
-- @handles the text names (tracked or not); replies_to_brand, the post replies directly
-- to a post of the brand (one of the parent branches below, not a mention or topic).
--
-- Handle mention: "@" + handle, any case, with no letter, digit or "_" just before
-- the "@" and none just after the handle. Every "@word" of a post is read once with
-- one regular expression of two alternatives, tried from left to right:
--   [A-Za-z0-9_]@[A-Za-z0-9_]+...  an "@word" glued to a letter, digit or "_" before
--                                  it ("me@acme.com"): matched only to be skipped;
--   @([A-Za-z0-9_]+)...            any other "@word": the word is captured.
-- Both take the whole word (so "@acmetv" gives acmetv, never acme) and the one
-- character after it when that is not a letter, digit or "_", so that in "@a@b" the
-- "@" before b, glued to the a, is not read again as a new mention. The captured
-- words are then joined to the handles by equality ("@AppleSupport." gives
-- applesupport). Handles with other characters (a Facebook page such as
-- acme.telecom) are matched with a regular expression on the posts that contain them.
--
-- Parameters: $start, $end.
CREATE OR REPLACE TEMP TABLE inbound AS
WITH owners AS (
  SELECT DISTINCT platform, handle FROM rb_accounts
),
other_handles AS (
  SELECT * FROM rb_accounts WHERE NOT regexp_full_match(handle, '[a-z0-9_]+')
),
candidates AS (
  -- The text is read here once; only what the later steps need is kept.
  -- A quote points at the post it quotes but does not reply to it: it targets a
  -- brand only by mention or topic.
  SELECT p.rowid AS post_no, p.platform, p.post_id, p.author, p.created_at,
         CASE WHEN p.kind <> 'quote' THEN p.parent_id END AS parent_id,
         CASE WHEN p.kind <> 'quote' THEN rb_url_owner(p.parent_url) END AS parent_owner,
         p.kind = 'quote' AS is_quote,
         lower(trim(p.topic)) AS topic,
         coalesce(contains(p.text, '?') OR contains(p.text, '¿'), false) AS is_question,
         p.response_ids AS listed_responses,
         p.thread_id,
         CASE WHEN contains(p.text, '@')
              THEN regexp_extract_all(p.text, '[A-Za-z0-9_]@[A-Za-z0-9_]+[^A-Za-z0-9_]?|@([A-Za-z0-9_]+)[^A-Za-z0-9_]?', 1)
         END AS mentioned,
         -- The skipped alternative of the pattern captures nothing ("me@acme.com": NULL or '',
         -- not a handle). One "@word" (most posts) is one handle or none, without the list functions.
         CASE WHEN len(mentioned) = 1 THEN (coalesce(mentioned[1], '') <> '')::BIGINT
              ELSE coalesce(len(list_distinct(list_filter(list_transform(mentioned, w -> lower(w)), w -> w <> ''))), 0)
         END AS handles_tagged,
         CASE WHEN contains(p.text, '@') AND EXISTS (SELECT 1 FROM other_handles) THEN p.text END AS text
  FROM posts p
  ANTI JOIN owners o ON o.platform = p.platform AND o.handle = p.author
  WHERE p.created_at >= $start::TIMESTAMPTZ AND p.created_at < $end::TIMESTAMPTZ
    AND p.kind <> 'repost'
),
targets AS (
  -- Each (brand, post) found, by its post's number: the brands and posts are paired on
  -- integers, and the post's columns read once after (on a month of 10M posts, grouping
  -- every column by (brand, platform, post_id) took 4.5 s).
  SELECT a.brand_id, m.post_no, false AS via_reply
  FROM (
    SELECT post_no, platform, unnest(mentioned) AS word
    FROM candidates
    WHERE mentioned IS NOT NULL
  ) m
  JOIN rb_accounts a ON a.platform = m.platform AND a.handle = lower(m.word)
  UNION ALL
  SELECT a.brand_id, c.post_no, false
  FROM candidates c
  JOIN other_handles a ON a.platform = c.platform
  WHERE c.text IS NOT NULL
    AND contains(lower(c.text), '@' || a.handle)
    AND regexp_matches(c.text, '(?i)(?:^|[^A-Za-z0-9_])@' || regexp_escape(a.handle) || '(?:[^A-Za-z0-9_]|$)')
  UNION ALL
  SELECT a.brand_id, c.post_no, true
  FROM candidates c
  JOIN posts p ON p.platform = c.platform AND p.post_id = c.parent_id
  JOIN rb_accounts a ON a.platform = p.platform AND a.handle = p.author
  UNION ALL
  SELECT a.brand_id, c.post_no, true
  FROM candidates c
  JOIN url_parents u ON u.platform = c.platform AND u.post_id = c.post_id AND NOT c.is_quote
  JOIN rb_accounts a ON a.platform = u.platform AND a.handle = u.parent_author
  UNION ALL
  SELECT a.brand_id, c.post_no, true
  FROM candidates c
  JOIN rb_accounts a ON a.platform = c.platform AND a.handle = c.parent_owner
  UNION ALL
  SELECT t.brand_id, c.post_no, false
  FROM candidates c
  JOIN rb_topics t ON t.topic = c.topic
),
targeted AS (
  SELECT brand_id, post_no, bool_or(via_reply) AS replies_to_brand
  FROM targets
  GROUP BY brand_id, post_no
)
SELECT t.brand_id, c.platform, c.post_id, c.author, c.created_at, c.is_question, c.listed_responses, c.thread_id, c.handles_tagged, t.replies_to_brand
FROM targeted t
JOIN candidates c ON c.post_no = t.post_no;
