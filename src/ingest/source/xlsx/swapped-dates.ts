import { type Cell, columnLetters } from './sheet.js';

/** A date left as text, with day and month as its first two numbers: 13/11/25 19:17:06, 11-13-2025. */
const TEXT_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

const DIGIT = /^\s*\d/;

/** The rows a header is looked for in: report lines above it (Brandwatch) take a few. */
const HEADING_ROWS = 50;

interface ColumnDates {
  /** The first cell the spreadsheet holds as a date, and whether one has a day past the 12th (a swapped date never has). */
  firstDateRow: number | null;
  datePastTwelve: boolean;
  /** A text date that no reading could take the other way round (13/11/25 read month-first fails). */
  textDate: { row: number; text: string } | null;
}

export interface SwappedDates {
  column: string;
  /** The column's header as the sheet's top rows give it, when they do. */
  heading: string | null;
  dateRow: number;
  textRow: number;
  text: string;
}

/**
 * A CSV export opened in a spreadsheet and saved as a workbook: the program
 * read its dates in its own order (month first, say) and converted those
 * that fit, 09/11/25 becoming 11 September, while 13/11/25 fit no date and
 * stayed text. Such a column mixes date cells whose day and month are both at
 * most 12 with text dates that only the other order reads: every converted
 * cell then has day and month swapped, and nothing in the cell says so. The
 * cells as typed are watched row by row; a column like that is reported.
 */
export class SwappedDatesWatch {
  private readonly columns = new Map<number, ColumnDates>();
  /** The texts of the rows above the first row that holds a date, within HEADING_ROWS: the header is one of them. */
  private readonly topRows = new Map<number, Map<number, string>>();
  private firstDateRow = Number.POSITIVE_INFINITY;

  see(column: number, row: number, value: Cell): void {
    if (value instanceof Date) {
      const dates = this.column(column);
      dates.firstDateRow ??= row;
      this.firstDateRow = Math.min(this.firstDateRow, row);
      if (value.getUTCDate() > 12) dates.datePastTwelve = true;
      return;
    }
    if (typeof value !== 'string') return;
    if (!DIGIT.test(value)) {
      if (row <= HEADING_ROWS && row < this.firstDateRow) this.keepTopText(row, column, value);
      return;
    }
    if (value.length > 24) return;
    const match = TEXT_DATE.exec(value.trim());
    if (!match) return;
    this.firstDateRow = Math.min(this.firstDateRow, row);
    const dates = this.column(column);
    if (dates.textDate === null && (Number(match[1]) > 12 || Number(match[2]) > 12)) dates.textDate = { row, text: value };
  }

  /**
   * A column's header: its text in the row above the data that names the most
   * columns (a report line above it names one or two, a row of data holds
   * numbers and dates), the lower on ties.
   */
  private heading(column: number): string | null {
    let best: Map<number, string> | null = null;
    for (const [row, texts] of this.topRows) {
      if (row >= this.firstDateRow) continue;
      if (!best || texts.size >= best.size) best = texts;
    }
    return best?.get(column) ?? null;
  }

  private keepTopText(row: number, column: number, value: string): void {
    // The file's text, shown in a message: no control or direction characters, which would garble the terminal.
    const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
    if (text === '' || text.length > 60) return;
    let texts = this.topRows.get(row);
    if (!texts) {
      texts = new Map();
      this.topRows.set(row, texts);
    }
    texts.set(column, text);
  }

  /** The first column whose converted dates are swapped, if one is. */
  swapped(): SwappedDates | null {
    for (const [column, dates] of [...this.columns].sort(([a], [b]) => a - b)) {
      if (dates.firstDateRow !== null && !dates.datePastTwelve && dates.textDate) {
        return { column: columnLetters(column), heading: this.heading(column), dateRow: dates.firstDateRow, textRow: dates.textDate.row, text: dates.textDate.text };
      }
    }
    return null;
  }

  private column(column: number): ColumnDates {
    let dates = this.columns.get(column);
    if (!dates) {
      dates = { firstDateRow: null, datePastTwelve: false, textDate: null };
      this.columns.set(column, dates);
    }
    return dates;
  }
}
