-- Coverage: what the data can and cannot tell about each brand, per platform and over
-- all platforms (scope '*'), for [$start, $end). Exports are often partial: a listening
-- export holds the customers' mentions but not the brand's replies, a care export the
-- replies but not all they answer.
--   brand_posts                    the brand's own posts (reposts left out)
--   inbound                        its inbound mentions (questions-only mode applied)
--   inbound_measured               those on a platform where the data holds posts of the
--                                  brand: the mentions its response metrics rest on
--   inbound_with_listed_responses  mentions whose export lists response ids
--   listed_responses_missing       unanswered mentions whose export lists a response id
--                                  that is not in the data (base/mentions.sql)
--   replies                        the brand's replies (reply versus broadcast)
--   replies_with_missing_parent    of them, replies to posts not in the data
-- Warnings (thresholds from the config's metrics.coverage):
--   no-brand-posts      inbound mentions but no post of the brand on the platform (for '*':
--                       on some platform): its response metrics there are NULL, not 0
--   responses-missing   listed_responses_missing / inbound > $responses_missing_share:
--                       the response rate is a lower bound
--   parents-missing     replies_with_missing_parent / replies > $parents_missing_share:
--                       inbound volume and share of voice are understated
--
-- Output: measured_platforms(brand_id, platform), then metric_coverage(brand_id, scope, ...).
-- Parameters: $start, $end, $inbound_mode, $responses_missing_share, $parents_missing_share.
-- A platform is measured for a brand as base/measured.sql says.
CREATE OR REPLACE TEMP TABLE measured_platforms AS
SELECT * FROM rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ);

CREATE OR REPLACE TEMP TABLE metric_coverage AS
WITH own AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS brand_posts,
         count(*) FILTER (WHERE post_type = 'reply') AS replies,
         count(*) FILTER (WHERE post_type = 'reply' AND parent_post_id IS NULL) AS replies_with_missing_parent
  FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
inbound AS (
  SELECT m.brand_id,
         CASE WHEN grouping(m.platform) = 1 THEN '*' ELSE m.platform END AS scope,
         count(*) AS inbound,
         count(*) FILTER (WHERE mp.platform IS NOT NULL) AS inbound_measured,
         count(*) FILTER (WHERE m.lists_responses) AS inbound_with_listed_responses,
         count(*) FILTER (WHERE m.listed_missing) AS listed_responses_missing,
         bool_or(mp.platform IS NULL) AS some_unmeasured
  FROM mentions m
  LEFT JOIN measured_platforms mp ON mp.brand_id = m.brand_id AND mp.platform = m.platform
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question)
  GROUP BY GROUPING SETS ((m.brand_id), (m.brand_id, m.platform))
)
SELECT s.brand_id, s.scope,
       coalesce(o.brand_posts, 0)::DOUBLE AS brand_posts,
       coalesce(i.inbound, 0)::DOUBLE AS inbound,
       coalesce(i.inbound_measured, 0)::DOUBLE AS inbound_measured,
       coalesce(i.inbound_with_listed_responses, 0)::DOUBLE AS inbound_with_listed_responses,
       coalesce(i.listed_responses_missing, 0)::DOUBLE AS listed_responses_missing,
       coalesce(o.replies, 0)::DOUBLE AS replies,
       coalesce(o.replies_with_missing_parent, 0)::DOUBLE AS replies_with_missing_parent,
       coalesce(i.some_unmeasured, false) AS no_brand_posts,
       coalesce(i.listed_responses_missing / i.inbound > $responses_missing_share, false) AS responses_missing,
       coalesce(o.replies_with_missing_parent / o.replies > $parents_missing_share, false) AS parents_missing
FROM metric_scopes s
LEFT JOIN own o ON o.brand_id = s.brand_id AND o.scope = s.scope
LEFT JOIN inbound i ON i.brand_id = s.brand_id AND i.scope = s.scope;
