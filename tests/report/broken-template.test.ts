/**
 * An agency's template with a broken file: the report command stops before
 * computing anything, with one line naming the file (and, for JSON, the line
 * and column) and exit status 1. Vega-Lite's warnings on the agency's chart
 * specs are printed, one line each, and the report is still written.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Analysis } from '../../src/analysis/analysis.js';
import { main } from '../../src/cli/main.js';
import { CHART_IDS } from '../../src/report/charts/chartData.js';
import { vegaLiteNames } from '../../src/report/charts/vegaLiteNames.js';
import { DEFAULT_TEMPLATE_DIR, ReportTemplate } from '../../src/report/template.js';
import { FIXTURES, fixtureStore } from './fixtureStore.js';

const dir = mkdtempSync(join(tmpdir(), 'replybench-broken-template-'));
const FIX = "fix the file or remove it to use the default template's.";
let cases = 0;

beforeAll(async () => {
  (await fixtureStore(join(dir, 'posts.duckdb'))).close();
}, 60_000);

afterEach(() => {
  vi.restoreAllMocks();
});

/** A config whose template is a folder holding only `files` (the rest comes from the default template), or a copy of `copyOf` with them. */
function agencyTemplate(files: Record<string, string>, copyOf?: string): { config: string; template: string } {
  cases += 1;
  const folder = join(dir, `case-${cases}`);
  const template = join(folder, 'agency');
  if (copyOf) cpSync(copyOf, template, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(template, name, '..'), { recursive: true });
    writeFileSync(join(template, name), text);
  }
  mkdirSync(template, { recursive: true });
  cpSync(join(FIXTURES, 'logo.svg'), join(folder, 'logo.svg'));
  const config = join(folder, 'replybench.yaml');
  writeFileSync(config, readFileSync(join(FIXTURES, 'replybench.yaml'), 'utf8').replace('report:\n', 'report:\n  template: agency\n'));
  return { config, template };
}

/** Runs `replybench report` on the fixture store, capturing stderr; the analysis is spied on to tell whether anything was computed. */
async function report(config: string, formats = 'csv'): Promise<{ status: number; stderr: string; computed: boolean }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const build = vi.spyOn(Analysis, 'build');
  const status = await main(['report', '--period', '2017-10', '--config', config, '--db', join(dir, 'posts.duckdb'), '--out', join(config, '..', 'out'), '--formats', formats]);
  return { status, stderr, computed: build.mock.calls.length > 0 };
}

function defaultSpec(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(DEFAULT_TEMPLATE_DIR, 'charts', `${name}.vl.json`), 'utf8')) as Record<string, unknown>;
}

/** The default template's spec of chart `name`, on one line, with `from` replaced by `to` (which must be there: an edit that misses is no test). */
function editedSpec(name: string, from: string, to: string): Record<string, string> {
  const text = JSON.stringify(defaultSpec(name));
  expect(text).toContain(from);
  return { [`charts/${name}.vl.json`]: text.replace(from, to) };
}

/** Runs the report with an agency template holding `files`: it must stop before computing anything, with exit status 1 and the one line `<file>: <message>`. */
async function expectRefused(files: Record<string, string>, file: string, message: string): Promise<void> {
  const { config, template } = agencyTemplate(files);
  expect(await report(config)).toEqual({ status: 1, stderr: `replybench: ${join(template, file)}: ${message}\n`, computed: false });
}

