-- Canned replies: the $top most repeated templates of each brand (used at
-- least $min_group times), with how often each was used and its earliest use
-- (text, author, url) as an example. Ties: alphabetical order of the template.
-- The earliest use is chosen by its key (arg_min over date and post id), and only
-- the chosen examples' text is read from posts.
--
-- Parameters: $min_group, $top.
WITH templates AS (
  SELECT k.brand_id, k.template_key, count(*) AS uses,
         arg_min({platform: k.platform, post_id: k.post_id}, {created_at: b.created_at, post_id: k.post_id}) AS first_use,
         min(b.created_at) AS first_used
  FROM diag_template_keys k
  JOIN brand_posts b ON b.brand_id = k.brand_id AND b.platform = k.platform AND b.post_id = k.post_id
  GROUP BY k.brand_id, k.template_key
  HAVING count(*) >= $min_group
  QUALIFY row_number() OVER (PARTITION BY k.brand_id ORDER BY count(*) DESC, k.template_key) <= $top
)
SELECT t.brand_id, t.template_key, t.uses::INTEGER AS uses, p.text AS example_text, p.author AS example_author, p.url AS example_url,
       strftime(t.first_used, '%Y-%m-%dT%H:%M:%SZ') AS first_used_at
FROM templates t
JOIN posts p ON p.platform = t.first_use.platform AND p.post_id = t.first_use.post_id AND p.created_at = t.first_used
ORDER BY t.brand_id, t.uses DESC, t.template_key;
