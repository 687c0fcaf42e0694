import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Analysis } from '../../src/analysis/analysis.js';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/database.js';
import { insertPosts, recordTestBatch } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'replybench-metrics-'));
const CONFIG = `client: acme
timezone: Europe/Madrid
database: data/test.duckdb
brands:
  - id: acme
    name: Acme
    accounts: { twitter: [Acme] }
  - id: rival
    accounts: { twitter: [RivalHelp] }
themes:
  greetings: [hello, hi]
`;

let stderr = '';

beforeAll(async () => {
  writeFileSync(join(dir, 'replybench.yaml'), CONFIG);
  const store = await Store.open(join(dir, 'data', 'test.duckdb'));
  await insertPosts(store, [
    { id: '1', author: 'cust', at: '2017-10-05T10:00:00Z', text: '@acme hello?' },
    { id: '2', author: 'acme', at: '2017-10-05T10:12:00Z', parent: '1' },
    { id: '3', author: 'other', at: '2017-10-06T10:00:00Z', text: '@RivalHelp hi' },
  ]);
  await recordTestBatch(store);
  store.close();
  const empty = await Store.open(join(dir, 'empty.duckdb'));
  empty.close();
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr += String(text);
    return true;
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<{ status: number; stderr: string }> {
  stderr = '';
  const status = await main(['metrics', ...args]);
  return { status, stderr };
}

describe('replybench metrics', () => {
  it('writes JSON using the config database relative to the config folder', async () => {
    const out = join(dir, 'out.json');
    const result = await run('--period', '2017-10', '--config', join(dir, 'replybench.yaml'), '--format', 'json', '--out', out);
    expect(result).toEqual({ status: 0, stderr: '' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      period: { start: string };
      brands: Array<{ id: string; answered: number; responseTimeMedianMin: number; themes: Array<{ name: string; source: string; mentions: number; responseRate: number | null }> }>;
      diagnostics: { brands: Array<{ id: string; canned: { replies: number } }> };
    };
    expect(report.period.start).toBe('2017-09-30T22:00:00Z');
    expect(report.brands.find((b) => b.id === 'acme')).toMatchObject({ answered: 1, responseTimeMedianMin: 12 });
    expect(report.diagnostics.brands.find((b) => b.id === 'acme')?.canned.replies).toBe(1);
    // Each brand carries its themes: "hello?" to acme (answered), "hi" to rival.
    expect(report.brands.map((b) => [b.id, b.themes.map((t) => [t.name, t.source, t.mentions, t.responseRate])])).toEqual([
      ['acme', [['greetings', 'config', 1, 1]]],
      ['rival', [['greetings', 'config', 1, null]]],
    ]);
  });

  it('lists the themes with replybench themes, as a table, JSON or CSV, for one brand or all', async () => {
    const config = join(dir, 'replybench.yaml');
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    try {
      expect(await main(['themes', '--period', '2017-10', '--config', config, '--brand', 'acme', '--format', 'json'])).toBe(0);
      const json = JSON.parse(stdout) as { period: { label: string }; brands: Array<{ id: string; themes: Array<{ name: string; mentions: number }> }> };
      expect([json.period.label, json.brands.map((b) => b.id), json.brands[0]?.themes.map((t) => [t.name, t.mentions])]).toEqual(['2017-10', ['acme'], [['greetings', 1]]]);
      stdout = '';
      expect(await main(['themes', '--period', '2017-10', '--config', config, '--format', 'csv'])).toBe(0);
      expect(stdout.replace(/^\uFEFF/, '').split('\r\n').slice(0, 3).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(['brand,theme,source', 'acme,greetings,config', 'rival,greetings,config']);
      // Every field of the JSON but the examples, the benchmark's too.
      expect(stdout.split('\r\n')[0]).toMatch(/,competitorRate,competitorTimeMedianMin,competitorsMeasured,gap,worstRank,listedMissing,responseRateEnd,competitorRateEnd$/);
      stdout = '';
      expect(await main(['themes', '--period', '2017-10', '--config', config])).toBe(0);
      expect(stdout).toMatch(/^ +greetings +config +1 +100% +- +100% of 1 +12 min/m);
    } finally {
      out.mockRestore();
    }
    // A month without a post: every theme at 0, and a note of where the data is, as metrics gives it.
    stderr = '';
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['themes', '--period', '2018-03', '--config', config])).toBe(0);
    } finally {
      quiet.mockRestore();
    }
    expect(stderr).toMatch(/^replybench: note: The data holds no post in 2018-03.* No theme holds a mention\.\n$/);
    stderr = '';
    expect(await main(['themes', '--period', '2017-10', '--config', config, '--brand', 'acmee'])).toBe(1);
    expect(stderr).toBe(`replybench: --brand "acmee": not a brand of ${config} (acme, rival).\n`);
  });

  it('writes CSV and a table', async () => {
    const csv = join(dir, 'out.csv');
    expect((await run('--period', '2017-10', '--config', join(dir, 'replybench.yaml'), '--format', 'csv', '--out', csv)).status).toBe(0);
    const [header, acmeRow] = readFileSync(csv, 'utf8').split('\r\n');
    expect(header?.startsWith('\uFEFFperiod.start,')).toBe(true);
    const cannedShare = header?.split(',').indexOf('diagnostics.cannedShare') ?? -1;
    expect(cannedShare).toBeGreaterThan(0);
    // acme has 1 reply, fewer than the 100 the canned share needs (metrics.minReplies): empty, not 0.
    expect(acmeRow?.split(',')[cannedShare]).toBe('');
    const table = join(dir, 'out.txt');
    expect((await run('--period', '2017-Q4', '--config', join(dir, 'replybench.yaml'), '--out', table)).status).toBe(0);
    expect(readFileSync(table, 'utf8')).toMatch(/Acme \*/);
  });

  it.each([
    [['--period', '2017-10', '--config', 'nowhere.yaml'], /nowhere\.yaml: config file not found/],
    [['--period', 'last month', '--config', join(dir, 'replybench.yaml')], /--period "last month".*2017-Q4/],
    [['--period', '2017-10', '--config', join(dir, 'replybench.yaml'), '--db', join(dir, 'missing.duckdb')], /database not found; run "replybench import/],
    [['--period', '2017-10', '--config', join(dir, 'replybench.yaml'), '--db', join(dir, 'empty.duckdb')], /holds no posts; run "replybench import/],
    [['--period', '2017-10', '--config', join(dir, 'replybench.yaml'), '--format', 'xml'], /--format "xml": use table, json or csv/],
    [['--period', '2017-10', '--config', join(dir, 'replybench.yaml'), '--out', join(dir, 'no', 'such', 'dir.json')], /cannot write the output \(ENOENT\)/],
  ])('fails with one clear line: %j', async (args, message) => {
    const result = await run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['client: nobody', /client: "nobody" is not one of the brands/],
    ['timezone: Mars/Base', /timezone: not a known IANA timezone/],
    ['accounts: {}', /brand "rival" has no accounts/],
  ])('rejects a config with %s', async (change, message) => {
    const text = change.startsWith('client')
      ? CONFIG.replace('client: acme', change)
      : change.startsWith('timezone')
        ? CONFIG.replace('timezone: Europe/Madrid', change)
        : CONFIG.replace('accounts: { twitter: [RivalHelp] }', change);
    const path = join(dir, `bad-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(path, text);
    const result = await run('--period', '2017-10', '--config', path);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('warns, before the numbers, about a config handle the data never shows, naming the closest one', async () => {
    const typo = join(dir, 'typo.yaml');
    writeFileSync(typo, CONFIG.replace('[RivalHelp]', '[RivalHlp]').replace('database: data/test.duckdb', `database: ${join(dir, 'data', 'test.duckdb')}`));
    const result = await run('--period', '2017-10', '--config', typo, '--format', 'json', '--out', join(dir, 'typo.json'));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`replybench: warning: ${typo}: brands.1.accounts.twitter: "rivalhlp": no post by or mentioning it in 2017-10; did you mean rivalhelp (1 post)?\n`);
  });

  it('checks the output path before computing anything', async () => {
    const build = vi.spyOn(Analysis, 'build');
    try {
      const result = await run('--period', '2017-10', '--config', join(dir, 'replybench.yaml'), '--out', join(dir, 'nowhere', 'm.json'));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^replybench: --out ".*nowhere\/m\.json": cannot write the output \(ENOENT\): the folder .*nowhere is missing or not writable; create it or choose another path\.\n$/);
      expect(build).not.toHaveBeenCalled();
    } finally {
      build.mockRestore();
    }
  });
});

