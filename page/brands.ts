/** Brands: the client's settings, its brands and their accounts, the agency's name and logo, saved into replybench.yaml. */
import { ApiRefusal, api, apiAnswer, type ClientSummary } from './api.js';
import type { CheckJson } from './check.js';
import { showClients } from './clients.js';
import { act, actFrom, el, markRefused, say, statusLine } from './dom.js';
import { afterImport } from './exports.js';
import { labelOf, language, languageSelect, t } from './language.js';
import { hoursExample, hoursText, hoursValue } from './hours.js';
import { firstMonthOffered, monthsWithData } from './periods.js';

interface BrandConfig {
  id: string;
  name?: string;
  accounts?: Record<string, string[]>;
  [key: string]: unknown;
}

/** Fills a platform's list with the accounts the data offers: those that reply most, then those mentioned most. */
function offerHandles(client: ClientSummary, list: HTMLDataListElement): void {
  const platform = list.dataset.platform ?? 'twitter';
  api<{ repliers: Array<{ handle: string; n: number }>; mentioned: Array<{ handle: string; n: number }> }>('GET', `/api/clients/${client.id}/handles?platform=${encodeURIComponent(platform)}`)
    .then(({ repliers, mentioned }) => {
      const seen = new Set<string>();
      const options: HTMLOptionElement[] = [];
      // Those that reply most first (brands answer), then those mentioned most: each count says which it is.
      const counted = [...repliers.map((entry) => ({ ...entry, words: 'repliesCount' })), ...mentioned.map((entry) => ({ ...entry, words: 'mentionsCount' }))];
      for (const entry of counted) {
        if (seen.has(entry.handle.toLowerCase())) continue;
        seen.add(entry.handle.toLowerCase());
        options.push(el('option', { value: entry.handle }, `${entry.handle} (${t(entry.n === 1 ? `${entry.words}One` : entry.words).replace('{n}', entry.n.toLocaleString(language))})`));
      }
      list.replaceChildren(...options);
    })
    .catch(() => undefined);
}

/**
 * The handles of one brand on one platform: a field per handle, with the
 * data's suggestions, and always one empty field more for the next (a
 * suggestion fills a whole field, so one field holds one handle).
 */
function handleFields(platform: string, handles: string[], name: () => string): { element: HTMLElement; values: () => string[]; relabel: () => void } {
  const element = el('span', { class: 'handles', 'data-platform': platform });
  // Each field its own name for a screen reader ("Twitter handles of Telbo, 2"): the label around them names the first only.
  const relabel = () => {
    for (const [index, input] of [...element.querySelectorAll('input')].entries()) input.setAttribute('aria-label', `${name()}, ${index + 1}`);
  };
  const addField = (value: string) => {
    const input = el('input', { value, 'data-platform': platform, list: `handles-${platform}` });
    input.addEventListener('input', () => {
      if (input === element.lastElementChild && input.value.trim() !== '') addField('');
    });
    element.append(input);
    relabel();
  };
  for (const handle of handles) addField(handle);
  addField('');
  const values = () => [...element.querySelectorAll('input')].map((input) => input.value.trim()).filter((value) => value !== '');
  return { element, values, relabel };
}

/** A brand's id from its name, as a config's ids are written: "Ondanet Ayuda" is ondanet-ayuda; past 64 characters, cut at the last whole word. */
export function brandId(name: string): string {
  const id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (id.length <= 64) return id;
  const cut = id.slice(0, 65).lastIndexOf('-');
  return cut > 0 ? id.slice(0, cut) : id.slice(0, 64);
}

