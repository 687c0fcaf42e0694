// The bench's reference: DuckDB's own CSV load, CREATE TABLE AS SELECT * FROM
// read_csv(...), into a fresh file database. Prints the elapsed milliseconds.
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, database] = process.argv.slice(2);
const started = performance.now();
const instance = await DuckDBInstance.create(database);
const connection = await instance.connect();
await connection.run('CREATE TABLE t AS SELECT * FROM read_csv($csv)', { csv });
connection.closeSync();
instance.closeSync();
process.stdout.write(`BENCH_MS=${performance.now() - started}\n`);
