import { createHash } from 'node:crypto';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { UserError } from '../../errors.js';
import type { Language } from '../i18n/language.js';
import type { Translate } from '../i18n/strings.js';
import { FIX_OR_REMOVE } from '../template.js';
import { chartNumberLocale, largestNumber } from './chartLocale.js';
import { REPORT_DATA_ONLY, refusingLoader } from './refusingLoader.js';

/** The one font named in chart config and page CSS, so text estimates match the print. */
export const REPORT_FONT = 'Noto Sans';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ChartInputs {
  /** Named datasets the spec reads with `"data": {"name": ...}`. */
  datasets: Record<string, Array<Record<string, JsonValue>>>;
  /** Values for `"{{name}}"` placeholders in the spec (colours, domains, label expressions). */
  values: Record<string, JsonValue>;
  t: Translate;
  language: Language;
  /** The panels of a `vconcat` spec to draw, by index (all when absent): a panel with no data is left out. */
  panels?: number[];
  /** Sentences printed under the chart (what a left-out panel would have shown, and why it is not drawn). */
  notes?: string[];
}

export interface CompiledChart {
  vegaSpec: vega.Spec;
  warnings: string[];
}

/** The longest part of a Vega-Lite message a one-line error quotes. */
const MESSAGE_LIMIT = 300;

/**
 * Fills a template's Vega-Lite spec: `"t:key"` strings become translated text,
 * `"{{name}}"` strings become injected values, datasets are attached; then
 * compiles it, collecting Vega-Lite's warnings instead of printing them.
 * A spec that cannot be filled or compiled is a one-line UserError naming
 * `source` (the spec's file).
 */
export function compileChart(spec: JsonValue, inputs: ChartInputs, source = 'chart spec'): CompiledChart {
  return compileFilled(filledSpec(spec, inputs, source), source);
}

/** The Vega-Lite spec to compile: the template's, filled, with the chosen panels, the datasets and the report's config. */
function filledSpec(spec: JsonValue, inputs: ChartInputs, source: string): Record<string, unknown> {
  const whole = fill(spec, inputs, source);
  if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) throw new UserError(`${source}: a chart spec must be a JSON object, such as {"mark": "bar", ...}; ${FIX_OR_REMOVE}.`);
  const panels = inputs.panels;
  const filled = panels && Array.isArray(whole.vconcat) ? { ...whole, vconcat: whole.vconcat.filter((_, index) => panels.includes(index)) } : whole;
  const config = (typeof filled.config === 'object' && filled.config !== null && !Array.isArray(filled.config) ? filled.config : {}) as Record<string, JsonValue>;
  return {
    ...filled,
    datasets: inputs.datasets,
    // aria: false keeps the SVG small (no per-mark labels); a PDF does not expose them anyway.
    config: { aria: false, ...config, font: REPORT_FONT, locale: { number: chartNumberLocale(inputs.language, largestNumber(inputs.datasets)) } },
  };
}

function compileFilled(full: Record<string, unknown>, source: string): CompiledChart {
  const warnings: string[] = [];
  const logger = captureLogger(warnings);
  let compiled: ReturnType<typeof compile>;
  try {
    compiled = compile(full as unknown as TopLevelSpec, { logger });
  } catch (error) {
    throw new UserError(`${source}: Vega-Lite cannot compile the chart: ${vegaLiteMessage(error)}; ${FIX_OR_REMOVE}.`);
  }
  return { vegaSpec: compiled.spec as vega.Spec, warnings };
}

/** Vega-Lite's message on one line, without the copy of the whole spec it may quote. */
function vegaLiteMessage(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').replace(/^Invalid specification \{.*\}\. /, 'Invalid specification. ').trim();
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message;
}

/** Charts drawn already, by their filled spec and id prefix: the same chart asked again (the same report written again, from the page or a script) is not compiled and drawn again. */
const drawn = new Map<string, string>();
const DRAWN_KEPT = 200;

/**
 * A template's chart filled with `inputs`, compiled and rendered to SVG with its ids prefixed by `prefix` (as
 * compileChart and renderSvg do), or the same chart's SVG drawn before in this process.
 */
