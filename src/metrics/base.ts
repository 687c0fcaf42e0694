import type { Config } from '../config/types.js';
import type { Store } from '../store/database.js';
import { runQueryFile } from './sql.js';

/** The instants a metrics run covers: inbound mentions created in [start, end). */
export interface AnalysisRange {
  start: Date;
  end: Date;
}

export const MICROS_PER_MINUTE = 60_000_000;

/**
 * Builds the per-run temporary tables every metric query reads (see the
 * comment at the top of src/metrics/index.ts for their columns). Run it once
 * per connection and range; it replaces the tables of an earlier run.
 */
export async function prepareBase(store: Store, config: Config, range: AnalysisRange): Promise<void> {
  await runQueryFile(store, 'base/config_tables');
  await fillConfigTables(store, config);
  const windowUs = BigInt(Math.round(config.metrics.responseWindow * MICROS_PER_MINUTE));
  const sliceEnd = new Date(range.end.getTime() + Math.ceil(config.metrics.responseWindow * 60_000));
  const params = {
    start: iso(range.start),
    end: iso(range.end),
    slice_start: iso(range.start),
    slice_end: iso(sliceEnd),
    window_us: windowUs,
    inbound_mode: config.metrics.inbound,
    tz: config.timezone,
  };
  for (const step of ['url_parents', 'brand_posts', 'inbound', 'mentions']) {
    await runQueryFile(store, `base/${step}`, params);
  }
}

async function fillConfigTables(store: Store, config: Config): Promise<void> {
  for (const [ord, brand] of config.brands.entries()) {
    await store.run('INSERT INTO rb_brands VALUES ($id, $name, $role, $ord)', { id: brand.id, name: brand.name, role: brand.role, ord });
    for (const [platform, handles] of Object.entries(brand.accounts)) {
      for (const handle of handles) {
        await store.run('INSERT INTO rb_accounts VALUES ($id, $platform, $handle)', { id: brand.id, platform, handle });
      }
    }
    for (const topic of new Set(brand.topics.map((t) => t.trim().toLowerCase()))) {
      await store.run('INSERT INTO rb_topics VALUES ($id, $topic)', { id: brand.id, topic });
    }
  }
  for (const target of new Set(config.metrics.sla)) await store.run('INSERT INTO rb_sla VALUES ($target::DOUBLE)', { target });
}

/** ISO instant that DuckDB casts to TIMESTAMPTZ without loss. */
export function iso(date: Date): string {
  return date.toISOString();
}
