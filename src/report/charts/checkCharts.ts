import { basename } from 'node:path';
import * as vega from 'vega';
import { UserError } from '../../errors.js';
import type { Language } from '../i18n/language.js';
import { translator, type Catalogue, type Translate } from '../i18n/strings.js';
import { FIX_OR_REMOVE, type ReportTemplate } from '../template.js';
import { CHART_IDS } from './chartData.js';
import { compileChart, placeholderNames, type JsonValue } from './renderChart.js';
import { specProblem } from './specProblem.js';

const SPEC_EXTENSION = '.vl.json';

/**
 * The chart specs an agency's template has of its own, checked before any
 * number is computed: each must be JSON, use marks, channels and field types
 * Vega-Lite knows, load no URL, name strings the strings file has, compile,
 * and hold expressions Vega can parse. The report's values are not known
 * yet, so every `{{name}}` stands in as null and the datasets are empty; a
 * `{{name}}` the report does not give fails only when the chart is drawn.
 * A broken spec is a one-line UserError naming its file. Returns what is
 * said without stopping, one line each: Vega-Lite's warnings, and a spec
 * named after no chart of the report.
 */
export function checkTemplateCharts(template: ReportTemplate, strings: Catalogue, language: Language): string[] {
  const lines: string[] = [];
  for (const relative of template.ownFiles('charts', SPEC_EXTENSION)) {
    const path = template.path(relative);
    const id = basename(relative, SPEC_EXTENSION);
    if (!(CHART_IDS as readonly string[]).includes(id)) {
      lines.push(`${path}: the report draws no chart "${id}" (its charts are ${[...CHART_IDS].sort().join(', ')}); rename the file or remove it.`);
      continue;
    }
    const spec = template.json(relative) as JsonValue;
    const problem = specProblem(spec);
    if (problem) throw new UserError(`${path}: ${problem}.`);
    const values = Object.fromEntries(placeholderNames(spec).map((name) => [name, null]));
    const t = chartTranslator(strings, template.path(`strings/${language}.json`), path, language);
    const { vegaSpec, warnings } = compileChart(spec, { datasets: {}, values, t, language }, path);
    try {
      vega.parse(vegaSpec);
    } catch (error) {
      throw new UserError(`${path}: Vega cannot read the compiled chart: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}; ${FIX_OR_REMOVE}.`);
    }
    for (const warning of warnings) lines.push(`${path}: Vega-Lite: ${warning.replace(/\s+/g, ' ')}`);
  }
  return lines;
}

/** The strings' translator, with a `"t:key"` of no string blamed on the chart spec that names it. */
function chartTranslator(strings: Catalogue, stringsPath: string, specPath: string, language: Language): Translate {
  const t = translator(strings, stringsPath, language);
  return (key, values) => {
    if (!Object.hasOwn(strings, key)) throw new UserError(`${specPath}: "t:${key}" names no string of ${stringsPath}; fix the key, or add the string to every language file of the template.`);
    return t(key, values);
  };
}
