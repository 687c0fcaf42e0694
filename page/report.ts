/** Reports: a period and a language written into the client's reports, shown in the page, earlier ones listed. */
import { ApiRefusal, api, type ClientSummary, token } from './api.js';
import { act, actFrom, el, refusalNote, say } from './dom.js';
import { language, languageSelect, t } from './language.js';
import { periodInput, periodOf } from './periods.js';

export function reportSection(client: ClientSummary): HTMLElement {
  const period = periodInput(client, 'report', t('reportPeriod'));
  const lang = languageSelect({ name: 'report-language' }, client.language || language);
  const result = el('div', {});
  const run = el('button', { type: 'button' }, t('generate'));
  const withToken = (url: string) => `${url}?token=${encodeURIComponent(token)}`;
  // A report's files: the PDF, deck and workbook to download, the HTML to open, and the HTML shown in the page.
  const show = (written: { folder: string; files: Record<string, string | null> }) => {
    // The analyst's notes are the agency's, not the client's: named so, and last.
    const links = Object.entries(written.files).flatMap(([kind, url]) =>
      url ? [el('a', kind === 'html' ? { href: withToken(url), target: '_blank', rel: 'noopener' } : { href: withToken(url), download: '' }, kind === 'analystNotes' ? t('analystNotes') : kind.toUpperCase())] : [],
    );
    // Which report these are (period and language), as the list of earlier ones names it.
    result.replaceChildren(el('p', { class: 'files' }, el('strong', {}, written.folder), ` · ${t('reportFiles')} `, ...links), written.files.html ? el('iframe', { src: withToken(written.files.html), sandbox: '', title: t('report') }) : el('span'));
  };
  const reports = [...client.reports];
  const earlier = el('p', { class: 'earlier' });
  const listEarlier = () => {
    earlier.replaceChildren(...(reports.length > 0 ? [`${t('reports')}${t('colon')}`] : []));
    for (const folder of reports) {
      const open = el('button', { type: 'button', class: 'secondary', 'data-report': folder }, folder);
      open.addEventListener('click', () =>
        void act(async () => {
          show(await api('GET', `/api/clients/${client.id}/reports/${folder}`));
          say(t('reportShown').replace('{folder}', folder));
        }),
      );
      earlier.append(open, ' ');
    }
  };
  listEarlier();
  run.addEventListener('click', () =>
    void actFrom(run, async () => {
      const folder = `${periodOf(period).replace('..', '-to-')}-${lang.value}`;
      // The same period and language again replaces the earlier report: said before, not after.
      if (reports.includes(folder) && !window.confirm(t('replaceReport').replace('{folder}', folder))) return;
      const write = (anyway: boolean) =>
        api<{ folder: string; files: Record<string, string | null>; reports: string[] }>('POST', `/api/clients/${client.id}/reports`, {
          period: periodOf(period),
          language: lang.value,
          ...(anyway ? { allowUnmatchedHandles: true } : {}),
        });
      let written: { folder: string; files: Record<string, string | null>; reports: string[] };
      // The report shown before goes: beside a refused period, it would read as this one's.
      result.replaceChildren();
      try {
        written = await write(false);
      } catch (error) {
        // A handle most likely misspelt: said, and written anyway only when the analyst says so (a brand may have no data that month).
        if (!(error instanceof ApiRefusal && error.code === 'likely-typo' && window.confirm(`${error.message}\n\n${t('reportAnyway')}`))) {
          result.replaceChildren(refusalNote('report-refused', error));
          throw error;
        }
        written = await write(true);
      }
      show(written);
      say(t('reportWritten').replace('{folder}', written.folder));
      // In the server's order, the most recent period first: a report of an earlier month is not put first for being the latest written.
      reports.splice(0, reports.length, ...written.reports);
      listEarlier();
    }, client.id),
  );
  return el('section', { id: 'report' }, el('h2', {}, t('report')), period, el('label', {}, t('reportLanguage'), lang), run, result, earlier);
}