export async function chartSvg(spec: JsonValue, inputs: ChartInputs, source: string, prefix: string): Promise<string> {
  const full = filledSpec(spec, inputs, source);
  const key = createHash('sha256').update(prefix).update('\n').update(JSON.stringify(full)).digest('hex');
  const kept = drawn.get(key);
  if (kept !== undefined) return kept;
  const svg = await renderSvg(compileFilled(full, source).vegaSpec, prefix);
  if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value ?? '');
  drawn.set(key, svg);
  return svg;
}

/**
 * Renders a compiled spec to SVG markup with every id made unique by
 * `prefix`. The view loads nothing (refusingLoader): a spec that names a
 * URL, for data or an image, is refused with the URL.
 */
export async function renderSvg(vegaSpec: vega.Spec, prefix: string): Promise<string> {
  const { loader, refused } = refusingLoader();
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader, logLevel: vega.None });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) {
      throw new UserError(`chart ${prefix.replace(/^c-/, '')}: its spec asks for ${refused[0]}; ${REPORT_DATA_ONLY}.`);
    }
    return prefixIds(compactNumbers(withoutEnglishAria(svg)), prefix);
  } finally {
    view.finalize();
  }
}

/**
 * Vega describes its marks to screen readers in English whatever the chart's
 * language ("line mark container", "Title text '…'"), even with aria off: a
 * Spanish or French report carries none of those descriptions.
 */
export function withoutEnglishAria(svg: string): string {
  return svg.replace(/\saria-(roledescription|label)="[^"]*"/g, '');
}

/** Geometry with two decimals is exact enough for print and keeps the page light. */
export function compactNumbers(svg: string): string {
  return svg.replace(/\s(d|transform|points)="([^"]*)"/g, (_whole, name: string, value: string) => ` ${name}="${value.replace(/-?\d+\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100))}"`);
}

/** Several SVGs inlined in one page must not share clip/gradient ids. */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) if (match[1]) ids.add(match[1]);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (whole, start: string, id: string) => (ids.has(id) ? `${start}${prefix}-${id}"` : whole))
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${prefix}-${id})` : whole))
    .replace(/(href=")#([^"]+)"/g, (whole, start: string, id: string) => (ids.has(id) ? `${start}#${prefix}-${id}"` : whole));
}

const PLACEHOLDER = /^\{\{(\w+)\}\}$/;

/** The `{{name}}` placeholders a spec uses. */
export function placeholderNames(value: JsonValue): string[] {
  if (typeof value === 'string') return PLACEHOLDER.exec(value)?.slice(1) ?? [];
  if (Array.isArray(value)) return value.flatMap(placeholderNames);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(placeholderNames);
  return [];
}

function fill(value: JsonValue, inputs: ChartInputs, source: string): JsonValue {
  if (typeof value === 'string') {
    if (value.startsWith('t:')) return inputs.t(value.slice(2));
    const placeholder = PLACEHOLDER.exec(value);
    if (placeholder?.[1]) {
      const injected = Object.hasOwn(inputs.values, placeholder[1]) ? inputs.values[placeholder[1]] : undefined;
      if (injected === undefined) {
        const given = Object.keys(inputs.values).map((name) => `{{${name}}}`);
        throw new UserError(`${source}: the report gives this chart no value for {{${placeholder[1]}}} (it gives ${given.join(', ') || 'none'}); ${FIX_OR_REMOVE}.`);
      }
      return injected;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, inputs, source));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, inputs, source)]));
  }
  return value;
}

interface VegaLogger {
  level(): number;
  level(level: number): VegaLogger;
  error(...args: readonly unknown[]): VegaLogger;
  warn(...args: readonly unknown[]): VegaLogger;
  info(...args: readonly unknown[]): VegaLogger;
  debug(...args: readonly unknown[]): VegaLogger;
}

function captureLogger(warnings: string[]): VegaLogger {
  let currentLevel = 2;
  const logger: VegaLogger = {
    level: ((level?: number) => {
      if (level === undefined) return currentLevel;
      currentLevel = level;
      return logger;
    }) as VegaLogger['level'],
    error: (...args) => {
      warnings.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn: (...args) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
