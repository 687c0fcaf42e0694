-- The rows of check/handles.sql (run first), in config order.
--
-- Parameters: none.
SELECT brand_id, platform, handle, ord::DOUBLE AS ord, posts, mentions FROM check_handles ORDER BY ord, platform, handle;
