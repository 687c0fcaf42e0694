/**
 * Runs a bench child process (node with bench/max-rss.mjs preloaded) and reads
 * its wall time, CPU time, peak resident memory and, when it prints
 * BENCH_MS=<ms> (bench/import-reference.mjs does), the time it measured itself.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export interface ChildRun {
  /** Exit status; null when the child was killed by a signal. */
  status: number | null;
  wallMs: number;
  reportedMs: number | null;
  maxRssMb: number;
  cpuMs: number;
  stdout: string;
  stderr: string;
}

/** `node --import bench/max-rss.mjs ...args` in the repository root. */
export function runNode(args: string[], env: Record<string, string> = {}): ChildRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/max-rss.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, ...env },
  });
  const wallMs = performance.now() - started;
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr);
  const cpu = /BENCH_CPU_US=(\d+)/.exec(child.stderr);
  const reported = /BENCH_MS=([\d.]+)/.exec(child.stdout);
  return {
    status: child.status,
    wallMs,
    reportedMs: reported ? Number(reported[1]) : null,
    maxRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
    cpuMs: cpu ? Number(cpu[1]) / 1000 : Number.NaN,
    stdout: child.stdout,
    stderr: child.error ? `${child.error.message}\n${child.stderr}` : child.stderr,
  };
}
