-- Each imported content (by sha256) that added posts, and whether any of them falls in
-- [$start, $end): the report's period, the previous one and the trend's months. The
-- report's data-quality page leaves out a file all of whose posts fall outside (last
-- year's sample of other brands the store also holds), whose name and rows say nothing
-- of this report; a file that added no post (all duplicates, or a header alone) is listed,
-- since the store does not say which dates its rows held.
-- Parameters: $start, $end.
SELECT b.sha256, bool_or(p.created_at >= $start::TIMESTAMPTZ AND p.created_at < $end::TIMESTAMPTZ) AS in_range
FROM posts p
JOIN import_batches b ON b.batch_id = p.batch_id
GROUP BY b.sha256;
