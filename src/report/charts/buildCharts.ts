import type { Language } from '../i18n/language.js';
import type { Translate } from '../i18n/strings.js';
import type { ChartFigure } from '../model/types.js';
import type { ReportTemplate } from '../template.js';
import { CHART_IDS, type ChartId } from './chartData.js';
import { compileChart, renderSvg, type ChartInputs, type JsonValue } from './renderChart.js';

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
};

export function chartSpec(template: ReportTemplate, id: ChartId): JsonValue {
  return template.json(`charts/${id}.vl.json`) as JsonValue;
}

/**
 * Renders every chart that has data, and gives every other one the sentence
 * `chart.<name>.empty` to print in its place; the caption values fill
 * `{client}` / `{timezone}` in captions and those sentences.
 */
export async function buildCharts(
  template: ReportTemplate,
  inputs: Partial<Record<ChartId, Omit<ChartInputs, 't' | 'language'>>>,
  t: Translate,
  language: Language,
  captionValues: Record<string, string>,
): Promise<Record<string, ChartFigure>> {
  const figures: Record<string, ChartFigure> = {};
  for (const id of CHART_IDS) {
    const chartInputs = inputs[id];
    const prefix = CHART_STRING_PREFIX[id];
    const figure = { id, title: t(`${prefix}.title`, captionValues), caption: t(`${prefix}.caption`, captionValues) };
    if (!chartInputs) {
      figures[id] = { ...figure, svg: null, empty: t(`${prefix}.empty`, captionValues), notes: [] };
      continue;
    }
    const { vegaSpec } = compileChart(chartSpec(template, id), { ...chartInputs, t, language }, template.path(`charts/${id}.vl.json`));
    figures[id] = { ...figure, svg: await renderSvg(vegaSpec, `c-${id}`), empty: null, notes: chartInputs.notes ?? [] };
  }
  return figures;
}
