import type { ImprovementItem } from '../advice/types.js';
import { TONE_COLOURS } from '../charts/palette.js';
import { COVERAGE_MARKS, LOW_SAMPLE_MARK } from '../model/coverage.js';
import { shortenText } from '../model/examples.js';
import { SECTION_CHARTS, SECTION_TITLES } from '../model/sections.js';
import { capitalised } from '../i18n/format.js';
import type { KpiTile, LabelledValue, MentionExample } from '../model/types.js';
import { hexColour, tint } from './colours.js';
import { chunks, CONTENT_BOTTOM, CONTENT_TOP, CONTENT_W, type Deck, LEFT, MUTED, RULE, type Slide, SLIDE_W, type TableCell, type TableRow, type TextRun } from './deck.js';
import { rasterLogo } from './image.js';
import { addNativeChart } from './nativeChart.js';
import { plainText } from '../../plain-text.js';

/*
 * One function per section of the template's manifest: the deck has every
 * section the PDF has, in the same order, each read from the report model.
 */

const TONE: Record<'good' | 'bad' | 'neutral', string> = { good: '0E7C3A', bad: 'B42318', neutral: MUTED };
const TABLE_ROWS_PER_SLIDE = 12;
const EXAMPLES_PER_SLIDE = 8;

export type SectionSlides = (deck: Deck, logoPng: string | null) => void;

export const SECTION_SLIDES: Record<string, SectionSlides> = {
  cover: coverSlide,
  summary: summarySlide,
  leaderboard: leaderboardSlides,
  scorecard: scorecardSlides,
  themes: themeSlides,
  improvements: improvementSlides,
  examples: exampleSlides,
  methodology: methodologySlides,
};

/** The slides of a section: its own builder, or its charts. A section the deck cannot draw (an agency's own HTML section) is left out. */
export function sectionSlides(section: string): SectionSlides | null {
  const charts = SECTION_CHARTS[section];
  if (charts) return (deck) => chartSlides(deck, section, charts);
  return SECTION_SLIDES[section] ?? null;
}

function sectionTitle(deck: Deck, section: string): string {
  return deck.t(SECTION_TITLES[section] ?? section);
}

function coverSlide(deck: Deck, logoPng: string | null): void {
  const { model, t } = deck;
  const slide = deck.titleSlide();
  slide.addText(plainText(model.title), { placeholder: 'title', lang: deck.lang });
  slide.addText(
    [
      { text: plainText(model.client.name), options: { fontSize: 34, bold: true, breakLine: true } },
      { text: plainText(model.period.label), options: { fontSize: 22, breakLine: true } },
      { text: plainText(t('report.timezone', { timezone: model.period.timezoneName })), options: { fontSize: 14 } },
    ],
    { ...deck.text(), x: LEFT, y: 1.95, w: CONTENT_W, h: 2.3, color: 'FFFFFF', valign: 'top', paraSpaceAfter: 6 },
  );
  const logo = rasterLogo(logoPng ?? model.agency.logoDataUrl);
  let textX = LEFT;
  if (logo) {
    const box = { w: 2.6, h: 1.3 };
    const scale = Math.min(box.w / logo.width, box.h / logo.height);
    const w = logo.width * scale;
    const h = logo.height * scale;
    slide.addImage({ data: logo.data, x: LEFT, y: 5.0 + (box.h - h) / 2, w, h, altText: plainText(model.agency.name ?? '') });
    textX = LEFT + box.w + 0.4;
  }
  const lines: TextRun[] = [];
  if (model.agency.name) lines.push({ text: plainText(t('report.preparedBy', { agency: model.agency.name })), options: { fontSize: 18, bold: true, breakLine: true } });
  lines.push({ text: plainText(model.generatedOn), options: { fontSize: 13, color: MUTED } });
  slide.addText(lines, { ...deck.text(), x: textX, y: 5.0, w: SLIDE_W - textX - LEFT, h: 1.3, valign: 'middle' });
}

/** The marks a tile flag opens with ("† Fewer than 30 …"), as the model prints them; a flag without one (a range's) is printed whole in its tile. */
const MARKS = new Set([LOW_SAMPLE_MARK, ...Object.values(COVERAGE_MARKS)]);

