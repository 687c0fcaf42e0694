import type { ImprovementItem } from '../advice/types.js';
import type { Language } from '../i18n/language.js';
import type { Scorecard } from './scorecard.js';
import type { ThemesSection } from './themes.js';
import type { WorkbookModel } from './workbook.js';

export type Tone = 'good' | 'bad' | 'neutral';

export interface KpiTile {
  label: string;
  value: string;
  /** e.g. "+4.2 pts vs September 2017"; null when there is no previous period. */
  change: { text: string; tone: Tone } | null;
  note: string | null;
  /** Coverage warnings that touch the number, each a short line starting with its mark ("≥ Lower bound: …"). */
  flags: string[];
}

export interface LeaderboardCell {
  text: string;
  /** Rank among brands on this metric ("1" = best), shown small beside the value. */
  rank: string | null;
}

export interface LeaderboardRow {
  brandName: string;
  isClient: boolean;
  /** 95% interval of the response rate, shown under it. */
  interval: string;
  cells: LeaderboardCell[];
}

export interface Leaderboard {
  columns: Array<{ label: string; hint: string | null }>;
  rows: LeaderboardRow[];
}

export interface MentionExample {
  when: string;
  author: string;
  platform: string;
  /** Shortened plain text; the template escapes it. */
  text: string;
  /** e.g. "waiting 6.2 d" or "answered after 3.1 d". */
  detail: string;
}

export interface LabelledValue {
  label: string;
  value: string;
}

export interface ImportedFile {
  file: string;
  format: string;
  rowsRead: string;
  imported: string;
  /** Rows of posts the store already held (an earlier import, or earlier in the file): read, imported, these and rejected add up. */
  duplicates: string;
  rejected: string;
}

export interface CoverageRow {
  brandName: string;
  brandPosts: string;
  /** "40 of 50": inbound mentions measured (that need an answer), of all received. */
  inboundMeasured: string;
  /** Mass mentions and closers: kept in volume, left out of response figures. */
  noAnswer: string;
  /** "29 Oct – 31 Oct": the brand's first and last post of the period. */
  span: string;
  /** "3 of 31": the days of the period with data of the brand. */
  days: string;
  listedResponsesMissing: string;
  repliesWithMissingParent: string;
}

/** What a native chart's values are: fractions shown as percentages, counts, or hours. */
export type NativeUnit = 'share' | 'count' | 'hours';

export interface NativeSeries {
  name: string;
  /** One value per label; null is a gap. */
  values: Array<number | null>;
  colour: string;
}

/**
 * A chart as the deck draws it natively (a PowerPoint chart, or a table
 * for a heat map), built from the same rows as the PDF's chart: bars
 * (stacked to 100% or not, one colour per bar or per series, with an
 * interval drawn over them), lines, a doughnut, or a heat map.
 */
export interface NativeChart {
  kind: 'bar' | 'stacked-bar' | 'line' | 'doughnut' | 'heat';
  title: string;
  /** Bars: vertical columns or horizontal bars. */
  horizontal: boolean;
  /** Categories in order: brands, months, times or weekdays. */
  labels: string[];
  series: NativeSeries[];
  /** One colour per category, when a single series is coloured by brand. */
  categoryColours: string[] | null;
  /** The ends of a 95% interval per category, drawn over the bars. */
  interval: { low: Array<number | null>; high: Array<number | null> } | null;
  unit: NativeUnit;
  axisTitle: string | null;
  /** Heat map: the column headings (hours), and a fill per cell (rows as `labels`, one series per row). */
  columns: string[] | null;
  fills: string[][] | null;
  /** A heat map's cell texts as printed ("80% · 84"); null writes the values themselves. */
  cellLabels: string[][] | null;
  /** Lines: grey bars behind them, on an axis of their own at the right (the client's inbound mentions of each month, as the PDF's trend draws them). */
  volume: { name: string; axisTitle: string; values: Array<number | null> } | null;
  /** Lines: a value axis in powers of ten (the trend's median times, when every one is above 0). */
  logScale: boolean;
}

export interface ChartFigure {
  id: string;
  title: string;
  caption: string;
  /**
   * The caption under the deck's native chart, which draws less than the
   * PDF's (no count after each bar, no logarithmic time axis): the
   * template's `chart.<name>.deckCaption`, or `caption` when it has none.
   */
  deckCaption: string;
  /**
   * SVG markup produced by vega from the template's spec; vega escapes the
   * text it writes (brand names), and no mention text reaches charts. Null
   * when there is nothing to draw: `empty` says why, in place of the chart.
   */
  svg: string | null;
  empty: string | null;
  /** Sentences under the chart, e.g. why a panel is not drawn. */
  notes: string[];
  /** The same chart for the deck: one native chart per panel drawn; empty when there is nothing to draw. */
  native: NativeChart[];
}

/** Everything the HTML template shows, already formatted in the report's language. */
export interface ReportModel {
  language: Language;
  locale: string;
  title: string;
  agency: { name: string | null; logoDataUrl: string | null };
  client: { id: string; name: string };
  colors: { primary: string; accent: string };
  /** `timezoneName` as the reader knows the zone (Formatter.timezoneName). */
  period: { label: string; timezoneName: string; previousLabel: string | null };
  generatedOn: string;
  findings: string[];
  kpis: KpiTile[];
  /** The client's coverage sentences, under the headline numbers. */
  kpiNotes: string[];
  leaderboard: Leaderboard;
  /** How to read the table, then one sentence per coverage warning, each after its mark. */
  leaderboardNotes: string[];
  /** Every brand on each classic mistake against the competitor median; null when the metrics carry no diagnostics. */
  scorecard: Scorecard | null;
  charts: Record<string, ChartFigure>;
  unanswered: MentionExample[];
  /** Why mentions on some platforms are not among the unanswered ones (no posts of the client there); null when none is left out. */
  unansweredNote: string | null;
  slowest: MentionExample[];
  definitions: LabelledValue[];
  settings: LabelledValue[];
  dataQuality: LabelledValue[];
  importedFiles: ImportedFile[];
  importedFilesMore: string | null;
  warnings: string[];
  /** What the exports lack, so the report leaves it out, one line each ("Sentiment: not in these exports"). */
  absent: string[];
  /** What each brand's figures rest on (METRICS.md, "Coverage"); empty when the metrics carry no coverage. */
  coverage: CoverageRow[];
  improvements: ImprovementItem[];
  /** What people write about; null when the metrics carry no themes of the client. */
  themes: ThemesSection | null;
  /** The sections of the template's manifest that this report shows, in order (the PDF's pages and the deck's slides). */
  sections: string[];
  /** The workbook's tables (metrics.xlsx). */
  workbook: WorkbookModel;
  /** The analyst's notes (analyst-notes.xlsx): files, config keys, export columns; never sent to the client. */
  analystWorkbook: WorkbookModel;
}
