import type { ImportProgress } from '../../ingest/progress.js';

/**
 * With REPLYBENCH_PROFILE=1, prints how long each import phase took (wall
 * and CPU time of the whole process, DuckDB's threads included) on stderr:
 * the bench uses it to show where the time goes.
 */
export function phaseProfiler(stream: NodeJS.WritableStream = process.stderr): { update: (progress: ImportProgress) => void; finish: () => void } {
  let current: { phase: string; wall: number; cpu: NodeJS.CpuUsage } | null = null;
  const close = (): void => {
    if (!current) return;
    const cpu = process.cpuUsage(current.cpu);
    stream.write(`profile: ${current.phase} ${Math.round(performance.now() - current.wall)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU\n`);
    current = null;
  };
  return {
    update: (progress) => {
      if (current?.phase === progress.phase) return;
      close();
      current = { phase: progress.phase, wall: performance.now(), cpu: process.cpuUsage() };
    },
    finish: close,
  };
}
