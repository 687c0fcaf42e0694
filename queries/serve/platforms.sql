-- The platforms of a client's data, most posts first: the brands form's columns.
SELECT platform, count(*)::DOUBLE AS posts FROM posts GROUP BY platform ORDER BY posts DESC, platform;
