/** Exports: the upload, its preview, the column mapper for a layout replybench does not know, and the import. */
import { api, type ClientSummary, uploadWithProgress } from './api.js';
import { act, actFrom, el, refusalNote, table } from './dom.js';
import { clientTime, labelOf, language, t } from './language.js';
import { forgetMonths } from './periods.js';
import { STRINGS } from './strings.js';

/** A generic mapping as the mapper edits it; without `platform`, each row's link says its network. */
type Mapping = { columns: Record<string, string>; date: { format: string }; platform?: string | { column: string }; delimiter?: string };

export interface Preview {
  previewId: string;
  file: string;
  /** The zone the preview read local times written without an offset in; the import reads them in it too. */
  timezone: string;
  /** The import of the same content before, if any. */
  alreadyImported?: { batchId: number; importedAt: string } | null;
  problem?: string;
  /** The import refused the file because its layout is unknown (the page says so in its words); else `problem` says why. */
  unknownLayout?: boolean;
  /** `savedMapping`: the file of an earlier export's mapping that `mapping` comes from, or null for the best guesses. */
  mapper: { fields: string[]; required: string[]; columns: string[]; platforms: string[]; mapping: Mapping; savedMapping: string | null } | null;
  preview: null | {
    format: { id: string; label: string };
    encoding: string;
    delimiter: string | null;
    rowsRead: number;
    wouldImport: number;
    /** Whether times that name no offset are read in the zone asked for (false: every time of the layout names its own). */
    readsLocalTimes: boolean;
    /** Of those, the posts the client's database holds already (0 before its first import; null when it cannot tell, and alreadyStoredUnknown says why). */
    alreadyStored: number | null;
    alreadyStoredUnknown: 'importing' | 'held-elsewhere' | 'unfinished-import' | 'other-store' | null;
    rejected: number;
    rejectedByReason: Record<string, number>;
    repeatedInFile: number;
    unreadDates: { examples: string[]; format: string | null; dayMonthAmbiguous: boolean } | null;
    datesDoubtful: boolean;
    warnings: string[];
    fields: Array<{ field: string; columns: string[]; constant: string | null }>;
    rows: Array<{ row: number; post: Record<string, string | number | null> | null; rejected: string | null }>;
    profile: {
      first: string | null;
      last: string | null;
      kinds: Record<string, number>;
      topAuthors: Array<{ handle: string; n: number }>;
      topRepliers: Array<{ handle: string; n: number }>;
      topMentioned: Array<{ handle: string; n: number }>;
      supports: string[];
    };
  };
}

