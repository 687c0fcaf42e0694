import { createRequire } from 'node:module';
import type * as Pptx from 'pptxgenjs';
import type { MetricsReport } from '../../metrics/types.js';
import type { ImprovementItem } from '../advice/types.js';
import { brandColours } from '../charts/palette.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { shortenText } from '../model/examples.js';
import type { LabelledValue, ReportModel } from '../model/types.js';
import { bucketSeries, replyBroadcastSeries, responseRateSeries, reversed, shareOfVoiceSeries, trendSeries, type ChartTable } from './chartSeries.js';
import { rasterLogo } from './image.js';
import { xmlText } from '../xmlText.js';
import { plainText } from './plainText.js';

export interface DeckInputs {
  model: ReportModel;
  metrics: MetricsReport;
  t: Translate;
  format: Formatter;
  /** The agency logo as a PNG data URL when the config's logo is an SVG (the deck cannot show SVG). */
  logoPng?: string | null;
}

/**
 * pptxgenjs's typings describe an ES module's default export, which Node ESM
 * (NodeNext) reads as CommonJS; its CommonJS build exports the class itself.
 */
const PptxGenJS = createRequire(import.meta.url)('pptxgenjs') as new () => Pptx.default;

/** LAYOUT_WIDE, in inches. */
const SLIDE_W = 13.333;
const LEFT = 0.5;
const CONTENT_W = SLIDE_W - 2 * LEFT;
const CONTENT_TOP = 1.2;
const FOOTER_Y = 7.02;
/** A font every copy of PowerPoint, Google Slides and LibreOffice (as Liberation Sans) has. */
const FONT = 'Arial';
const INK = '1F2933';
const MUTED = '616E7C';
const RULE = 'D5DAE1';
const TONE: Record<'good' | 'bad' | 'neutral', string> = { good: '0E7C3A', bad: 'B42318', neutral: MUTED };
const TABLE_ROWS_PER_SLIDE = 12;
const DEFINITION_CHARACTERS_PER_SLIDE = 3300;

const MASTER_TITLE = 'REPLYBENCH_TITLE';
const MASTER_CONTENT = 'REPLYBENCH_CONTENT';

/**
 * pptxgenjs reads a multi-type chart's options from its second argument
 * (`tmpOpt = data || opt`), which its typings declare as the data array.
 */
interface ComboChartSlide {
  addChart(types: Pptx.default.IChartMulti[], options: Pptx.default.IChartOpts): unknown;
}

/**
 * The report as an editable PowerPoint deck: a title slide, the summary,
 * the leaderboard as a native table, the charts as native charts (their
 * data sheets hold the metrics' own numbers), "What to improve" and the
 * methodology, every word in the report's language. Every string goes in as
 * plain text (pptxgenjs escapes XML; plainText drops what XML cannot hold).
 */
export async function buildDeck(inputs: DeckInputs): Promise<Uint8Array> {
  const deck = new Deck(inputs);
  deck.titleSlide();
  deck.summarySlide();
  deck.leaderboardSlides();
  deck.chartSlides();
  deck.improvementSlides();
  deck.methodologySlide();
  deck.definitionSlides();
  return deck.write();
}

class Deck {
  private readonly pptx = new PptxGenJS();
  private readonly primary: string;
  private readonly accent: string;
  private readonly lang: string;
  private readonly percentCode: string;
  private readonly colourOf: (brand: string) => string;