function flagMark(flag: string): string | null {
  const [mark] = flag.split(' ');
  return mark !== undefined && MARKS.has(mark) ? mark : null;
}

/**
 * The words of the tiles' marks, each once. A mark that stands for two things (†: fewer than 30 mentions under a rate,
 * fewer than 30 answered mentions under a time) names the tiles each applies to.
 */
function tileLegend(kpis: readonly KpiTile[]): string[] {
  const flags = [...new Set(kpis.flatMap((kpi) => kpi.flags.filter((flag) => flagMark(flag) !== null)))];
  return flags.map((flag) => {
    const shared = flags.some((other) => other !== flag && flagMark(other) === flagMark(flag));
    if (!shared) return flag;
    return `${flag} (${kpis.filter((kpi) => kpi.flags.includes(flag)).map((kpi) => kpi.label).join(', ')})`;
  });
}

function summarySlide(deck: Deck): void {
  const { model, t } = deck;
  const slide = deck.contentSlide(t('section.summary'));
  slide.addText(plainText(t('summary.kpis', { client: model.client.name })), { ...deck.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, h: 0.35, fontSize: 14, bold: true });
  const gap = 0.15;
  const count = Math.max(1, model.kpis.length);
  const tileW = (CONTENT_W - gap * (count - 1)) / count;
  const tileTop = CONTENT_TOP + 0.45;
  const tileH = 1.95;
  // Each part of a tile in a band of its own, so a part that wraps in one tile (a long label, "+15.7 pts vs September 2025") moves nothing in the others:
  // the label (two lines, set on the bottom one), the figure, the change (two lines), then the rank and flags.
  const bands = { label: 0.45, figure: 0.5, change: 0.4 };
  const figureTop = tileTop + bands.label;
  const changeTop = figureTop + bands.figure;
  const restTop = changeTop + bands.change;
  // pptxgenjs reads a margin list as left, right, bottom, top.
  const margin = (top: number, bottom: number): [number, number, number, number] => [8, 8, bottom, top];
  model.kpis.forEach((kpi, index) => {
    const x = LEFT + index * (tileW + gap);
    const box = { ...deck.text(), x, w: tileW };
    slide.addShape(deck.pptx.ShapeType.rect, { x, y: tileTop, w: tileW, h: tileH, fill: { color: tint(deck.primary, 0.92) }, line: { type: 'none' } });
    deck.fittedText(slide, plainText(kpi.label), { ...box, y: tileTop, h: bands.label, valign: 'bottom', margin: margin(6, 2), fontSize: 11, color: MUTED });
    deck.fittedText(slide, plainText(kpi.value), { ...box, y: figureTop, h: bands.figure, valign: 'middle', margin: margin(0, 0), fontSize: 26, bold: true, color: deck.primary });
    if (kpi.change) deck.fittedText(slide, plainText(kpi.change.text), { ...box, y: changeTop, h: bands.change, valign: 'top', margin: margin(2, 0), fontSize: 10, color: TONE[kpi.change.tone] });
    const rest: TextRun[] = [];
    if (kpi.note) rest.push({ text: plainText(kpi.note), options: { fontSize: 10, color: MUTED, breakLine: true } });
    // A tile holds its flags' marks; their words are said once under the findings (two flags in full shrank a tile's type to 5 pt).
    const marks = kpi.flags.flatMap((flag) => flagMark(flag) ?? []);
    if (marks.length > 0) rest.push({ text: marks.join(' '), options: { fontSize: 11, color: MUTED, breakLine: true } });
    for (const flag of kpi.flags.filter((candidate) => flagMark(candidate) === null)) rest.push({ text: plainText(flag), options: { fontSize: 9, color: MUTED, breakLine: true } });
    if (rest.length > 0) deck.fittedText(slide, rest, { ...box, y: restTop, h: tileTop + tileH - restTop, valign: 'top', margin: margin(2, 6), paraSpaceAfter: 3 });
  });
  const legend = tileLegend(model.kpis);
  const notes = [...(legend.length > 0 ? [legend.join(' · ')] : []), ...model.kpiNotes];
  const findingsTop = CONTENT_TOP + 2.55;
  if (model.findings.length > 0) {
    slide.addText(plainText(t('summary.findings')), { ...deck.text(), x: LEFT, y: findingsTop, w: CONTENT_W, h: 0.35, fontSize: 14, bold: true });
    deck.fittedText(
      slide,
      model.findings.map((finding) => ({ text: plainText(finding), options: { bullet: { type: 'number' as const }, breakLine: true } })),
      { ...deck.text(), x: LEFT, y: findingsTop + 0.4, w: CONTENT_W, h: (notes.length > 0 ? 5.8 : CONTENT_BOTTOM) - findingsTop - 0.4, fontSize: 13, valign: 'top', paraSpaceAfter: 6 },
    );
  }
  deck.notes(slide, notes, 5.85);
}

