-- Unsolicited mentions: up to $limit example posts per brand, from the most
-- widely sent templates first, then the earliest post.
--
-- Parameters: $min_recipients, $limit.
WITH keyed AS (
  SELECT u.brand_id, u.platform, u.post_id, u.recipients, coalesce(k.template_key, '') AS template_key
  FROM diag_unsolicited u
  LEFT JOIN diag_template_keys k USING (brand_id, platform, post_id)
),
spread AS (
  SELECT brand_id, template_key, count(DISTINCT handle) AS people
  FROM (SELECT brand_id, template_key, unnest(recipients) AS handle FROM keyed)
  GROUP BY brand_id, template_key
)
SELECT k.brand_id, p.author, p.text, p.url, strftime(p.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, s.people::INTEGER AS people
FROM keyed k
JOIN spread s USING (brand_id, template_key)
JOIN posts p ON p.platform = k.platform AND p.post_id = k.post_id
WHERE s.people >= $min_recipients
QUALIFY row_number() OVER (PARTITION BY k.brand_id ORDER BY s.people DESC, p.created_at, p.post_id) <= $limit
ORDER BY k.brand_id, s.people DESC, p.created_at, p.post_id;