describe('a broken agency template', () => {
  it('with a manifest that is not JSON names the file, the line and the column', async () => {
    await expectRefused({ 'manifest.json': '{\n  "sections": ["cover", "summary"],\n}\n' }, 'manifest.json', `not valid JSON (line 3, column 1): a comma before "}" (JSON allows none there); ${FIX}`);
  });

  it('with a chart spec that is not JSON names the file, the line and the column', async () => {
    const spec = JSON.stringify(defaultSpec('response-rate'), null, 2).replace('"width": 470,', '"width": 470');
    const line = spec.split('\n').findIndex((text) => text.includes('"width": 470')) + 2;
    await expectRefused({ 'charts/response-rate.vl.json': spec }, 'charts/response-rate.vl.json', `not valid JSON (line ${line}, column 3): expected "," or "}" after a property's value; ${FIX}`);
  });

  it('with a strings file that is not JSON names the file', async () => {
    const strings = readFileSync(join(DEFAULT_TEMPLATE_DIR, 'strings', 'en.json'), 'utf8').replace(/\n}\s*$/, ',\n  "cover.extra": "unclosed\n}\n');
    const line = strings.split('\n').findIndex((text) => text.includes('cover.extra')) + 1;
    await expectRefused({ 'strings/en.json': strings }, 'strings/en.json', `not valid JSON (line ${line}, column 27): a line break or tab inside text in double quotes; write it as \\n or \\t; ${FIX}`);
  });

  it("with a chart spec Vega-Lite cannot compile names the file and gives Vega-Lite's message", async () => {
    const { mark: _mark, layer: _layer, ...unmarked } = defaultSpec('response-rate');
    await expectRefused(
      { 'charts/response-rate.vl.json': JSON.stringify(unmarked) },
      'charts/response-rate.vl.json',
      `Vega-Lite cannot compile the chart: Invalid specification. Make sure the specification includes at least one of the following properties: "mark", "layer", "facet", "hconcat", "vconcat", "concat", or "repeat".; ${FIX}`,
    );
  });

  it('with a chart expression Vega cannot parse names the file', async () => {
    await expectRefused(
      editedSpec('share-of-voice', '"tickCount":5', '"tickCount":5,"labelExpr":"datum.label +"'),
      'charts/share-of-voice.vl.json',
      `Vega cannot read the compiled chart: Expression parse error: (datum.label +); ${FIX}`,
    );
  });

  it('with a chart mark Vega-Lite does not know names the file and where the mark is', async () => {
    await expectRefused(
      editedSpec('response-rate', '"type":"rule"', '"type":"rules"'),
      'charts/response-rate.vl.json',
      `unknown mark "rules" at layer[1].mark; did you mean "rule"? (Vega-Lite knows ${vegaLiteNames().marks.join(', ')}); ${FIX}`,
    );
  });

  it('with an encoding channel Vega-Lite does not know names the file and the channel', async () => {
    await expectRefused(
      editedSpec('share-of-voice', '"color":', '"colour":'),
      'charts/share-of-voice.vl.json',
      `unknown encoding channel "colour" at layer[0].encoding; did you mean "color"? (Vega-Lite knows ${vegaLiteNames().channels.join(', ')}); ${FIX}`,
    );
  });

  it('with a field type Vega-Lite does not know names the file and the field', async () => {
    await expectRefused(
      editedSpec('response-rate', '"type":"nominal"', '"type":"nominall"'),
      'charts/response-rate.vl.json',
      `unknown field type "nominall" at encoding.y.type; did you mean "nominal"? (Vega-Lite knows quantitative, ordinal, temporal, nominal, geojson); ${FIX}`,
    );
  });

  it('with a chart spec that names a URL for its data names the file and the URL, before anything is loaded', async () => {
    await expectRefused(
      editedSpec('response-rate', '"data":{"name":"brands"}', '"data":{"url":"file:///etc/hostname"}'),
      'charts/response-rate.vl.json',
      'the chart asks for file:///etc/hostname at data.url; a chart may only use the data the report gives it: remove every "url" from the template\'s chart spec.',
    );
  });

  it('with a chart text of no string names the chart file and the strings file', async () => {
    await expectRefused(
      editedSpec('response-rate', '"t:chart.responseRate.axis"', '"t:chart.responseRate.axes"'),
      'charts/response-rate.vl.json',
      `"t:chart.responseRate.axes" names no string of ${join(DEFAULT_TEMPLATE_DIR, 'strings/en.json')}; fix the key, or add the string to every language file of the template.`,
    );
  });

  it('with a manifest naming a section that has no file names the manifest', async () => {
    await expectRefused({ 'manifest.json': JSON.stringify({ sections: ['cover', 'charts-galore'] }) }, 'manifest.json', 'section "charts-galore" has no file sections/charts-galore.eta; fix the name or add the file.');
  });

  it('with a section Eta cannot read names the section file', async () => {
    await expectRefused(
      { 'sections/summary.eta': '<section>\n  <h2><%= it.t("summary.title") </h2>\n</section>\n' },
      'sections/summary.eta',
      `Eta cannot read the template: unclosed tag at line 2 col 7; ${FIX}`,
    );
  });

  it('with a section whose JavaScript does not parse names the section file', async () => {
    await expectRefused(
      { 'sections/cover.eta': '<% if (it.model) { %>\n<h1>cover</h1>\n<% } } %>\n' },
      'sections/cover.eta',
      `Eta cannot read the template: the JavaScript of its <% %> tags does not parse: Unexpected token 'if' (in the code Eta makes of the file); ${FIX}`,
    );
  });

  it('with a footer Eta cannot read names the footer file', async () => {
    await expectRefused({ 'footer.eta': '<div><%= it.left </div>\n' }, 'footer.eta', `Eta cannot read the template: unclosed tag at line 1 col 6; ${FIX}`);
  });
});

