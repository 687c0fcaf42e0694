/** The list of clients, the one shown with its sections, and the form that makes a new one. */
import { type Activity, ApiRefusal, api, type ClientSummary, describeActivity } from './api.js';
import { brandId, brandsSection } from './brands.js';
import { checkSection } from './check.js';
import { act, actFrom, app, el, markRefused, say, unsavedBrands } from './dom.js';
import { afterImport, exportsSection, importsHere, refreshersOf } from './exports.js';
import { language, languageSelect, t } from './language.js';
import { forgetMonths, monthsWithData } from './periods.js';
import { reportSection } from './report.js';

/**
 * Shows the clients and the selected one's sections. `keptExports`: the exports section as it stands (an upload
 * waiting in its preview or mapper), kept in place of a new one when the same client is shown again after a save.
 */
export async function showClients(selected: string | null, keptExports?: HTMLElement): Promise<void> {
  afterImport.length = 0;
  if (keptExports) afterImport.push(...refreshersOf(keptExports));
  forgetMonths();
  const { clients } = await api<{ clients: ClientSummary[] }>('GET', '/api/clients');
  app.replaceChildren();
  const list = el('div', { class: 'clients' });
  for (const client of clients) {
    // The id beside the name: two clients of one name stay apart.
    const button = el('button', { class: client.id === selected ? 'current' : 'secondary', 'data-client': client.id, title: client.id }, client.name, el('span', { class: 'client-id' }, client.id));
    button.addEventListener('click', () => {
      // As the language switch asks: another client's sections replace the brands form and its edits.
      if (client.id !== selected && unsavedBrands() && !window.confirm(t('leaveUnsavedClient'))) return;
      void act(() => showClients(client.id));
    });
    list.append(button);
  }
  app.append(el('section', {}, el('h2', {}, t('clients')), clients.length === 0 ? el('p', {}, t('noClients')) : list, newClientForm()));
  const client = clients.find((entry) => entry.id === selected);
  // The address names the client shown, so a reload or another language opens this one, not the one opened before.
  const address = new URL(location.href);
  if (client) address.searchParams.set('client', client.id);
  else address.searchParams.delete('client');
  // Another client shown is a step Back returns from; the same one shown again (after a save) is not.
  if (address.searchParams.get('client') === new URLSearchParams(location.search).get('client')) history.replaceState(null, '', address.href);
  else history.pushState(null, '', address.href);
  if (client) {
    // An import under way that this page did not start (it was reloaded during it, or another window started it) holds the data the sections read: they open when it ends.
    const { activity } = await api<{ activity: Activity | null }>('GET', `/api/clients/${client.id}/activity`);
    if (activity?.action === 'import' && !importsHere.has(client.id)) {
      const line = el('p', { class: 'next' }, `${t('importUnderWay')} ${describeActivity(activity)}`);
      app.append(line);
      followActivity(client.id, line, 'importUnderWay', () => void act(() => showClients(client.id)));
      return;
    }
    if (client.problem) app.append(el('p', { class: 'problem' }, client.problem));
    if (client.needsHandles) app.append(nextStep(client));
    if (client.withoutAccounts !== null) app.append(el('p', { class: 'next' }, t('error.no-accounts').replace('{brand}', client.withoutAccounts)));
    app.append(keptExports ?? exportsSection(client), await brandsSection(client), checkSection(client), reportSection(client));
    // A report under way: its files are listed once it ends, unless the brands form holds edits a new showing would drop.
    if (activity?.action === 'report') {
      const line = el('p', { class: 'next' }, `${t('reportUnderWay')} ${describeActivity(activity)}`);
      app.querySelector('#report')?.append(line);
      followActivity(client.id, line, 'reportUnderWay', () => {
        if (unsavedBrands()) line.textContent = t('reportEnded');
        else void act(() => showClients(client.id));
      });
    }
  }
}

/** Follows the client's running import or report in `line` each second, while the line is shown, then calls `ended`. */
function followActivity(id: string, line: HTMLElement, key: 'importUnderWay' | 'reportUnderWay', ended: () => void): void {
  const poll = () => {
    if (!line.isConnected) return;
    api<{ activity: Activity | null }>('GET', `/api/clients/${id}/activity`).then(
      ({ activity }) => {
        if (!line.isConnected) return;
        if (activity === null) return ended();
        line.textContent = `${t(key)} ${describeActivity(activity)}`;
        setTimeout(poll, 1000);
      },
      () => setTimeout(poll, 2000),
    );
  };
  setTimeout(poll, 1000);
}

/** What a client without handles needs next: an export first, then (once data is in) the handles its data offers. */
function nextStep(client: ClientSummary): HTMLElement {
  const note = el('p', { class: 'next' }, t('needsHandles'));
  const update = () =>
    void monthsWithData(client)
      .then((months) => {
        if (months.length > 0) note.textContent = t('needsHandlesAfterImport');
      })
      .catch(() => undefined);
  update();
  afterImport.push(update);
  return note;
}

function newClientForm(): HTMLElement {
  const id = el('input', { name: 'id', required: '', pattern: '[a-z0-9][a-z0-9_\\-]*' });
  const name = el('input', { name: 'name', required: '' });
  // The id follows the name ("Acme Telecom" is acme-telecom) until it is typed in.
  let idTyped = false;
  id.addEventListener('input', () => {
    idTyped = id.value !== '';
    id.setCustomValidity('');
  });
  name.addEventListener('input', () => {
    if (idTyped) return;
    id.value = brandId(name.value);
    // A name of emoji or signs only ("🚀🎉") gives no folder name: the field says why, not only that it is empty.
    id.setCustomValidity(name.value.trim() !== '' && id.value === '' ? t('idFromNameEmpty') : '');
  });
  // The zones the browser knows, to pick from as they are spelt (Europe/Madrid, not Madrid or GMT+2).
  const zones = el('datalist', { id: 'timezones' }, ...['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => el('option', { value: zone })));
  const timezone = el('input', { name: 'timezone', list: 'timezones', value: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const lang = languageSelect({ name: 'language' }, language);
  const form = el(
    'form',
    { class: 'new-client' },
    el('h3', {}, t('newClient')),
    // The name first: the id (the folder's name) is made from it.
    el('label', {}, t('name'), name),
    el('label', {}, t('id'), id),
    el('label', {}, t('newClientTimezone'), timezone, zones),
    el('label', {}, t('newClientLanguage'), lang),
    el('button', { type: 'submit' }, t('create')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (!submit) return;
    // The new client's sections replace the brands form, as another client's do: its edits are not dropped unasked.
    if (unsavedBrands() && !window.confirm(t('leaveUnsavedClient'))) return;
    timezone.classList.remove('missing');
    id.classList.remove('missing');
    void actFrom(submit, async () => {
      const client = await api<ClientSummary>('POST', '/api/clients', { id: id.value, name: name.value, timezone: timezone.value, language: lang.value }).catch((error: unknown) => {
        // A timezone that is none: its field is marked, beside the status line's sentence.
        if (error instanceof ApiRefusal && error.code === 'bad-timezone') markRefused(timezone);
        // A folder name taken (by a client, or by a folder that is none): the field to change is marked.
        if (error instanceof ApiRefusal && error.code === 'client-exists') markRefused(id);
        throw error;
      });
      await showClients(client.id);
      say(t('clientCreated').replace('{folder}', client.id));
    });
  });
  return form;
}