  constructor(private readonly inputs: DeckInputs) {
    const { model, metrics, format } = inputs;
    this.primary = hexColour(model.colors.primary);
    this.accent = hexColour(model.colors.accent);
    this.lang = format.locale;
    // Spanish and French write a space before the percent sign, as the PDF does.
    this.percentCode = format.language === 'en' ? '0%' : '0 %';
    const palette = brandColours(metrics.brands, model.colors.primary);
    this.colourOf = (brand) => hexColour(palette.range[palette.domain.indexOf(brand)] ?? '#7B8794');

    const pptx = this.pptx;
    pptx.layout = 'LAYOUT_WIDE';
    pptx.title = plainText(`${model.title} · ${model.client.name} · ${model.period.label}`);
    pptx.subject = plainText(model.title);
    // pptxgenjs writes the company into docProps/app.xml as it is given: escaped here, and only here.
    pptx.company = xmlText(model.agency.name ?? '');
    pptx.author = plainText(model.agency.name ?? '');
    pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

    const footer = plainText([model.agency.name, model.client.name, model.period.label].filter(Boolean).join(' · '));
    const titlePlaceholder = (options: Partial<Pptx.default.PlaceholderProps>) => ({
      placeholder: { options: { name: 'title', type: 'title' as const, fontFace: FONT, bold: true, align: 'left' as const, ...options }, text: '' },
    });
    pptx.defineSlideMaster({
      title: MASTER_TITLE,
      background: { color: 'FFFFFF' },
      objects: [
        { rect: { x: 0, y: 0, w: SLIDE_W, h: 4.55, fill: { color: this.primary }, line: { type: 'none' } } },
        { rect: { x: 0, y: 4.55, w: SLIDE_W, h: 0.09, fill: { color: this.accent }, line: { type: 'none' } } },
        titlePlaceholder({ x: LEFT, y: 0.9, w: CONTENT_W, h: 0.9, fontSize: 30, color: 'FFFFFF', valign: 'bottom' }),
      ],
    });
    pptx.defineSlideMaster({
      title: MASTER_CONTENT,
      background: { color: 'FFFFFF' },
      objects: [
        { rect: { x: 0, y: 0, w: SLIDE_W, h: 0.1, fill: { color: this.primary }, line: { type: 'none' } } },
        titlePlaceholder({ x: LEFT, y: 0.3, w: CONTENT_W, h: 0.75, fontSize: 26, color: INK, valign: 'middle' }),
        { line: { x: LEFT, y: 1.08, w: CONTENT_W, h: 0, line: { color: RULE, width: 1 } } },
        { text: { text: footer, options: { x: LEFT, y: FOOTER_Y, w: CONTENT_W - 1, h: 0.3, fontFace: FONT, fontSize: 9, color: MUTED } } },
      ],
      slideNumber: { x: SLIDE_W - LEFT - 0.6, y: FOOTER_Y, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 9, color: MUTED, align: 'right' },
    });
  }

  async write(): Promise<Uint8Array> {
    const output = await this.pptx.write({ outputType: 'nodebuffer', compression: true });
    if (!(output instanceof Uint8Array)) throw new Error('pptxgenjs did not return a buffer');
    return output;
  }

  titleSlide(): void {
    const { model, t } = this.inputs;
    const slide = this.pptx.addSlide({ masterName: MASTER_TITLE });
    slide.addText(plainText(model.title), { placeholder: 'title', lang: this.lang });
    slide.addText(
      [
        { text: plainText(model.client.name), options: { fontSize: 34, bold: true, breakLine: true } },
        { text: plainText(model.period.label), options: { fontSize: 22, breakLine: true } },
        { text: plainText(t('report.timezone', { timezone: model.period.timezone })), options: { fontSize: 14 } },
      ],
      { ...this.text(), x: LEFT, y: 1.95, w: CONTENT_W, h: 2.3, color: 'FFFFFF', valign: 'top', paraSpaceAfter: 6 },
    );
    const logo = rasterLogo(this.inputs.logoPng ?? model.agency.logoDataUrl);
    let textX = LEFT;
    if (logo) {
      const box = { w: 2.6, h: 1.3 };
      const scale = Math.min(box.w / logo.width, box.h / logo.height);
      const w = logo.width * scale;
      const h = logo.height * scale;
      slide.addImage({ data: logo.data, x: LEFT, y: 5.0 + (box.h - h) / 2, w, h, altText: plainText(model.agency.name ?? '') });
      textX = LEFT + box.w + 0.4;
    }
    const lines: Pptx.default.TextProps[] = [];
    if (model.agency.name) lines.push({ text: plainText(t('report.preparedBy', { agency: model.agency.name })), options: { fontSize: 18, bold: true, color: INK, breakLine: true } });
    lines.push({ text: plainText(model.generatedOn), options: { fontSize: 13, color: MUTED } });
    slide.addText(lines, { ...this.text(), x: textX, y: 5.0, w: SLIDE_W - textX - LEFT, h: 1.3, valign: 'middle' });
  }

