-- The first and the last local day ($tz) of the store's posts on each platform the config
-- tracks an account on: how far the exports reach. A period is compared on its counts only
-- when they reach over it whole (a post on or before its first day, and one on or after its
-- last, on all those platforms together), and when no platform reaches over it in part
-- (platform_days.sql; src/analysis/analysis.ts, spansWhole and platformsInPart). The page's
-- months call a month complete on the first rule. A platform no brand has an account on (an export imported before its pages
-- were listed) does not count: its posts count in no figure. No row for a store without such
-- posts.
-- Parameters: $tz.
SELECT platform,
       strftime(timezone($tz, min(created_at))::DATE, '%Y-%m-%d') AS first_day,
       strftime(timezone($tz, max(created_at))::DATE, '%Y-%m-%d') AS last_day
FROM posts
WHERE platform IN (SELECT platform FROM rb_accounts)
GROUP BY platform
ORDER BY platform;