function headerCell(deck: Deck, text: string, align: 'left' | 'right' | 'center', fontSize?: number): TableCell {
  return { text: plainText(text), options: { bold: true, color: 'FFFFFF', fill: { color: deck.primary }, valign: 'bottom', align, ...(fontSize ? { fontSize } : {}) } };
}

function leaderboardSlides(deck: Deck): void {
  const { model, t } = deck;
  const board = model.leaderboard;
  const rateColumn = board.columns.findIndex((column) => column.hint !== null);
  const header: TableRow = [];
  // Headers a size under the figures: a column an inch wide breaks a long word of Spanish or French at 12 pt ("Respondida|s en 1 h").
  board.columns.forEach((column, index) => {
    header.push(headerCell(deck, column.label, index === 0 ? 'left' : 'right', 10));
    // The hint is a subtitle in the PDF ("intervalo del 95 %"); here it heads a column of its own.
    if (index === rateColumn && column.hint) header.push(headerCell(deck, capitalised(column.hint, deck.lang), 'right', 10));
  });
  const rows: TableRow[] = board.rows.map((row) => {
    const fill = row.isClient ? { fill: { color: tint(deck.primary, 0.88) } } : {};
    const cells: TableRow = [{ text: plainText(row.brandName), options: { bold: row.isClient, ...fill } }];
    row.cells.forEach((cell, index) => {
      const runs: TableCell[] = [{ text: plainText(cell.text), options: { bold: row.isClient } }];
      if (cell.rank !== null) runs.push({ text: ` ${plainText(cell.rank)}`, options: { fontSize: 8, color: MUTED } });
      cells.push({ text: runs, options: { align: 'right', ...fill } });
      // Leaderboard cells follow the columns after the brand one.
      if (index + 1 === rateColumn) cells.push({ text: plainText(row.interval), options: { align: 'right', color: MUTED, ...fill } });
    });
    return cells;
  });
  const brandW = 2.3;
  const colW = [brandW, ...Array.from({ length: header.length - 1 }, () => (CONTENT_W - brandW) / (header.length - 1))];
  const pages = chunks(rows, TABLE_ROWS_PER_SLIDE);
  pages.forEach((page, index) => {
    const slide = deck.contentSlide(pages.length > 1 ? t('deck.part', { title: t('section.leaderboard'), part: index + 1, parts: pages.length }) : t('section.leaderboard'));
    deck.table(slide, [header, ...page], {
      ...deck.text(),
      x: LEFT,
      y: CONTENT_TOP,
      w: CONTENT_W,
      colW,
      fontSize: page.length > 8 ? 10 : 12,
      rowH: [0.6, ...page.map(() => (page.length > 8 ? 0.34 : 0.42))],
      border: { type: 'solid', pt: 0.5, color: RULE },
      margin: 0.05,
      valign: 'middle',
    });
    if (index === pages.length - 1) deck.tableNotes(slide, model.leaderboardNotes, 5.3, t('section.leaderboard'));
  });
}

