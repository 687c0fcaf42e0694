/**
 * Report speed: one report including the browser start, then 20 client
 * reports in one run reusing the browser (two printing at a time), from the
 * metrics of the demo's sample month (computed once, as `replybench report`
 * would). Targets: < 3 s for one, < 20 s for 20 on 2 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { importFiles } from '../src/ingest/import.js';
import { computeMetrics } from '../src/metrics/compute.js';
import type { MetricsReport } from '../src/metrics/types.js';
import { ReportPrinter, writeReport } from '../src/report/index.js';
import { SAMPLE_REPORT_PERIOD, writeSampleExports } from '../src/sample/index.js';
import { SAMPLE_DATA_DIR } from '../src/sample/paths.js';
import { Store } from '../src/store/database.js';

async function sampleMetrics(dir: string, config: ReturnType<typeof loadConfig>): Promise<MetricsReport> {
  const { files } = writeSampleExports(join(dir, 'exports'));
  const store = await Store.open(join(dir, 'sample.duckdb'));
  try {
    for (const file of files) {
      const mapping = file.mapping ? { mapping: join(SAMPLE_DATA_DIR, file.mapping) } : {};
      await importFiles(store, [file.path], { format: 'auto', timezone: file.timezone, ...mapping });
    }
    return await computeMetrics(store, config, SAMPLE_REPORT_PERIOD, { cache: false });
  } finally {
    store.close();
  }
}

export async function run(): Promise<void> {
  const config = loadConfig(join(SAMPLE_DATA_DIR, 'replybench.yaml'));
  const out = join(tmpdir(), 'replybench-bench-report');
  const dir = mkdtempSync(join(tmpdir(), 'replybench-bench-sample-'));
  const metrics = await sampleMetrics(dir, config);
  rmSync(dir, { recursive: true, force: true });

  const oneStart = performance.now();
  await writeReport({ config, metrics, outDir: join(out, 'one') });
  const one = (performance.now() - oneStart) / 1000;

  const manyStart = performance.now();
  const printer = await ReportPrinter.launch({ concurrency: 2 });
  try {
    const clients = Array.from({ length: 20 }, (_, index) => index);
    const languages = ['en', 'es', 'fr'] as const;
    let next = 0;
    const worker = async () => {
      while (next < clients.length) {
        const index = next++;
        await writeReport({ config, metrics, outDir: join(out, `client-${index}`), lang: languages[index % 3], printer });
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await printer.close();
  }
  const many = (performance.now() - manyStart) / 1000;
  console.log(`one report (browser start included): ${one.toFixed(2)} s   (target < 3 s)`);
  console.log(`20 reports, one browser:              ${many.toFixed(2)} s   (target < 20 s; ${(many / 20).toFixed(2)} s per report)`);
}
