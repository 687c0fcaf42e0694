import type { Language } from '../i18n/language.js';
import type { Catalogue, Translate } from '../i18n/strings.js';
import type { ChartFigure } from '../model/types.js';
import type { ReportTemplate } from '../template.js';
import { CHART_IDS, type ChartBuild, type ChartId } from './chartData.js';
import { chartSvg, type JsonValue } from './renderChart.js';

/** Strings prefix of each chart's title and caption. */
export const CHART_STRING_PREFIX: Record<ChartId, string> = {
  'response-rate': 'chart.responseRate',
  'response-time-buckets': 'chart.buckets',
  'cumulative-answered': 'chart.cumulative',
  trend: 'chart.trend',
  'hour-of-week': 'chart.hourOfWeek',
  'reply-broadcast': 'chart.replyBroadcast',
  'share-of-voice': 'chart.shareOfVoice',
  sentiment: 'chart.sentiment',
  influencers: 'chart.influencers',
  themes: 'chart.themes',
};

/**
 * Charts whose deck version draws less than the PDF's (no count after each
 * bar, no logarithmic time axis): their slide takes the caption
 * `<prefix>.deckCaption`, which does not promise what it lacks.
 */
export const CHARTS_WITH_DECK_CAPTION: ReadonlySet<ChartId> = new Set(['response-rate', 'cumulative-answered', 'share-of-voice', 'sentiment', 'influencers']);

export function chartSpec(template: ReportTemplate, id: ChartId): JsonValue {
  return template.json(`charts/${id}.vl.json`) as JsonValue;
}

/**
 * Charts that rest on a column only some exports have: without it the chart
 * is left out of the report, and the methodology says in one line that the
 * exports lack it (`absent.<key>`), rather than printing an empty frame.
 */
export const CHARTS_OF_OPTIONAL_DATA: Partial<Record<ChartId, string>> = { sentiment: 'absent.sentiment', influencers: 'absent.followers' };

/**
 * Renders every chart that has data, and gives every other one the sentence
 * `chart.<name>.empty` to print in its place (a chart of optional data is
 * left out instead); the caption values fill `{client}` / `{timezone}` in
 * captions and those sentences.
 */
export async function buildCharts(
  template: ReportTemplate,
  builds: Partial<Record<ChartId, ChartBuild>>,
  t: Translate,
  // The catalogue `t` reads, to tell an optional key that is missing: an agency's copy of a strings file made before deck captions existed has none, and its charts keep one caption.
  strings: Catalogue,
  language: Language,
  captionValues: Record<string, string>,
): Promise<Record<string, ChartFigure>> {
  const figures: Record<string, ChartFigure> = {};
  for (const id of CHART_IDS) {
    const build = builds[id];
    const prefix = CHART_STRING_PREFIX[id];
    const caption = t(`${prefix}.caption`, captionValues);
    const deckCaption = CHARTS_WITH_DECK_CAPTION.has(id) && strings[`${prefix}.deckCaption`] !== undefined ? t(`${prefix}.deckCaption`, captionValues) : caption;
    const figure = { id, title: t(`${prefix}.title`, captionValues), caption, deckCaption };
    if (!build) {
      if (CHARTS_OF_OPTIONAL_DATA[id]) continue;
      figures[id] = { ...figure, svg: null, empty: t(`${prefix}.empty`, captionValues), notes: [], native: [] };
      continue;
    }
    if (build.instead !== undefined) {
      figures[id] = { ...figure, svg: null, empty: build.instead, notes: build.inputs.notes ?? [], native: [] };
      continue;
    }
    const svg = await chartSvg(chartSpec(template, id), { ...build.inputs, t, language }, template.path(`charts/${id}.vl.json`), `c-${id}`);
    figures[id] = { ...figure, svg, empty: null, notes: build.inputs.notes ?? [], native: build.native };
  }
  return figures;
}
