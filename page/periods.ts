/** The months the client's data holds, and the period fields that offer them. */
import { api, type ClientSummary } from './api.js';
import { el } from './dom.js';
import { afterImport } from './exports.js';
import { language, t } from './language.js';

interface MonthWithData {
  month: string;
  posts: number;
  days: number;
  monthDays: number;
  complete: boolean;
}

/** The client's months with data, asked once per showing of the client and once after each import, whoever reads them. */
let monthsRead: { client: string; months: Promise<MonthWithData[]> } | null = null;

/** Forgets the months read, so the next reader asks again (another client shown, an import done). */
export function forgetMonths(): void {
  monthsRead = null;
}

export function monthsWithData(client: ClientSummary): Promise<MonthWithData[]> {
  if (monthsRead?.client !== client.id) {
    const read = { client: client.id, months: api<{ months: MonthWithData[] }>('GET', `/api/clients/${client.id}/periods`).then(({ months }) => months) };
    // A refusal (an import of the client running) is not kept: the next reader asks again.
    read.months.catch(() => {
      if (monthsRead === read) monthsRead = null;
    });
    monthsRead = read;
  }
  return monthsRead.months;
}

/** The newest month the data spans whole and fills at least half of (the partial-period rule); else the fullest. */
export function firstMonthOffered(months: MonthWithData[]): MonthWithData | undefined {
  const busiest = months.reduce<MonthWithData | undefined>((best, entry) => (best === undefined || entry.posts > best.posts ? entry : best), undefined);
  return months.find((entry) => entry.complete && entry.days * 2 >= entry.monthDays) ?? busiest;
}

/**
 * A period field offering the months that hold data (newest first, with their
 * posts and the days that hold posts); it starts on the newest month the data
 * spans whole and holds posts on at least half of its days (the newest is often the
 * current month, a few days in; a month's edge may hold a few late replies).
 * `name` is its label: the check's and the report's fields are told apart by it.
 */
export function periodInput(client: ClientSummary, section: string, name: string): HTMLElement {
  // An example of the shape a period has: last month, until the data offers its own months.
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  // Named by its label's text alone: the note beside it (nothing imported yet) is its description, not part of its name.
  const input = el('input', {
    name: 'period',
    list: `months-${section}`,
    placeholder: lastMonth.toISOString().slice(0, 7),
    'aria-labelledby': `period-${section}`,
    'aria-describedby': `no-data-${section}`,
  });
  const list = el('datalist', { id: `months-${section}` });
  // A month the page filled in follows the data (an import that brings newer months); one the user typed stays.
  let typed = false;
  input.addEventListener('input', () => {
    typed = input.value !== '';
  });
  const load = () =>
    monthsWithData(client)
      .then((months) => {
        const start = firstMonthOffered(months);
        if (!typed && start) input.value = start.month;
        if (start) input.placeholder = start.month;
        const label = (entry: MonthWithData) =>
          `${entry.month}${t('colon')}${entry.posts.toLocaleString(language)} ${t('postsWord')}, ${entry.days} ${t(entry.days === 1 ? 'dayWord' : 'daysWord')}`;
        list.replaceChildren(...months.map((entry) => el('option', { value: entry.month }, label(entry))));
        empty.textContent = months.length === 0 ? t('noDataYet') : '';
      })
      .catch(() => undefined);
  // Before any import there is nothing to check or report: said beside the field, instead of an error after a click.
  const empty = el('span', { class: 'note', 'data-note': 'no-data-yet', id: `no-data-${section}` });
  void load();
  afterImport.push(() => void load());
  return el('label', {}, el('span', { id: `period-${section}` }, name), el('span', {}, input, list, ' ', empty));
}

export function periodOf(field: HTMLElement): string {
  return field.querySelector('input')?.value.trim() ?? '';
}
