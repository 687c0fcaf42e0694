-- Canned replies: the $top most repeated templates of each brand (used at
-- least $min_group times), with how often each was used and its earliest use
-- (text, author, url) as an example. Ties: alphabetical order of the template.
--
-- Parameters: $min_group, $top.
WITH uses AS (
  SELECT k.brand_id, k.template_key, p.post_id, p.author, p.url, p.text, p.created_at
  FROM diag_template_keys k
  JOIN posts p ON p.platform = k.platform AND p.post_id = k.post_id
),
templates AS (
  SELECT brand_id, template_key, count(*) AS uses,
         first(text ORDER BY created_at, post_id) AS example_text,
         first(author ORDER BY created_at, post_id) AS example_author,
         first(url ORDER BY created_at, post_id) AS example_url,
         strftime(min(created_at), '%Y-%m-%dT%H:%M:%SZ') AS first_used_at
  FROM uses
  GROUP BY brand_id, template_key
  HAVING count(*) >= $min_group
)
SELECT brand_id, template_key, uses::INTEGER AS uses, example_text, example_author, example_url, first_used_at
FROM templates
QUALIFY row_number() OVER (PARTITION BY brand_id ORDER BY uses DESC, template_key) <= $top
ORDER BY brand_id, uses DESC, template_key;
