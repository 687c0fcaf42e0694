import type { z } from 'zod';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { monthsEnding, parsePeriod, previousPeriod, type Period } from './period.js';
import type { Store } from '../store/database.js';
import type { SqlParams, SqlSession } from '../store/session.js';
import { parseRows } from '../store/rows.js';
import { buildBase, iso } from './build.js';
import { queryFile, runQueryFile } from './queries.js';

export interface AnalysisOptions {
  /** Months in the trend, ending with the period's last month (default 13). */
  trendMonths?: number;
  /** Days before the period in which "had written to the brand" is looked up (default 7). */
  lookbackDays?: number;
}

const DAY_MS = 86_400_000;
export const DEFAULT_TREND_MONTHS = 13;
export const DEFAULT_LOOKBACK_DAYS = 7;

/**
 * One analysis of one (store, config, period): the base tables built once, on
 * a connection of its own, over the widest range any reader needs (the
 * previous period, the trend's months, the diagnostics' look-back). Metrics,
 * diagnostics and the report's facts read it; none of them rebuilds it. Two
 * analyses can be open at once. Close it when done.
 * @example
 * const analysis = await Analysis.build(store, config, '2017-10');
 * try { report = await metricsOf(analysis); } finally { analysis.close(); }
 */
export class Analysis {
  private constructor(
    readonly store: Store,
    private readonly session: SqlSession,
    readonly config: Config,
    readonly period: Period,
    readonly previous: Period,
    readonly months: Period[],
    readonly lookbackDays: number,
  ) {}

  static async build(store: Store, config: Config, period: string | Period, options: AnalysisOptions = {}): Promise<Analysis> {
    const current = typeof period === 'string' ? parsePeriod(period, config.timezone) : period;
    if (current.timezone !== config.timezone) throw new UserError(`--period: the period is in ${current.timezone} but the config's timezone is ${config.timezone}.`);
    const previous = previousPeriod(current);
    const months = monthsEnding(current, options.trendMonths ?? DEFAULT_TREND_MONTHS);
    const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
    const starts = [previous.start, current.start, new Date(current.start.getTime() - lookbackDays * DAY_MS), ...months.map((m) => m.start)];
    const ends = [current.end, ...months.map((m) => m.end)];
    const range = { start: new Date(Math.min(...starts.map(Number))), end: new Date(Math.max(...ends.map(Number))) };
    const session = await store.session();
    try {
      await buildBase(session, config, range);
    } catch (error) {
      session.close();
      throw error;
    }
    return new Analysis(store, session, config, current, previous, months, lookbackDays);
  }

  /** The period's bounds as bound parameters. */
  get range(): { start: string; end: string } {
    return { start: iso(this.period.start), end: iso(this.period.end) };
  }

  /**
   * Rows of queries/<name>.sql parsed into the shape `row` describes: a query
   * that returns something else fails here, naming its file, instead of
   * passing a wrong value on.
   */
  async rows<Row extends z.ZodType>(name: string, row: Row, params: SqlParams = {}): Promise<Array<z.infer<Row>>> {
    return parseRows(`queries/${name}.sql`, row, await queryFile(this.session, name, params));
  }

  /** Runs queries/<name>.sql (a file that builds tables) on this analysis's connection. */
  run(name: string, params: SqlParams = {}): Promise<void> {
    return runQueryFile(this.session, name, params);
  }

  /** Ad-hoc statements on this analysis's connection (filling a table next to a query file); their rows are not read. */
  async sql(text: string, params: SqlParams = {}): Promise<void> {
    await this.session.script(text, params);
  }

  /** Rows of an ad-hoc query on this analysis's connection (a one-line lookup next to a query file), parsed as SqlSession.rows does. */
  async sqlRows<Row extends z.ZodType>(name: string, row: Row, text: string, params: SqlParams = {}): Promise<Array<z.infer<Row>>> {
    return parseRows(`query "${name}"`, row, await this.session.script(text, params));
  }

  close(): void {
    this.session.close();
  }
}

/** Builds an analysis, hands it to `work`, and closes it whatever happens. */
export async function withAnalysis<T>(store: Store, config: Config, period: string | Period, work: (analysis: Analysis) => Promise<T>, options: AnalysisOptions = {}): Promise<T> {
  const analysis = await Analysis.build(store, config, period, options);
  try {
    return await work(analysis);
  } finally {
    analysis.close();
  }
}
