import type { z } from 'zod';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { monthsEnding, parsePeriod, periodDays, previousPeriod, type Period } from './period.js';
import type { Store } from '../store/database.js';
import type { SqlParams, SqlSession } from '../store/session.js';
import { parseRows } from '../store/rows.js';
import { type AnalysisRange, brandActivityRow, buildBase, dataDaysRow, holdsRow, iso, platformDaysRow } from './build.js';
import { AnalysisCache, stepKey } from './cache.js';
import { queryFile, queryText } from './queries.js';

export interface AnalysisOptions {
  /** Months in the trend, ending with the period's last month (default 13). */
  trendMonths?: number;
  /** Days before the period in which "had written to the brand" is looked up (default 7). */
  lookbackDays?: number;
  /** Read and keep the rows of this analysis beside the store (src/analysis/cache.ts); default true. */
  cache?: boolean;
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
  /** Statements asked for but not run yet: run, in order, before the first query whose rows are not cached. */
  private pending: Array<() => Promise<unknown>> = [];
  /** A hash of every statement asked for so far: each query's rows are cached under it. */
  private trail = '';
  private built = false;
  /** How far the exports reach on each tracked platform (spansWhole), read once; and over each period asked about. */
  private dataDays: Promise<ExportDays[]> | null = null;
  private readonly daysIn = new Map<string, Promise<PlatformDays[]>>();
  private readonly brandDaysIn = new Map<string, Promise<BrandDays[]>>();

  private constructor(
    readonly store: Store,
    private readonly session: SqlSession,
    readonly config: Config,
    readonly period: Period,
    readonly previous: Period,
    readonly months: Period[],
    readonly lookbackDays: number,
    private readonly baseRange: AnalysisRange,
    private cache: AnalysisCache | null,
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
    const cache = options.cache === false ? null : await AnalysisCache.open(store, config, current, range, lookbackDays);
    const session = await store.session();
    return new Analysis(store, session, config, current, previous, months, lookbackDays, range, cache);
  }

  /**
   * Rows of one statement: from the cache when this analysis computed them
   * before (and nothing it depends on changed), else computed after the base
   * tables and every statement that changes tables asked for before it.
   * `kind` says what the statement touches: `changes` makes or fills tables,
   * and is part of what every later statement's rows depend on (and run again
   * before a later one that is not cached); `reads` reads tables; `base`
   * reads only the base tables and the store's, so it depends on no
   * statement before it and runs without them. Rows are kept as `compute`
   * gives them, parsed: kept ones are read back without parsing again, since
   * the code that parsed them keys the kept analysis.
   */
  private async step(statement: string, params: SqlParams, kind: StepKind, compute: () => Promise<unknown[]>): Promise<unknown[]> {
    const key = stepKey(kind === 'base' ? '' : this.trail, statement, params);
    if (kind === 'changes') this.trail = key;
    const cached = this.cache?.get(key);
    if (cached) {
      if (kind === 'changes') this.pending.push(compute);
      return cached;
    }
    try {
      if (!this.built) {
        // Each period is judged against the one before it, as its own report judges it; the base tables may not reach
        // the one before the previous period (a trend of fewer months): that one is then judged on its own.
        const beforePrevious = previousPeriod(this.previous);
        const judged = [
          { start: this.period.start, end: this.period.end, before: this.previous },
          { start: this.previous.start, end: this.previous.end, before: beforePrevious.start >= this.baseRange.start ? beforePrevious : this.previous },
        ];
        await buildBase(this.session, this.config, this.baseRange, judged);
        this.built = true;
      }
      if (kind !== 'base') for (const earlier of this.pending.splice(0)) await earlier();
      const rows = await compute();
      this.cache?.set(key, rows);
      return rows;
    } catch (error) {
      // What runs after a failed statement (themes left out for want of memory) may depend on what it left half done: not kept.
      this.cache?.save();
      this.cache = null;
      throw error;
    }
  }

  /** A step whose rows are parsed into the shape `row` describes (a failure names `label`), and kept parsed. */
  private async parsedStep<Row extends z.ZodType>(
    label: string,
    row: Row,
    statement: string,
    params: SqlParams,
    kind: StepKind,
    raw: () => Promise<unknown[]>,
  ): Promise<Array<z.infer<Row>>> {
    return (await this.step(statement, params, kind, async () => parseRows(label, row, await raw()))) as Array<z.infer<Row>>;
  }