  summarySlide(): void {
    const { model, t } = this.inputs;
    const slide = this.contentSlide(t('section.summary'));
    slide.addText(plainText(t('summary.kpis', { client: model.client.name })), { ...this.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, h: 0.35, fontSize: 14, bold: true });
    const gap = 0.15;
    const count = Math.max(1, model.kpis.length);
    const tileW = (CONTENT_W - gap * (count - 1)) / count;
    model.kpis.forEach((kpi, index) => {
      const runs: Pptx.default.TextProps[] = [
        { text: plainText(kpi.label), options: { fontSize: 11, color: MUTED, breakLine: true } },
        { text: plainText(kpi.value), options: { fontSize: 26, bold: true, color: this.primary, breakLine: true } },
      ];
      if (kpi.change) runs.push({ text: plainText(kpi.change.text), options: { fontSize: 10, color: TONE[kpi.change.tone], breakLine: true } });
      if (kpi.note) runs.push({ text: plainText(kpi.note), options: { fontSize: 10, color: MUTED } });
      slide.addText(runs, {
        ...this.text(),
        x: LEFT + index * (tileW + gap),
        y: CONTENT_TOP + 0.45,
        w: tileW,
        h: 1.85,
        valign: 'top',
        margin: 8,
        fill: { color: tint(this.primary, 0.92) },
        paraSpaceAfter: 3,
      });
    });
    if (model.findings.length === 0) return;
    slide.addText(plainText(t('summary.findings')), { ...this.text(), x: LEFT, y: 3.65, w: CONTENT_W, h: 0.35, fontSize: 14, bold: true });
    slide.addText(
      model.findings.map((finding) => ({ text: plainText(finding), options: { bullet: { type: 'number' as const }, breakLine: true } })),
      { ...this.text(), x: LEFT, y: 4.05, w: CONTENT_W, h: 2.85, fontSize: 14, valign: 'top', paraSpaceAfter: 8, fit: 'shrink' },
    );
  }

