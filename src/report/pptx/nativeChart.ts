import type * as Pptx from 'pptxgenjs';
import type { NativeChart, NativeSeries } from '../model/types.js';
import { chartNumberLocale } from '../charts/chartLocale.js';
import { hexColour, textOn } from './colours.js';
import { type Deck, FONT, INK, MUTED, PALE, RULE, type Slide, type TableRow } from './deck.js';
import { plainText } from '../../plain-text.js';

export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * pptxgenjs reads a multi-type chart's options from its second argument
 * (`tmpOpt = data || opt`), which its typings declare as the data array.
 */
interface ComboChartSlide {
  addChart(types: Pptx.default.IChartMulti[], options: Pptx.default.IChartOpts): unknown;
}

/**
 * Draws a chart of the report model on a slide as PowerPoint draws it
 * natively: the chart's data sheet holds the model's own numbers (fractions,
 * counts, hours), so the agency edits it in PowerPoint or Google Slides.
 */
export function addNativeChart(deck: Deck, slide: Slide, chart: NativeChart, frame: Frame): void {
  switch (chart.kind) {
    case 'heat':
      heatTable(deck, slide, chart, frame);
      return;
    case 'doughnut':
      doughnut(deck, slide, chart, frame);
      return;
    case 'line':
      lines(deck, slide, chart, frame);
      return;
    default:
      bars(deck, slide, chart, frame);
  }
}

type LabelPosition = NonNullable<Pptx.default.IChartOpts['dataLabelPosition']>;

/** Where each position puts a bar's figure, as a share of the axis, for a bar of `value` (a figure is about 0.06 high). */
const LABEL_AT: Record<'inBase' | 'ctr' | 'inEnd', (value: number) => number> = { inBase: () => 0.04, ctr: (value) => value / 2, inEnd: (value) => value - 0.04 };

/**
 * The position of the bars' figures (one for the chart) farthest from the interval's dashes: mid-bar, a lower dash near
 * half the rate covered it (Sprint's 83% under a dash at 44%); at the foot, a small sample's dash near 0 does.
 * pptxgenjs writes 'inBase' for bar charts (its code lists it), which its typings omit.
 */
export function labelPosition(values: ReadonlyArray<number | null>, low: ReadonlyArray<number | null>, high: ReadonlyArray<number | null>): LabelPosition {
  const clearance = (at: (value: number) => number) =>
    Math.min(
      ...values.flatMap((value, index) => {
        if (value === null || value < 0.1) return [];
        return [low[index], high[index]].filter((dash): dash is number => dash !== null && dash !== undefined).map((dash) => Math.abs(at(value) - dash));
      }),
    );
  const order = ['inBase', 'ctr', 'inEnd'] as const;
  const best = order.reduce((chosen, position) => (clearance(LABEL_AT[position]) > clearance(LABEL_AT[chosen]) + 0.02 ? position : chosen));
  return best as unknown as LabelPosition;
}

function numberFormat(deck: Deck, chart: NativeChart): string {
  return chart.unit === 'share' ? deck.percentCode : chart.unit === 'hours' ? '0.0' : countFormat(deck, chart.series.flatMap((entry) => entry.values));
}

/** The power of ten strictly below a chart's smallest positive value (6 min, 0.1 h, starts the axis at 0.01 h). */
function logFloor(series: readonly NativeSeries[]): number {
  const smallest = Math.min(...series.flatMap((entry) => entry.values).filter((value): value is number => value !== null && value > 0));
  return Number.isFinite(smallest) ? 10 ** Math.ceil(Math.log10(smallest) - 1) : 0.1;
}

/** Counts grouped by thousands, except where the language leaves the chart's numbers whole (Spanish, under five digits: "2874"), as the PDF's charts do. */
function countFormat(deck: Deck, values: ReadonlyArray<number | null>): string {
  const largest = Math.max(0, ...values.map((value) => Math.abs(value ?? 0)));
  return chartNumberLocale(deck.model.language, largest).thousands === '' ? '0' : '#,##0';
}

/** An axis of hours reads 5, 10, 30 or 0.5 as PowerPoint chooses its steps ("General"); a fixed decimal printed 30.0, 25.0. */
function axisFormat(deck: Deck, chart: NativeChart): string {
  return chart.unit === 'hours' ? 'General' : numberFormat(deck, chart);
}

/**
 * A table as pptxgenjs series. A null value stays empty in the chart's data
 * (pptxgenjs writes an empty point for it, drawn as a gap), which its
 * typings, asking for numbers, do not say.
 */
function chartData(labels: readonly string[], series: readonly NativeSeries[]): Pptx.default.OptsChartData[] {
  return series.map((entry) => ({ name: plainText(entry.name), labels: labels.map(plainText), values: entry.values as number[] }));
}

