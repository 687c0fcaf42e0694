-- Business hours, step 2: every opening of every brand between $from_day and
-- $to_day, as instants. Each local day gets the openings of its weekday,
-- unless it is a holiday; an opening belongs to the day it starts on (a
-- 22:00-06:00 opening on Saturday runs into Sunday). Wall-clock times become
-- instants in the brand's timezone, so an opening across a daylight-saving
-- change lasts the real time that passed (22:00-06:00 is 7 hours on the night
-- clocks go forward). Overlapping openings are merged.
--   worked_before_us: business time (microseconds) of all earlier openings of
--   the brand, so the business time between two instants is a difference of
--   two look-ups (business_hours.sql), with no per-day loop.
--
-- Output: diag_open_intervals(brand_id, open_at, close_at, worked_before_us).
-- Parameters: $from_day, $to_day (local dates, 'YYYY-MM-DD').
CREATE OR REPLACE TEMP TABLE diag_open_intervals AS
WITH days AS (
  SELECT d::DATE AS day FROM generate_series($from_day::DATE, $to_day::DATE, INTERVAL 1 DAY) AS t(d)
),
openings AS (
  SELECT s.brand_id,
         (d.day::TIMESTAMP + to_minutes(s.start_min)) AT TIME ZONE s.timezone AS open_at,
         (d.day::TIMESTAMP + to_minutes(s.end_min)) AT TIME ZONE s.timezone AS close_at
  FROM diag_schedule s
  JOIN days d ON isodow(d.day) = s.weekday
  WHERE NOT EXISTS (SELECT 1 FROM diag_holidays h WHERE h.brand_id = s.brand_id AND h.day = d.day)
),
ordered AS (
  SELECT brand_id, open_at, close_at,
         max(close_at) OVER (PARTITION BY brand_id ORDER BY open_at, close_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach_before
  FROM openings
  WHERE close_at > open_at
),
islands AS (
  SELECT brand_id, open_at, close_at,
         sum(CASE WHEN reach_before IS NULL OR open_at > reach_before THEN 1 ELSE 0 END)
           OVER (PARTITION BY brand_id ORDER BY open_at, close_at ROWS UNBOUNDED PRECEDING) AS island
  FROM ordered
),
merged AS (
  SELECT brand_id, min(open_at) AS open_at, max(close_at) AS close_at
  FROM islands
  GROUP BY brand_id, island
)
SELECT brand_id, open_at, close_at,
       coalesce(sum(epoch_us(close_at) - epoch_us(open_at)) OVER (
         PARTITION BY brand_id ORDER BY open_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::BIGINT AS worked_before_us
FROM merged;