/** The scorecard as a native table: ✓ ≈ ✗ ○ cells in the PDF's colours, each brand's sample under its name, the competitor median last. */
function scorecardSlides(deck: Deck): void {
  const { model, t } = deck;
  const card = model.scorecard;
  if (!card) return;
  const header: TableRow = [headerCell(deck, t('leaderboard.brand'), 'left'), ...card.columns.map((column) => headerCell(deck, column.label, 'center'))];
  const body: TableRow[] = card.rows.map((row) => [
    {
      text: [
        { text: plainText(row.brandName), options: { bold: row.isClient, breakLine: true } },
        { text: plainText(row.sample), options: { fontSize: 8, color: MUTED } },
      ],
      options: row.isClient ? { fill: { color: tint(deck.primary, 0.88) } } : {},
    },
    ...row.cells.map((cell): TableCell => {
      const colours = cell.tone ? TONE_COLOURS[cell.tone] : null;
      const runs: TableCell[] = [];
      if (cell.symbol) runs.push({ text: `${cell.symbol} `, options: { bold: true, color: hexColour(colours?.ink ?? '#52606D') } });
      runs.push({ text: plainText(cell.text), options: { bold: row.isClient, breakLine: cell.reasonText !== null } });
      if (cell.rank) runs.push({ text: ` ${plainText(cell.rank)}`, options: { fontSize: 8, color: MUTED } });
      if (cell.reasonText) runs.push({ text: plainText(cell.reasonText), options: { fontSize: 8, color: MUTED } });
      return { text: runs, options: { align: 'center', ...(colours ? { fill: { color: hexColour(colours.fill) } } : {}) } };
    }),
  ]);
  const median: TableRow = [
    { text: plainText(t('scorecard.median')), options: { bold: true } },
    ...card.medians.map((value, index): TableCell => ({
      text: [
        { text: plainText(value), options: { bold: true, breakLine: true } },
        { text: plainText(card.medianNotes[index] ?? ''), options: { fontSize: 8, color: MUTED } },
      ],
      options: { align: 'center' },
    })),
  ];
  const brandW = 1.9;
  const colW = [brandW, ...card.columns.map(() => (CONTENT_W - brandW) / Math.max(1, card.columns.length))];
  const pages = chunks(body, 8);
  pages.forEach((page, index) => {
    const slide = deck.contentSlide(pages.length > 1 ? t('deck.part', { title: t('section.scorecard'), part: index + 1, parts: pages.length }) : t('section.scorecard'));
    const rows = index === pages.length - 1 ? [header, ...page, median] : [header, ...page];
    deck.table(slide, rows, { ...deck.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, colW, fontSize: 9, border: { type: 'solid', pt: 0.5, color: RULE }, margin: 0.04, valign: 'middle' });
    if (index === pages.length - 1) deck.tableNotes(slide, [card.legend.map((item) => `${item.symbol} ${item.text}`).join(' · '), ...card.notes], 5.2, t('section.scorecard'));
  });
}

/** A chart section: a slide per chart, its native charts side by side (a heat map's tables one above the other), caption and notes under them. */
function chartSlides(deck: Deck, section: string, charts: readonly string[]): void {
  // A section of several charts names each on its slide: the sentiment and influencer slides drew the same two chart titles under one heading.
  const drawn = charts.filter((id) => deck.model.charts[id]).length;
  for (const id of charts) {
    const figure = deck.model.charts[id];
    if (!figure) continue;
    const slide = deck.contentSlide(drawn > 1 ? deck.sectionPart(sectionTitle(deck, section), figure.title) : sectionTitle(deck, section));
    const notesTop = 6.0;
    if (figure.native.length === 0) {
      slide.addText(
        [
          { text: plainText(figure.title), options: { bold: true, fontSize: 16, breakLine: true, paraSpaceAfter: 10 } },
          ...deck.paragraphs([figure.empty ?? '', ...figure.notes], { fontSize: 14, color: MUTED }),
        ],
        { ...deck.text(), x: LEFT, y: CONTENT_TOP + 0.3, w: CONTENT_W, h: 3, valign: 'top' },
      );
      continue;
    }
    const height = notesTop - CONTENT_TOP - 0.1;
    const stacked = figure.native.every((chart) => chart.kind === 'heat');
    figure.native.forEach((chart, index) => {
      const count = figure.native.length;
      const frame = stacked
        ? { x: LEFT, y: CONTENT_TOP + (index * height) / count, w: CONTENT_W, h: height / count - 0.1 }
        : { x: LEFT + (index * CONTENT_W) / count, y: CONTENT_TOP, w: CONTENT_W / count - (count > 1 ? 0.15 : 0), h: height };
      addNativeChart(deck, slide, chart, frame);
    });
    deck.notes(slide, [figure.deckCaption, ...figure.notes], notesTop);
  }
}