export async function brandsSection(client: ClientSummary): Promise<HTMLElement> {
  const read = await apiAnswer<{ brands: BrandConfig[]; [key: string]: unknown }>('GET', `/api/clients/${client.id}/config`);
  const config = read.value;
  // The file as read: a save names it, and is refused if the file changed meanwhile (a terminal's edit is not overwritten).
  const version = read.version ?? undefined;
  const held = await api<{ platforms: Array<{ platform: string; posts: number }>; known: string[] }>('GET', `/api/clients/${client.id}/platforms`);
  // The platforms of the data a config may name first, then those the config already names; twitter when there are neither.
  const dataPlatforms = held.platforms.map((entry) => entry.platform).filter((platform) => held.known.includes(platform));
  const platforms = [...new Set([...dataPlatforms, ...config.brands.flatMap((brand) => Object.keys(brand.accounts ?? {}))])];
  if (platforms.length === 0) platforms.push('twitter');
  const rows = el('div', {});
  const editors: Array<{ brand: BrandConfig; name: HTMLInputElement; hours: HTMLInputElement; row: HTMLElement; handles: Map<string, () => string[]> }> = [];
  // What the data offers for each platform: the accounts that reply most, the handles mentioned most.
  const lists = el('div', {});
  const addList = (platform: string) => {
    const list = el('datalist', { id: `handles-${platform}`, 'data-platform': platform });
    lists.append(list);
    offerHandles(client, list);
  };
  const addPlatformTo = (editor: (typeof editors)[number], platform: string) => {
    const label = () => t('handlesOf').replace('{platform}', labelOf('platform', platform)).replace('{brand}', editor.name.value.trim() || editor.brand.id);
    const fields = handleFields(platform, editor.brand.accounts?.[platform] ?? [], label);
    editor.handles.set(platform, fields.values);
    editor.name.addEventListener('input', fields.relabel);
    // After the brand's other platforms, before its hours and its remove button: a platform added later lines up with the others.
    editor.hours.parentElement?.before(el('label', {}, t('handles').replace('{platform}', labelOf('platform', platform)), fields.element));
  };
  for (const platform of platforms) addList(platform);
  afterImport.push(() => {
    for (const list of lists.querySelectorAll('datalist')) offerHandles(client, list);
    // The new data may hold an account marked as missing: the marks are made again from it.
    if (section.isConnected && quietCheckFits(client)) void markHandlesOnOpen(client, section, true);
    // A platform the import brought (the first Instagram export) gets its fields at once, as if added by hand.
    void api<{ platforms: Array<{ platform: string }>; known: string[] }>('GET', `/api/clients/${client.id}/platforms`)
      .then((now) => {
        for (const { platform } of now.platforms) if (now.known.includes(platform)) addEverywhere(platform);
      })
      .catch(() => undefined);
  });
  const addRow = (brand: BrandConfig) => {
    const name = el('input', { value: brand.name ?? brand.id, 'data-field': 'name' });
    // When the brand answers: the report's business-hours figures (is it slow, or closed?) need it.
    const hours = el('input', { value: hoursText(brand.businessHours, language), 'data-field': 'hours', placeholder: hoursExample(language), size: '34' });
    // Named for its brand, as the handle fields are: every brand's field read "Opening hours" alike to a screen reader.
    const nameHours = () => hours.setAttribute('aria-label', t('hoursOf').replace('{brand}', name.value.trim() || brand.id));
    nameHours();
    name.addEventListener('input', nameHours);
    const row = el('div', { class: 'brand', 'data-brand': brand.id }, el('label', {}, t('name'), el('span', { class: 'brand-id', title: t('brandIdNote') }, brand.id), name), el('label', {}, t('openingHours'), hours));
    const editor = { brand, name, hours, row, handles: new Map<string, () => string[]>() };
    editors.push(editor);
    for (const platform of platforms) addPlatformTo(editor, platform);
    if (brand.id !== config.client) {
      // A competitor leaves the report once the brands are saved.
      const removeLabel = () => `${t('removeBrand')} ${name.value.trim() || brand.id}`;
      const remove = el('button', { type: 'button', class: 'secondary', 'data-action': 'remove-brand', 'aria-label': removeLabel() }, t('removeBrand'));
      name.addEventListener('input', () => remove.setAttribute('aria-label', removeLabel()));
      remove.addEventListener('click', () => {
        editors.splice(editors.indexOf(editor), 1);
        row.remove();
      });
      row.append(remove);
    }
    rows.append(row);
  };
  for (const brand of config.brands) addRow(brand);
  const newName = el('input', { placeholder: 'RivalCo Mobile', 'data-field': 'new-brand', 'aria-label': t('newBrandName') });
  const add = el('button', { type: 'button', class: 'secondary', 'data-action': 'add-brand' }, t('addBrand'));
  add.addEventListener('click', () => {
    const name = newName.value.trim();
    const id = brandId(name);
    if (id === '') return say(t('brandNeedsLetters'), true);
    if (editors.some((editor) => editor.brand.id === id)) return say(`${t('brandTaken')} ${id}`, true);
    addRow({ id, name, accounts: {} });
    newName.value = '';
  });
  newName.addEventListener('keydown', (event) => {
    // Not the Enter that ends composing a character (an input method's).
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    add.click();
  });
  // Another platform for every brand, from those a config may name.
  const otherPlatform = el('select', { 'data-field': 'new-platform', 'aria-label': t('platformToAdd') });
  const offerPlatforms = () => otherPlatform.replaceChildren(...held.known.filter((platform) => !platforms.includes(platform)).map((platform) => el('option', { value: platform }, labelOf('platform', platform))));
  offerPlatforms();
  const addPlatform = el('button', { type: 'button', class: 'secondary', 'data-action': 'add-platform' }, t('addPlatform'));
  /** A platform for every brand, with the accounts the data offers on it. */
  const addEverywhere = (platform: string) => {
    if (platform === '' || platforms.includes(platform)) return;
    platforms.push(platform);
    addList(platform);
    for (const editor of editors) addPlatformTo(editor, platform);
    offerPlatforms();
  };
  addPlatform.addEventListener('click', () => addEverywhere(otherPlatform.value));
  const save = el('button', { type: 'button', 'data-action': 'save-brands' }, t('save'));
  save.addEventListener('click', () =>
    void actFrom(save, async () => {
      // A name typed and never added is a competitor the user expects in the report: saving without it would drop it in silence.
      if (newName.value.trim() !== '') throw new Error(`${t('brandNotAdded')} ${newName.value.trim()}`);
      // A name emptied is refused, not replaced by the brand's id: the client's cover and every table print it.
      for (const { name } of editors) name.classList.toggle('missing', name.value.trim() === '');
      const unnamed = editors.find(({ name }) => name.value.trim() === '');
      if (unnamed) {
        unnamed.name.focus();
        throw new Error(t('brandNeedsName').replace('{id}', unnamed.brand.id));
      }
      const brands = editors.map(({ brand, name, hours, handles }) => {
        const accounts: Record<string, string[]> = {};
        for (const [platform, values] of handles) {
          const list = values();
          if (list.length > 0) accounts[platform] = list;
        }
        const saved: BrandConfig = { ...brand, name: name.value.trim(), accounts };
        // Left as the file writes it unless the line was edited.
        if (hours.value.trim() !== hoursText(brand.businessHours, language)) {
          const schedule = hoursValue(hours.value, brand.businessHours);
          if (schedule === undefined) delete saved.businessHours;
          else saved.businessHours = schedule;
        }
        return saved;
      });
      const settings: Record<string, unknown> = {};
      if (zone.value.trim() !== zoneRead) settings.timezone = zone.value.trim();
      const report: Record<string, unknown> = { ...((config.report as object | undefined) ?? {}) };
      if (lang.value !== languageRead) report.language = lang.value;
      const agencyTyped = agency.value.trim();
      const logoChosen = logo.value();
      // A logo on the cover needs the agency's name beside it: emptying the name is refused, not undone in silence.
      if (agencyTyped === '' && logoChosen !== undefined) throw new Error(t('agencyNeedsName'));
      const agencyChanged = agencyTyped !== agencyRead.name || logoChosen !== agencyRead.logo;
      // The name and logo the cover shows; without either, the agency leaves the cover.
      if (agencyChanged && agencyTyped !== '') report.agency = logoChosen === undefined ? { name: agencyTyped } : { name: agencyTyped, logo: logoChosen };
      else if (agencyChanged) delete report.agency;
      if (lang.value !== languageRead || agencyChanged) settings.report = report;
      for (const { hours } of editors) hours.classList.remove('missing');
      zone.classList.remove('missing');
      await apiAnswer('PUT', `/api/clients/${client.id}/config`, { ...config, ...settings, brands }, version).catch((error: unknown) => {
        // Hours the config cannot read, a timezone that is none: the field is marked, not only the status line.
        if (error instanceof ApiRefusal && error.code === 'bad-hours') markRefused(editors.find(({ name }) => name.value.trim() === error.values.brand)?.hours);
        if (error instanceof ApiRefusal && error.code === 'bad-timezone') markRefused(zone);
        throw error;
      });
      // A check started before the save read the config of before: the next one asks again.
      handleCheck = null;
      // Shown again from the file as saved: the summary, the periods (in the new timezone) and the next step follow it.
      // An upload waiting in the exports section stays, unless the timezone it was read in changed.
      const exports = settings.timezone === undefined ? (document.getElementById('exports') ?? undefined) : undefined;
      await showClients(client.id, exports);
      say(t('saved'));
      void checkHandlesAfterSave(client);
    }),
  );
  // The client's timezone (its months and hours) and its reports' language, set at creation, changed here.
  const zoneRead = typeof config.timezone === 'string' ? config.timezone : 'UTC';
  const languageRead = client.language;
  const zone = el('input', { name: 'client-timezone', list: 'timezones', value: zoneRead });
  const lang = languageSelect({ name: 'client-language' }, languageRead);
  // The agency whose name and logo the report's cover carries (white label).
  const agencyFields = ((config.report as { agency?: { name?: string; logo?: string } } | undefined)?.agency ?? {}) as { name?: string; logo?: string };
  const agencyRead = { name: agencyFields.name ?? '', logo: agencyFields.logo };
  const agency = el('input', { name: 'agency-name', value: agencyRead.name, maxlength: '80' });
  const logo = await agencyLogoField(client);
  const section = el(
    'section',
    { id: 'brands' },
    el('h2', {}, t('brands')),
    el('p', {}, el('label', {}, t('clientTimezone'), zone), el('label', {}, t('clientLanguage'), lang), el('label', {}, t('agency'), agency)),
    logo.element,
    el('p', {}, t('brandsHint')),
    lists,
    rows,
    el('p', {}, newName, ' ', add),
    el('p', {}, otherPlatform, ' ', addPlatform),
    save,
  );
  // Edited and not saved yet: the language switch asks before it reloads the page (a save shows the section anew).
  section.addEventListener('input', () => {
    section.dataset.unsaved = 'yes';
  });
  // The handles the file holds that the data does not, marked as after a save: the page opened again, or the file
  // edited in a terminal and the client shown again, shows them too.
  if (quietCheckFits(client)) void markHandlesOnOpen(client, section);
  return section;
}

