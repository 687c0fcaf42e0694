-- The platforms the report compares every brand's sentiment and influencer figures on
-- (diagnostics/audience_mentions.sql, run first) when the client's export gives the field on
-- some platforms only: per field, each brand whose mentions needing an answer the comparison
-- leaves out, how many, and the platforms kept and left out. No row when nothing is left out.
--
-- Parameters: $start, $end, $inbound_mode.
WITH fields AS (
  SELECT 'sentiment' AS field, brand_id, compared, compared_platforms, other_platforms
  FROM rb_audience_mentions($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode, 'sentiment')
  UNION ALL
  SELECT 'followers', brand_id, compared, compared_platforms, other_platforms
  FROM rb_audience_mentions($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode, 'followers')
)
SELECT f.field, f.brand_id, count(*)::INTEGER AS left_out,
       any_value(f.compared_platforms) AS compared_platforms, any_value(f.other_platforms) AS other_platforms
FROM fields f
JOIN rb_brands b ON b.brand_id = f.brand_id
WHERE NOT f.compared
GROUP BY f.field, f.brand_id, b.ord
ORDER BY f.field DESC, b.ord;
