-- Unsolicited mentions: up to $limit example posts per brand (diag_unsolicited_spam,
-- built by unsolicited_mentions.sql), from the most widely sent templates first,
-- then the earliest post.
--
-- Parameters: $limit.
SELECT s.brand_id, p.author, p.text, p.url, strftime(p.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, s.people::INTEGER AS people
FROM diag_unsolicited_spam s
JOIN posts p ON p.platform = s.platform AND p.post_id = s.post_id
QUALIFY row_number() OVER (PARTITION BY s.brand_id ORDER BY s.people DESC, p.created_at, p.post_id) <= $limit
ORDER BY s.brand_id, s.people DESC, p.created_at, p.post_id;
