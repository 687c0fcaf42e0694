import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { Config } from '../config/types.js';
import { parseRows } from '../store/rows.js';
import type { SqlSession } from '../store/session.js';
import { acknowledgementVocabulary, acknowledgementWord, NEGATIVE_EMOJI, REFUSING_PHRASES } from './acknowledgements.js';
import { brandNameWords } from './brand-words.js';
import { responsesMissingThreshold } from '../metrics/coverage.js';
import { queryFile, runQueryFile } from './queries.js';

export const MICROS_PER_MINUTE = 60_000_000;

/** The instants an analysis covers: inbound mentions created in [start, end). */
export interface AnalysisRange {
  start: Date;
  end: Date;
}

/** A period whose sets are built, and the period before it that a brand's density is also taken from (base/period_sets.sql). */
export interface JudgedPeriod extends AnalysisRange {
  before: AnalysisRange;
}

/**
 * Builds the temporary base tables every metric, diagnostic and report query
 * reads (queries/base/*.sql; their columns are listed in src/analysis/index.ts),
 * once, on the analysis's own connection. Every inbound mention is kept
 * (inbound mode "all"); the questions-only mode is applied inside each query.
 * Then the sets several queries read, once for each of `periods` (the
 * analysis's period and the one before it: base/period_sets.sql), marked as
 * built for both; a period that holds no row has them all empty and skips them.
 */
export async function buildBase(session: SqlSession, config: Config, range: AnalysisRange, periods: readonly JudgedPeriod[]): Promise<void> {
  await runQueryFile(session, 'base/config_tables');
  await fillConfigTables(session, config);
  const windowUs = BigInt(Math.round(config.metrics.responseWindow * MICROS_PER_MINUTE));
  const sliceEnd = new Date(range.end.getTime() + Math.ceil(config.metrics.responseWindow * 60_000));
  const params = {
    start: iso(range.start),
    end: iso(range.end),
    slice_start: iso(range.start),
    slice_end: iso(sliceEnd),
    window_us: windowUs,
    tz: config.timezone,
    needs_answer: config.metrics.needsAnswer,
    mass_handles: config.metrics.massMentionHandles,
  };
  for (const step of ['intervals', 'url_owner', 'acknowledgement', 'user_handles', 'url_parents', 'brand_posts', 'inbound', 'mentions', 'measured', 'sentiment', 'audience']) {
    await runQueryFile(session, `base/${step}`, params);
  }
  for (const period of periods) {
    const periodParams = {
      start: iso(period.start),
      end: iso(period.end),
      before_start: iso(period.before.start),
      before_end: iso(period.before.end),
      inbound_mode: config.metrics.inbound,
      tz: config.timezone,
      holidays: (config.holidays ?? []).join(','),
    };
    await runQueryFile(session, 'base/period_built', periodParams);
    if (await periodHolds(session, period)) await runQueryFile(session, 'base/period_sets', periodParams);
  }
}

export const holdsRow = z.object({ holds: z.boolean() });
export const dataDaysRow = z.object({ platform: z.string(), first_day: z.string(), last_day: z.string() });
export const platformDaysRow = z.object({ platform: z.string(), posts: z.number(), first_day: z.string(), last_day: z.string(), days: z.array(z.string()), weekdays: z.array(z.number()) });
export const brandActivityRow = platformDaysRow.extend({ brand_id: z.string(), day_counts: z.array(z.number()), others_first_day: z.string(), others_last_day: z.string(), others_days: z.array(z.string()) });

/** Whether the base tables hold a mention or a post of a tracked brand in `period` (base/period_holds.sql): without one, every figure of it is empty. */
export async function periodHolds(session: SqlSession, period: AnalysisRange): Promise<boolean> {
  const rows = parseRows('queries/base/period_holds.sql', holdsRow, await queryFile(session, 'base/period_holds', { start: iso(period.start), end: iso(period.end) }));
  return rows[0]?.holds === true;
}

async function fillConfigTables(session: SqlSession, config: Config): Promise<void> {
  for (const [ord, brand] of config.brands.entries()) {
    await session.run('INSERT INTO rb_brands VALUES ($id, $name, $role, $ord)', { id: brand.id, name: brand.name, role: brand.role, ord });
    for (const [platform, handles] of Object.entries(brand.accounts)) {
      for (const handle of handles) {
        // "id:85741735" names an account by its numeric user id, as exports without usernames write authors.
        const name = handle.startsWith('id:') ? handle.slice(3) : handle;
        await session.run('INSERT INTO rb_accounts VALUES ($id, $platform, $handle, false)', { id: brand.id, platform, handle: name });
      }
    }
    for (const topic of new Set(brand.topics.map((t) => t.trim().toLowerCase()))) {
      await session.run('INSERT INTO rb_topics VALUES ($id, $topic)', { id: brand.id, topic });
    }
  }
  for (const target of new Set(config.metrics.sla)) await session.run('INSERT INTO rb_sla VALUES ($target::DOUBLE)', { target });
  // The response window and the share of measured mentions above which answers the data lacks make a rate a lower bound (metrics.coverage.responsesMissing).
  await session.run('INSERT INTO rb_outside_rule VALUES ($window_us::BIGINT, $share::DOUBLE)', {
    window_us: BigInt(Math.round(config.metrics.responseWindow * MICROS_PER_MINUTE)),
    share: responsesMissingThreshold(config),
  });
  const vocabulary = acknowledgementVocabulary(config.metrics.closers, brandNameWords(config).map(acknowledgementWord));
  await session.run('INSERT INTO rb_ack_vocabulary SELECT unnest($words), unnest($thanks), unnest($acknowledges), unnest($hand_off), unnest($hands_off), unnest($private_channel), unnest($problem), unnest($resolves)', {
    words: listValue(vocabulary.map((entry) => entry.word)),
    thanks: listValue(vocabulary.map((entry) => entry.thanks)),
    acknowledges: listValue(vocabulary.map((entry) => entry.acknowledges)),
    hand_off: listValue(vocabulary.map((entry) => entry.handOff)),
    hands_off: listValue(vocabulary.map((entry) => entry.handsOff)),
    private_channel: listValue(vocabulary.map((entry) => entry.privateChannel)),
    problem: listValue(vocabulary.map((entry) => entry.problem)),
    resolves: listValue(vocabulary.map((entry) => entry.resolves)),
  });
  await session.run('INSERT INTO rb_negative_emoji SELECT unnest($emoji)', { emoji: listValue([...NEGATIVE_EMOJI]) });
  await session.run('INSERT INTO rb_ack_refusals SELECT unnest($phrases)', { phrases: listValue([...REFUSING_PHRASES]) });
}

/** ISO instant that DuckDB casts to TIMESTAMPTZ without loss. */
export function iso(date: Date): string {
  return date.toISOString();
}
