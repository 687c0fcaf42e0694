-- Marks the sets of the period [$start, $end) in $inbound_mode as built (base/period_sets.sql),
-- for base/measured.sql's macros, which refuse a period whose sets were never built.
-- Parameters: $start, $end, $inbound_mode.
INSERT INTO period_sets_built VALUES ($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode);
