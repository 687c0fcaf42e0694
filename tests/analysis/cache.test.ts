import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Analysis, type AnalysisOptions, withAnalysis } from '../../src/analysis/analysis.js';
import { cacheFolder } from '../../src/analysis/cache.js';
import { audienceComparisons } from '../../src/cli/audience-sentences.js';
import { runCacheClear } from '../../src/cli/commands/cache.js';
import { checkOf } from '../../src/cli/commands/check.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { metricsOf } from '../../src/metrics/compute.js';
import { diagnosticsOf } from '../../src/metrics/diagnostics/index.js';
import type { Store } from '../../src/store/database.js';
import { SqlSession } from '../../src/store/session.js';
import { readStoreFacts } from '../../src/report/model/storeFacts.js';
import { themeCounts } from '../../src/themes/check.js';
import { themesOf } from '../../src/themes/index.js';
import { importOne, openStore, tempFile, tempFolder } from '../ingest/helpers.js';
import { brandOf, configWith } from '../metrics/helpers.js';

const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n';

/** Acme answers one of two mentions; RivalHelp is asked once. */
const OCTOBER = `${HEADER}1,cust1,True,Tue Oct 10 10:00:00 +0000 2017,@AcmeCares my bill is wrong again,2,
2,AcmeCares,False,Tue Oct 10 10:30:00 +0000 2017,@cust1 sorry about that: we fixed your bill,,1
3,cust2,True,Wed Oct 11 09:00:00 +0000 2017,@AcmeCares no signal since Monday,,
4,cust3,True,Wed Oct 11 09:05:00 +0000 2017,@RivalHelp no signal at home,,
`;
/** A later export brings RivalHelp's answer. */
const RIVAL_REPLY = `${HEADER}5,RivalHelp,False,Wed Oct 11 12:05:00 +0000 2017,@cust3 we are on it,,4
`;

const config = (rivalHandle = 'RivalHelp'): Config =>
  configWith([
    { id: 'acme', handles: ['AcmeCares'] },
    { id: 'rival', handles: [rivalHandle] },
  ]);

/** Metrics with diagnostics, and the number of statements the analysis ran for them. */
async function analysed(store: Store, settings: Config, period = '2017-10', options: AnalysisOptions = {}) {
  const script = vi.spyOn(SqlSession.prototype, 'script');
  try {
    const report = await withAnalysis(store, settings, period, async (analysis) => ({ ...(await metricsOf(analysis)), diagnostics: await diagnosticsOf(analysis) }), options);
    return { report, statements: script.mock.calls.length };
  } finally {
    script.mockRestore();
  }
}

async function octoberStore(): Promise<Store> {
  const store = await openStore(join(tempFolder(), 'posts.duckdb'));
  await importOne(store, tempFile('october.csv', OCTOBER));
  return store;
}

afterEach(() => vi.restoreAllMocks());