describe('a chart spec that asks for a value the report does not give', () => {
  it('stops the report when the chart is drawn, naming the file and the values the report gives', async () => {
    const { config, template } = agencyTemplate(editedSpec('response-rate', '"{{brandOrder}}"', '"{{brandOrdre}}"'));
    const { status, stderr, computed } = await report(config);
    expect({ status, computed }).toEqual({ status: 1, computed: true });
    // The fixture's config also draws warnings about its accounts; the template's file is named on one line, the last.
    const lines = stderr.split('\n');
    const [line] = lines.filter((text) => text.includes(template));
    expect(lines.slice(-2)).toEqual([line, '']);
    expect(line?.startsWith(`replybench: ${join(template, 'charts/response-rate.vl.json')}: the report gives this chart no value for {{brandOrdre}} (it gives `)).toBe(true);
    expect(line).toContain('{{brandOrder}}');
    expect(line?.endsWith(`); ${FIX}`)).toBe(true);
  });
});

describe('an agency template that works', () => {
  it('when it is a whole copy of the default template draws no warning about its files', async () => {
    const { config, template } = agencyTemplate({}, DEFAULT_TEMPLATE_DIR);
    // Every chart spec is the copy's own, so every one is checked.
    expect(ReportTemplate.open(template).ownFiles('charts', '.vl.json')).toHaveLength(CHART_IDS.length);
    const { status, stderr, computed } = await report(config);
    expect({ status, computed }).toEqual({ status: 0, computed: true });
    expect(stderr.split('\n').filter((line) => line.includes(template))).toEqual([]);
  });

  it("prints Vega-Lite's warnings on its chart specs and a chart file the report does not draw, one line each, and writes the report", async () => {
    const { config, template } = agencyTemplate({ ...editedSpec('share-of-voice', '"field":"share",', '"field":"share","aggregate":"summ",'), 'charts/response_rate.vl.json': '{}' });
    const { status, stderr, computed } = await report(config);
    expect({ status, computed }).toEqual({ status: 0, computed: true });
    expect(stderr.split('\n').filter((line) => line.includes(template))).toEqual([
      `replybench: warning: ${join(template, 'charts/response_rate.vl.json')}: the report draws no chart "response_rate" (its charts are ${[...CHART_IDS].sort().join(', ')}); rename the file or remove it.`,
      `replybench: warning: ${join(template, 'charts/share-of-voice.vl.json')}: Vega-Lite: Invalid aggregation operator "summ".`,
    ]);
  });
});