function frameOptions(deck: Deck, chart: NativeChart, frame: Frame): Pptx.default.IChartOpts {
  return {
    ...frame,
    lang: deck.lang,
    showTitle: true,
    title: plainText(chart.title),
    titleFontFace: FONT,
    titleFontSize: 13,
    titleColor: INK,
    showLegend: true,
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 10,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 10,
    catAxisLabelColor: INK,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: MUTED,
    valAxisLabelFormatCode: axisFormat(deck, chart),
    valAxisTitleFontFace: FONT,
    valAxisTitleFontSize: 10,
    valAxisTitleColor: MUTED,
    ...(chart.axisTitle ? { valAxisTitle: plainText(chart.axisTitle), showValAxisTitle: true } : {}),
    valGridLine: { color: PALE, size: 0.5, style: 'solid' },
  };
}

/** Horizontal bars list their first category at the bottom: the data goes in upside down so the chart reads top-down like the PDF's. */
function inReadingOrder(chart: NativeChart): { labels: string[]; series: NativeSeries[]; colours: string[] | null } {
  if (!chart.horizontal) return { labels: chart.labels, series: chart.series, colours: chart.categoryColours };
  return {
    labels: [...chart.labels].reverse(),
    series: chart.series.map((entry) => ({ ...entry, values: [...entry.values].reverse() })),
    colours: chart.categoryColours ? [...chart.categoryColours].reverse() : null,
  };
}

function bars(deck: Deck, slide: Slide, chart: NativeChart, frame: Frame): void {
  const { labels, series, colours } = inReadingOrder(chart);
  const byCategory = colours !== null && series.length === 1;
  // Two or more colours colour each bar (the client in the primary colour); one would be taken as the series colour.
  const chartColors = byCategory ? (colours.length > 1 ? colours.map(hexColour) : [hexColour(colours[0] ?? INK), hexColour(colours[0] ?? INK)]) : series.map((entry) => hexColour(entry.colour));
  const bar: Pptx.default.IChartOpts = {
    barDir: chart.horizontal ? 'bar' : 'col',
    barGrouping: chart.kind === 'stacked-bar' ? 'percentStacked' : 'clustered',
    barGapWidthPct: chart.horizontal ? 50 : 70,
    chartColors,
    ...(chart.kind === 'stacked-bar' ? { valAxisLabelFormatCode: deck.percentCode } : {}),
    ...(chart.unit === 'share' && chart.kind === 'bar' ? { valAxisMinVal: 0, valAxisMaxVal: 1 } : {}),
    // Shares stacked to 100% carry their figure, as the PDF's do; a part under 8% stays blank (a number format's condition), too narrow for one.
    ...(chart.unit === 'share' && chart.kind === 'stacked-bar' ? { showValue: true, dataLabelPosition: 'ctr', dataLabelFontFace: FONT, dataLabelFontSize: 9, dataLabelColor: INK, dataLabelFormatCode: `[<0.08]"";${deck.percentCode}` } : {}),
    // A rate's bar carries its figure, as the PDF's do (a stacked part carries its own above, a bar under an interval its own mid-bar below);
    // PowerPoint puts it past the bar's end, where pptxgenjs leaves it (it drops an 'outEnd' it is given for clustered bars). A time's bar
    // carries none: the deck's times are decimal hours ("0.7" for 44 min), which the PDF writes as durations.
    ...(chart.kind === 'bar' && chart.unit === 'share' ? { showValue: true, dataLabelFontFace: FONT, dataLabelFontSize: 8, dataLabelColor: INK, dataLabelFormatCode: numberFormat(deck, chart) } : {}),
    showLegend: !byCategory,
  };
  if (!chart.interval) {
    slide.addChart(deck.pptx.ChartType.bar, chartData(labels, series), { ...frameOptions(deck, chart, frame), ...bar });
    return;
  }
  const interval: NativeSeries[] = [
    { name: deck.t('deck.intervalLow'), values: chart.interval.low, colour: INK },
    { name: deck.t('deck.intervalHigh'), values: chart.interval.high, colour: INK },
  ];
  (slide as unknown as ComboChartSlide).addChart(
    [
      {
        type: deck.pptx.ChartType.bar,
        data: chartData(labels, series),
        options: {
          ...bar,
          showValue: true,
          dataLabelPosition: labelPosition(chart.series[0]?.values ?? [], chart.interval.low, chart.interval.high),
          dataLabelColor: 'FFFFFF',
          dataLabelFontBold: true,
          dataLabelFontSize: 12,
          dataLabelFontFace: FONT,
          dataLabelFormatCode: numberFormat(deck, chart),
        },
      },
      {
        type: deck.pptx.ChartType.line,
        data: chartData(labels, interval),
        options: { lineSize: 0, lineDataSymbol: 'dash', lineDataSymbolSize: 16, lineDataSymbolLineSize: 2, chartColors: [INK, INK], displayBlanksAs: 'gap' },
      },
    ],
    { ...frameOptions(deck, chart, frame), showLegend: false, valAxisMinVal: 0, valAxisMaxVal: 1 },
  );
}

