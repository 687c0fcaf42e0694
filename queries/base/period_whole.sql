-- Whether the exports reach over [$start, $end) whole: the store holds a post (any post,
-- tracked or not) on or before the period's first local day and one on or after its last
-- ($tz), as the page's months call a month complete (serve/months.sql). A count over a
-- period the exports reach in part (an export that ends on 9 November, asked about the
-- fourth quarter) is compared with no other period (METRICS.md, "Comparability").
-- Parameters: $start, $end, $tz.
SELECT coalesce(
         timezone($tz, min(created_at))::DATE <= timezone($tz, $start::TIMESTAMPTZ)::DATE
         AND timezone($tz, max(created_at))::DATE >= (timezone($tz, $end::TIMESTAMPTZ) - INTERVAL 1 DAY)::DATE,
         false) AS whole
FROM posts;