/**
 * The agency's logo on the report's cover: the one the config names, shown; a
 * new one is sent to the client's folder (checked there by its content) and
 * named in the config when the brands are saved, as is taking it away.
 */
async function agencyLogoField(client: ClientSummary): Promise<{ element: HTMLElement; value: () => string | undefined }> {
  const named = await api<{ logo: string | null; dataUrl: string | null; problem: string | null }>('GET', `/api/clients/${client.id}/logo`);
  let chosen = named.logo ?? undefined;
  const file = el('input', { type: 'file', name: 'agency-logo', accept: 'image/png,image/jpeg,image/svg+xml' });
  const preview = el('img', { class: 'logo-preview', alt: t('logo') });
  const note = el('span', {});
  const remove = el('button', { type: 'button', class: 'secondary', 'data-action': 'remove-logo' }, t('removeLogo'));
  const element = el('p', { class: 'logo-field' }, el('label', {}, t('logo'), file), preview, note, remove);
  const show = (dataUrl: string | null, problem: string | null = null) => {
    preview.hidden = dataUrl === null;
    if (dataUrl !== null) preview.src = dataUrl;
    remove.hidden = chosen === undefined;
    note.textContent = problem !== null ? labelOf('logoProblem', problem) : chosen === undefined ? t('logoNone') : '';
  };
  // Picked or taken away, the form has a change to save, as when a field is typed in.
  const changed = () => element.dispatchEvent(new Event('input', { bubbles: true }));
  file.addEventListener('change', () =>
    void act(async () => {
      const picked = file.files?.[0];
      if (!picked) return;
      const form = new FormData();
      form.append('file', picked, picked.name);
      file.value = '';
      const received = await api<{ logo: string; dataUrl: string }>('POST', `/api/clients/${client.id}/logo`, form);
      chosen = received.logo;
      show(received.dataUrl);
      changed();
      say(t('logoReceived'));
    }),
  );
  remove.addEventListener('click', () => {
    chosen = undefined;
    show(null);
    changed();
  });
  show(named.dataUrl, named.problem);
  return { element, value: () => chosen };
}

