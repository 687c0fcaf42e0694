import { closest } from '../../closest.js';
import { FIX_OR_REMOVE } from '../template.js';
import { REPORT_DATA_ONLY } from './refusingLoader.js';
import { placeholderNames, type JsonValue } from './renderChart.js';
import { vegaLiteNames } from './vegaLiteNames.js';

type Path = Array<string | number>;

/** Inline rows and metadata: their keys are data, not Vega-Lite properties. */
const DATA_KEYS = new Set(['values', 'datasets', 'usermeta']);

/**
 * The first mistake of a template's chart spec that Vega-Lite would not stop
 * on, or would stop on without saying what is wrong: a mark, an encoding
 * channel or a field type it does not know (it drops an unknown channel,
 * and fails on an unknown mark with "Cannot read properties of undefined"),
 * and a `"url"` the chart would load. Null when there is none; otherwise the
 * rest of a one-line message, with what to do.
 *
 * @example specProblem({ mark: 'barr' }) // 'unknown mark "barr" at mark; did you mean "bar"? (Vega-Lite knows arc, area, bar, ...); fix the file ...'
 */
export function specProblem(spec: JsonValue, path: Path = []): string | null {
  if (Array.isArray(spec)) return firstOf(spec.map((item, index) => () => specProblem(item, [...path, index])));
  if (spec === null || typeof spec !== 'object') return null;
  return firstOf(
    Object.entries(spec).map(([key, value]) => () => {
      if (DATA_KEYS.has(key)) return null;
      if (key === 'url' && isText(value)) return `the chart asks for ${value} at ${where([...path, key])}; ${REPORT_DATA_ONLY}`;
      if (key === 'mark') return markProblem(value, [...path, key]);
      if (key === 'encoding') return encodingProblem(value, [...path, key]) ?? specProblem(value, [...path, key]);
      return specProblem(value, [...path, key]);
    }),
  );
}

function markProblem(mark: JsonValue, path: Path): string | null {
  const type = typeof mark === 'object' && mark !== null && !Array.isArray(mark) ? mark.type : mark;
  const { marks } = vegaLiteNames();
  if (!isText(type) || marks.includes(type)) return null;
  return unknown('mark', type, path, marks);
}

function encodingProblem(encoding: JsonValue, path: Path): string | null {
  if (encoding === null || typeof encoding !== 'object' || Array.isArray(encoding)) return null;
  const { channels, types } = vegaLiteNames();
  for (const [channel, definition] of Object.entries(encoding)) {
    if (!channels.includes(channel)) return unknown('encoding channel', channel, path, channels);
    // tooltip and detail may hold a list of field definitions.
    for (const [index, field] of (Array.isArray(definition) ? definition : [definition]).entries()) {
      const type = typeof field === 'object' && field !== null && !Array.isArray(field) ? field.type : undefined;
      if (type === undefined || !isText(type) || types.includes(type)) continue;
      const at = Array.isArray(definition) ? [...path, channel, index, 'type'] : [...path, channel, 'type'];
      return unknown('field type', type, at, types);
    }
  }
  return null;
}

/** The message for a name Vega-Lite does not know, with the nearest one it does. */
function unknown(what: string, name: string, path: Path, known: string[]): string {
  const [near] = closest(name, known, 1);
  return `unknown ${what} "${name}" at ${where(path)}${near ? `; did you mean "${near}"?` : ''} (Vega-Lite knows ${known.join(', ')}); ${FIX_OR_REMOVE}`;
}

/** A string the template wrote itself, not a `{{name}}` the report fills. */
function isText(value: JsonValue | undefined): value is string {
  return typeof value === 'string' && placeholderNames(value).length === 0;
}

function firstOf(checks: Array<() => string | null>): string | null {
  for (const check of checks) {
    const problem = check();
    if (problem !== null) return problem;
  }
  return null;
}

/** A path in the spec as an analyst would write it: layer[0].encoding.x.type */
function where(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${part}`)).join('');
}
