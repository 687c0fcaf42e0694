-- The platforms whose posts of the period reach no tracked brand: no brand lists an account there, and
-- no post there is a mention of one (by a handle or a topic). An export of such a platform imported
-- without the brands' accounts on it counts for nothing, and the check says so.
-- Parameters: $start, $end.
SELECT p.platform, count(*)::DOUBLE AS posts
FROM posts p
WHERE p.created_at >= $start::TIMESTAMPTZ AND p.created_at < $end::TIMESTAMPTZ
  AND p.platform NOT IN (SELECT platform FROM rb_accounts)
  AND p.platform NOT IN (SELECT platform FROM mentions WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ)
GROUP BY p.platform
ORDER BY posts DESC, p.platform;
