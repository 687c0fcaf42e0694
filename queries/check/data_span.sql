-- The calendar days (in $tz) of the first and last post the store holds, whatever the
-- period: what a check of a period without a single post names, so the user picks a
-- period the data covers.
--
-- Parameters: $tz.
SELECT strftime(min(created_at AT TIME ZONE $tz), '%Y-%m-%d') AS first_day,
       strftime(max(created_at AT TIME ZONE $tz), '%Y-%m-%d') AS last_day
FROM posts;