export function exportsSection(client: ClientSummary): HTMLElement {
  const file = el('input', { type: 'file', name: 'file', accept: '.csv,.tsv,.txt,.xlsx,.zip', 'aria-label': t('exportFile') });
  // The client's own zone first (listening and care tools export local times in the account's zone; `replybench
  // import` reads them so in the client's folder too), or UTC; the preview says which it read them in.
  const zones = [...new Set([client.timezone, 'UTC'])];
  const zone = el('select', { name: 'local-times' }, ...zones.map((name) => el('option', { value: name }, name)));
  const result = el('div', { class: 'preview' });
  const upload = el('button', { type: 'button' }, t('upload'));
  // The waiting upload read again in another zone: what the preview shows is what the import stores.
  let rezone: (() => void) | null = null;
  zone.addEventListener('change', () => rezone?.());
  // Another file, or the upload imported: the zone applies to the next preview, not to an upload no longer waiting.
  file.addEventListener('change', () => {
    rezone = null;
  });
  const refreshers: Array<(reason: DataChange) => void> = [
    (reason) => {
      if (reason === 'imported-here') rezone = null;
    },
  ];
  // Every file imported into the client (this month's and before), read again after each import: kept when the next
  // file's preview replaces the last one, and there when the analyst comes back.
  const finished = el('div', { class: 'imports-done' });
  const listImported = () =>
    void api<{ imports: ImportedFile[] }>('GET', `/api/clients/${client.id}/imports`)
      .then(({ imports }) => finished.replaceChildren(...(imports.length === 0 ? [] : [el('h3', {}, t('importedFiles')), importedTable(imports, client.timezone)])))
      .catch(() => undefined);
  listImported();
  refreshers.push(listImported);
  afterImport.push(...refreshers);
  upload.addEventListener('click', () =>
    void actFrom(upload, async () => {
      const chosen = file.files?.[0];
      if (!chosen) throw new Error(t('chooseFileFirst'));
      const form = new FormData();
      form.append('file', chosen);
      // The last file's preview or import goes: beside a refused upload, it would read as this file's.
      result.replaceChildren();
      rezone = null;
      const preview = await uploadWithProgress<Preview>(`/api/clients/${client.id}/exports?timezone=${encodeURIComponent(zone.value)}&language=${language}`, form).catch((error: unknown) => {
        result.replaceChildren(refusalNote('upload-refused', error));
        throw error;
      });
      if (preview.mapper) {
        const mapper = mapperView(client, preview, preview.mapper);
        rezone = () => {
          preview.timezone = zone.value;
          mapper.refresh();
        };
        result.replaceChildren(...mapper.nodes);
        return;
      }
      rezone = () =>
        void act(async () => {
          const again = await api<Preview>('POST', `/api/clients/${client.id}/exports/${preview.previewId}/preview`, { timezone: zone.value, language });
          result.replaceChildren(...previewView(client, again));
        });
      result.replaceChildren(...previewView(client, preview));
    }),
  );
  const section = el('section', { id: 'exports' }, el('h2', {}, t('exports')), el('p', {}, t('exportsHint')), file, el('label', {}, t('localTimes'), zone), upload, finished, result);
  sectionRefreshers.set(section, refreshers);
  return section;
}

/** Each exports section's own refreshers, put back after an import when the section is kept across a redraw of the client. */
const sectionRefreshers = new WeakMap<HTMLElement, ReadonlyArray<(reason: DataChange) => void>>();

/** What a kept exports section runs after an import (empty for any other element). */
export function refreshersOf(section: HTMLElement): ReadonlyArray<(reason: DataChange) => void> {
  return sectionRefreshers.get(section) ?? [];
}

/** Date formats to pick from in the mapper, each with how it writes 31 October 2017, 20:05. */
const DATE_FORMATS: ReadonlyArray<[string, string]> = [
  ['iso', '2017-10-31T20:05:00Z'],
  ['%d/%m/%Y %H:%M', '31/10/2017 20:05'],
  ['%m/%d/%Y %H:%M', '10/31/2017 20:05'],
  ['%d/%m/%y %H:%M', '31/10/17 20:05'],
  ['%d.%m.%Y %H:%M', '31.10.2017 20:05'],
  ['%Y-%m-%d %H:%M:%S', '2017-10-31 20:05:00'],
  ['%d/%m/%Y', '31/10/2017'],
  ['%a %b %d %H:%M:%S %z %Y', 'Tue Oct 31 20:05:00 +0000 2017'],
  ['epoch', '1509480300'],
];

/**
 * The clients whose import this page runs: showing such a client again (a save, a click on it) keeps its sections, and
 * the import writes its outcome into the exports section kept; an import another window or an earlier page started is
 * followed instead (clients.ts).
 */
export const importsHere = new Set<string>();