  leaderboardSlides(): void {
    const { model, t } = this.inputs;
    const board = model.leaderboard;
    const rateColumn = board.columns.findIndex((column) => column.hint !== null);
    const headerCell = (text: string, align: 'left' | 'right'): Pptx.default.TableCell => ({
      text: plainText(text),
      options: { bold: true, color: 'FFFFFF', fill: { color: this.primary }, valign: 'bottom', align },
    });
    const header: Pptx.default.TableRow = [];
    board.columns.forEach((column, index) => {
      header.push(headerCell(column.label, index === 0 ? 'left' : 'right'));
      if (index === rateColumn && column.hint) header.push(headerCell(this.inputs.format.capitalise(column.hint), 'right'));
    });
    const rows: Pptx.default.TableRow[] = board.rows.map((row) => {
      const fill = row.isClient ? { fill: { color: tint(this.primary, 0.88) } } : {};
      const cells: Pptx.default.TableRow = [{ text: plainText(row.brandName), options: { bold: row.isClient, ...fill } }];
      row.cells.forEach((cell, index) => {
        const runs: Pptx.default.TableCell[] = [{ text: plainText(cell.text), options: { bold: row.isClient } }];
        if (cell.rank !== null) runs.push({ text: ` ${plainText(cell.rank)}`, options: { fontSize: 8, color: MUTED } });
        cells.push({ text: runs, options: { align: 'right', ...fill } });
        // Leaderboard cells follow the columns after the brand one.
        if (index + 1 === rateColumn) cells.push({ text: plainText(row.interval), options: { align: 'right', color: MUTED, ...fill } });
      });
      return cells;
    });
    const columnCount = header.length;
    const brandW = 2.3;
    const colW = [brandW, ...Array.from({ length: columnCount - 1 }, () => (CONTENT_W - brandW) / (columnCount - 1))];
    const pages = chunks(rows, TABLE_ROWS_PER_SLIDE);
    pages.forEach((page, index) => {
      const slide = this.contentSlide(pages.length > 1 ? t('deck.part', { title: t('section.leaderboard'), part: index + 1, parts: pages.length }) : t('section.leaderboard'));
      slide.addTable([header, ...page], {
        ...this.text(),
        x: LEFT,
        y: CONTENT_TOP,
        w: CONTENT_W,
        colW,
        fontSize: page.length > 8 ? 11 : 13,
        rowH: [0.6, ...page.map(() => (page.length > 8 ? 0.36 : 0.45))],
        border: { type: 'solid', pt: 0.5, color: RULE },
        margin: 0.05,
        valign: 'middle',
      });
      if (index === pages.length - 1) {
        slide.addText(
          model.leaderboardNotes.map((note) => ({ text: plainText(note), options: { breakLine: true } })),
          { ...this.text(), x: LEFT, y: 6.05, w: CONTENT_W, h: 0.85, fontSize: 10, color: MUTED, valign: 'bottom' },
        );
      }
    });
  }

  chartSlides(): void {
    this.responseRateSlide();
    this.bucketSlide();
    this.trendSlide();
    this.replyBroadcastSlide();
    this.shareOfVoiceSlide();
  }

  private responseRateSlide(): void {
    const { metrics, t } = this.inputs;
    const data = responseRateSeries(metrics, { rate: t('leaderboard.responseRate'), low: t('deck.intervalLow'), high: t('deck.intervalHigh') });
    if (data.brands.length === 0) return;
    const slide = this.contentSlide(t('section.responseRate'));
    const colours = data.rate.labels.map(this.colourOf);
    (slide as unknown as ComboChartSlide).addChart(
      [
        {
          type: this.pptx.ChartType.bar,
          data: chartData(data.rate),
          options: {
            barDir: 'col',
            barGapWidthPct: 70,
            // Two or more colours colour each bar (the client in the primary colour); one would be taken as the series colour.
            chartColors: colours.length > 1 ? colours : [colours[0] ?? this.primary, colours[0] ?? this.primary],
            showValue: true,
            // Mid-bar, clear of the interval's dashes near its top.
            dataLabelPosition: 'ctr',
            dataLabelColor: 'FFFFFF',
            dataLabelFontBold: true,
            dataLabelFontSize: 12,
            dataLabelFontFace: FONT,
            dataLabelFormatCode: this.percentCode,
          },
        },
        {
          type: this.pptx.ChartType.line,
          data: chartData(data.interval),
          options: { lineSize: 0, lineDataSymbol: 'dash', lineDataSymbolSize: 16, lineDataSymbolLineSize: 2, chartColors: [INK, INK], displayBlanksAs: 'gap' },
        },
      ],
      {
        ...this.chartFrame(t('chart.responseRate.title')),
        valAxisMinVal: 0,
        valAxisMaxVal: 1,
        valAxisLabelFormatCode: this.percentCode,
        valAxisTitle: plainText(t('chart.responseRate.axis')),
        showValAxisTitle: true,
      },
    );
    this.caption(slide, t('deck.responseRateCaption'));
  }

