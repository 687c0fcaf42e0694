-- Abandoned conversations, up to $limit per brand: the customer's last,
-- unanswered follow-up of each (see follow_through.sql), oldest first; not one
-- whose export lists a response the data does not hold (listed_missing: it may
-- have been answered), as unanswered_examples.sql.
--
-- Parameters: $limit.
SELECT f.brand_id, p.author, p.text, p.url, strftime(f.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
FROM diag_followups f
JOIN posts p ON p.platform = f.platform AND p.post_id = f.post_id
WHERE f.latest AND f.response_at IS NULL AND NOT f.pending AND NOT f.listed_missing
QUALIFY row_number() OVER (PARTITION BY f.brand_id ORDER BY f.created_at, f.post_id) <= $limit
ORDER BY f.brand_id, f.created_at, f.post_id;