/** A layout replybench does not know: a drop-down per field, filled with the best guesses; the preview follows each pick. */
function mapperView(client: ClientSummary, upload: Preview, mapper: NonNullable<Preview['mapper']>): { nodes: Node[]; refresh: () => void } {
  const mapping: Mapping = structuredClone(mapper.mapping);
  const shown = el('div', { class: 'mapped-preview' });
  const refresh = () => {
    const missing = mapper.required.filter((field) => !mapping.columns[field]);
    if (missing.length > 0) {
      shown.replaceChildren(
        el('p', { class: 'warning', 'data-note': 'pick-required' }, `${t('pickRequired')} ${missing.map((field) => t(`field.${field}`)).join(', ')}`),
        // What an id can be, for an export whose columns name none: the one field an analyst may not find a column for.
        ...(missing.includes('id') ? [el('p', { class: 'note', 'data-note': 'pick-id' }, t('pickId'))] : []),
      );
      return;
    }
    void act(async () => {
      const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, column]) => column !== ''));
      const preview = await api<Preview>('POST', `/api/clients/${client.id}/exports/${upload.previewId}/preview`, { mapping: { ...mapping, columns }, timezone: upload.timezone, language });
      // Dates the format does not read, and a format they all fit: taken at once, unless the user wrote the format; the field shows it.
      const proposed = preview.preview?.unreadDates?.format ?? null;
      if (proposed !== null && !formatTyped && proposed !== mapping.date.format) {
        mapping.date.format = proposed;
        dateFormat.value = proposed;
        formatNote.textContent = `${t('dateFormatTaken')}${preview.preview?.unreadDates?.dayMonthAmbiguous ? ` ${t('dayMonthAmbiguous')}` : ''}`;
        refresh();
        return;
      }
      // Imported, the mapper goes: its columns are saved as the mapping the outcome names.
      shown.replaceChildren(...previewView(client, preview, { ...mapping, columns }, () => {
        for (const node of view) if (node !== shown) node.parentNode?.removeChild(node);
      }));
    });
  };
  // Whether the user wrote the date format (then it is never replaced by a proposal).
  let formatTyped = false;
  // A format the guesses read from the column's first dates (not ISO, nor a serial) is said as one proposed later is.
  const guessedFormat = mapper.savedMapping === null && mapping.date.format !== 'iso' && mapping.date.format !== 'epoch';
  const formatNote = el('p', { class: 'note', 'data-note': 'date-format' }, guessedFormat ? t('dateFormatTaken') : '');
  const rows = mapper.fields.map((field) => {
    const select = el('select', { 'data-field': field, 'aria-label': t(`field.${field}`) }, el('option', { value: '' }, '—'), ...mapper.columns.map((column) => el('option', column === mapping.columns[field] ? { value: column, selected: '' } : { value: column }, column)));
    select.addEventListener('change', () => {
      mapping.columns[field] = select.value;
      refresh();
    });
    return el('tr', {}, el('td', {}, t(`field.${field}`)), el('td', {}, select));
  });
  // The formats exports use most, offered with an example date each (31 October 2017, 20:05); any other can be written.
  const formats = el(
    'datalist',
    { id: 'date-formats' },
    ...DATE_FORMATS.map(([format, example]) => el('option', { value: format }, format === 'iso' || format === 'epoch' ? t(`dateFormat.${format}`) : example)),
  );
  const dateFormat = el('input', { value: mapping.date.format, 'data-field': 'date.format', list: 'date-formats' });
  dateFormat.addEventListener('change', () => {
    mapping.date.format = dateFormat.value.trim() || 'iso';
    formatTyped = true;
    formatNote.textContent = '';
    refresh();
  });
  // The platform: one column of the file (its values, X or FB included, are folded as on import), the same for every row, or each row's link.
  const chosen = mapping.platform === undefined ? 'links:' : typeof mapping.platform === 'string' ? `fixed:${mapping.platform}` : `column:${mapping.platform.column}`;
  const option = (value: string, label: string) => el('option', value === chosen ? { value, selected: '' } : { value }, label);
  const platform = el(
    'select',
    { 'data-field': 'platform' },
    el('optgroup', { label: t('platformColumn') }, ...mapper.columns.map((column) => option(`column:${column}`, column))),
    el('optgroup', { label: t('platformFixed') }, ...mapper.platforms.map((name) => option(`fixed:${name}`, labelOf('platform', name)))),
    option('links:', t('platformFromLinks')),
  );
  platform.addEventListener('change', () => {
    const [kind, ...rest] = platform.value.split(':');
    if (kind === 'links') delete mapping.platform;
    else mapping.platform = kind === 'column' ? { column: rest.join(':') } : rest.join(':');
    refresh();
  });
  const view = [
    // An unknown layout in the page's words, unless the columns of an earlier export of it are taken (said below);
    // another refusal (a required column missing, dates in two orders, ...) in the import's own.
    upload.unknownLayout
      ? mapper.savedMapping === null
        ? el('p', { class: 'warning', 'data-note': 'unknown-layout' }, t('unknownLayout'))
        : el('span')
      : el('p', { class: 'warning', 'data-note': 'import-problem' }, upload.problem ?? ''),
    el('h3', {}, t('mapColumns')),
    ...(mapper.savedMapping === null ? [] : [el('p', { class: 'note', 'data-note': 'saved-mapping' }, `${t('mappingReused')} ${mapper.savedMapping}.`)]),
    el('table', { class: 'mapper' }, el('tbody', {}, ...rows)),
    el('label', {}, t('dateFormat'), dateFormat, formats),
    formatNote,
    el('label', {}, t('platform'), platform),
    shown,
  ];
  // The preview of the best guesses, or which fields still need a column.
  refresh();
  return { nodes: view, refresh };
}