/**
 * After the brands are saved, their accounts checked against the data of the month the check offers: a misspelt
 * handle is said at once, with the closest the data holds, not at the next check. Said in the status line, unless the
 * user has done something else meanwhile.
 */
async function checkHandlesAfterSave(client: ClientSummary): Promise<void> {
  const month = await monthToCheck(client);
  // Nothing to check, or the user started something else meanwhile: its status stays.
  if (month === undefined || statusLine.textContent !== t('saved')) return;
  const checking = `${t('saved')} ${t('checkingHandles')} ${month}…`;
  say(checking);
  const handles = await unknownHandles(client, month);
  if (statusLine.textContent !== checking) return;
  // The check section says why a check fails when it is run; the save itself went through.
  if (handles === null) say(t('saved'));
  else if (handles.length === 0) say(`${t('saved')} ${t('handlesInData')} ${month}.`);
  else say(`${t('saved')} ${handles.map((warning) => `${warning.brand}, ${labelOf('platform', warning.platform ?? '')} — ${warning.message}`).join(' · ')}`, 'warning');
  markUnknownHandles(handles ?? [], document.getElementById('brands'));
}

/** A client whose check can run: one with handles and a config that passes (a brand without handles is refused). */
function quietCheckFits(client: ClientSummary): boolean {
  return !client.needsHandles && client.problem === null && client.withoutAccounts === null;
}

