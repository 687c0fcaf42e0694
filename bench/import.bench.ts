/**
 * Import speed: `replybench import` of a TWCS-layout CSV against DuckDB's own
 * `CREATE TABLE AS SELECT * FROM read_csv(...)` of the same file, both into a
 * fresh file database, both in child processes so peak memory can be read.
 * Rows: 1,000,000 by default; BENCH_IMPORT_ROWS=10000000 for the large run.
 * The CSV is generated once into .cache/bench/ (git-ignored) and reused.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runNode, type ChildRun } from './child.js';
import { benchCsv } from './import-data.js';

const TARGET_RATIO = 2;
const TARGET_RSS_MB = 1536;

function runChild(args: string[]): ChildRun & { output: string; profile: string[] } {
  const child = runNode(args, { REPLYBENCH_PROFILE: '1' });
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
  return { ...child, output: child.stdout, profile: child.stderr.split('\n').filter((line) => line.startsWith('profile: ')) };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const started = performance.now();
  const { path, generated } = await benchCsv(join(ROOT, '.cache/bench'), rows);
  const size = statSync(path).size;
  console.log(`input: ${path} (${rows.toLocaleString('en-US')} rows, ${(size / 1e6).toFixed(0)} MB${generated ? `, generated in ${seconds(performance.now() - started)}` : ', cached'})`);

  const work = mkdtempSync(join(tmpdir(), 'replybench-bench-'));
  try {
    const reference = runChild([join(ROOT, 'bench/import-reference.mjs'), path, join(work, 'reference.duckdb')]);
    const imported = runChild([join(ROOT, 'bin/replybench.js'), 'import', path, '--db', join(work, 'import.duckdb'), '--json']);
    const result = JSON.parse(imported.output.trim().split('\n')[0] ?? '{}') as { imported?: number; rowsRead?: number };
    if (result.imported !== rows) throw new Error(`import added ${result.imported} posts, expected ${rows}`);

    const ratio = imported.wallMs / reference.wallMs;
    const rate = (ms: number): string => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
    console.log(`reference  DuckDB CREATE TABLE AS read_csv: ${seconds(reference.wallMs)} wall (${seconds(reference.reportedMs ?? Number.NaN)} in DuckDB), ${rate(reference.wallMs)}, CPU ${seconds(reference.cpuMs)}, peak ${reference.maxRssMb.toFixed(0)} MB`);
    console.log(`replybench import:                         ${seconds(imported.wallMs)} wall, ${rate(imported.wallMs)}, CPU ${seconds(imported.cpuMs)}, peak ${imported.maxRssMb.toFixed(0)} MB`);
    console.log(`machine load average while measuring: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (other processes slow both runs)`);
    console.log(`ratio import / reference: ${ratio.toFixed(2)}x wall, ${(imported.cpuMs / reference.cpuMs).toFixed(2)}x CPU (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'})`);
    for (const line of imported.profile) console.log(`  import ${line}`);
    if (rows === 1_000_000) console.log(`peak memory target < ${TARGET_RSS_MB} MB: ${imported.maxRssMb < TARGET_RSS_MB ? 'met' : 'MISSED'}`);
    else console.log(`completed without running out of memory (the ${TARGET_RSS_MB} MB target is for the 1,000,000-row run)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