  /** Whether this analysis built its base tables (a query was not kept): more queries now cost only their own time. */
  get baseBuilt(): boolean {
    return this.built;
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
    return this.parsedStep(`queries/${name}.sql`, row, `file:${name}`, params, stepKindOf(queryText(name)), () => queryFile(this.session, name, params));
  }

  /**
   * Rows of queries/<name>.sql, a query that reads only the base tables and
   * macros and the store's own (the report's examples and curves, the
   * sentiment and influencer splits): whatever ran before it, its rows are the
   * same, so a kept analysis answers it on its own.
   */
  async baseRows<Row extends z.ZodType>(name: string, row: Row, params: SqlParams = {}): Promise<Array<z.infer<Row>>> {
    return this.parsedStep(`queries/${name}.sql`, row, `file:${name}`, params, 'base', () => queryFile(this.session, name, params));
  }

  /** Whether the base tables hold a mention or a post of a tracked brand in `period`: a period that holds none has no figure to compute. */
  async holds(period: Period): Promise<boolean> {
    const [row] = await this.baseRows('base/period_holds', holdsRow, { start: iso(period.start), end: iso(period.end) });
    return row?.holds === true;
  }

  /**
   * Whether the exports reach over `period` whole: a post on a tracked platform on or before its first local day and
   * one on or after its last (queries/base/data_days.sql, read once per analysis for every period asked about), and no
   * platform reached in part (platformsInPart).
   */
  async spansWhole(period: Period, alongside?: Period, platform?: string): Promise<boolean> {
    const platforms = await this.exportDays();
    const days = periodDays(period);
    if (platforms.length === 0) return false;
    const first = platforms.map((row) => row.first_day).sort()[0] ?? '';
    const last = platforms.map((row) => row.last_day).sort().at(-1) ?? '';
    const inPart = await this.platformsInPart(period, alongside);
    return first <= days.first && last >= days.last && !inPart.some((reach) => platform === undefined || reach.platform === platform);
  }

  /**
   * The tracked platforms whose exports reach over `period` in part: posts of the platform in it (or in `alongside`, the
   * period it is compared with: an export that ended before it, or skipped it) that begin after its first local day or
   * end before its last by more days than a whole export leaves unexplained: five times the mean span between two of its
   * posts, and 2 days at least (a Facebook export that ends on the 9th or the 17th; a platform of one post a day has no
   * post in its last 5 days once in 150 months); or that skip more than twice as many days in a row between two days with
   * posts, and more than 3 (an Instagram export that skips ten days). The mean span is that of the platform's posts in the
   * period or, when more, at the compared period's pace: an export cut at the 2nd holds too few posts to excuse the rest.
   * Only the days of the week the platform has posts on in either period count, and not the config's holidays (a page
   * commented on weekdays only, after a Friday holiday; one commented on each Monday). Only judgedPlatforms are judged.
   */
  async platformsInPart(period: Period, alongside?: Period): Promise<PlatformReach[]> {
    const days = periodDays(period);
    const periodLength = daysFrom(days.first, days.last);
    const inPeriod = new Map((await this.platformDays(period)).map((row) => [row.platform, row]));
    const inCompared = new Map((alongside ? await this.platformDays(alongside) : []).map((row) => [row.platform, row]));
    return (await this.judgedPlatforms(period, alongside)).flatMap((platform): PlatformReach[] => {
      const row = inPeriod.get(platform);
      if (row === undefined) return [{ platform, first: null, last: null, days: 0, daysWithPosts: 0, periodDays: periodLength, gap: null }];
      const then = inCompared.get(platform);
      const expected = Math.max(row.posts, then && alongside ? (then.posts * periodLength) / daysFrom(periodDays(alongside).first, periodDays(alongside).last) : 0);
      const allowed = Math.max(2, Math.ceil((5 * periodLength) / expected));
      const counted = this.countedDays(new Set([...row.weekdays, ...(then?.weekdays ?? [])]));
      const reach = reachOver(row, days, counted, { ends: allowed, inside: Math.max(3, 2 * allowed) });
      return reach.cut ? [{ platform, first: row.first_day, last: row.last_day, days: daysFrom(row.first_day, row.last_day), daysWithPosts: row.days.length, periodDays: periodLength, gap: reach.gap }] : [];
    });
  }

