-- rb_measured_platforms(start, end): the (brand, platform) pairs whose response metrics
-- the data can support in [start, end): the data holds posts of the brand there in the
-- period (reposts left out), or a response (which may come after the period's end) to
-- one of its mentions. Elsewhere the brand's mentions may be all the export holds:
-- "unanswered" would say nothing (coverage.sql, unanswered_examples.sql).
--
-- Parameters: none (a macro of the analysis's connection).
CREATE OR REPLACE TEMP MACRO rb_measured_platforms(period_start, period_end) AS TABLE
SELECT brand_id, platform
FROM brand_posts
WHERE created_at >= period_start AND created_at < period_end AND post_type <> 'repost'
UNION
SELECT brand_id, platform
FROM mentions
WHERE created_at >= period_start AND created_at < period_end AND response_at IS NOT NULL;