/**
 * On showing the client (or after an import, `again`: the marks of before cleared), its handles checked quietly:
 * their fields marked, the status line left to the user.
 */
async function markHandlesOnOpen(client: ClientSummary, section: HTMLElement, again = false): Promise<void> {
  const month = await monthToCheck(client);
  if (month === undefined) return;
  const handles = await unknownHandles(client, month);
  if (handles === null || !section.isConnected) return;
  if (again) clearHandleMarks(section);
  markUnknownHandles(handles, section);
}

/** The month whose data handles are checked against: the one the check section offers first. */
async function monthToCheck(client: ClientSummary): Promise<string | undefined> {
  return firstMonthOffered(await monthsWithData(client).catch(() => []))?.month;
}

/** The check running for a client and month: the one after a save and the one of the form shown again by it share it. */
let handleCheck: { key: string; handles: Promise<CheckJson['configWarnings'] | null> } | null = null;

/** The handle warnings of the check of `month`; null when the check cannot be run or the month holds no post of the brands. */
function unknownHandles(client: ClientSummary, month: string): Promise<CheckJson['configWarnings'] | null> {
  const key = `${client.id}\u0000${month}`;
  if (handleCheck?.key === key) return handleCheck.handles;
  const handles = api<CheckJson>('GET', `/api/clients/${client.id}/check?period=${encodeURIComponent(month)}&language=${language}`)
    .then((check) => (check.dataSpan ? null : check.configWarnings.filter((warning) => warning.kind === 'handle')))
    .catch(() => null)
    .finally(() => {
      if (handleCheck?.handles === handles) handleCheck = null;
    });
  handleCheck = { key, handles };
  return handles;
}

/** The marks of an earlier check taken off: the field, its sentence and its button. */
function clearHandleMarks(section: HTMLElement): void {
  for (const field of section.querySelectorAll<HTMLInputElement>('input.unknown-handle')) {
    field.classList.remove('unknown-handle');
    field.title = '';
  }
  for (const button of section.querySelectorAll('button[data-action=use-handle]')) button.remove();
}

/** A handle as replybench.yaml is read (src/config/schema.ts): "@BritishAirways" is britishairways. */
function storedHandle(typed: string): string {
  return typed.trim().replace(/^@/, '').toLowerCase();
}

/**
 * Each handle the check found nothing of, in the brands form shown again after the save: its field marked, its
 * sentence as the field's title, and the closest account the data holds one click away (saved with the next save).
 */
function markUnknownHandles(warnings: CheckJson['configWarnings'], section: HTMLElement | null): void {
  const rows = [...(section?.querySelectorAll<HTMLElement>('.brand[data-brand]') ?? [])];
  for (const warning of warnings) {
    // brands.<n>.accounts.<platform>: the n-th brand of the config, as the form lists them.
    const index = Number(/^brands\.(\d+)\./.exec(warning.key)?.[1] ?? -1);
    const fields = [...(rows[index]?.querySelectorAll<HTMLInputElement>('input[data-platform]') ?? [])];
    const field = fields.find((input) => input.dataset.platform === warning.platform && storedHandle(input.value) === warning.value);
    // Marked already (the check on showing the form and the one after a save both mark it): once.
    if (!field || field.classList.contains('unknown-handle')) continue;
    field.classList.add('unknown-handle');
    field.title = warning.message;
    const closest = warning.closest[0]?.name;
    if (closest === undefined) continue;
    // Named for the handle it replaces, its brand and platform: two fields may be offered the same account.
    const useFor = t('useHandleFor').replace('{handle}', closest).replace('{typed}', field.value.trim()).replace('{brand}', warning.brand).replace('{platform}', labelOf('platform', warning.platform ?? ''));
    const use = el('button', { type: 'button', class: 'secondary', 'data-action': 'use-handle', 'aria-label': useFor }, t('useHandle').replace('{handle}', closest));
    use.addEventListener('click', () => {
      // The status line still says the typed handle was not found: it says what to do now.
      say(t('handleUsed').replace('{handle}', closest).replace('{typed}', field.value.trim()));
      field.value = closest;
      field.classList.remove('unknown-handle');
      field.title = '';
      use.remove();
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    field.after(use);
  }
}