/** What people write about: the client's subjects as a table with verdict cells, the rising ones under it, then the subject × brand chart. */
function themeSlides(deck: Deck): void {
  const { model, t } = deck;
  const section = model.themes;
  if (!section) return;
  const slide = deck.contentSlide(t('section.themes'));
  const headings = [t('themes.theme'), t('themes.mentions'), t('themes.change'), t('themes.rate', { client: model.client.name }), t('themes.time'), t('themes.competitorRate'), t('themes.competitorTime')];
  const header: TableRow = headings.map((text, index) => headerCell(deck, text, index === 0 ? 'left' : 'right'));
  const rows: TableRow[] = section.rows.map((row) => {
    const colours = row.tone ? TONE_COLOURS[row.tone] : null;
    const rate: TableCell[] = [];
    if (row.symbol) rate.push({ text: `${row.symbol} `, options: { bold: true, color: hexColour(colours?.ink ?? '#52606D') } });
    // A run without options starts a paragraph of its own in pptxgenjs: the verdict would sit on a line above its figure.
    rate.push({ text: plainText(row.rate), options: {} });
    return [
      { text: [{ text: plainText(row.name), options: { bold: true, breakLine: true } }, { text: plainText(row.source), options: { fontSize: 8, color: MUTED } }] },
      { text: [{ text: plainText(row.mentions), options: { breakLine: true } }, { text: plainText(row.share), options: { fontSize: 8, color: MUTED } }], options: { align: 'right' } },
      { text: plainText(row.change), options: { align: 'right' } },
      { text: rate, options: { align: 'right', ...(colours ? { fill: { color: hexColour(colours.fill) } } : {}) } },
      { text: plainText(row.time), options: { align: 'right' } },
      { text: plainText(row.competitorRate), options: { align: 'right' } },
      { text: plainText(row.competitorTime), options: { align: 'right' } },
    ];
  });
  deck.table(slide, [header, ...rows], { ...deck.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, colW: [2.6, ...headings.slice(1).map(() => (CONTENT_W - 2.6) / (headings.length - 1))], fontSize: 10, border: { type: 'solid', pt: 0.5, color: RULE }, margin: 0.05, valign: 'middle' });
  const rising = section.rising.length > 0;
  deck.notes(slide, rising ? [section.risingRule, ...section.notes] : section.notes, 5.0, rising ? { title: t('themes.risingTitle'), lines: section.rising } : undefined);
  chartSlides(deck, 'themes', ['themes']);
}

function improvementSlides(deck: Deck): void {
  const { model, t } = deck;
  for (const item of model.improvements) {
    const slide = deck.contentSlide(t('section.improvements'));
    slide.addShape(deck.pptx.ShapeType.rect, { x: LEFT, y: CONTENT_TOP + 0.05, w: 0.12, h: 0.5, fill: { color: deck.accent }, line: { type: 'none' } });
    slide.addText(plainText(`${item.rank}. ${item.title}`), { ...deck.text(), x: LEFT + 0.25, y: CONTENT_TOP, w: CONTENT_W - 0.25, h: 0.6, fontSize: 20, bold: true });
    deck.fittedText(slide, improvementBody(deck, item), { ...deck.text(), x: LEFT + 0.25, y: CONTENT_TOP + 0.75, w: CONTENT_W - 0.25, h: 5.0, fontSize: 14, valign: 'top' });
  }
}