  private bucketSlide(): void {
    const { metrics, t } = this.inputs;
    const table = bucketSeries(metrics, (bucket) => t(`bucket.${bucket}`));
    if (table.labels.length === 0) return;
    const slide = this.contentSlide(t('section.responseTime'));
    const speeds = [0, 0.3, 0.5, 0.66, 0.8].map((amount) => tint(this.primary, amount));
    slide.addChart(this.pptx.ChartType.bar, chartData(reversed(table)), {
      ...this.chartFrame(t('chart.buckets.title')),
      barDir: 'bar',
      barGrouping: 'percentStacked',
      barGapWidthPct: 50,
      chartColors: [...speeds, 'B8BEC6'],
      valAxisLabelFormatCode: this.percentCode,
      valAxisTitle: plainText(t('chart.buckets.axis')),
      showValAxisTitle: true,
    });
    this.caption(slide, t('chart.buckets.caption'));
  }

  private trendSlide(): void {
    const { metrics, t, format } = this.inputs;
    const trend = trendSeries(metrics, (month) => format.shortMonth(month));
    if (!trend) return;
    const slide = this.contentSlide(t('section.trend'));
    const colours = trend.rate.series.map((series) => this.colourOf(series.name));
    const half = (CONTENT_W - 0.3) / 2;
    const lines = { lineSize: 2, lineDataSymbol: 'circle' as const, lineDataSymbolSize: 5, chartColors: colours, displayBlanksAs: 'gap', catAxisLabelRotate: -45 };
    slide.addChart(this.pptx.ChartType.line, chartData(trend.rate), {
      ...this.chartFrame(t('chart.trend.rateAxis')),
      ...lines,
      w: half,
      valAxisMinVal: 0,
      valAxisMaxVal: 1,
      valAxisLabelFormatCode: this.percentCode,
    });
    slide.addChart(this.pptx.ChartType.line, chartData(trend.hours), {
      ...this.chartFrame(t('chart.trend.timeTitle')),
      ...lines,
      x: LEFT + half + 0.3,
      w: half,
      valAxisMinVal: 0,
      valAxisLabelFormatCode: '0',
    });
    this.caption(slide, t('deck.trendCaption', { timezone: metrics.period.timezone }));
  }

  private replyBroadcastSlide(): void {
    const { metrics, t } = this.inputs;
    const table = replyBroadcastSeries(metrics, { replies: t('chart.replyBroadcast.replies'), broadcasts: t('chart.replyBroadcast.broadcasts') });
    if (table.labels.length === 0) return;
    const slide = this.contentSlide(t('section.replyBroadcast'));
    slide.addChart(this.pptx.ChartType.bar, chartData(reversed(table)), {
      ...this.chartFrame(t('chart.replyBroadcast.title')),
      barDir: 'bar',
      barGrouping: 'percentStacked',
      barGapWidthPct: 50,
      chartColors: [this.primary, 'B8BEC6'],
      valAxisLabelFormatCode: this.percentCode,
      valAxisTitle: plainText(t('chart.replyBroadcast.axis')),
      showValAxisTitle: true,
    });
    this.caption(slide, t('chart.replyBroadcast.caption'));
  }

  private shareOfVoiceSlide(): void {
    const { metrics, t } = this.inputs;
    const table = shareOfVoiceSeries(metrics, t('leaderboard.shareOfVoice'));
    if (table.labels.length === 0) return;
    const slide = this.contentSlide(t('section.shareOfVoice'));
    slide.addChart(this.pptx.ChartType.doughnut, chartData(table), {
      ...this.chartFrame(t('chart.shareOfVoice.title')),
      legendPos: 'r',
      holeSize: 50,
      chartColors: table.labels.map(this.colourOf),
      showValue: true,
      showPercent: false,
      dataLabelColor: 'FFFFFF',
      dataLabelFontBold: true,
      dataLabelFontSize: 12,
      dataLabelFormatCode: this.percentCode,
    });
    this.caption(slide, t('deck.shareOfVoiceCaption'));
  }

