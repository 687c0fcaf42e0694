/**
 * The minutes the "share answered over time" curve is drawn at: a log grid
 * from 1 minute to the response window, and the ticks its axis and the deck's
 * table show. queries/report/response_curve.sql counts the answered mentions
 * at each of them.
 */
export function curveMinutes(window: number): { grid: number[]; ticks: number[] } {
  const grid: number[] = [];
  for (let minutes = 1; minutes < window; minutes *= 1.15) grid.push(Math.round(minutes * 100) / 100);
  grid.push(window);
  const ticks = [1, 10, 60, 240, 1440, window].filter((value, index, all) => value <= window && all.indexOf(value) === index);
  return { grid, ticks };
}

/** Per brand, [minutes, answered] for each minute of curveMinutes: how many of its mentions that needed an answer were answered within it. */
export type AnsweredWithin = Record<string, Array<[number, number]>>;