function improvementBody(deck: Deck, item: ImprovementItem): TextRun[] {
  const { t } = deck;
  const runs: TextRun[] = [{ text: plainText(item.body), options: { breakLine: true, paraSpaceAfter: 10 } }];
  if (item.evidence.length > 0) {
    runs.push({ text: plainText(t('improvements.evidence')), options: { bold: true, breakLine: true, paraSpaceAfter: 4 } });
    for (const line of item.evidence) runs.push({ text: plainText(line), options: { bullet: true, breakLine: true, paraSpaceAfter: 4 } });
  }
  const examples = item.examples.slice(0, 3);
  if (examples.length > 0) {
    runs.push({ text: plainText(t('improvements.examples')), options: { bold: true, breakLine: true, paraSpaceBefore: 8, paraSpaceAfter: 4 } });
    for (const example of examples) {
      runs.push({ text: plainText(`@${example.author}`), options: { fontSize: 11, color: MUTED, breakLine: true } });
      runs.push({ text: plainText(shortenText(example.text, 220)), options: { fontSize: 12, italic: true, breakLine: true, paraSpaceAfter: 6 } });
    }
  }
  return runs;
}

/** The mentions to look at: the oldest unanswered and the slowest answered, as tables. */
function exampleSlides(deck: Deck): void {
  const { model, t } = deck;
  const groups: Array<{ title: string; intro: string; rows: MentionExample[]; note: string | null }> = [
    { title: t('examples.unanswered'), intro: t('examples.unansweredIntro', { client: model.client.name }), rows: model.unanswered, note: model.unansweredNote },
    { title: t('examples.slowest'), intro: t('examples.slowestIntro', { client: model.client.name }), rows: model.slowest, note: null },
  ];
  for (const group of groups) {
    const pages = chunks(group.rows, EXAMPLES_PER_SLIDE);
    pages.forEach((page, index) => {
      const slide = deck.contentSlide(deck.sectionPart(t('section.examples'), pages.length > 1 ? t('deck.part', { title: group.title, part: index + 1, parts: pages.length }) : group.title));
      slide.addText(plainText(group.intro), { ...deck.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, h: 0.4, fontSize: 12, color: MUTED });
      if (page.length === 0) {
        slide.addText(plainText(group.note ?? t('examples.none')), { ...deck.text(), x: LEFT, y: CONTENT_TOP + 0.5, w: CONTENT_W, h: 0.5, fontSize: 14 });
        return;
      }
      const header: TableRow = [headerCell(deck, t('examples.when'), 'left'), headerCell(deck, t('examples.text'), 'left'), headerCell(deck, t('examples.detail'), 'left')];
      const rows: TableRow[] = page.map((row) => [
        { text: [{ text: plainText(row.when), options: { breakLine: true } }, { text: plainText(`${row.author} · ${row.platform}`), options: { fontSize: 8, color: MUTED } }] },
        { text: plainText(row.text) },
        { text: plainText(row.detail), options: { color: MUTED } },
      ]);
      deck.table(slide, [header, ...rows], { ...deck.text(), x: LEFT, y: CONTENT_TOP + 0.45, w: CONTENT_W, colW: [2.2, CONTENT_W - 4.4, 2.2], fontSize: 10, border: { type: 'solid', pt: 0.5, color: RULE }, margin: 0.05, valign: 'top', autoPage: false });
      if (group.note) deck.notes(slide, [group.note], 6.3);
    });
  }
}

/** A weekly schedule ("Mon–Fri 08:00–22:00; Sat 10:00–18:00") one group of days per line: the narrow column would break inside a time range. */
function scheduleLines(value: string, separator: string): TextRun[] {
  const parts = value.split(separator);
  return parts.map((part, index) => ({ text: plainText(part), options: { breakLine: index < parts.length - 1 } }));
}