  improvementSlides(): void {
    const { model, t } = this.inputs;
    for (const item of model.improvements) {
      const slide = this.contentSlide(t('section.improvements'));
      slide.addShape(this.pptx.ShapeType.rect, { x: LEFT, y: CONTENT_TOP + 0.05, w: 0.12, h: 0.5, fill: { color: this.accent }, line: { type: 'none' } });
      slide.addText(plainText(`${item.rank}. ${item.title}`), { ...this.text(), x: LEFT + 0.25, y: CONTENT_TOP, w: CONTENT_W - 0.25, h: 0.6, fontSize: 20, bold: true });
      slide.addText(this.improvementBody(item), { ...this.text(), x: LEFT + 0.25, y: CONTENT_TOP + 0.75, w: CONTENT_W - 0.25, h: 5.0, fontSize: 14, valign: 'top', fit: 'shrink' });
    }
  }

  private improvementBody(item: ImprovementItem): Pptx.default.TextProps[] {
    const { t, format } = this.inputs;
    const runs: Pptx.default.TextProps[] = [{ text: plainText(item.body), options: { breakLine: true, paraSpaceAfter: 10 } }];
    if (item.evidence.length > 0) {
      runs.push({ text: plainText(t('improvements.evidence')), options: { bold: true, breakLine: true, paraSpaceAfter: 4 } });
      for (const line of item.evidence) runs.push({ text: plainText(line), options: { bullet: true, breakLine: true, paraSpaceAfter: 4 } });
    }
    const examples = item.examples.slice(0, 3);
    if (examples.length > 0) {
      runs.push({ text: plainText(t('improvements.examples')), options: { bold: true, breakLine: true, paraSpaceBefore: 8, paraSpaceAfter: 4 } });
      for (const example of examples) {
        const when = Number.isNaN(Date.parse(example.createdAt)) ? '' : ` · ${format.dateTime(new Date(example.createdAt))}`;
        runs.push({ text: plainText(`@${example.author}${when}`), options: { fontSize: 11, color: MUTED, breakLine: true } });
        runs.push({ text: plainText(shortenText(example.text, 220)), options: { fontSize: 12, italic: true, breakLine: true, paraSpaceAfter: 6 } });
      }
    }
    return runs;
  }

  methodologySlide(): void {
    const { model, t } = this.inputs;
    const slide = this.contentSlide(t('section.methodology'));
    const half = (CONTENT_W - 0.4) / 2;
    const table = (heading: string, rows: LabelledValue[], x: number) =>
      slide.addTable(
        [
          [{ text: plainText(heading), options: { colspan: 2, bold: true, color: 'FFFFFF', fill: { color: this.primary } } }],
          ...rows.map((row): Pptx.default.TableRow => [{ text: plainText(row.label) }, { text: plainText(row.value), options: { align: 'right' } }]),
        ],
        { ...this.text(), x, y: CONTENT_TOP, w: half, colW: [half * 0.6, half * 0.4], fontSize: 12, border: { type: 'solid', pt: 0.5, color: RULE }, margin: 0.06 },
      );
    table(t('methodology.settings'), model.settings, LEFT);
    table(t('methodology.dataQuality'), model.dataQuality, LEFT + half + 0.4);
    const warnings = model.warnings.length > 0 ? model.warnings : [t('warning.none')];
    slide.addText(
      [
        { text: plainText(t('methodology.warnings')), options: { bold: true, fontSize: 13, breakLine: true, paraSpaceAfter: 4 } },
        ...warnings.map((warning) => ({ text: plainText(warning), options: { bullet: model.warnings.length > 0, breakLine: true } })),
      ],
      { ...this.text(), x: LEFT, y: 5.0, w: CONTENT_W, h: 1.85, fontSize: 11, valign: 'top', fit: 'shrink' },
    );
  }