  /**
   * The brands whose data on a platform (their own posts and the mentions of them) begins late or ends early in `period`
   * beside the other tracked brands' data there: a care export, with the brand's answers and the mentions it received,
   * that ends on the 28th while the competitors' listening export goes on to the 31st. Judged within the days
   * the others' data reaches over, counting only the days it holds, the brand's days of the week and not the config's
   * holidays (brands whose data all ends on the 26th are cut alike, which platformsInPart judges), against how densely
   * those days hold the brand's data, in this period or the compared one, the higher (endTolerance: a brand with data on
   * every day is cut by 3 days without any at an end). A brand whose own posts stop while its mentions go on (a
   * team on holiday) is not cut: its counts hold all it received. Only a brand of at least MIN_PLATFORM_POSTS posts and
   * mentions there in the two periods together is judged; one with none in `period` is missingPlatforms's
   * (src/metrics/ranking.ts).
   */
  async brandsInPart(period: Period, alongside?: Period): Promise<BrandReach[]> {
    const key = (row: BrandDays) => `${row.brand_id}\u0000${row.platform}`;
    const inCompared = new Map((alongside ? await this.brandDays(alongside) : []).map((row) => [key(row), row]));
    return (await this.brandDays(period)).flatMap((row): BrandReach[] => {
      const then = inCompared.get(key(row));
      if (row.posts + (then?.posts ?? 0) < MIN_PLATFORM_POSTS) return [];
      const weekdays = new Set([...row.weekdays, ...(then?.weekdays ?? [])]);
      // The share of the counted days of the others' reach that hold the brand's data: over its own span it would be
      // higher, its quiet ends left out, and take a sparse brand's ordinary quiet week for a cut (of simulated complete
      // months with data on 3 days in 10, 2.1% were taken for cut so, against 0.4%).
      const countedIn = (days: BrandDays) => this.countedDays(weekdays, new Set(days.others_days));
      const density = (days: BrandDays, counted: (day: string) => boolean) => {
        const reach = daysIn(days.others_first_day, days.others_last_day).filter(counted).length;
        return reach === 0 ? 1 : days.days.filter(counted).length / reach;
      };
      const counted = countedIn(row);
      const ends = endTolerance(Math.max(density(row, counted), then ? density(then, countedIn(then)) : 0));
      const within = { first: row.others_first_day, last: row.others_last_day };
      const reach = reachOver(row, within, counted, { ends, inside: Number.POSITIVE_INFINITY });
      // Inside its reach, days without a brand's data come in runs its density does not foretell (the demo's complete
      // Instagram data of a competitor skips 10 of 31 days in a row; a brand closed for its August holiday skips 20): a
      // run is a cut only when it covers over half the counted days of the others' reach and one side of it holds a
      // stray few of the brand's posts and mentions, as an export that skipped most of a quarter leaves beside a mention
      // of the brand in a competitor's listening export. A brand active again after its silence is not cut.
      const half = Math.ceil(daysIn(within.first, within.last).filter(counted).length / 2);
      const run = reach.cut ? null : reachOver(row, within, counted, { ends: Number.POSITIVE_INFINITY, inside: Math.max(ends, half) }).between;
      const without = run !== null && strayBeside(row, run) ? run : null;
      if (!reach.cut && without === null) return [];
      return [{ brand: row.brand_id, platform: row.platform, first: row.first_day, last: row.last_day, othersFirst: row.others_first_day, othersLast: row.others_last_day, ...(without ? { without } : {}) }];
    });
  }

  /** Whether a local day counts in judging a reach: a day of the week with posts, not one of the config's holidays, and one of `held` when given. */
  private countedDays(weekdays: ReadonlySet<number>, held?: ReadonlySet<string>): (day: string) => boolean {
    return (day) => weekdays.has(isoWeekday(day)) && !this.config.holidays?.includes(day) && (held?.has(day) ?? true);
  }

  /**
   * The tracked platforms judged on how far their exports reach over `period` (and `alongside`): those of at least
   * MIN_PLATFORM_POSTS posts in the two periods together, and MIN_PLATFORM_SHARE of the tracked platforms' posts in
   * them. A handful of posts says nothing of how far an export reaches, and a platform that quiet moves no count (a
   * page commented on in bursts beside a Twitter export of thousands of posts would hold every brand's counts back).
   */
  private async judgedPlatforms(period: Period, alongside?: Period): Promise<string[]> {
    const posts = new Map<string, number>();
    for (const row of [...(await this.platformDays(period)), ...(alongside ? await this.platformDays(alongside) : [])]) posts.set(row.platform, (posts.get(row.platform) ?? 0) + row.posts);
    const total = [...posts.values()].reduce((sum, count) => sum + count, 0);
    return [...posts].filter(([, count]) => count >= MIN_PLATFORM_POSTS && count >= MIN_PLATFORM_SHARE * total).map(([platform]) => platform).sort();
  }