describe('the analysis kept beside the store', () => {
  it('answers the same month again with the same numbers and without running a statement', async () => {
    const store = await octoberStore();
    const first = await analysed(store, config());
    expect(first.statements).toBeGreaterThan(20);
    expect(readdirSync(cacheFolder(store.path))).toEqual([expect.stringMatching(/^2017-10-[0-9a-f]{32}\.bin$/)]);
    const again = await analysed(store, config());
    expect(again.statements).toBe(0);
    expect(again.report).toEqual(first.report);
    expect(brandOf(again.report, 'acme').answered).toBe(1);
  });

  it('is never read after an import, a config edit or another period: each gives the numbers computed afresh', async () => {
    const store = await octoberStore();
    const before = (await analysed(store, config())).report;
    expect(brandOf(before, 'rival').answered).toBe(0);

    await importOne(store, tempFile('rival.csv', RIVAL_REPLY));
    const imported = await analysed(store, config());
    expect(imported.statements).toBeGreaterThan(0);
    expect(brandOf(imported.report, 'rival').answered).toBe(1);
    expect(imported.report).toEqual((await analysed(store, config(), '2017-10', { cache: false })).report);

    const misspelt = await analysed(store, config('RivalHelpp'));
    expect(misspelt.statements).toBeGreaterThan(0);
    expect(brandOf(misspelt.report, 'rival').answered).toBe(0);
    expect(misspelt.report).toEqual((await analysed(store, config('RivalHelpp'), '2017-10', { cache: false })).report);

    // A post's text changed in place, as an analyst may in DuckDB's own shell: no import, no count changed.
    const kept = await analysed(store, config());
    expect(kept.statements).toBe(0);
    await store.run("UPDATE posts SET text = '@AcmeCares hello' WHERE post_id = '3'");
    const edited = await analysed(store, config());
    expect(edited.statements).toBeGreaterThan(0);
    expect(edited.report).toEqual((await analysed(store, config(), '2017-10', { cache: false })).report);

    const firstDays = await analysed(store, config(), '2017-10-01..2017-10-10');
    expect(firstDays.statements).toBeGreaterThan(0);
    expect(brandOf(firstDays.report, 'acme').inbound).toBe(1);
    expect(firstDays.report).toEqual((await analysed(store, config(), '2017-10-01..2017-10-10', { cache: false })).report);
  });

  it('computes what it does not hold after the statements it skipped, with the numbers of a fresh analysis; a check after a report computes nothing', async () => {
    const store = await octoberStore();
    await withAnalysis(store, config(), '2017-10', metricsOf);
    // The report's order: metrics (kept), then its facts (base tables only), themes and diagnostics (not kept yet).
    const report = async (analysis: Analysis) => ({
      metrics: await metricsOf(analysis),
      facts: await readStoreFacts(analysis),
      themes: await themesOf(analysis),
      diagnostics: await diagnosticsOf(analysis),
    });
    const partly = await withAnalysis(store, config(), '2017-10', report);
    const fresh = await withAnalysis(store, config(), '2017-10', report, { cache: false });
    expect(partly).toEqual(fresh);
    expect(partly.facts.unanswered.map((mention) => mention.author)).toEqual(['cust2']);
    expect(partly.diagnostics.brands.find((brand) => brand.id === 'acme')).toBeDefined();
    // A check after it reads everything it needs from what the report kept.
    const themed = { ...config(), themes: { billing: ['bill'] } };
    const script = vi.spyOn(SqlSession.prototype, 'script');
    const counts = await withAnalysis(store, themed, '2017-10', async (analysis) => ({ metrics: await metricsOf(analysis), themes: await themesOf(analysis), diagnostics: await diagnosticsOf(analysis) }));
    const statements = script.mock.calls.length;
    // The check's audience sentences too: they read the rows of the report's sentiment and influencer queries.
    const check = await withAnalysis(store, themed, '2017-10', async (analysis) => ({ metrics: await metricsOf(analysis), themes: await themeCounts(analysis), audience: await audienceComparisons(analysis) }));
    expect(script.mock.calls.length).toBe(statements);
    expect(check.themes).toEqual([{ theme: 'billing', mentions: 1, commonWords: [], closest: [] }]);
    expect(check.metrics).toEqual(counts.metrics);
  });

  it('computes again from a file cut short, and is not kept with --no-cache', async () => {
    const store = await octoberStore();
    const first = await analysed(store, config());
    const [file] = readdirSync(cacheFolder(store.path));
    const path = join(cacheFolder(store.path), file ?? '');
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    const again = await analysed(store, config());
    expect(again.statements).toBeGreaterThan(0);
    expect(again.report).toEqual(first.report);

    const other = await openStore(join(tempFolder(), 'posts.duckdb'));
    await importOne(other, tempFile('october.csv', OCTOBER));
    await analysed(other, config(), '2017-10', { cache: false });
    expect(existsSync(cacheFolder(other.path))).toBe(false);
  });
});

describe('replybench cache clear and --no-cache', () => {
  it('removes the kept analyses; a metrics run with --no-cache keeps none', async () => {
    const folder = tempFolder();
    const database = join(folder, 'posts.duckdb');
    const store = await openStore(database);
    await importOne(store, tempFile('october.csv', OCTOBER));
    store.close();
    const configFile = join(folder, 'replybench.yaml');
    writeFileSync(configFile, 'client: acme\ndatabase: posts.duckdb\nbrands:\n  - { id: acme, name: Acme, accounts: { twitter: [AcmeCares] } }\n  - { id: rival, name: Rival, accounts: { twitter: [RivalHelp] } }\n');
    const metrics = (...extra: string[]) => main(['metrics', '--period', '2017-10', '--config', configFile, '--format', 'json', '--out', join(folder, 'metrics.json'), ...extra]);

    expect(await metrics('--no-cache')).toBe(0);
    expect(existsSync(cacheFolder(database))).toBe(false);
    expect(runCacheClear({ config: configFile })).toBe(`No analysis kept beside ${database}.`);

    expect(await metrics()).toBe(0);
    expect(readdirSync(cacheFolder(database))).toHaveLength(1);
    // metrics --format json keeps the report's examples and curves too: a report of the month then builds nothing.
    const kept = await openStore(database);
    const script = vi.spyOn(SqlSession.prototype, 'script');
    const facts = await withAnalysis(kept, loadConfig(configFile), '2017-10', (analysis) => readStoreFacts(analysis));
    expect(script).not.toHaveBeenCalled();
    script.mockRestore();
    expect(facts.unanswered.map((mention) => mention.author)).toEqual(['cust2']);
    kept.close();
    // A check after metrics reads everything from it: the config warnings and figures in the order metrics ran them.
    const checkScript = vi.spyOn(SqlSession.prototype, 'script');
    const checked = await checkOf({ period: '2017-10', config: configFile });
    expect(checkScript).not.toHaveBeenCalled();
    checkScript.mockRestore();
    expect(brandOf(checked.report, 'acme').answered).toBe(1);
    expect(runCacheClear({ config: configFile })).toBe(`Removed 1 kept analysis (${cacheFolder(database)}).`);
    expect(existsSync(cacheFolder(database))).toBe(false);
  });
});
