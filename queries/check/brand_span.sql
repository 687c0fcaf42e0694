-- Around a period that holds posts but none by or mentioning a brand of the config: the
-- calendar day (in $tz) of the last post written by one of the config's accounts before
-- it, and of the first after it. When either exists, the handles are right and the period
-- is not one of theirs (check says which to pick); when neither does, the handles are what
-- to look at (check lists the accounts the data holds). Their own posts only: looking for
-- their mentions would read every text of the store.
--
-- Parameters: $start, $end, $tz.
SELECT strftime(max(p.created_at) FILTER (WHERE p.created_at < $start::TIMESTAMPTZ) AT TIME ZONE $tz, '%Y-%m-%d') AS last_before,
       strftime(min(p.created_at) FILTER (WHERE p.created_at >= $end::TIMESTAMPTZ) AT TIME ZONE $tz, '%Y-%m-%d') AS first_after
FROM posts p
SEMI JOIN rb_accounts a ON a.platform = p.platform AND a.handle = p.author;
