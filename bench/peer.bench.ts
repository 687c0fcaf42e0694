/**
 * Peer bench: replybench import + the first metrics of the heavy bench's
 * 1M-post month, against the pandas notebook an analyst would write for the
 * same file (bench/peer.py: response rate, median time, SLA shares and share
 * of voice, and nothing else), each a child process timed start to end.
 *
 *   pandas peer / (replybench import + first metrics)   target >= 4x
 *
 * Runs with the system Python (BENCH_PYTHON, else /usr/bin/python3) when it
 * has pandas (Debian: apt-get install python3-pandas); otherwise the section
 * says so and is skipped. BENCH_HEAVY_ROWS scales the month as in the heavy
 * bench. Nothing is asserted; figures are printed, with the client's numbers
 * from both sides.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runNode } from './child.js';
import { HEAVY_PERIOD, heavyConfig, heavyCsv } from './heavy-data.js';
import { median } from './timing.js';

const CLI = join(ROOT, 'bin/replybench.js');
const PEER = join(ROOT, 'bench/peer.py');
const CACHE = join(ROOT, '.cache/bench');
const RUNS = 3;

interface PeerBrand {
  handle: string;
  inbound: number;
  answered: number;
  responseRate: number | null;
  responseTimeMedianMin: number | null;
  shareOfVoice: number | null;
}

interface ReplybenchBrand {
  id: string;
  inbound: number;
  answered: number;
  responseRate: number | null;
  responseTimeMedianMin: number | null;
  shareOfVoice: number | null;
}

function load(): string {
  return `${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} (1, 5, 15 min; ${availableParallelism()} cores)`;
}

export async function run(): Promise<void> {
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`${python} has no pandas: section skipped (Debian: apt-get install python3-pandas, or set BENCH_PYTHON)`);
    return;
  }
  const rows = Number(process.env.BENCH_HEAVY_ROWS ?? 1_000_000);
  const config = heavyConfig(CACHE);
  const file = await heavyCsv(CACHE, rows);
  const handles = [...readFileSync(config, 'utf8').matchAll(/twitter: \[([^\]]+)\]/g)].map((match) => match[1] ?? '');
  console.log(`${file.path} (${rows.toLocaleString('en-US')} rows, month ${HEAVY_PERIOD}), pandas ${probe.stdout.trim()} on ${python}`);

  const work = mkdtempSync(join(tmpdir(), 'replybench-peer-'));
  const peerSeconds: number[] = [];
  const replybenchSeconds: number[] = [];
  const importSeconds: number[] = [];
  let peerBrands: PeerBrand[] = [];
  let ours: ReplybenchBrand[] = [];
  const loadBefore = load();
  try {
    for (let round = 0; round < RUNS; round += 1) {
      const started = performance.now();
      const peer = spawnSync(python, [PEER, file.path, handles.join(',')], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (peer.status !== 0) throw new Error(`bench/peer.py failed: ${peer.stderr.slice(0, 300)}`);
      peerSeconds.push((performance.now() - started) / 1000);
      peerBrands = (JSON.parse(peer.stdout.split('\n')[0] ?? '{}') as { brands: PeerBrand[] }).brands;

      const database = join(work, `peer-${round}.duckdb`);
      const imported = runNode([CLI, 'import', file.path, '--db', database]);
      const metrics = runNode([CLI, 'metrics', '--period', HEAVY_PERIOD, '--format', 'json', '--config', config, '--db', database]);
      if (imported.status !== 0 || metrics.status !== 0) throw new Error(`replybench failed: ${(imported.stderr + metrics.stderr).slice(0, 300)}`);
      importSeconds.push(imported.wallMs / 1000);
      replybenchSeconds.push((imported.wallMs + metrics.wallMs) / 1000);
      ours = (JSON.parse(metrics.stdout) as { brands: ReplybenchBrand[] }).brands;
      rmSync(database, { force: true });
      rmSync(`${database}.cache`, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const peer = median(peerSeconds);
  const replybench = median(replybenchSeconds);
  const ratio = peer / replybench;
  console.log(`load average before measuring: ${loadBefore}`);
  console.log(`  pandas peer (read, then the four metrics)       ${peer.toFixed(2)} s (runs ${peerSeconds.map((value) => value.toFixed(2)).join(', ')})`);
  console.log(`  replybench import + first metrics (everything)  ${replybench.toFixed(2)} s (runs ${replybenchSeconds.map((value) => value.toFixed(2)).join(', ')}; import ${median(importSeconds).toFixed(2)} s)`);
  console.log(`  ratio pandas / replybench: ${ratio.toFixed(2)}x (target >= 4x: ${ratio >= 4 ? 'met' : 'MISSED'})`);
  console.log(`load average after measuring:  ${load()}`);
  const client = ours[0];
  const same = peerBrands.find((brand) => brand.handle === client?.id);
  if (client && same) {
    const shown = (brand: { inbound: number; answered: number; responseRate: number | null; responseTimeMedianMin: number | null; shareOfVoice: number | null }) =>
      `${brand.inbound.toLocaleString('en-US')} inbound, ${brand.answered.toLocaleString('en-US')} answered (${((brand.responseRate ?? Number.NaN) * 100).toFixed(2)}%), median ${(brand.responseTimeMedianMin ?? Number.NaN).toFixed(1)} min, share of voice ${((brand.shareOfVoice ?? Number.NaN) * 100).toFixed(2)}%`;
    console.log(`  the client, ${client.id}: replybench ${shown(client)}`);
    console.log(`  ${' '.repeat(client.id.length + 14)}pandas     ${shown(same)} (no needs-answer rules: closers and tag storms count)`);
  }
}