function lines(deck: Deck, slide: Slide, chart: NativeChart, frame: Frame): void {
  const line: Pptx.default.IChartOpts = {
    lineSize: 2,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 5,
    chartColors: chart.series.map((entry) => hexColour(entry.colour)),
    displayBlanksAs: 'gap',
  };
  const categoryAxis: Pptx.default.IChartOpts = { catAxisLabelRotate: chart.labels.length > 8 ? -45 : 0 };
  // A logarithmic axis has no 0 to start at: it starts at the power of ten below the smallest value, strictly, so that a line never lies on the axis.
  const valueAxis: Pptx.default.IChartOpts = chart.logScale ? { valAxisLogScaleBase: 10, valAxisMinVal: logFloor(chart.series) } : { valAxisMinVal: 0, ...(chart.unit === 'share' ? { valAxisMaxVal: 1 } : {}) };
  if (!chart.volume) {
    slide.addChart(deck.pptx.ChartType.line, chartData(chart.labels, chart.series), { ...frameOptions(deck, chart, frame), ...line, ...categoryAxis, ...valueAxis });
    return;
  }
  // The bars come first, so they are drawn behind the lines; their axis is the second one, at the right.
  const frameOpts = frameOptions(deck, chart, frame);
  (slide as unknown as ComboChartSlide).addChart(
    [
      {
        type: deck.pptx.ChartType.bar,
        data: chartData(chart.labels, [{ name: chart.volume.name, colour: PALE, values: chart.volume.values }]),
        options: { barDir: 'col', barGapWidthPct: 40, chartColors: [PALE], secondaryValAxis: true, secondaryCatAxis: true },
      },
      { type: deck.pptx.ChartType.line, data: chartData(chart.labels, chart.series), options: line },
    ],
    {
      ...frameOpts,
      valAxes: [
        { ...valueAxis, showValAxisTitle: frameOpts.showValAxisTitle ?? false, valAxisTitle: frameOpts.valAxisTitle ?? '', valAxisLabelFormatCode: axisFormat(deck, chart) },
        { valAxisMinVal: 0, showValAxisTitle: true, valAxisTitle: plainText(chart.volume.axisTitle), valAxisLabelFormatCode: countFormat(deck, chart.volume.values), valGridLine: { style: 'none' } },
      ],
      catAxes: [categoryAxis, { catAxisHidden: true }],
    },
  );
}

function doughnut(deck: Deck, slide: Slide, chart: NativeChart, frame: Frame): void {
  slide.addChart(deck.pptx.ChartType.doughnut, chartData(chart.labels, chart.series), {
    ...frameOptions(deck, chart, frame),
    legendPos: 'r',
    holeSize: 50,
    chartColors: (chart.categoryColours ?? []).map(hexColour),
    showValue: true,
    showPercent: false,
    dataLabelColor: 'FFFFFF',
    dataLabelFontBold: true,
    dataLabelFontSize: 12,
    dataLabelFormatCode: numberFormat(deck, chart),
  });
}

/** A heat map as a table: a row per weekday, a cell per hour filled in the PDF's colour, its value written in it. */
function heatTable(deck: Deck, slide: Slide, chart: NativeChart, frame: Frame): void {
  const hours = chart.columns ?? [];
  const fills = chart.fills ?? [];
  const value = (number: number | null) => (number === null ? '' : chart.unit === 'hours' ? number.toFixed(1) : String(Math.round(number)));
  const header: TableRow = [{ text: '' }, ...hours.map((hour) => ({ text: plainText(hour), options: { align: 'center' as const, color: MUTED } }))];
  const rows: TableRow[] = chart.series.map((row, index) => [
    { text: plainText(row.name), options: { bold: true } },
    ...row.values.map((number, hour) => {
      const fill = hexColour(fills[index]?.[hour] ?? '#FFFFFF');
      return { text: plainText(chart.cellLabels?.[index]?.[hour] ?? value(number)), options: { align: 'center' as const, fill: { color: fill }, color: textOn(fill) } };
    }),
  ]);
  slide.addText(plainText(chart.title), { ...deck.text(), x: frame.x, y: frame.y, w: frame.w, h: 0.3, fontSize: 12, bold: true });
  // Weekday names fit in 0.7 in; a subject's name gets room for its length, within reason.
  const dayW = Math.min(2.2, Math.max(0.7, 0.3 + 0.075 * Math.max(...chart.series.map((row) => row.name.length))));
  deck.table(slide, [header, ...rows], {
    ...deck.text(),
    x: frame.x,
    y: frame.y + 0.32,
    w: frame.w,
    colW: [dayW, ...hours.map(() => (frame.w - dayW) / Math.max(1, hours.length))],
    // Twenty-four hours need small type, 8 pt at least on a slide; a few brands' columns do not.
    fontSize: hours.length > 12 ? 8 : 10,
    rowH: Math.min(hours.length > 12 ? 0.3 : 0.4, (frame.h - 0.35) / (rows.length + 1)),
    border: { type: 'solid', pt: 0.5, color: RULE },
    margin: 0.01,
    valign: 'middle',
  });
}
