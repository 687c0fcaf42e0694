/**
 * Every chart of the report, drawn for the metrics fixture (October 2017 of
 * tests/report/fixtureStore.ts, with the audience diagnostics of
 * audienceFixture.ts) and compared with its normalised golden in
 * tests/fixtures/charts/<id>.svg. A chart that differs is written beside its
 * golden as <id>-changed.svg (git-ignored); to accept the change, look at it,
 * then run `UPDATE_GOLDENS=1 npx vitest run tests/report/chart-goldens.test.ts`
 * and say why in the commit.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as vega from 'vega';
import { beforeAll, describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { metricsOf } from '../../src/metrics/compute.js';
import { buildCharts } from '../../src/report/charts/buildCharts.js';
import { CHART_IDS, chartData } from '../../src/report/charts/chartData.js';
import { brandColours } from '../../src/report/charts/palette.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { translator } from '../../src/report/i18n/strings.js';
import { clientOf } from '../../src/report/model/brandLookup.js';
import type { ChartFigure } from '../../src/report/model/types.js';
import { readStoreFacts } from '../../src/report/model/storeFacts.js';
import { ReportTemplate } from '../../src/report/template.js';
import { themesOf, withThemes } from '../../src/themes/index.js';
import { withAudience } from './audienceFixture.js';
import { metricsFixtureConfig, metricsFixtureStore } from './fixtureStore.js';
import { normaliseSvg } from './normaliseSvg.js';

const GOLDEN_DIR = new URL('../fixtures/charts/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const PRIMARY = '#0B5FFF';

/** The charts as a report run draws them: metrics and response times from the store, then buildCharts. */
async function drawFixtureCharts(): Promise<Record<string, ChartFigure>> {
  const store = await metricsFixtureStore();
  try {
    // One configured subject, written in every mention of the fixture, so the subjects chart has a row.
    const config = { ...metricsFixtureConfig(), themes: { outage: ['down'] } };
    const { metrics, facts } = await withAnalysis(store, config, '2017-10', async (analysis) => ({
      metrics: withThemes(withAudience(await metricsOf(analysis)), await themesOf(analysis)),
      facts: await readStoreFacts(analysis),
    }));
    const template = ReportTemplate.open(undefined);
    const strings = template.strings('en');
    const t = translator(strings, 'en');
    const format = new Formatter('en', t, metrics.period.timezone);
    const builds = chartData({ metrics, answeredWithin: facts.answeredWithin, format, t, palette: brandColours(metrics.brands, PRIMARY), primary: PRIMARY });
    return await buildCharts(template, builds, t, strings, 'en', { client: clientOf(metrics).name, timezone: metrics.period.timezone, followers: format.count(1000) });
  } finally {
    store.close();
  }
}

/** Compares `svg` with the golden of `id`; writes `<id>-changed.svg` beside it when they differ (or the golden when UPDATE_GOLDENS=1). */
function compareWithGolden(id: string, svg: string): void {
  const golden = `${GOLDEN_DIR}${id}.svg`;
  const changed = `${GOLDEN_DIR}${id}-changed.svg`;
  const actual = normaliseSvg(svg);
  mkdirSync(GOLDEN_DIR, { recursive: true });
  if (UPDATE) {
    writeFileSync(golden, actual);
    rmSync(changed, { force: true });
    return;
  }
  const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : null;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  const [goldenPath, changedPath] = [golden, changed].map((path) => relative(process.cwd(), path));
  const what = expected === null ? `has no golden ${goldenPath}` : `differs from its golden ${goldenPath}`;
  expect.fail(`chart ${id} ${what}: the new drawing is in ${changedPath}. Compare the two; if the change is meant, run UPDATE_GOLDENS=1 npx vitest run tests/report/chart-goldens.test.ts and commit the golden.`);
}

describe('chart SVG goldens', () => {
  let figures: Record<string, ChartFigure> = {};
  beforeAll(async () => {
    figures = await drawFixtureCharts();
  });

  it('measures text by Vega\'s estimate, not by the fonts of the machine (node-canvas absent)', () => {
    // With the optional `canvas` package installed Vega would measure labels with the installed fonts, and label
    // widths (so legend and axis positions) would depend on the machine: the goldens assume the estimate.
    const { textMetrics } = vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } };
    expect(textMetrics.width, 'vega measures text with node-canvas here; the chart goldens assume its width estimate').toBe(textMetrics.estimateWidth);
  });

  for (const id of CHART_IDS) {
    it(`draws ${id} as its golden`, () => {
      const svg = figures[id]?.svg;
      expect(svg, `the fixture draws no ${id} chart`).toEqual(expect.stringContaining('<svg'));
      compareWithGolden(id, svg ?? '');
    });
  }
});

describe('normaliseSvg', () => {
  it('renumbers ids in order of appearance with their references, rounds attribute numbers, and puts one tag on a line', () => {
    const svg = '<svg width="100.04"><defs><clipPath id="c-a-clip17"><rect x="0.3333" y="-0.04"/></clipPath></defs>'
      + '<g clip-path="url(#c-a-clip17)" transform="translate(1.25,2.96)"><text x="1.56">0.125 and  1.5 h</text><use href="#c-a-clip17"/></g></svg>';
    expect(normaliseSvg(svg)).toBe(
      [
        '<svg width="100">',
        '  <defs>',
        '    <clipPath id="c-a-clip1">',
        '      <rect x="0.3" y="0"/>',
        '    </clipPath>',
        '  </defs>',
        '  <g clip-path="url(#c-a-clip1)" transform="translate(1.3,3)">',
        '    <text x="1.6">0.125 and 1.5 h</text>',
        '    <use href="#c-a-clip1"/>',
        '  </g>',
        '</svg>',
        '',
      ].join('\n'),
    );
  });
});
