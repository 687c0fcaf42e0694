-- Around a period that holds no post at all: the calendar day (in $tz) of the store's last
-- post before it and of its first post after it, whatever the platform or author. What a
-- check of that period names, so the user picks a period the data covers; the store's
-- first and last post alone would contradict it when the data has a gap (September and
-- November imported, October checked).
--
-- Parameters: $start, $end, $tz.
SELECT strftime(max(created_at) FILTER (WHERE created_at < $start::TIMESTAMPTZ) AT TIME ZONE $tz, '%Y-%m-%d') AS last_before,
       strftime(min(created_at) FILTER (WHERE created_at >= $end::TIMESTAMPTZ) AT TIME ZONE $tz, '%Y-%m-%d') AS first_after
FROM posts;
