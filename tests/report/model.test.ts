import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ImprovementItem } from '../../src/report/advice/types.js';
import { renderReportHtml } from '../../src/report/html/renderHtml.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { translator } from '../../src/report/i18n/strings.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { shortenText } from '../../src/report/model/examples.js';
import { ReportTemplate } from '../../src/report/template.js';
import { FIXTURES } from './fixtureStore.js';
import { fixtureMetrics } from './helpers.js';

const template = ReportTemplate.open(undefined);
const config = loadConfig(`${FIXTURES}replybench.yaml`);

async function model(language: 'en' | 'es' | 'fr', improvements: ImprovementItem[] | null = null) {
  return buildReportModel({ metrics: fixtureMetrics(), config, facts: null, template, language, improvements, generatedAt: new Date('2017-11-03T10:00:00Z') });
}

describe('report model', () => {
  it('writes 3 to 5 findings whose numbers are the JSON numbers', async () => {
    const { model: built } = await model('en');
    expect(built.findings.length).toBeGreaterThanOrEqual(3);
    expect(built.findings.length).toBeLessThanOrEqual(5);
    // acme: 521 of 840 answered = 62%, rank 2 of 5 in the fixture; SwiftNet's 6.4 min median vs acme's 38.5 min.
    expect(built.findings[0]).toBe('Acme Telecom answered 62% of the 840 mentions it received, rank 2 of 5 brands.');
    expect(built.findings[1]).toBe('SwiftNet answered 6 times faster than Acme Telecom: a median first response of 6\u00a0min against 39\u00a0min.');
  });

  it('lists every brand in the leaderboard, best response rate first, with its interval', async () => {
    const { model: built } = await model('fr');
    expect(built.leaderboard.rows.map((row) => row.brandName)).toEqual(['RivalCo', 'Acme Telecom', 'CannTel', 'SwiftNet', 'MegaFon Ibérica']);
    const acme = built.leaderboard.rows[1];
    expect(acme?.isClient).toBe(true);
    expect(acme?.cells[1]?.text).toBe('62\u00a0%');
    expect(acme?.interval).toBe('59–65\u00a0%');
    expect(built.leaderboard.rows.find((row) => row.brandName === 'CannTel')?.lowSample).toBe(true);
  });

  it('shows change against the previous month with the right tone', async () => {
    const { model: built } = await model('en');
    const rate = built.kpis[0];
    expect(rate?.change?.text).toBe('-2.8\u00a0pts vs September 2017');
    expect(rate?.change?.tone).toBe('bad');
    const time = built.kpis[1];
    expect(time?.change?.text).toBe('-21% vs September 2017');
    expect(time?.change?.tone).toBe('good');
  });

  it('omits "What to improve" without items and renders escaped items when given', async () => {
    const without = await model('en');
    expect(without.model.sections).not.toContain('improvements');
    expect(without.model.sections).not.toContain('examples');
    const item: ImprovementItem = { rank: 1, id: 'canned-replies', title: 'Stop <b>copy-pasting</b>', body: 'Body', evidence: ['41% canned'], examples: [{ author: 'x', text: '<img src=x onerror=alert(1)>', createdAt: '2017-10-02T10:00:00Z' }] };
    const withItems = await model('en', [item]);
    expect(withItems.model.sections).toContain('improvements');
    const html = renderReportHtml(withItems.model, template, withItems.t);
    expect(html).toContain('Stop &lt;b&gt;copy-pasting&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('renders a period without data: dashes instead of numbers, no chart without data, no NaN', async () => {
    const metrics = fixtureMetrics();
    const empty = {
      ...metrics,
      trend: [],
      hourOfWeek: [],
      brands: metrics.brands.map((brand) => ({
        ...brand,
        inbound: 0, answered: 0, pending: 0, responseRate: null, responseRateCi: null, responseTimeMedianMin: null, responseTimeMedianCi: null,
        responseTimeP90Min: null, responseTimeMeanMin: null, withinSla: { '60': null, '1440': null },
        buckets: { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 0 },
        brandPosts: 0, replies: 0, broadcasts: 0, replyShare: null, replyToBroadcast: null, shareOfVoice: null, rank: {}, change: {},
      })),
    };
    const { model: built, t } = await buildReportModel({ metrics: empty, config, facts: null, template, language: 'es' });
    expect(Object.keys(built.charts)).toEqual([]);
    expect(built.kpis[0]?.value).toBe('—');
    const html = renderReportHtml(built, template, t);
    expect(html).not.toMatch(/NaN|undefined|null|Infinity/);
  });

  it('follows the section order of the manifest', async () => {
    const { model: built, t } = await model('en');
    const html = renderReportHtml(built, template, t);
    const positions = ['Executive summary', 'Leaderboard', 'Response rate by brand', 'Methodology and data quality'].map((title) => html.indexOf(title));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('formatting', () => {
  const formatter = (language: 'en' | 'es' | 'fr') => new Formatter(language, translator(template.strings(language), language), 'Europe/Madrid');

  it('uses the decimal comma and spacing of each language', () => {
    expect(formatter('en').duration(87.5)).toBe('1.5\u00a0h');
    expect(formatter('es').duration(87.5)).toBe('1,5\u00a0h');
    expect(formatter('fr').duration(3 * 1440)).toBe('3\u00a0j');
    expect(formatter('en').percent(0.623)).toBe('62%');
    expect(formatter('fr').percent(0.623)).toBe('62\u00a0%');
    expect(formatter('en').count(12345)).toBe('12,345');
    expect(formatter('fr').count(12345)).toBe('12\u202f345');
    expect(formatter('en').percent(null)).toBe('—');
  });

  it('names the month of a period in its own timezone and language', () => {
    expect(formatter('en').periodLabel('2017-09-30T22:00:00Z', '2017-10-31T23:00:00Z')).toBe('October 2017');
    expect(formatter('es').periodLabel('2017-09-30T22:00:00Z', '2017-10-31T23:00:00Z')).toBe('Octubre de 2017');
    expect(formatter('fr').periodLabel('2017-09-30T22:00:00Z', '2017-10-31T23:00:00Z')).toBe('Octobre 2017');
    expect(formatter('en').periodLabel('2017-09-30T22:00:00Z', '2017-12-31T23:00:00Z', '2017-Q4')).toBe('Q4 2017');
    expect(formatter('es').periodLabel('2017-09-30T22:00:00Z', '2017-12-31T23:00:00Z', '2017-Q4')).toBe('T4 de 2017');
    expect(formatter('fr').periodLabel('2017-09-30T22:00:00Z', '2017-10-15T22:00:00Z', '2017-10-01..2017-10-15')).toBe('1 octobre 2017 – 15 octobre 2017');
  });

  it('shortens text on characters, folds whitespace and drops bidi overrides', () => {
    expect(shortenText('a\n\n b\u202e c')).toBe('a b c');
    const emoji = '😀'.repeat(300);
    const short = shortenText(emoji, 10);
    expect(Array.from(short)).toHaveLength(10);
    expect(short.endsWith('…')).toBe(true);
  });
});