/** New posts and those stored already; when the database cannot tell (an import runs), at most all are new, and the rest is unknown. */
function newAndStored(wouldImport: number, alreadyStored: number | null): [number | string, number | string] {
  return alreadyStored === null ? [`≤ ${wouldImport.toLocaleString(language)}`, '—'] : [wouldImport - alreadyStored, alreadyStored];
}

/** A file imported into the client, as GET /api/clients/:id/imports lists it. */
interface ImportedFile {
  file: string;
  format: string;
  importedAt: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** The zone its times without an offset were read in; null when its layout names every offset, or the store did not record it. */
  localTimesIn: string | null;
}

/**
 * The files imported into the client, each with when it was, what it added and the zone its local times were read in,
 * dated as the client's reports date it. A zone other than the client's is said: its posts keep those times.
 */
function importedTable(imports: ImportedFile[], timezone: string): HTMLTableElement {
  const zone = (read: string | null) => (read === null ? '—' : read === timezone ? read : t('importedFiles.otherZone').replace('{zone}', read));
  return table(
    [t('importedFiles.file'), `${t('importedFiles.on')} (${timezone})`, t('importedFiles.posts'), t('importedFiles.repeated'), t('importedFiles.rejected'), t('importedFiles.readIn')],
    imports.map((entry) => [entry.file, clientTime(entry.importedAt, timezone), entry.imported, entry.duplicates, entry.rejected, zone(entry.localTimesIn)]),
  );
}