  definitionSlides(): void {
    const { model, t } = this.inputs;
    const lengthOf = (definition: LabelledValue) => definition.label.length + definition.value.length;
    const total = model.definitions.reduce((sum, definition) => sum + lengthOf(definition), 0);
    // As many slides as the text needs, filled evenly (each definition on the slide its middle falls on) rather than the last one nearly empty.
    const parts = Math.max(1, Math.ceil(total / DEFINITION_CHARACTERS_PER_SLIDE));
    const slides: LabelledValue[][] = Array.from({ length: parts }, () => []);
    let before = 0;
    for (const definition of model.definitions) {
      const middle = before + lengthOf(definition) / 2;
      slides[Math.min(parts - 1, Math.floor((middle * parts) / Math.max(1, total)))]?.push(definition);
      before += lengthOf(definition);
    }
    const pages = slides.filter((page) => page.length > 0);
    pages.forEach((page, index) => {
      const title = pages.length > 1 ? t('deck.part', { title: t('methodology.definitions'), part: index + 1, parts: pages.length }) : t('methodology.definitions');
      const slide = this.contentSlide(title);
      slide.addText(
        page.flatMap((definition): Pptx.default.TextProps[] => [
          { text: plainText(definition.label), options: { bold: true, fontSize: 11, breakLine: true } },
          { text: plainText(definition.value), options: { fontSize: 10, breakLine: true, paraSpaceAfter: 6 } },
        ]),
        { ...this.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, h: 5.7, valign: 'top', fit: 'shrink' },
      );
    });
  }

  private contentSlide(title: string): Pptx.default.Slide {
    const slide = this.pptx.addSlide({ masterName: MASTER_CONTENT });
    slide.addText(plainText(title), { placeholder: 'title', lang: this.lang });
    return slide;
  }

  private text(): { fontFace: string; color: string; lang: string } {
    return { fontFace: FONT, color: INK, lang: this.lang };
  }

  private chartFrame(title: string): Pptx.default.IChartOpts {
    return {
      x: LEFT,
      y: CONTENT_TOP,
      w: CONTENT_W,
      h: 5.05,
      lang: this.lang,
      showTitle: true,
      title: plainText(title),
      titleFontFace: FONT,
      titleFontSize: 14,
      titleColor: INK,
      showLegend: true,
      legendPos: 'b',
      legendFontFace: FONT,
      legendFontSize: 11,
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: 11,
      catAxisLabelColor: INK,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 10,
      valAxisLabelColor: MUTED,
      valAxisTitleFontFace: FONT,
      valAxisTitleFontSize: 11,
      valAxisTitleColor: MUTED,
      valGridLine: { color: 'E4E7EB', size: 0.5, style: 'solid' },
    };
  }

  private caption(slide: Pptx.default.Slide, text: string): void {
    slide.addText(plainText(text), { ...this.text(), x: LEFT, y: 6.35, w: CONTENT_W, h: 0.55, fontSize: 11, color: MUTED, italic: true, valign: 'top' });
  }
}

/**
 * A table as pptxgenjs series. A null value stays empty in the chart's data
 * (pptxgenjs writes an empty point for it, drawn as a gap), which its
 * typings, asking for numbers, do not say.
 */
function chartData(table: ChartTable): Pptx.default.OptsChartData[] {
  return table.series.map((series) => ({ name: plainText(series.name), labels: table.labels.map(plainText), values: series.values as number[] }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result.length > 0 ? result : [[]];
}

/** "#0b5fff" or "#0bf" -> "0B5FFF", as pptxgenjs takes colours. */
export function hexColour(colour: string): string {
  const digits = colour.replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return /^[0-9a-f]{6}$/i.test(full) ? full.toUpperCase() : '7B8794';
}

/** The colour mixed with white: 0 = the colour, 1 = white. */
export function tint(colour: string, amount: number): string {
  const value = Number.parseInt(hexColour(colour), 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(c + (255 - c) * amount);
  };
  return [16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('').toUpperCase();
}
