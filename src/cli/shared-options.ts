/** The help of options several commands take, worded once. */
export const DB_HELP = "database file (default: the config's database, else ./replybench.duckdb)";
export const NO_CACHE_HELP = 'compute the analysis again instead of reading the one kept beside the database';
