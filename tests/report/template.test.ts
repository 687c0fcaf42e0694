import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { UserError } from '../../src/errors.js';
import { writeReport } from '../../src/report/index.js';
import { DEFAULT_TEMPLATE_DIR, ReportTemplate } from '../../src/report/template.js';
import { FIXTURES } from './fixtureStore.js';
import { fixtureMetrics } from './helpers.js';

describe('agency templates', () => {
  it('uses a copied template: its CSS, its section order, and the logo as an <img> data URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replybench-template-'));
    const copy = join(dir, 'agency-template');
    cpSync(DEFAULT_TEMPLATE_DIR, copy, { recursive: true });
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ sections: ['cover', 'leaderboard', 'summary', 'methodology'] }));
    writeFileSync(join(copy, 'style.css'), `${readFileSync(join(copy, 'style.css'), 'utf8')}\n.agency-marker { color: #123456; }\n`);
    cpSync(join(FIXTURES, 'logo.svg'), join(dir, 'logo.svg'));
    writeFileSync(
      join(dir, 'replybench.yaml'),
      `${readFileSync(join(FIXTURES, 'replybench.yaml'), 'utf8').replace('logo: logo.svg', 'logo: logo.svg').replace('report:\n', 'report:\n  template: agency-template\n')}`,
    );
    const config = loadConfig(join(dir, 'replybench.yaml'));
    const written = await writeReport({ config, metrics: fixtureMetrics(), outDir: join(dir, 'out'), skipPdf: true });
    const html = readFileSync(written.html, 'utf8');
    expect(html).toContain('.agency-marker { color: #123456; }');
    const order = ['<h2>Leaderboard', '<h2>Executive summary', '<h2>Methodology'].map((marker) => html.indexOf(marker));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('Monthly trend');
    expect(html).toMatch(/<img class="cover-logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    expect(html).not.toContain('<script');
  });

  it('prints the computed numbers with the default template, and writes them unchanged to JSON and CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replybench-template-'));
    const metrics = fixtureMetrics();
    const written = await writeReport({ config: loadConfig(join(FIXTURES, 'replybench.yaml')), metrics, outDir: join(dir, 'out'), skipPdf: true });
    const html = readFileSync(written.html, 'utf8');
    // Response rates 80%, 60%, 50%, 30%, 15% (fixtureStore.ts); CannTel's 10 mentions make its rate a low sample.
    expect([...html.matchAll(/<td class="brand">([^<]*)/g)].map((match) => match[1])).toEqual(['RivalCo', 'Acme Telecom', 'CannTel', 'SwiftNet', 'MegaFon Ibérica']);
    expect(html).toContain('50% †<span class="rank">3</span>');
    // Acme: 30 of 50 answered, rank 2, Wilson interval 46-72%; 50 of the 240 mentions, rank 3 on share of voice.
    expect(html).toContain('60%<span class="rank">2</span><span class="hint">46–72%</span>');
    expect(html).toContain('<div class="kpi-value">21%</div>');
    expect(html).toContain('<li>Acme Telecom answered 60% of the 50 mentions it received, rank 2 of 5 brands.</li>');
    expect(JSON.parse(readFileSync(written.json, 'utf8'))).toEqual(metrics);
    const [header, ...rows] = readFileSync(written.csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    const column = (name: string) => (header ?? '').split(',').indexOf(name);
    const acme = rows.map((row) => row.split(',')).find((cells) => cells[column('id')] === 'acme');
    expect([acme?.[column('inbound')], acme?.[column('answered')], acme?.[column('responseRate')], acme?.[column('rank.responseRate')]]).toEqual(['50', '30', '0.6', '2']);
  });

  it('takes the texts a copy\'s strings file lacks from the default template, as a copy of an earlier version lacks the texts added since', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replybench-template-'));
    mkdirSync(join(dir, 'strings'));
    writeFileSync(join(dir, 'strings', 'fr.json'), JSON.stringify({ 'section.scorecard': 'Nos erreurs' }));
    const defaults = ReportTemplate.open(undefined).strings('fr');
    const copied = ReportTemplate.open(dir).strings('fr');
    expect(copied['section.scorecard']).toBe('Nos erreurs');
    expect(copied).toEqual({ ...defaults, 'section.scorecard': 'Nos erreurs' });
    // A language the copy has no file of is the default's, whole.
    expect(ReportTemplate.open(dir).strings('es')).toEqual(ReportTemplate.open(undefined).strings('es'));
  });

  it('names the file to fix when a manifest lists a section that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replybench-template-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ sections: ['cover', 'charts-galore'] }));
    expect(() => ReportTemplate.open(dir).manifest()).toThrow(UserError);
    expect(() => ReportTemplate.open(dir).manifest()).toThrow(/charts-galore.*sections\/charts-galore\.eta/);
  });

  it('says which key is wrong when the template folder or the logo is missing', async () => {
    expect(() => ReportTemplate.open('no-such-folder', tmpdir())).toThrow(/^report\.template: /);
    const config = loadConfig(join(FIXTURES, 'replybench.yaml'));
    const broken = { ...config, report: { ...config.report, agency: { name: 'X', logo: 'missing.png' } } };
    await expect(writeReport({ config: broken, metrics: fixtureMetrics(), outDir: join(tmpdir(), 'rb-x'), skipPdf: true })).rejects.toThrow(/^report\.agency\.logo: /);
  });
});