  /** Whether some judged platform's exports reach over `period` in part (platformsInPart) while another judged one's do not. */
  async cutUnevenly(period: Period, alongside?: Period): Promise<boolean> {
    const inPart = new Set((await this.platformsInPart(period, alongside)).map((reach) => reach.platform));
    return inPart.size > 0 && (await this.judgedPlatforms(period, alongside)).some((platform) => !inPart.has(platform));
  }

  /** Each tracked platform's posts in `period` and their first and last local day (queries/base/platform_days.sql). */
  private platformDays(period: Period): Promise<PlatformDays[]> {
    return this.daysOf(this.daysIn, 'base/platform_days', platformDaysRow, period);
  }

  /** Each brand's posts and mentions on each platform in `period` and their first and last local day, beside the other brands' data there (queries/base/brand_activity.sql). */
  private brandDays(period: Period): Promise<BrandDays[]> {
    return this.daysOf(this.brandDaysIn, 'base/brand_activity', brandActivityRow, period);
  }

  /** The rows of a query of `period`'s local days, read once per period into `kept`. */
  private daysOf<Row extends z.ZodType>(kept: Map<string, Promise<Array<z.infer<Row>>>>, name: string, row: Row, period: Period): Promise<Array<z.infer<Row>>> {
    const key = iso(period.start) + iso(period.end);
    let days = kept.get(key);
    if (days === undefined) {
      days = this.baseRows(name, row, { start: iso(period.start), end: iso(period.end), tz: this.config.timezone });
      kept.set(key, days);
    }
    return days;
  }

  private exportDays(): Promise<ExportDays[]> {
    this.dataDays ??= this.baseRows('base/data_days', dataDaysRow, { tz: this.config.timezone });
    return this.dataDays;
  }

  /** Runs queries/<name>.sql (a file that builds tables) on this analysis's connection, when a query that is not cached needs it. */
  async run(name: string, params: SqlParams = {}): Promise<void> {
    await this.step(`file:${name}`, params, 'changes', async () => {
      await queryFile(this.session, name, params);
      return [];
    });
  }

  /** Ad-hoc statements on this analysis's connection (filling a table next to a query file); their rows are not read. */
  async sql(text: string, params: SqlParams = {}): Promise<void> {
    await this.step(`sql:${text}`, params, 'changes', async () => {
      await this.session.script(text, params);
      return [];
    });
  }

  /** Rows of an ad-hoc query on this analysis's connection (a one-line lookup next to a query file), parsed as SqlSession.rows does. */
  async sqlRows<Row extends z.ZodType>(name: string, row: Row, text: string, params: SqlParams = {}): Promise<Array<z.infer<Row>>> {
    return this.parsedStep(`query "${name}"`, row, `sql:${text}`, params, stepKindOf(text), () => this.session.script(text, params));
  }

