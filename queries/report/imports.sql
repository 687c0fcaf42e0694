-- The import records the methodology appendix lists (and the page's exports section), in import order: each file
-- (content, by sha256) once, however often it was imported, with the time of its first import. A file read again
-- (another --platform, or its posts deleted since) adds the posts it imported to
-- its first record; its duplicates and rejects (the rows it kept in import_rejects) are the
-- first read's. Also the notices of the first read that kept them (JSON; a read before schema version 5 kept none: a file read
-- again with `import --again` since gives them), and the zone the first read read its local times in.
--
-- Parameters: none.
WITH reads AS (
  SELECT *, row_number() OVER (PARTITION BY sha256 ORDER BY batch_id) AS nth,
         sum(imported) OVER (PARTITION BY sha256) AS imported_total,
         first_value(notices IGNORE NULLS) OVER (PARTITION BY sha256 ORDER BY batch_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS kept_notices
  FROM import_batches
),
first_reads AS (
  SELECT * FROM reads WHERE nth = 1
)
SELECT file, sha256, format, strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, rows_read::DOUBLE AS rows_read, imported_total::DOUBLE AS imported,
       duplicates::DOUBLE AS duplicates, rejected::DOUBLE AS rejected, kept_notices AS notices, local_times_in
FROM first_reads
ORDER BY batch_id;