function methodologySlides(deck: Deck): void {
  const { model, t } = deck;
  const slide = deck.contentSlide(t('section.methodology'));
  const half = (CONTENT_W - 0.4) / 2;
  const pairs = (heading: string, rows: LabelledValue[], x: number, labelShare = 0.6, rowH?: number) =>
    deck.table(slide, 
      [
        [{ text: plainText(heading), options: { colspan: 2, bold: true, color: 'FFFFFF', fill: { color: deck.primary } } }],
        ...rows.map((row): TableRow => [{ text: plainText(row.label) }, { text: scheduleLines(row.value, t('format.listSeparator')), options: { align: 'right' } }]),
      ],
      { ...deck.text(), x, y: CONTENT_TOP, w: half, colW: [half * labelShare, half * (1 - labelShare)], ...(rowH ? { rowH } : {}), fontSize: 11, border: { type: 'solid', pt: 0.5, color: RULE }, margin: 0.05 },
    );
  pairs(t('methodology.settings'), model.settings, LEFT);
  // The data quality's rows, a label and a count, are one line each: drawn at a fixed height, the room under them is known.
  pairs(t('methodology.dataQuality'), model.dataQuality, LEFT + half + 0.4, 0.8, PAIR_ROW_H);
  const filesTop = CONTENT_TOP + (model.dataQuality.length + 1) * PAIR_ROW_H + 0.3;
  if (filesTop + (model.importedFiles.length + 2) * FILE_ROW_H + (model.importedFilesMore ? 0.3 : 0) <= CONTENT_BOTTOM) filesTable(deck, slide, { x: LEFT + half + 0.4, y: filesTop, w: half });
  else filesTable(deck, deck.contentSlide(deck.sectionPart(t('section.methodology'), t('methodology.files'))), { x: LEFT, y: CONTENT_TOP, w: CONTENT_W });
  // Not under the settings: they grow with each brand's business hours, and a table's height is known only once it is drawn.
  const warnings = model.warnings.length > 0 ? model.warnings : [t('warning.none')];
  const lines: TextRun[] = [
    ...warnings.map((warning) => ({ text: plainText(warning), options: { bullet: model.warnings.length > 0, breakLine: true, paraSpaceAfter: 6 } })),
    ...model.absent.map((line) => ({ text: plainText(line), options: { bullet: true, breakLine: true, paraSpaceAfter: 6 } })),
  ];
  const below = coverageSlide(deck);
  // Under the coverage table when a few lines fit there; a slide of their own otherwise (one line on a slide read as a slide left empty).
  if (below && CONTENT_BOTTOM - below.top >= WARNINGS_MIN_HEIGHT && lines.length <= 4) {
    deck.fittedText(below.slide, [{ text: plainText(t('methodology.warnings')), options: { bold: true, breakLine: true, paraSpaceAfter: 4 } }, ...lines], { ...deck.text(), x: LEFT, y: below.top, w: CONTENT_W, h: CONTENT_BOTTOM - below.top, fontSize: 12, valign: 'top' });
  } else {
    deck.fittedText(deck.contentSlide(deck.sectionPart(t('section.methodology'), t('methodology.warnings'))), lines, { ...deck.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, h: CONTENT_BOTTOM - CONTENT_TOP, fontSize: 14, valign: 'top' });
  }
  definitionSlides(deck);
}

/** A row of the settings and data-quality tables, and of the files imported, in inches (one line at 11 and 9 pt). */
const PAIR_ROW_H = 0.3;
const FILE_ROW_H = 0.27;

/** The files the report rests on, as the PDF's appendix lists them: name, export tool, rows read, imported and rejected. */
function filesTable(deck: Deck, slide: Slide, frame: { x: number; y: number; w: number }): void {
  const { model, t } = deck;
  if (model.importedFiles.length === 0) {
    slide.addText(plainText(t('methodology.noFiles')), { ...deck.text(), ...frame, h: 0.4, fontSize: 11, color: MUTED });
    return;
  }
  const headings = ['methodology.file', 'methodology.format', 'methodology.rowsRead', 'methodology.imported', 'methodology.duplicates', 'methodology.rejected'];
  const title: TableRow = [{ text: plainText(t('methodology.files')), options: { colspan: headings.length, bold: true, color: 'FFFFFF', fill: { color: deck.primary } } }];
  // Heads a size smaller than the rows: a one-word head ("Rechazadas", "Duplicadas") fits its column without breaking inside the word.
  const header: TableRow = headings.map((key, index) => ({ text: plainText(t(key)), options: { bold: true, color: MUTED, fontSize: 8, align: index < 2 ? ('left' as const) : ('right' as const) } }));
  const rows: TableRow[] = model.importedFiles.map((file) =>
    [file.file, file.format, file.rowsRead, file.imported, file.duplicates, file.rejected].map((text, index) => ({ text: plainText(text), options: { align: index < 2 ? ('left' as const) : ('right' as const) } })),
  );
  const colW = [0.3, 0.14, 0.14, 0.14, 0.14, 0.14].map((share) => frame.w * share);
  deck.table(slide, [title, header, ...rows], { ...deck.text(), ...frame, colW, rowH: FILE_ROW_H, fontSize: 9, border: { type: 'solid', pt: 0.5, color: RULE }, margin: 0.04, valign: 'middle' });
  if (model.importedFilesMore) slide.addText(plainText(model.importedFilesMore), { ...deck.text(), x: frame.x, y: frame.y + (rows.length + 2) * FILE_ROW_H + 0.05, w: frame.w, h: 0.3, fontSize: 9, color: MUTED });
}

