/** What the check of a template's chart spec finds before Vega-Lite sees it. */
import { describe, expect, it } from 'vitest';
import { specProblem } from '../../src/report/charts/specProblem.js';

const FIX = "fix the file or remove it to use the default template's";

describe('specProblem', () => {
  it('finds a misspelt name wherever the spec nests it, and says where', () => {
    expect(specProblem({ vconcat: [{ mark: 'bar' }, { layer: [{ mark: { type: 'pointt' } }] }] })).toMatch(/^unknown mark "pointt" at vconcat\[1\]\.layer\[0\]\.mark; did you mean "point"\? \(Vega-Lite knows arc, .*, boxplot, errorbar, errorband\); /);
    expect(specProblem({ facet: { row: { field: 'a' } }, spec: { mark: 'bar', encoding: { colr: { field: 'a' } } } })).toMatch(/^unknown encoding channel "colr" at spec\.encoding; did you mean "color"\? \(/);
    expect(specProblem({ mark: 'bar', encoding: { tooltip: [{ field: 'a', type: 'nominal' }, { field: 'b', type: 'text' }] } })).toBe(
      `unknown field type "text" at encoding.tooltip[1].type (Vega-Lite knows quantitative, ordinal, temporal, nominal, geojson); ${FIX}`,
    );
    expect(specProblem({ layer: [{ mark: 'line' }], transform: [{ lookup: 'id', from: { data: { url: 'http://127.0.0.1:9/x.csv' }, key: 'id' } }] })).toBe(
      'the chart asks for http://127.0.0.1:9/x.csv at transform[0].from.data.url; a chart may only use the data the report gives it: remove every "url" from the template\'s chart spec',
    );
  });

  it("leaves alone what is data or filled by the report, and the default template's kind of spec", () => {
    expect(specProblem({ data: { values: [{ mark: 'x', encoding: 'y', url: 'file:///etc/hostname' }] }, mark: 'text', encoding: { text: { field: 'mark' } } })).toBeNull();
    expect(specProblem({ mark: '{{markType}}', encoding: { x: { field: 'a', type: '{{xType}}' }, href: { field: 'u' } }, data: { url: '{{source}}' } })).toBeNull();
    expect(specProblem({ mark: { type: 'bar', color: '#000' }, encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'sum' }, row: { field: 'b' } }, config: { mark: { color: 'red' } } })).toBeNull();
  });
});
