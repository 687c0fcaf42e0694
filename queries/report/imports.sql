-- The import records the methodology appendix lists, in import order, and the
-- number of rows kept in import_rejects.
--
-- Parameters: none.
SELECT file, format, rows_read::DOUBLE AS rows_read, imported::DOUBLE AS imported,
       duplicates::DOUBLE AS duplicates, rejected::DOUBLE AS rejected,
       (SELECT count(*) FROM import_rejects)::DOUBLE AS rejected_rows_total
FROM import_batches
ORDER BY batch_id;
