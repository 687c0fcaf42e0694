import { TZDate } from '@date-fns/tz';

/*
 * The typed cells of the workbook's tables: the report model holds numbers
 * and dates as they are, each with the kind the workbook writer turns into
 * an Excel number format.
 */

/** How a cell's number is shown: each kind is one Excel number format. */
export type CellKind = 'text' | 'count' | 'share' | 'points' | 'relativeChange' | 'minutes' | 'ratio' | 'dateTime' | 'day' | 'month' | 'boolean';

export interface Cell {
  value: string | number | boolean | Date | null;
  kind: CellKind;
}

export const cell = {
  text: (value: string | null | undefined): Cell => ({ value: value ?? null, kind: 'text' }),
  count: (value: number | null | undefined): Cell => ({ value: value ?? null, kind: 'count' }),
  share: (value: number | null | undefined): Cell => ({ value: value ?? null, kind: 'share' }),
  /** A change in percentage points (15.7), signed. */
  points: (value: number | null | undefined): Cell => ({ value: value ?? null, kind: 'points' }),
  /** A relative change as a fraction (-0.032 for −3.2%), signed. */
  relativeChange: (value: number | null | undefined): Cell => ({ value: value ?? null, kind: 'relativeChange' }),
  minutes: (value: number | null | undefined): Cell => ({ value: value ?? null, kind: 'minutes' }),
  ratio: (value: number | null | undefined): Cell => ({ value: value ?? null, kind: 'ratio' }),
  boolean: (value: boolean | null | undefined): Cell => ({ value: value ?? null, kind: 'boolean' }),
  /** An instant as the wall-clock time of `timezone`: Excel dates have no zone. */
  dateTime: (instantMs: number | null, timezone: string): Cell => ({ value: instantMs === null ? null : wallClock(instantMs, timezone), kind: 'dateTime' }),
  day: (instantMs: number, timezone: string): Cell => ({ value: wallClock(instantMs, timezone), kind: 'day' }),
  /** "2017-10" as the first of that month. */
  month: (month: string): Cell => {
    const [year, number] = month.split('-').map(Number);
    return { value: new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 1)), kind: 'month' };
  },
};

/** exceljs writes a Date from its UTC fields, so the zone's wall-clock time goes into them. */
export function wallClock(instantMs: number, timezone: string): Date {
  const local = new TZDate(instantMs, timezone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}

