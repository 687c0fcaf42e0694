-- The platforms on which the data holds a brand's posts on part of the period only (coverage
-- brand-posts-partial there: base/period_sets.sql keeps only the platforms where its unanswered
-- mentions outside its posts pass the warning's thresholds). A share answered that rests on
-- other platforms only (the influencers' and sentiment's compared platforms) is whole.
--
-- Parameters: $start, $end.
SELECT DISTINCT brand_id, platform FROM rb_outside_own_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) ORDER BY ALL;