/** The height the warnings need under the coverage table, in inches: their heading and a few lines. */
const WARNINGS_MIN_HEIGHT = 1.6;
/** The coverage table's header (titles of up to three lines) and rows, in inches, as drawn at 10 pt. */
const COVERAGE_HEADER_H = 0.65;
const COVERAGE_ROW_H = 0.32;

/** What each brand's figures rest on, with its data span: the PDF's coverage table; where the room under it starts. */
function coverageSlide(deck: Deck): { slide: Slide; top: number } | null {
  const { model, t } = deck;
  if (model.coverage.length === 0) return null;
  const slide = deck.contentSlide(t('methodology.coverage'));
  deck.fittedText(slide, plainText(t('methodology.coverageIntro')), { ...deck.text(), x: LEFT, y: CONTENT_TOP, w: CONTENT_W, h: 0.6, fontSize: 11, color: MUTED, valign: 'top' });
  const headings = ['leaderboard.brand', 'coverage.brandPosts', 'coverage.inboundMeasured', 'coverage.noAnswer', 'coverage.span', 'coverage.days', 'coverage.listedResponsesMissing', 'coverage.repliesWithMissingParent'];
  const header: TableRow = headings.map((key, index) => headerCell(deck, t(key), index === 0 ? 'left' : 'right'));
  const rows: TableRow[] = model.coverage.map((row) =>
    [row.brandName, row.brandPosts, row.inboundMeasured, row.noAnswer, row.span, row.days, row.listedResponsesMissing, row.repliesWithMissingParent].map((text, index) => ({
      text: plainText(text),
      options: { align: index === 0 ? ('left' as const) : ('right' as const) },
    })),
  );
  const tableTop = CONTENT_TOP + 0.7;
  deck.table(slide, [header, ...rows], {
    ...deck.text(),
    x: LEFT,
    y: tableTop,
    w: CONTENT_W,
    colW: [2.0, ...headings.slice(1).map(() => (CONTENT_W - 2.0) / (headings.length - 1))],
    rowH: [COVERAGE_HEADER_H, ...rows.map(() => COVERAGE_ROW_H)],
    fontSize: 10,
    border: { type: 'solid', pt: 0.5, color: RULE },
    margin: 0.05,
  });
  return { slide, top: tableTop + COVERAGE_HEADER_H + rows.length * COVERAGE_ROW_H + 0.3 };
}

/** The plain-language definitions: one slide, in two columns. */
function definitionSlides(deck: Deck): void {
  const { model, t } = deck;
  if (model.definitions.length === 0) return;
  const slide = deck.contentSlide(t('methodology.definitions'));
  const half = Math.ceil(model.definitions.length / 2);
  const columnW = (CONTENT_W - 0.4) / 2;
  [model.definitions.slice(0, half), model.definitions.slice(half)].forEach((column, index) => {
    deck.fittedText(
      slide,
      column.flatMap((definition): TextRun[] => [
        { text: plainText(definition.label), options: { bold: true, fontSize: 12, breakLine: true } },
        { text: plainText(definition.value), options: { fontSize: 11, breakLine: true, paraSpaceAfter: 8 } },
      ]),
      { ...deck.text(), x: LEFT + index * (columnW + 0.4), y: CONTENT_TOP, w: columnW, h: CONTENT_BOTTOM - CONTENT_TOP, valign: 'top' },
    );
  });
}
