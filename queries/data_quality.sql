-- Data quality of the period [$start, $end):
--   posts                   posts of any author and platform created in the period
--   replies_before_parent   posts whose parent was found but is stamped later than them
--   unresolved_parents      posts that point at a parent (by id or link) not found in the data
--   pending                 inbound mentions that need an answer still pending, summed over brands,
--                           on the platforms where each brand's answers are measured (as the
--                           pending of response.sql: a brand without posts has no rate to rise)
-- Parents are found as everywhere else (post_parents, base/url_parents.sql).
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
WITH children AS (
  SELECT created_at, parent_post_id, parent_at
  FROM post_parents
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
)
SELECT
  (SELECT count(*) FROM posts
    WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ)::DOUBLE AS posts,
  (SELECT count(*) FROM children WHERE parent_at > created_at)::DOUBLE AS replies_before_parent,
  (SELECT count(*) FROM children WHERE parent_post_id IS NULL)::DOUBLE AS unresolved_parents,
  (SELECT count(*) FROM mentions m
    SEMI JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) mp ON mp.brand_id = m.brand_id AND mp.platform = m.platform
    WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ AND m.pending AND m.needs_answer
      AND ($inbound_mode = 'all' OR m.is_question))::DOUBLE AS pending;
