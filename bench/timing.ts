/** Timing helpers of the benches: a run's seconds, the median of several, and how they print. */

export interface Timed {
  median: number;
  runs: number[];
}

export async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** The middle value (the upper one of an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The runs' times with their median. */
export function timed(runs: number[]): Timed {
  return { median: median(runs), runs };
}

export async function medianOf(work: () => Promise<unknown>, runs: number): Promise<Timed> {
  const times: number[] = [];
  for (let attempt = 0; attempt < runs; attempt++) times.push(await seconds(work));
  return timed(times);
}

export const show = (t: Timed) => `${t.median.toFixed(3)} s (runs ${t.runs.map((s) => s.toFixed(3)).join(', ')})`;
