/**
 * Report speed: one report including the browser start, then 20 client
 * reports in one run reusing the browser (two printing at a time).
 * Targets: < 3 s for one, < 20 s for 20 on 2 cores.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import type { MetricsReport } from '../src/metrics/types.js';
import { ReportPrinter, writeReport } from '../src/report/index.js';

const fixtures = new URL('../tests/fixtures/report/', import.meta.url).pathname;

export async function run(): Promise<void> {
  const config = loadConfig(join(fixtures, 'replybench.yaml'));
  const metrics = JSON.parse(readFileSync(join(fixtures, 'metrics-2017-10.json'), 'utf8')) as MetricsReport;
  const out = join(tmpdir(), 'replybench-bench-report');

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