/** What an import did not add again, and why: posts it held already, rows repeating one earlier in the file ('' for none). */
function notAddedAgain({ duplicates, repeatedInFile }: { duplicates: number; repeatedInFile: number }): string {
  const parts = [
    ...(duplicates > repeatedInFile ? [`${(duplicates - repeatedInFile).toLocaleString(language)} ${t('heldAlready')}`] : []),
    ...(repeatedInFile > 0 ? [`${repeatedInFile.toLocaleString(language)} ${t('repeatedHere')}`] : []),
  ];
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** The sentence of each reason the database's posts cannot be read for a preview. */
const STORED_UNKNOWN = {
  importing: 'storedUnknown',
  'held-elsewhere': 'storedUnknownHeld',
  'unfinished-import': 'storedUnknownUnfinished',
  'other-store': 'storedUnknownOther',
} as const;

/** The preview, and its import button; `onImported` runs once the file is imported (the mapper takes itself away). */
function previewView(client: ClientSummary, { previewId, file, preview, timezone, alreadyImported }: Preview, mapping?: Mapping, onImported?: () => void): Node[] {
  if (!preview) return [];
  // Why, in the words of the case: an import of this client running, another program, the rows of a cut-short import.
  const unknown = preview.alreadyStored === null ? el('p', { class: 'note', 'data-note': 'stored-unknown' }, t(STORED_UNKNOWN[preview.alreadyStoredUnknown ?? 'other-store'])) : el('span');
  // Said before the import, in words: an earlier import of the same content, every post stored already, or nothing to store.
  const repeated = alreadyImported
    ? el('p', { class: 'warning', 'data-note': 'already-imported' }, `${t('alreadyImported')} ${clientTime(alreadyImported.importedAt, client.timezone)} (${client.timezone})${t('colon')}${t('addsNothing')}`)
    : preview.wouldImport === 0
      ? el('p', { class: 'warning', 'data-note': 'nothing-to-import' }, t('nothingToImport'))
      : preview.alreadyStored === preview.wouldImport
        ? el('p', { class: 'warning', 'data-note': 'all-stored' }, t('allStored'))
        : el('span');
  const summary = table(
    [t('format'), t('encoding'), t('delimiter'), t('readIn'), t('rows'), t('newPosts'), t('alreadyStored'), t('repeatedInFile'), t('rejected')],
    [[STRINGS[language][`format.${preview.format.id}`] ?? preview.format.label, preview.encoding, preview.delimiter === '\t' ? t('tab') : (preview.delimiter ?? ''), preview.readsLocalTimes ? timezone : t('offsetsGiven'), preview.rowsRead, ...newAndStored(preview.wouldImport, preview.alreadyStored), preview.repeatedInFile, preview.rejected]],
  );
  const fields = table(
    [t('field'), t('columns')],
    preview.fields.map((field) => [labelOf('column', field.field), field.columns.length > 0 ? field.columns.join(', ') : (field.constant ?? '')]),
  );
  const shown = preview.rows.slice(0, 5);
  const keys = ['created_at', 'platform', 'author', 'kind', 'text'];
  // A rejected row shows why once, where its first value would be. Times as the client's reports date them.
  const value = (post: Record<string, string | number | null>, key: string) =>
    key === 'kind' ? labelOf('kindOne', String(post[key])) : key === 'created_at' && typeof post[key] === 'string' ? clientTime(post[key], client.timezone) : String(post[key] ?? '');
  const rows = table(
    ['#', ...keys.map((key) => (key === 'created_at' ? `${labelOf('column', key)} (${client.timezone})` : labelOf('column', key)))],
    shown.map((row) => [String(row.row), ...(row.post ? keys.map((key) => value(row.post ?? {}, key)) : [row.rejected ?? '', ...keys.slice(1).map(() => '')])]),
  );
  rows.classList.add('first-rows');
  const reasons = Object.entries(preview.rejectedByReason).map(([reason, count]) => el('li', { class: 'warning' }, `${reason}${t('colon')}${count.toLocaleString(language)}`));
  // Said first: "date in the future: 49" alone sent the analyst looking at the file, not at the column chosen.
  const dateColumns = preview.fields.find((field) => field.field === 'created_at')?.columns ?? [];
  if (preview.datesDoubtful) reasons.unshift(el('li', { class: 'warning', 'data-note': 'dates-doubtful' }, t('datesDoubtful').replace('{column}', dateColumns.map((column) => `${t('quoteOpen')}${column}${t('quoteClose')}`).join(', '))));
  if (preview.unreadDates) reasons.push(el('li', { class: 'warning', 'data-note': 'unread-dates' }, `${t('unreadDates')}${t('colon')}${preview.unreadDates.examples.map((example) => `${t('quoteOpen')}${example}${t('quoteClose')}`).join(', ')}`));
  const importButton = el('button', preview.wouldImport === 0 ? { type: 'button', disabled: '' } : { type: 'button' }, `${t('import')} ${file}`);
  const outcome = el('p', { class: 'outcome' });
  // Marked busy while it runs, as the other buttons are (the focus stays on it): a second click would ask for an upload
  // this one is importing, and show its refusal. Once imported, the button goes with the preview; a failed import leaves
  // the upload waiting, and the button ready to import it again.
  importButton.addEventListener('click', () =>
    void actFrom(importButton, async () => {
      let done: { files: Array<{ imported: number; duplicates: number; repeatedInFile: number; rejected: number; rejectedByReason: Record<string, number>; warnings: string[] }>; mapping?: string | null };
      importsHere.add(client.id);
      try {
        // In the zone the preview read local times in: what was shown is what is stored.
        done = await api('POST', `/api/clients/${client.id}/imports`, { previewId, timezone, language, ...(mapping ? { mapping } : {}) });
      } finally {
        importsHere.delete(client.id);
      }
      forgetMonths();
      // What the file would add is now what it added: the preview's counts would read as still to come.
      for (const node of previewed) node.remove();
      // The client shown meanwhile may be another: its forms are not refreshed with this one's data.
      if (outcome.isConnected) for (const refresh of afterImport) refresh('imported-here');
      const counts = done.files.map((entry) => `${t('imported')}${t('colon')}${entry.imported.toLocaleString(language)}${notAddedAgain(entry)}`).join('; ');
      outcome.textContent = done.mapping ? `${counts}. ${t('mappingSaved')} ${done.mapping}.` : counts;
      const problems = done.files.flatMap((entry) => [
        ...Object.entries(entry.rejectedByReason).map(([reason, count]) => [t('rejectedRows'), `${reason}${t('colon')}${count.toLocaleString(language)}`]),
        ...entry.warnings.map((warning) => [t('warning'), warning]),
      ]);
      if (problems.length > 0) outcome.after(table([t('what'), t('detail')], problems));
      onImported?.();
    }, client.id),
  );
  const { profile } = preview;
  // An empty list is said as one, not left blank (a file of comments mentions no handle).
  const counted = (entries: Array<{ handle: string; n: number }>) => (entries.length === 0 ? '—' : entries.map((entry) => `${entry.handle} (${entry.n.toLocaleString(language)})`).join(', '));
  const held = table(
    [`${t('span')} (${client.timezone})`, t('kinds'), t('topAuthors'), t('topRepliers'), t('topMentioned')],
    [
      [
        profile.first === null || profile.last === null ? '' : daySpan(clientTime(profile.first, client.timezone, false), clientTime(profile.last, client.timezone, false)),
        Object.entries(profile.kinds).map(([kind, n]) => `${labelOf('kind', kind)}${t('colon')}${n.toLocaleString(language)}`).join(', '),
        counted(profile.topAuthors),
        counted(profile.topRepliers),
        counted(profile.topMentioned),
      ],
    ],
  );
  const supports = el('ul', { class: 'supports' }, ...profile.supports.map((sentence) => el('li', {}, sentence)));
  const previewed = [repeated, summary, unknown, held, fields, el('h3', {}, t('firstRows')), rows, el('ul', {}, ...reasons, ...preview.warnings.map((warning) => el('li', { class: 'warning' }, warning))), importButton];
  // What the file supports stays once it is imported, with the outcome.
  return [...previewed.slice(0, 4), supports, ...previewed.slice(4), outcome];
}

/**
 * Why the data may have changed: the upload waiting in this page was imported, or the page is shown again after the
 * analyst was elsewhere (another tab, or `replybench import` in a terminal, may have imported meanwhile).
 */
export type DataChange = 'imported-here' | 'shown-again';

/** Run after an import, so the brands form and the period fields offer what the new data holds; emptied when a client is shown again. */
export const afterImport: Array<(reason: DataChange) => void> = [];

/** Coming back to the page: the lists read again, as after an import here. */
export function refreshWhenShownAgain(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || afterImport.length === 0) return;
    forgetMonths();
    for (const refresh of afterImport) refresh('shown-again');
  });
}

/** The first and last day of a file, or the one day when they are the same ("31 oct. 2017", not "31 oct. 2017 – 31 oct. 2017"). */
function daySpan(first: string, last: string): string {
  return first === last ? first : `${first} – ${last}`;
}