  /** Closes the connection and keeps what was computed beside the store. */
  close(): void {
    this.session.close();
    this.cache?.save();
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

type StepKind = 'changes' | 'reads' | 'base';

/** `changes` when SQL may make, fill or change a table (a word in a comment counts too: it only costs a statement run again). */
function stepKindOf(sql: string): StepKind {
  return /\b(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER|COPY|ATTACH|SET)\b/i.test(sql) ? 'changes' : 'reads';
}

type ExportDays = z.infer<typeof dataDaysRow>;
type PlatformDays = z.infer<typeof platformDaysRow>;
type BrandDays = z.infer<typeof brandActivityRow>;

/** A platform of fewer posts in the two periods compared, or of a smaller share of their posts, is not judged on how far its exports reach (platformsInPart). */
const MIN_PLATFORM_POSTS = 30;
const MIN_PLATFORM_SHARE = 0.05;

/** A tracked platform whose exports reach over part of a period: its first and last local day in it (YYYY-MM-DD; null when none), how many days from the one to the other, how many of them hold posts, and the days it skips. */
export interface PlatformReach {
  platform: string;
  first: string | null;
  last: string | null;
  days: number;
  /** The local days it has posts on, from `first` to `last`. */
  daysWithPosts: number;
  periodDays: number;
  /** The longest run of days without a post between two days with posts, when that is what cut it (null otherwise). */
  gap: number | null;
}

/**
 * Whether posts on the local days `row` gives cover `within` (a period's days, or those the other brands' data on a
 * platform reach over) as a whole export would, counting only the days `counted` keeps: no more days without any at
 * either end than `tolerance.ends`, nor in a row inside than `tolerance.inside`; and the days they skip in a row when
 * that is what cuts them.
 */
function reachOver(
  row: PlatformDays,
  within: { first: string; last: string },
  counted: (day: string) => boolean,
  tolerance: { ends: number; inside: number },
): { cut: boolean; gap: number | null; between: { first: string; last: string } | null } {
  const late = daysIn(within.first, row.first_day, { last: false }).filter(counted).length;
  const early = daysIn(row.last_day, within.last, { first: false }).filter(counted).length;
  // The longest run of counted days without data between two days with data, and its first and last day.
  let gap = 0;
  let between: { first: string; last: string } | null = null;
  row.days.slice(1).forEach((day, index) => {
    const inside = daysIn(row.days[index] ?? day, day, { first: false, last: false });
    const run = inside.filter(counted).length;
    if (run > gap) [gap, between] = [run, { first: inside[0] ?? day, last: inside.at(-1) ?? day }];
  });
  const gapped = gap > tolerance.inside;
  return { cut: late > tolerance.ends || early > tolerance.ends || gapped, gap: gapped ? gap : null, between: gapped ? between : null };
}

/** A side of a run without a brand's data that holds fewer than this share of its data in the period is a stray few. */
const STRAY_SHARE = 0.05;

/**
 * Whether the brand's data on one side of `run` (its posts and mentions on the days before it, or after it) is a stray
 * few: under STRAY_SHARE of all it has in the period, a mention or two another export holds.
 */
function strayBeside(row: BrandDays, run: { first: string; last: string }): boolean {
  const total = row.day_counts.reduce((sum, count) => sum + count, 0);
  const side = (keep: (day: string) => boolean) => row.days.reduce((sum, day, index) => sum + (keep(day) ? (row.day_counts[index] ?? 0) : 0), 0);
  return Math.min(side((day) => day < run.first), side((day) => day > run.last)) < STRAY_SHARE * total;
}

/**
 * The days without data a brand's run may have at either end when its days hold data at `density` (the share of its
 * counted days with any): the fewest k with (1 − density)^k under 1 in 1,000, and 2 at least. A brand with data on every
 * day is cut by 3 days at an end, one with data on 9 days in 10 by 4, on every other day by 11.
 */
function endTolerance(density: number): number {
  return Math.max(2, density >= 1 ? 0 : Math.ceil(Math.log(REACH_CHANCE) / Math.log(1 - density)));
}

/**
 * How unlikely a run of days without data at an end must be, for a brand's data, to be taken for an export cut short. At
 * 1 in 100, the demo's complete exports had a competitor's Instagram data begin 3 days into July beside data on 9 days in
 * 10 in August; a report holds some 15 brands and platforms.
 */
const REACH_CHANCE = 0.001;

/**
 * A brand whose data on a platform (its own posts and the mentions of it) begins late or ends early in a period beside
 * the other tracked brands' data there (Analysis.brandsInPart): the first and last local day of each (YYYY-MM-DD).
 */
export interface BrandReach {
  brand: string;
  platform: string;
  first: string;
  last: string;
  othersFirst: string;
  othersLast: string;
  /** The first and last local day of the run without its data that cut it, when one inside its reach did. */
  without?: { first: string; last: string };
}

/** The days from `first` to `last` (YYYY-MM-DD), each of the two counted unless left out. */
function daysIn(first: string, last: string, counted: { first?: boolean; last?: boolean } = {}): string[] {
  const days: string[] = [];
  const from = Date.parse(first) + (counted.first === false ? 86_400_000 : 0);
  const to = Date.parse(last) - (counted.last === false ? 86_400_000 : 0);
  for (let day = from; day <= to; day += 86_400_000) days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}

/** The ISO day of the week of a YYYY-MM-DD day: 1 Monday to 7 Sunday. */
function isoWeekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
}

/** Days from `first` to `last` (YYYY-MM-DD), both counted; 0 when `last` comes before `first`. */
function daysFrom(first: string, last: string): number {
  return Math.max(0, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1);
}
