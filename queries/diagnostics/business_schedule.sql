-- Business hours, step 1: the tables replybench fills from the config with
-- bound parameters, one row per weekly opening and per holiday of each brand
-- that has a schedule:
--   diag_schedule  brand_id, timezone, weekday (1 = Monday ... 7 = Sunday),
--                  start_min, end_min (minutes from that day's local midnight;
--                  end_min > 1440 when the opening crosses midnight)
--   diag_holidays  brand_id, day (a local date with no opening starting on it)
CREATE OR REPLACE TEMP TABLE diag_schedule (brand_id VARCHAR NOT NULL, timezone VARCHAR NOT NULL, weekday INTEGER NOT NULL, start_min INTEGER NOT NULL, end_min INTEGER NOT NULL);
CREATE OR REPLACE TEMP TABLE diag_holidays (brand_id VARCHAR NOT NULL, day DATE NOT NULL);
