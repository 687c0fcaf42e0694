import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type Dialog, type HTTPRequest, type Page, type SerializedAXNode } from 'puppeteer';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../png.js';
import { call, KAGGLE_SAMPLE, serverForFile, TOKEN } from './helpers.js';

const { server, workspace, base } = serverForFile();
let browser: Browser;

beforeAll(async () => {
  const endpoint = process.env.REPLYBENCH_BROWSER_WS_ENDPOINT;
  if (!endpoint) throw new Error('the tests\' browser is not running (tests/global-setup.ts)');
  browser = await puppeteer.connect({ browserWSEndpoint: endpoint });
});

afterAll(async () => {
  await browser?.disconnect();
});

/** The page in a browser whose languages are `language` (the first is navigator.language), with every console error and failed request collected. */
async function openPage(language: string | string[]): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.evaluateOnNewDocument((codes: string[]) => {
    const navigator = (globalThis as { navigator?: object }).navigator ?? {};
    Object.defineProperty(navigator, 'language', { get: () => codes[0] });
    Object.defineProperty(navigator, 'languages', { get: () => codes });
  }, typeof language === 'string' ? [language] : language);
  await visit(page, server().url);
  return { page, problems };
}

/** Opens `url` and waits for the page's first action (listing the clients) to end: sooner than waiting for the network to rest. */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(STATUS_SETTLED);
}

async function text(page: Page, selector: string): Promise<string> {
  await page.waitForSelector(selector);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it (table cells apart), which textContent does not give.
  return page.$eval(selector, (node) => (node as unknown as { innerText: string }).innerText);
}

/** Sets a field's value as a script would (no typing, no events): the page reads it on the next action. */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (node, typed) => {
    (node as unknown as { value: string }).value = typed;
  }, value);
}

/**
 * Presses `button` for a value the API refuses (a timezone that is none, a folder name taken) and waits for its refusal: `field` marked, and the one refused request the
 * browser logs (nothing else). Returns the status line's sentence.
 */
async function refusesField(page: Page, problems: string[], button: string, field: string): Promise<string> {
  const logged = problems.length;
  await page.click(button);
  await page.waitForSelector(`${field}.missing`);
  await page.waitForFunction(STATUS_SETTLED);
  expect(problems.splice(logged).map((problem) => problem.includes('Failed to load resource'))).toEqual([true]);
  return text(page, '#status');
}

/** In the page: the status line no longer says an action is under way ("Working…"). */
const STATUS_SETTLED = "!document.getElementById('status').textContent.includes('…')";

/** Waits until the status line is empty again (the action ended) and fails with its message if it shows an error. */
async function settled(page: Page): Promise<void> {
  // Polled on a timer: animation frames stall once a report's sandboxed frame is in the page (up to seconds a wait).
  await page.waitForFunction(STATUS_SETTLED, { timeout: 60_000, polling: 50 });
  const error = await page.$eval('#status', (node) => (node.className === 'error' ? node.textContent : null));
  expect(error).toBeNull();
}

/**
 * Clicks the exports section's Preview button as a user would: scrolled out from under the sticky header first. After an
 * import the page keeps its outcome in view (the browser's scroll anchoring), which can leave the button under the header,
 * and puppeteer clicks a button it finds in the viewport at its place, under whatever covers it: the header, not the button.
 */
async function clickPreview(page: Page): Promise<void> {
  await page.$eval('#exports button', (node) => (node as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
  await page.click('#exports button');
}

/** Writes `contents` as an export named `name`, uploads it and waits for the column mapper it opens; returns its path. */
async function openInMapper(page: Page, name: string, contents: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'replybench-page-')), name);
  writeFileSync(file, contents);
  await (await page.$('#exports input[type=file]'))?.uploadFile(file);
  await clickPreview(page);
  await page.waitForSelector('#exports table.mapper');
  await settled(page);
  return file;
}

/** The roles of the controls a screen reader lists by name: form fields and buttons (a file field is a button). */
const CONTROL_ROLES = new Set(['button', 'textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'switch']);

/**
 * The names that two or more form controls or buttons of the page share, as a screen reader reads them (its
 * accessibility tree, hidden ones left out). A button repeated per row carries its row's name ("Quitar spotify"), so
 * none is left out here: two controls of one name, whatever their roles, could not be told apart.
 */
async function sharedNames(page: Page): Promise<string[]> {
  const counts = new Map<string, number>();
  const walk = (node: SerializedAXNode) => {
    if (CONTROL_ROLES.has(node.role)) counts.set(node.name ?? '', (counts.get(node.name ?? '') ?? 0) + 1);
    for (const child of node.children ?? []) walk(child);
  };
  const tree = await page.accessibility.snapshot();
  if (tree) walk(tree);
  return [...counts].filter(([, count]) => count > 1).map(([name]) => name);
}

describe('the page of replybench serve', () => {
  it('sets up a client from an export in the browser only, in Spanish: create, preview, import, brands from suggestions, check, report', async () => {
    const { page, problems } = await openPage('es-ES');
    expect(await text(page, 'section h2')).toBe('Clientes');
    // The keyboard's first stop is a link past the header, out of sight until then; it sends the focus to the page's content.
    const skip = "(() => { const node = document.activeElement; const box = node.getBoundingClientRect(); return [node.tagName, node.textContent, box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.width > 0]; })()";
    expect(await page.$eval('a.skip', (node) => node.getBoundingClientRect().right <= 0)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(skip)).toEqual(['A', 'Saltar al contenido principal', true]);
    await page.keyboard.press('Enter');
    expect(await page.evaluate("[document.activeElement.id, location.hash]")).toEqual(['app', '']);
    // The name comes first: the id, the folder's name, is made from it.
    expect(await page.$$eval('form.new-client label', (labels) => labels.map((label) => label.firstChild?.textContent))).toEqual(['Nombre', 'Nombre de carpeta (se rellena a partir del nombre)', 'Zona horaria del nuevo cliente', 'Idioma de los informes del nuevo cliente']);
    await page.type('input[name=id]', 'apple');
    await page.type('input[name=name]', 'Apple <Support>');
    // A timezone that is none is refused, its field marked beside the status line's sentence.
    const browserZone = await page.$eval('form.new-client input[name=timezone]', (node) => (node as unknown as { value: string }).value);
    await setValue(page, 'form.new-client input[name=timezone]', 'Marte/Olimpo');
    expect(await refusesField(page, problems, 'form.new-client button[type=submit]', 'form.new-client input[name=timezone]')).toBe(
      '«Marte/Olimpo» no es una zona horaria: elija una de la lista, como Europe/Madrid o America/Mexico_City.',
    );
    await setValue(page, 'form.new-client input[name=timezone]', browserZone);
    await page.click('form.new-client button[type=submit]');
    await page.waitForSelector('#exports');
    await settled(page);
    expect(await text(page, 'p.next')).toContain('Siguiente paso');
    expect(await text(page, '#status')).toBe('Creado, en la carpeta apple del espacio de trabajo.');
    expect(await page.$('p.problem')).toBeNull();
    // The same folder name again is refused in the words of its field's label, the field marked.
    await setValue(page, 'form.new-client input[name=name]', 'Apple');
    await setValue(page, 'form.new-client input[name=id]', 'apple');
    expect(await refusesField(page, problems, 'form.new-client button[type=submit]', 'form.new-client input[name=id]')).toBe(
      'Ya existe un cliente con el nombre de carpeta «apple»: ábralo desde la lista o dé otro nombre de carpeta al nuevo.',
    );
    // Nothing imported yet: the check and the report say so beside their period field.
    await page.waitForFunction("document.querySelector('#check [data-note=no-data-yet]').textContent !== ''");
    expect(await text(page, '#report [data-note=no-data-yet]')).toBe('Aún no se ha importado nada: importe primero una exportación.');
    // No two controls of the page share a name for a screen reader: each period field says which it is (the note beside
    // it, that nothing is imported yet, is its description, not part of its name), each timezone field whose timezone it is.
    expect(await sharedNames(page)).toEqual([]);
    const namedFields: Array<[string | undefined, string | undefined]> = [];
    for (const selector of ['#check input[name=period]', '#report input[name=period]', 'form.new-client input[name=timezone]', '#brands input[name=client-timezone]']) {
      const node = await page.accessibility.snapshot({ root: (await page.$(selector)) ?? undefined });
      namedFields.push([node?.name, node?.description]);
    }
    expect(namedFields).toEqual([
      ['Periodo que comprobar (2017-10, 2017-Q4)', 'Aún no se ha importado nada: importe primero una exportación.'],
      ['Periodo del informe (2017-10, 2017-Q4)', 'Aún no se ha importado nada: importe primero una exportación.'],
      ['Zona horaria del nuevo cliente', undefined],
      ['Zona horaria del cliente', undefined],
    ]);
    // The period field's example is last month, not a month of some other data.
    const lastMonth = new Date();
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    expect(await page.$eval('#report input[name=period]', (node) => node.getAttribute('placeholder'))).toBe(lastMonth.toISOString().slice(0, 7));

    const input = await page.$('#exports input[type=file]');
    await input?.uploadFile(KAGGLE_SAMPLE);
    await clickPreview(page);
    await page.waitForSelector('#exports .preview table');
    await settled(page);
    expect(await text(page, '#exports .preview table')).toContain('CSV «Customer Support on Twitter» de Kaggle');
    // The zone its times without an offset were read in is shown beside what it would import: the import reads them the same way.
    // It is the client's own zone by default (the browser's, which the new client took).
    const zone = /^timezone: (\S+)$/m.exec(readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8'))?.[1] ?? '';
    expect(await page.$eval('#exports select[name=local-times]', (node) => (node as unknown as { value: string }).value)).toBe(zone);
    // Every time of this layout names its offset (+0000): the preview says no time is read in a zone.
    expect(await text(page, '#exports .preview table')).toContain('\tninguna: cada hora de este formato indica su desfase\t');
    // What the file supports, in the page's words.
    expect(await text(page, '#exports .preview .supports')).toContain('Abarca 3 días (del 2017-10-10 al 2017-10-12)');
    // Times as the client's reports date them, in its zone (the sample's first tweet: Wed Oct 11 06:55:44 +0000 2017).
    expect(await text(page, '#exports .preview table.first-rows thead')).toContain(`Fecha (${zone})`);
    const local = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date('2017-10-11T06:55:44Z')).map((part) => [part.type, part.value]),
    );
    expect(await text(page, '#exports .preview table.first-rows tbody tr:first-child td:nth-child(2)')).toMatch(new RegExp(`^${local.day} oct 2017,? ${Number(local.hour)}:${local.minute}$`));
    // Nothing is stored yet: every post is new.
    expect(await text(page, '#exports .preview table')).toMatch(/Publicaciones nuevas\tYa en la base de datos\t.*\n.*\t93\t0\t/);
    // Codes the server sends are shown in the page's language: the kinds of posts...
    expect(await text(page, '#exports .preview table:nth-of-type(2)')).toContain('publicaciones: 25, respuestas: 68');
    await page.click('#exports .preview button');
    await page.waitForFunction("document.querySelector('#exports .outcome')?.textContent !== ''");
    expect(await text(page, '#exports .outcome')).toBe('Importadas: 93');
    // The preview's "93 new posts" is gone with its import button; what the file supports stays beside the outcome.
    expect(await page.$$eval('#exports .preview table.first-rows, #exports .preview button', (nodes) => nodes.length)).toBe(0);
    expect(await page.$('#exports .preview .supports')).not.toBeNull();
    // The same file again: its preview says when it was imported, dated as the client's reports date it.
    await (await page.$('#exports input[type=file]'))?.uploadFile(KAGGLE_SAMPLE);
    await clickPreview(page);
    await page.waitForSelector('#exports [data-note=already-imported]');
    expect(await text(page, '#exports [data-note=already-imported]')).toMatch(new RegExp(`^Este contenido ya se importó el \\d+ \\S+ \\d{4}, \\d+:\\d\\d \\(${zone.replace('/', '\\/')}\\): `));
    // Imported all the same, it adds nothing, and says why: every post is held already.
    await page.click('#exports .preview button');
    await page.waitForFunction("document.querySelector('#exports .outcome')?.textContent !== ''");
    expect(await text(page, '#exports .outcome')).toBe('Importadas: 0 (93 ya guardadas)');
    // A file refused next takes the last one's outcome away, and says why beside the button.
    const notExport = join(mkdtempSync(join(tmpdir(), 'replybench-page-')), 'factura.pdf');
    writeFileSync(notExport, '%PDF-1.4\n%âãÏÓ\n1 0 obj\n');
    const loggedBeforeRefusal = problems.length;
    await (await page.$('#exports input[type=file]'))?.uploadFile(notExport);
    await clickPreview(page);
    await page.waitForSelector('#exports [data-note=upload-refused]');
    expect(await page.$('#exports .outcome')).toBeNull();
    expect(await text(page, '#exports [data-note=upload-refused]')).toBe(await text(page, '#status'));
    // The browser logs the refusal's status, as it logs every refused request: that one line, nothing else.
    expect(problems.splice(loggedBeforeRefusal).map((problem) => problem.includes('Failed to load resource'))).toEqual([true]);
    // Another file whose every post is stored already says so before it is imported.
    const part = join(mkdtempSync(join(tmpdir(), 'replybench-page-')), 'primeras filas.csv');
    writeFileSync(part, readFileSync(KAGGLE_SAMPLE, 'utf8').split('\n').slice(0, 21).join('\n'));
    await (await page.$('#exports input[type=file]'))?.uploadFile(part);
    await clickPreview(page);
    await page.waitForSelector('#exports [data-note=all-stored]');
    expect(await text(page, '#exports [data-note=all-stored]')).toBe('Todas las publicaciones de este archivo ya están en la base de datos: importarlo no añade ninguna (solo completa lo que les falte a las guardadas).');
    // A file of a header alone has nothing to import: said, and its import button is off.
    const header = join(dirname(part), 'solo encabezado.csv');
    writeFileSync(header, `${readFileSync(KAGGLE_SAMPLE, 'utf8').split('\n')[0]}\n`);
    await (await page.$('#exports input[type=file]'))?.uploadFile(header);
    await clickPreview(page);
    await page.waitForSelector('#exports [data-note=nothing-to-import]');
    expect(await page.$eval('#exports .preview button', (node) => (node as unknown as { disabled: boolean }).disabled)).toBe(true);

    // The brands form now offers the accounts of the data, and the period fields the month it holds.
    await page.waitForFunction("document.getElementById('handles-twitter')?.children.length > 0");
    // A brand's id stands apart from the word "Nombre", small, saying where it is used.
    expect(await page.$eval('[data-brand=apple] .brand-id', (node) => [node.textContent, node.getAttribute('title')])).toEqual(['apple', 'El identificador de la marca en replybench.yaml y en la línea de comandos (replybench themes --brand …).']);
    const offered = await page.$$eval('#handles-twitter option', (options) => options.map((option) => (option as unknown as { value: string }).value));
    // Each suggestion says what its count is: the replies an account wrote (here every account mentioned also replies).
    const labels = await page.$$eval('#handles-twitter option', (options) => options.map((option) => option.textContent));
    expect(labels.slice(0, 2)).toEqual(['applesupport (13 respuestas)', 'spotifycares (8 respuestas)']);
    expect(offered[0]).toBe('applesupport');
    // A misspelt handle is replaced by the one the data offers.
    await page.type('[data-brand=apple] input[data-platform=twitter]', 'AppleSuport');
    await setValue(page, '[data-brand=apple] input[data-platform=twitter]', offered[0] ?? '');
    await page.type('#brands input[data-field=new-brand]', 'spotify');
    await page.click('#brands button[data-action=add-brand]');
    // A handle misspelt past the suggestions, written as the brand writes it (an @, capitals): the check after the save offers the account it is closest to.
    await page.type('[data-brand=spotify] input[data-platform=twitter]', '@SpotifyCare');
    // One handle per field: typing in the last one offers another, empty.
    expect(await page.$$eval('[data-brand=spotify] input[data-platform=twitter]', (inputs) => inputs.map((input) => (input as unknown as { value: string }).value))).toEqual(['@SpotifyCare', '']);
    // A second handle that is no account of the data and spells like none of them: the check lists the accounts the data holds.
    await page.type('[data-brand=spotify] input[data-platform=twitter]:nth-of-type(2)', 'qqzzxxww');
    // A platform the data does not hold yet is added to every brand.
    await page.select('#brands select[data-field=new-platform]', 'instagram');
    await page.click('#brands button[data-action=add-platform]');
    expect(await page.$$eval('[data-brand] input[data-platform=instagram]', (inputs) => inputs.length)).toBe(2);
    await page.type('[data-brand=spotify] input[data-platform=instagram]', 'spotify');
    // The agency whose name and logo the report's cover carries: the logo is sent at once, and named in the config by the save.
    await page.type('#brands input[name=agency-name]', 'Agencia <Norte>');
    const logoFile = join(mkdtempSync(join(tmpdir(), 'replybench-logo-')), 'agency logo.png');
    writeFileSync(logoFile, png(60, 20));
    await (await page.$('#brands input[name=agency-logo]'))?.uploadFile(logoFile);
    await page.waitForFunction("document.getElementById('status').textContent === 'Logotipo recibido: guarde para ponerlo en la portada del informe.'");
    expect(await page.$eval('#brands img.logo-preview', (node) => (node as unknown as { src: string }).src)).toBe(`data:image/png;base64,${png(60, 20).toString('base64')}`);
    // Opening hours written in words the config cannot read are refused in the page's language, the brand named, nothing saved.
    const loggedBeforeHours = problems.length;
    await page.type('[data-brand=spotify] input[data-field=hours]', 'de 9 a 18');
    await page.click('#brands > button');
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('No se entiende')");
    expect(await text(page, '#status')).toBe('No se entiende el horario de spotify: escriba los días y luego las horas, como en lun-vie 09:00-18:00; sáb 10:00-14:00.');
    expect(problems.splice(loggedBeforeHours).map((problem) => problem.includes('400'))).toEqual([true]);
    // The field the brand's hours are written in is marked, as an empty name is.
    expect(await page.$eval('[data-brand=spotify] input[data-field=hours]', (node) => node.className)).toBe('missing');
    await setValue(page, '[data-brand=spotify] input[data-field=hours]', '');
    // A double click saves once: the button waits for the save (a second request would be refused as another window's edit).
    const saves: string[] = [];
    const countSaves = (request: { method(): string; url(): string }) => {
      if (request.method() === 'PUT') saves.push(request.url());
    };
    page.on('request', countSaves);
    await page.click('#brands > button', { count: 2 });
    // Saved, then the accounts are checked against the month the check offers: the two that match nothing are said at once.
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('Guardado. ') && !document.getElementById('status').textContent.includes('…')");
    page.off('request', countSaves);
    expect(saves).toHaveLength(1);
    const afterSave = await page.$eval('#status', (node) => node.textContent ?? '');
    expect(afterSave).toContain('Guardado. ');
    // Saved, with something to look at: a warning's colour, not an error's.
    expect(await page.$eval('#status', (node) => node.className)).toBe('warning');
    expect(afterSave).toContain('spotify, Instagram — «spotify»: ninguna publicación suya ni que la mencione en 2017-10');
    expect(afterSave).toContain('spotify, Twitter — «qqzzxxww»: ninguna publicación suya ni que la mencione en 2017-10');
    // The fields of the handles the data does not hold are marked; the misspelt one is fixed in one click, and saved.
    expect(await page.$$eval('#brands input.unknown-handle', (inputs) => inputs.map((input) => (input as unknown as { value: string }).value).sort())).toEqual(['@SpotifyCare', 'qqzzxxww', 'spotify']);
    expect(await page.$$eval('#brands button[data-action=use-handle]', (buttons) => buttons.map((button) => button.textContent))).toEqual(['Usar spotifycares']);
    // Two brands, each with its opening hours, and a button that replaces one handle: each named for its brand and field.
    expect(await sharedNames(page)).toEqual([]);
    expect(await page.$$eval('#brands input[data-field=hours]', (inputs) => inputs.map((input) => input.getAttribute('aria-label')))).toEqual([
      'Horario de atención de Apple <Support> (para las cifras fuera de él)',
      'Horario de atención de spotify (para las cifras fuera de él)',
    ]);
    expect(await page.$eval('#brands button[data-action=use-handle]', (node) => node.getAttribute('aria-label'))).toBe('Usar spotifycares en lugar de @SpotifyCare para spotify en Twitter');
    await page.click('#brands button[data-action=use-handle]');
    expect(await page.$$eval('[data-brand=spotify] input[data-platform=twitter]', (inputs) => inputs.map((input) => (input as unknown as { value: string }).value))).toEqual(['spotifycares', 'qqzzxxww', '']);
    // The status line no longer says the typed handle was not found: it says the next step.
    expect(await text(page, '#status')).toBe('spotifycares está en el formulario en lugar de @SpotifyCare: pulse Guardar para conservarlo.');
    expect(await page.$$eval('#brands button[data-action=use-handle]', (buttons) => buttons.length)).toBe(0);
    expect(readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8')).toMatch(/twitter:\s*\n?\s*- "@SpotifyCare"\n/);
    await page.click('#brands > button');
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('Guardado. ') && !document.getElementById('status').textContent.includes('…')");
    const saved = readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8');
    // The replaced handle keeps the quotes its YAML node had ("@SpotifyCare" needed them).
    expect(saved).toMatch(/twitter:\s*\n?\s*- "spotifycares"\n/);
    expect(saved).toMatch(/instagram:\s*\n?\s*- spotify/);
    // The upload waiting in the exports section (the header alone) is still there after the save: it was not drawn again.
    expect(await page.$('#exports [data-note=nothing-to-import]')).not.toBeNull();

    // The period fields offer the month the import brought, and start on it; the note that nothing was imported is gone.
    await page.waitForFunction("document.querySelector('#check [data-note=no-data-yet]').textContent === ''");
    await page.waitForFunction("document.querySelector('#check input[name=period]').value === '2017-10' && document.querySelectorAll('#months-report option').length > 0");
    expect(await page.$eval('#check input[name=period]', (node) => node.getAttribute('placeholder'))).toBe('2017-10');
    expect(await page.$$eval('#months-report option', (options) => options.map((option) => (option as unknown as { value: string }).value))).toEqual(['2017-10']);
    await page.click('#check button');
    await page.waitForSelector('#check table');
    await settled(page);
    const coverage = await text(page, '#check table');
    expect(coverage).toContain('Apple <Support>');
    expect(coverage).toContain('spotify\tTwitter\t7');
    // ...and the coverage warnings ("part of the period": the sample covers 3 days).
    expect(coverage).toContain('parte del periodo');
    expect(coverage).not.toMatch(/partial-period|\tok$/m);
    // Twitter holds all of spotify's data: its row for all platforms would say the same again, and is left out.
    expect(coverage).not.toContain('spotify\ttodas las plataformas');
    expect(coverage).toContain('spotify\tInstagram\t0');
    // A config warning names the brand and platform, not the config's key path.
    expect(await text(page, '#check')).toContain('spotify, Instagram — «spotify»: ninguna publicación suya ni que la mencione en 2017-10');
    expect(await text(page, '#check')).not.toMatch(/brands\.\d/);
    // The accounts no brand lists yet: applesupport, the client's, is not offered again.
    const toTakeFrom = await text(page, '#check .accounts[data-platform=twitter]');
    expect(toTakeFrom).toMatch(/^Cuentas que aparecen en los datos de Twitter, para elegir entre ellas las de las marcas: las que más responden: tesco \(8\), .* · las más mencionadas: tesco \(8\), /);
    expect(toTakeFrom).not.toContain('applesupport');
    // Languages are offered by their own names.
    expect(await page.$$eval('#report select option', (options) => options.map((option) => option.textContent))).toEqual(['English', 'Español', 'Français']);
    // Each language field is named for what it sets, as a screen reader reads it: the page's, a new client's reports', this client's reports' by default, this report's.
    const languageFields = ['header select[name=page-language]', 'form.new-client select[name=language]', '#brands select[name=client-language]', '#report select[name=report-language]'];
    const fieldNames: Array<string | undefined> = [];
    for (const selector of languageFields) fieldNames.push((await page.accessibility.snapshot({ root: (await page.$(selector)) ?? undefined }))?.name);
    expect(fieldNames).toEqual(['Idioma de la página', 'Idioma de los informes del nuevo cliente', 'Idioma predeterminado de los informes', 'Idioma del informe']);
    // ...and what each warning means, in sentences of the page's language.
    expect(await text(page, '#check .sentences')).toContain('Marca spotify, Twitter: el 71\u00a0% de sus menciones caen el 2017-10-11');
    // A check that fails (a month that does not exist) leaves no figures of the month before on the page.
    const logged = problems.length;
    await setValue(page, '#check input[name=period]', '2017-13');
    await page.click('#check button');
    await page.waitForFunction("!document.querySelector('#check table') && document.getElementById('status').className === 'error'");
    // In the page's language, not the server's English; beside the button too, as a report's refusal is.
    expect(await text(page, '#status')).toBe('«2017-13» nombra un día o un mes que no existe.');
    expect(await text(page, '#check [data-note=check-refused]')).toBe('«2017-13» nombra un día o un mes que no existe.');
    // The browser logs the refused request itself: that one, and only it, is expected.
    expect(problems.splice(logged).map((problem) => problem.includes('400'))).toEqual([true]);

    await setValue(page, '#report input[name=period]', '2017-10');
    await page.click('#report button');
    await page.waitForSelector('#report iframe', { timeout: 60_000 });
    await settled(page);
    const links = await page.$$eval('#report .files a', (anchors) => anchors.map((anchor) => (anchor as unknown as { href: string }).href));
    expect(links.map((link) => new URL(link).pathname)).toEqual([
      '/api/clients/apple/reports/2017-10-es/report.pdf',
      '/api/clients/apple/reports/2017-10-es/report.pptx',
      '/api/clients/apple/reports/2017-10-es/metrics.xlsx',
      '/api/clients/apple/reports/2017-10-es/report.html',
      '/api/clients/apple/reports/2017-10-es/analyst-notes.xlsx',
    ]);
    expect(await page.$$eval('#report .files a', (anchors) => anchors.map((anchor) => anchor.textContent))).toEqual(['PDF', 'PPTX', 'XLSX', 'HTML', 'Notas del analista (XLSX, no para el cliente)']);
    expect(await text(page, '#status')).toBe('Guardado en la carpeta reports/2017-10-es del cliente.');
    const pdf = await fetch(links[0] ?? '');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // The cover carries the agency's name typed in the brands form, as text.
    expect(readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8')).toMatch(/agency:\s*\n\s*name: Agencia <Norte>\s*\n\s*logo: logo-[0-9a-f]{12}\.png/);
    const html = await (await fetch(links[3] ?? '')).text();
    expect(html).toContain('Agencia &lt;Norte&gt;');
    expect(html).toContain(`data:image/png;base64,${png(60, 20).toString('base64')}`);
    // The report's files and the earlier reports listed: still no name twice.
    expect(await sharedNames(page)).toEqual([]);
    // Listed among the client's reports (the one just written is no "earlier" one), it opens from there; writing it again over it is asked first.
    expect(await page.$$eval('#report .earlier button', (buttons) => buttons.map((button) => button.textContent))).toEqual(['2017-10-es']);
    expect(await page.$eval('#report .earlier', (node) => node.firstChild?.textContent)).toBe('Informes escritos para este cliente: ');
    await page.$eval('#report .files', (node) => node.remove());
    // Clicked through the DOM: a puppeteer mouse click stalls once the report's sandboxed frame is in the page.
    const press = (selector: string) => page.$eval(selector, (node) => (node as unknown as { click(): void }).click());
    await press('#report .earlier button[data-report="2017-10-es"]');
    await page.waitForSelector('#report .files a');
    await settled(page);
    const reopened = await page.$$eval('#report .files a', (anchors) => anchors.map((anchor) => (anchor as unknown as { href: string }).href));
    expect(reopened).toEqual(links);
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await press('#report button');
    await settled(page);
    // It says what is replaced, and what is not: a copy already sent to the client.
    expect(asked).toEqual(['El informe 2017-10-es ya existe: ¿escribirlo de nuevo? Su PDF, su presentación y su libro de Excel en la carpeta del cliente se reemplazan; las copias ya enviadas no cambian.']);
    // A report of three of the month's days, written after the month's, is listed after it: the most recent period first.
    await setValue(page, '#report input[name=period]', '2017-10-10..2017-10-12');
    await page.$eval('#report .files', (node) => node.remove());
    await press('#report button');
    await page.waitForSelector('#report .files a', { timeout: 60_000 });
    await settled(page);
    expect(await page.$$eval('#report .earlier button', (buttons) => buttons.map((button) => button.textContent))).toEqual(['2017-10-es', '2017-10-10-to-2017-10-12-es']);
    // A period refused takes the report shown away, and says why beside the button.
    const loggedBeforePeriod = problems.length;
    await setValue(page, '#report input[name=period]', '2017-13');
    await press('#report button');
    await page.waitForSelector('#report [data-note=report-refused]', { timeout: 30_000 });
    await page.waitForFunction(STATUS_SETTLED);
    expect([await page.$('#report .files'), await page.$('#report iframe')]).toEqual([null, null]);
    expect(await text(page, '#report [data-note=report-refused]')).toBe('«2017-13» nombra un día o un mes que no existe.');
    expect(problems.splice(loggedBeforePeriod).map((problem) => problem.includes('Failed to load resource'))).toEqual([true]);
    await setValue(page, '#report input[name=period]', '2017-10');
    // Apple's one Twitter account misspelt in the file: the report says so, naming the account the data holds, and
    // asks whether to write it anyway (a brand may have no data in a month); refused, nothing is written.
    const configFile = join(workspace(), 'apple/replybench.yaml');
    const configText = readFileSync(configFile, 'utf8');
    expect(configText).toContain('- applesupport\n');
    writeFileSync(configFile, configText.replace('- applesupport\n', '- applesuport\n'));
    const typo =
      '«applesuport» (Apple <Support>) no aparece en ninguna publicación del periodo, ni ninguna otra cuenta de Apple <Support> en esa red: ¿quería decir applesupport? Corríjala en «Marcas e informe» y guarde. Tal como está, el informe mostraría Apple <Support> sin datos en esa red.';
    const decisions = [true, false, true, true];
    const dialogs: string[] = [];
    const decide = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void (decisions.shift() ? dialog.accept() : dialog.dismiss());
    };
    page.on('dialog', decide);
    const loggedBefore = problems.length;
    // The refused period above took the last report's files away already.
    expect(await page.$('#report .files')).toBeNull();
    await press('#report button');
    // Polled on a timer: animation frames stall once the report's frame is in the page.
    await page.waitForFunction("document.getElementById('status').className === 'error'", { timeout: 60_000, polling: 100 });
    expect(await text(page, '#status')).toBe(typo);
    expect(await page.$$eval('#report .files', (nodes) => nodes.length)).toBe(0);
    await press('#report button');
    await page.waitForSelector('#report .files a', { timeout: 60_000 });
    await settled(page);
    page.off('dialog', decide);
    const replace = 'El informe 2017-10-es ya existe: ¿escribirlo de nuevo? Su PDF, su presentación y su libro de Excel en la carpeta del cliente se reemplazan; las copias ya enviadas no cambian.';
    expect(dialogs).toEqual([replace, `${typo}\n\n¿Generar el informe de todos modos?`, replace, `${typo}\n\n¿Generar el informe de todos modos?`]);
    // The browser logs each refused request itself (one per click, before the question): those, and only they, are expected.
    expect(problems.splice(loggedBefore).map((problem) => problem.includes('422'))).toEqual([true, true]);
    // Opened again, the form marks the misspelt handle of the file, as a save would, with the account the data holds one click away.
    // Polled on a timer, as above: the earlier report's frame may stall animation frames until the page is replaced.
    await page.goto(page.url(), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction("document.querySelector('#brands input.unknown-handle') !== null", { timeout: 60_000, polling: 100 });
    expect(await page.$$eval('#brands input.unknown-handle', (inputs) => inputs.map((input) => (input as unknown as { value: string }).value))).toContain('applesuport');
    expect(await page.$$eval('#brands button[data-action=use-handle]', (buttons) => buttons.map((button) => button.textContent))).toContain('Usar applesupport');
    expect(await sharedNames(page)).toEqual([]);
    expect(await text(page, '#status')).toBe('');
    writeFileSync(configFile, configText);
    // The client's name went in as text: no element was made of it.
    expect(await page.$$eval('support', (nodes) => nodes.length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opened during an import (a reload, another window), follows it and opens the client’s sections when it ends', async () => {
    expect((await call(base(), 'POST', '/api/clients', { id: 'waiting', name: 'Waiting', timezone: 'UTC', language: 'en' })).status).toBe(201);
    const page = await browser.newPage();
    // The server says an import runs for the first answers, then that nothing runs: what a reload during an import sees.
    let asked = 0;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!request.url().includes('/api/clients/waiting/activity') || asked++ >= 2) return void request.continue();
      const activity = { action: 'import', subject: 'big.csv', step: 'loading', stepNumber: null, steps: null, fraction: null, rows: 120000, seconds: 4 + asked };
      void request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify({ activity }) });
    });
    const address = new URL(server().url);
    address.searchParams.set('client', 'waiting');
    await visit(page, address.href);
    expect(await text(page, '#app p.next')).toMatch(/^An import of this client is under way .*: importing big\.csv · .*120,000 rows · \d+ s$/);
    expect(await page.$('#exports')).toBeNull();
    expect(await page.$eval('#status', (node) => node.className)).not.toBe('error');
    await page.waitForSelector('#exports', { timeout: 15_000 });
    await settled(page);
    expect(await page.$('#brands')).not.toBeNull();
    expect(asked).toBeGreaterThanOrEqual(3);

    // This page's own import is not followed as another's: the brands saved while it runs keep the exports section,
    // and the import's outcome lands there. The import request is held in flight while the server says an import runs.
    await (await page.$('#exports input[type=file]'))?.uploadFile(KAGGLE_SAMPLE);
    await clickPreview(page);
    await page.waitForSelector('#exports .preview button');
    await settled(page);
    let importing = true;
    let hold: (request: HTTPRequest) => void = () => undefined;
    const held = new Promise<HTTPRequest>((resolve) => {
      hold = resolve;
    });
    page.removeAllListeners('request');
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/clients/waiting/imports')) return hold(request);
      if (importing && request.url().includes('/api/clients/waiting/activity')) {
        const activity = { action: 'import', subject: 'twcs_kaggle_sample.csv', step: 'saving', stepNumber: null, steps: null, fraction: null, rows: 93, seconds: 1 };
        return void request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify({ activity }) });
      }
      void request.continue();
    });
    // Pressed from the keyboard, the import button keeps the focus while the import runs, marked busy (not disabled, which
    // would drop the focus to the page), and a second press asks for nothing more.
    const importButton = '#exports .preview button';
    await page.focus(importButton);
    await page.keyboard.press('Enter');
    const importRequest = await held;
    let imports = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/clients/waiting/imports')) imports += 1;
    });
    await page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.$eval(importButton, (node) => [node.getAttribute('aria-disabled'), (node as unknown as { disabled: boolean }).disabled, node === node.ownerDocument.activeElement])).toEqual(['true', false, true]);
    expect(imports).toBe(0);
    await page.click('#brands button[data-action=save-brands]');
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('Saved.')");
    expect(await page.$('#exports .preview')).not.toBeNull();
    expect(await page.$$eval('#app p.next', (notes) => notes.map((note) => note.textContent ?? '').filter((note) => note.includes('under way')))).toEqual([]);
    importing = false;
    await importRequest.continue();
    await page.waitForFunction("document.querySelector('#exports .outcome')?.textContent !== ''");
    expect(await text(page, '#exports .outcome')).toBe('Imported: 93');
    await page.close();
  });

  it('says it is working until the last of two actions under way ends, not when the first one does', async () => {
    const page = await browser.newPage();
    const address = new URL(server().url);
    address.searchParams.set('client', 'apple');
    address.searchParams.set('language', 'en');
    await visit(page, address.href);
    await page.waitForSelector('#check button');
    await page.waitForNetworkIdle();
    // The check's request is held in flight while the client is shown again, an action that ends first and says nothing.
    let holding = true;
    let hold: (request: HTTPRequest) => void = () => undefined;
    const held = new Promise<HTTPRequest>((resolve) => {
      hold = resolve;
    });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (holding && request.url().includes('/api/clients/apple/check?')) {
        holding = false;
        return hold(request);
      }
      void request.continue();
    });
    await setValue(page, '#check input[name=period]', '2017-10');
    await page.click('#check button');
    const check = await held;
    await page.$eval('#check', (node) => node.setAttribute('data-shown', 'before'));
    await page.click('.clients button.current');
    // Shown again, its action ends (a moment after its sections are in): the line still says the check runs.
    await page.waitForSelector('#check:not([data-shown])');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.$eval('#status', (node) => node.textContent)).toMatch(/^Working…/);
    await check.continue();
    await settled(page);
    expect(await page.$eval('#status', (node) => node.textContent)).toBe('');
    await page.close();
  });

  it('in French, maps the columns of a layout it does not know, previews and imports it; without its token says what to open', async () => {
    const { page, problems } = await openPage('fr-FR');
    expect(await text(page, 'section h2')).toBe('Clients');
    expect(await text(page, 'form.new-client h3')).toBe('Nouveau client');
    // Each client by its name, with its id beside it.
    expect(await text(page, '#app button[data-client=apple]')).toBe('Apple <Support>apple');
    // A name of emoji only makes no folder name: the field says why.
    await page.type('input[name=name]', '🚀🎉');
    expect(await page.$eval('input[name=id]', (node) => (node as unknown as { validationMessage: string }).validationMessage)).toBe(
      'Le nom ne contient ni lettre ni chiffre pour former le nom du dossier\u00a0: écrivez-le ici (lettres, chiffres, - et _).',
    );
    await setValue(page, 'input[name=name]', '');
    // A long name makes a folder name cut at its last whole word within 64 characters.
    await page.type('input[name=name]', 'Fédération des associations européennes et méditerranéennes de télécommunications');
    expect(await page.$eval('input[name=id]', (node) => (node as unknown as { value: string }).value)).toBe('federation-des-associations-europeennes-et-mediterraneennes-de');
    await setValue(page, 'input[name=name]', '');
    await setValue(page, 'input[name=id]', '');
    await page.type('input[name=id]', 'inconnu');
    await page.type('input[name=name]', 'Inconnu');
    await page.click('form.new-client button[type=submit]');
    await page.waitForSelector('#exports');
    await settled(page);
    // The address names the new client: a reload opens it, not the one the page was opened on.
    expect(new URL(page.url()).searchParams.get('client')).toBe('inconnu');
    // Back returns to the page as it was before (no client shown), Forward to the client: the page is not left.
    await page.evaluate('history.back()');
    await page.waitForFunction("document.getElementById('exports') === null");
    await settled(page);
    expect(new URL(page.url()).searchParams.get('client')).toBeNull();
    await page.evaluate('history.forward()');
    await page.waitForSelector('#exports');
    await settled(page);
    expect(await page.$eval('.clients button.current', (node) => node.getAttribute('data-client'))).toBe('inconnu');
    // Preview without a file chosen: said, not silent.
    await clickPreview(page);
    await page.waitForFunction("document.getElementById('status').className === 'error'");
    expect(await text(page, '#status')).toBe('Choisissez d’abord un export (CSV, TSV, XLSX ou ZIP), puis prévisualisez-le.');
    // The error goes once a field is changed to mend it (here any field: the new client's name).
    await page.type('input[name=name]', 'x');
    expect(await page.$eval('#status', (node) => [node.className, node.textContent])).toEqual(['', '']);
    await setValue(page, 'input[name=name]', '');
    const export_ = await openInMapper(page, 'sondage.csv', 'Nº;Usuario;Cuándo;Texto;Red\n1;ana;31/10/2017 20:00;@AcmeCares sin señal;X\n2;ben;31/10/2017 21:00;@AcmeCares ¿hola?;FB\n');
    // The mapper's fields are named apart from the page's other fields.
    expect(await sharedNames(page)).toEqual([]);
    expect(await page.$eval('select[data-field=id]', (node) => (node as unknown as { value: string }).value)).toBe('Nº');
    expect(await page.$eval('select[data-field=date]', (node) => (node as unknown as { value: string }).value)).toBe('');
    // Said in the page's words; neither the import's command-line options nor the upload's folder on the server are shown.
    expect(await text(page, '#exports [data-note=unknown-layout]')).toBe('replybench ne reconnaît pas les colonnes de ce fichier\u00a0: indiquez ci-dessous quelle colonne contient quoi.');
    expect(await text(page, '#exports')).not.toMatch(/--format|\.incoming|unknown export layout/);
    // No preview yet: the page says which field every import needs is still without a column.
    expect(await text(page, '#exports [data-note=pick-required]')).toMatch(/a besoin\s*: Date$/);
    // The id has its column: nothing more is said of it. Without one, the page says what an id can be.
    expect(await page.$('#exports [data-note=pick-id]')).toBeNull();
    await page.select('select[data-field=id]', '');
    expect(await text(page, '#exports [data-note=pick-id]')).toMatch(/^Identifiant de la publication\u00a0: toute colonne dont les valeurs changent d’une ligne à l’autre/);
    await page.select('select[data-field=id]', 'Nº');
    expect(await page.$('#exports [data-note=pick-id]')).toBeNull();
    await page.select('select[data-field=date]', 'Cuándo');
    // The column's dates are not ISO: the format they all fit is taken, shown in its field, and said.
    await page.waitForFunction("document.querySelector('input[data-field=\"date.format\"]').value === '%d/%m/%Y %H:%M'");
    await page.waitForSelector('#exports .mapped-preview .supports');
    await settled(page);
    expect(await text(page, '#exports [data-note=date-format]')).toBe('Le format de date a été lu dans les dates de la colonne\u00a0; changez-le si elles veulent dire autre chose.');
    // The usual formats are offered, each with a date written that way, not the codes alone.
    expect(await page.$$eval('#date-formats option', (options) => options.slice(0, 3).map((option) => [(option as unknown as { value: string }).value, option.textContent]))).toEqual([
      ['iso', 'dates ISO (2017-10-31T20:05:00Z)'],
      ['%d/%m/%Y %H:%M', '31/10/2017 20:05'],
      ['%m/%d/%Y %H:%M', '10/31/2017 20:05'],
    ]);
    // A format the user writes is kept, even one that reads nothing: the rows are then rejected, why once per row in the page's words, with the dates not read.
    await setValue(page, 'input[data-field="date.format"]', '%Y-%m-%d');
    await page.type('input[data-field="date.format"]', ' ');
    await page.keyboard.press('Tab');
    await page.waitForSelector('#exports [data-note=unread-dates]');
    await settled(page);
    expect(await page.$$eval('#exports .mapped-preview table.first-rows tbody td:nth-child(2)', (cells) => cells.map((cell) => cell.textContent))).toEqual(['date non lue', 'date non lue']);
    expect(await text(page, '#exports [data-note=unread-dates]')).toBe('Dates non lues, par exemple\u00a0: «\u00a031/10/2017 20:00\u00a0», «\u00a031/10/2017 21:00\u00a0»');
    expect(await page.$eval('input[data-field="date.format"]', (node) => (node as unknown as { value: string }).value)).toBe('%Y-%m-%d ');
    await setValue(page, 'input[data-field="date.format"]', '%d/%m/%Y %H:%M');
    await page.type('input[data-field="date.format"]', ' ');
    await page.keyboard.press('Tab');
    await page.waitForSelector('#exports .mapped-preview .supports');
    await settled(page);
    expect(await text(page, '#exports .mapped-preview table')).toContain('CSV générique, avec les colonnes associées ici');
    expect(await text(page, '#exports .mapped-preview .supports')).toContain('Il couvre');
    // A list the file leaves empty (it holds no reply, so no account that replies) says so, instead of a blank cell.
    expect(await text(page, '#exports .mapped-preview table:nth-of-type(2)')).toMatch(/\tana \(1\), ben \(1\)\t—\tacmecares \(2\)$/);
    // The fields the columns feed, by their names in the page's language.
    expect(await text(page, '#exports .mapped-preview table:nth-of-type(3)')).toContain('Identifiant de la publication\tNº');
    // The platform comes from the column the guess picked, its values folded as on import (X is twitter, FB facebook)...
    expect(await page.$eval('select[data-field=platform]', (node) => (node as unknown as { value: string }).value)).toBe('column:Red');
    const platforms = async () => page.$$eval('#exports .mapped-preview table.first-rows tbody td:nth-child(3)', (cells) => cells.map((cell) => cell.textContent));
    expect(await platforms()).toEqual(['twitter', 'facebook']);
    // ...or is the same for every row.
    await page.select('select[data-field=platform]', 'fixed:instagram');
    await page.waitForFunction("[...document.querySelectorAll('#exports .mapped-preview td')].some((cell) => cell.textContent === 'instagram')");
    await settled(page);
    expect(await platforms()).toEqual(['instagram', 'instagram']);
    // Its times name no offset ('31/10/2017 20:00'): the preview names the zone they are read in, the client's.
    const zone = /^timezone: (\S+)$/m.exec(readFileSync(join(workspace(), 'inconnu/replybench.yaml'), 'utf8'))?.[1] ?? '?';
    expect(await text(page, '#exports .mapped-preview table')).toContain(`\t${zone}\t`);
    // ...or each row's link: this file has none, so each row is rejected for want of a platform, in the page's words.
    await page.select('select[data-field=platform]', 'links:');
    await page.waitForFunction("[...document.querySelectorAll('#exports .mapped-preview td')].some((cell) => cell.textContent.startsWith('aucune plateforme'))");
    await settled(page);
    expect(await page.$eval('select[data-field=platform] option:checked', (node) => node.textContent)).toBe('le lien de chaque ligne (instagram.com\u00a0: Instagram)');
    await page.select('select[data-field=platform]', 'fixed:instagram');
    await page.waitForFunction("[...document.querySelectorAll('#exports .mapped-preview td')].some((cell) => cell.textContent === 'instagram')");
    await settled(page);
    await page.click('#exports .mapped-preview button');
    await page.waitForFunction("document.querySelector('#exports .outcome')?.textContent !== ''");
    expect(await text(page, '#exports .outcome')).toMatch(/^Importées\u00a0: 2\. Les colonnes choisies ici sont gardées pour le prochain export de cette forme, dans mappings\/sondage\.yaml\.$/);
    // Imported, the mapper and its note that the layout is unknown are gone; the outcome stays.
    expect(await page.$$('#exports table.mapper, #exports [data-note=unknown-layout]')).toHaveLength(0);
    // The import is listed above the next preview, which will replace this one, with every file imported into the client before.
    await page.waitForFunction("document.querySelector('#exports .imports-done')?.textContent.includes('sondage.csv')");
    // With the zone its local times were read in: the client's.
    expect(await text(page, '#exports .imports-done table')).toMatch(
      new RegExp(`^Fichier\tImporté le \\([^)]+\\)\tPublications ajoutées\tRépétées ou déjà présentes\tRejetées\tHeures sans fuseau lues en\nsondage\\.csv\t\\d+ \\S+ \\d{4},? \\d\\d?:\\d\\d\t2\t0\t0\t${zone.replace('/', '\\/')}$`),
    );
    // Another tab (or a terminal) imports a file meanwhile: coming back to this page lists it too.
    const form = new FormData();
    form.append('file', new Blob([readFileSync(KAGGLE_SAMPLE)]), 'autre onglet.csv');
    const preview = await call(base(), 'POST', '/api/clients/inconnu/exports', form);
    expect((await call(base(), 'POST', '/api/clients/inconnu/imports', { previewId: preview.body.previewId })).status).toBe(200);
    expect(await text(page, '#exports .imports-done table')).not.toContain('autre onglet.csv');
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
    await page.waitForFunction("document.querySelector('#exports .imports-done')?.textContent.includes('autre onglet.csv')", { polling: 100 });
    // The platform it brought gets its handle fields in the brands form at once, without reloading the page.
    await page.waitForSelector('[data-brand=inconnu] input[data-platform=instagram]');
    // The months offered, as French writes a colon.
    await page.waitForFunction("document.querySelectorAll('#months-report option').length > 0");
    expect(await page.$eval('#months-report option', (node) => node.textContent)).toMatch(/^2017-10\u00a0: \d+ /);
    // Next month's file of the survey's layout: the mapper starts from the columns picked for the first, and says so.
    const november = join(dirname(export_), 'sondage novembre.csv');
    writeFileSync(november, 'Nº;Usuario;Cuándo;Texto;Red\n3;cai;02/11/2017 09:00;@AcmeCares toujours rien;X\n');
    await (await page.$('#exports input[type=file]'))?.uploadFile(november);
    await clickPreview(page);
    await page.waitForSelector('#exports [data-note=saved-mapping]');
    await settled(page);
    expect(await text(page, '#exports [data-note=saved-mapping]')).toBe(
      'Les colonnes choisies pour un export précédent de cette forme sont reprises ci-dessous\u00a0; vérifiez-les. Elles sont gardées dans mappings/sondage.yaml.',
    );
    // Not said beside it: that replybench does not recognise the columns, which the saved mapping just did.
    expect(await page.$('#exports [data-note=unknown-layout]')).toBeNull();
    expect(await page.$eval('select[data-field=date]', (node) => (node as unknown as { value: string }).value)).toBe('Cuándo');
    expect(await page.$eval('input[data-field="date.format"]', (node) => (node as unknown as { value: string }).value)).toBe('%d/%m/%Y %H:%M');
    // The format is the saved mapping's, not read from the dates: nothing says it was.
    expect(await text(page, '#exports [data-note=date-format]')).toBe('');
    // A file of one day names that day once.
    await page.waitForFunction("document.querySelector('#exports').innerText.includes('2 nov. 2017')");
    expect(await text(page, '#exports')).not.toContain('2 nov. 2017 – 2 nov. 2017');
    // A competitor is added by its name; its id is made from it.
    await page.type('#brands input[data-field=new-brand]', 'Ondanet Ayuda Móvil');
    await page.click('#brands button[data-action=add-brand]');
    expect(await page.$eval('[data-brand=ondanet-ayuda-movil] input[data-field=name]', (node) => (node as unknown as { value: string }).value)).toBe('Ondanet Ayuda Móvil');
    // The same name again (Enter in the box adds, as the button does) is said, not silently dropped.
    await page.type('#brands input[data-field=new-brand]', 'Ondanet ayuda movil');
    await page.keyboard.press('Enter');
    expect(await text(page, '#status')).toBe('Une marque de ce nom est déjà dans la liste\u00a0: ondanet-ayuda-movil');
    // A mapped preview with its import button, and two brands: no control's name is another's (the field that picks a platform to add included).
    expect(await sharedNames(page)).toEqual([]);
    // A competitor is removed, and the client's timezone changed, in the same form; the file is saved with both.
    await page.click('[data-brand=ondanet-ayuda-movil] button[data-action=remove-brand]');
    await setValue(page, 'input[name=client-timezone]', 'Paris');
    await page.type('[data-brand=inconnu] input[data-platform=twitter]', 'AcmeCares');
    // Its opening hours, with the days in French, as the placeholder shows them: the config's days once saved.
    expect(await page.$eval('[data-brand=inconnu] input[data-field=hours]', (node) => node.getAttribute('placeholder'))).toBe('lun-ven 09:00-18:00; sam 10:00-14:00');
    await page.type('[data-brand=inconnu] input[data-field=hours]', 'lun-ven 08:30-19:00; sam 10:00-14:00');
    // A name left in the box and never added is not dropped in silence: nothing is saved until it is added or the box emptied.
    await page.click('#brands button[data-action=save-brands]');
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('Rien n’est enregistré')");
    expect(await text(page, '#status')).toBe(
      'Rien n’est enregistré\u00a0: un concurrent est saisi mais pas ajouté. Cliquez sur «\u00a0Ajouter un concurrent\u00a0» (ou videz la case), puis enregistrez\u00a0: Ondanet ayuda movil',
    );
    await setValue(page, '#brands input[data-field=new-brand]', '');
    // "Paris" is no timezone: refused, its field marked; nothing is saved.
    expect(await refusesField(page, problems, '#brands button[data-action=save-brands]', 'input[name=client-timezone]')).toBe(
      '«\u00a0Paris\u00a0» n’est pas un fuseau horaire\u00a0: choisissez-en un dans la liste, comme Europe/Paris ou America/Montreal.',
    );
    expect(readFileSync(join(workspace(), 'inconnu/replybench.yaml'), 'utf8')).not.toContain('Paris');
    await setValue(page, 'input[name=client-timezone]', 'Europe/Paris');
    await page.click('#brands button[data-action=save-brands]');
    // Saved, and the accounts checked against the month imported (the status line says how they fare, not asserted here).
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('Enregistré. ') && !document.getElementById('status').textContent.includes('…')");
    const saved = readFileSync(join(workspace(), 'inconnu/replybench.yaml'), 'utf8');
    expect(saved).toContain('timezone: Europe/Paris');
    expect(saved).toMatch(/businessHours:\n\s+mon-fri: 08:30-19:00\n\s+sat: 10:00-14:00\n/);
    expect(await page.$eval('[data-brand=inconnu] input[data-field=hours]', (node) => (node as unknown as { value: string }).value)).toBe('lun-ven 08:30-19:00; sam 10:00-14:00');
    expect(saved).not.toContain('ondanet');
    expect(await page.$eval('input[name=client-timezone]', (node) => (node as unknown as { value: string }).value)).toBe('Europe/Paris');
    // The agency's logo set in the file (a terminal's edit), read again below.
    const folder = join(workspace(), 'inconnu');
    writeFileSync(join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const edited = parseDocument(readFileSync(join(folder, 'replybench.yaml'), 'utf8'));
    edited.setIn(['report', 'agency'], { name: 'Norte', logo: 'logo.svg' });
    writeFileSync(join(folder, 'replybench.yaml'), edited.toString());
    // An edit not saved yet: the switch asks first, and stays when told to.
    await page.type('#brands input[name=agency-name]', 'Sin guardar');
    const asked: string[] = [];
    const answer = (accept: boolean) => (dialog: Dialog) => {
      asked.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    };
    page.once('dialog', answer(false));
    await page.select('header select[name=page-language]', 'es');
    expect(asked).toEqual(['Le formulaire des marques a des modifications non enregistrées\u00a0: changer de langue et les perdre\u00a0?']);
    expect(new URL(page.url()).searchParams.get('language')).toBeNull();
    expect(await page.$eval('header select[name=page-language]', (node) => (node as unknown as { value: string }).value)).toBe('fr');
    // A reload with the edit not saved: the browser asks before leaving, and the page stays when told to.
    const leaving = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
    await page.evaluate('location.reload()');
    expect(await leaving).toBe('beforeunload');
    expect(await page.$eval('#brands input[name=agency-name]', (node) => (node as unknown as { value: string }).value)).toBe('Sin guardar');
    // A new client would replace the form too: asked first, and nothing is created when told to stay.
    await page.type('form.new-client input[name=name]', 'Otro cliente');
    page.once('dialog', answer(false));
    await page.click('form.new-client button[type=submit]');
    expect(asked.at(-1)).toBe('Le formulaire des marques a des modifications non enregistrées\u00a0: ouvrir un autre client et les perdre\u00a0?');
    expect(existsSync(join(workspace(), 'otro-cliente'))).toBe(false);
    expect(await page.$eval('#brands input[name=agency-name]', (node) => (node as unknown as { value: string }).value)).toBe('Sin guardar');
    // The switch in the header shows the same page in another language, the token and the client shown kept in the address.
    page.once('dialog', answer(true));
    await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.select('header select[name=page-language]', 'es')]);
    await page.waitForFunction(STATUS_SETTLED);
    expect(new URL(page.url()).searchParams.get('language')).toBe('es');
    expect(await text(page, 'section h2')).toBe('Clientes');
    expect(await page.$eval('html', (node) => node.getAttribute('lang'))).toBe('es');
    await page.waitForSelector('#brands input[name=agency-name]');
    expect(await page.$eval('.clients button.current', (node) => node.getAttribute('data-client'))).toBe('inconnu');
    // An emptied brand name is refused in words, its field marked: it is not replaced by the brand's id.
    const nameField = '#brands [data-brand=inconnu] input[data-field=name]';
    const named = await page.$eval(nameField, (node) => (node as unknown as { value: string }).value);
    const before = readFileSync(join(folder, 'replybench.yaml'), 'utf8');
    await setValue(page, nameField, ' ');
    await page.click('#brands button[data-action=save-brands]');
    await page.waitForFunction("document.getElementById('status').className === 'error'");
    expect(await text(page, '#status')).toBe('Dé a la marca inconnu el nombre que imprimen sus informes: el campo está vacío.');
    expect(await page.$eval(nameField, (node) => node.className)).toBe('missing');
    expect(readFileSync(join(folder, 'replybench.yaml'), 'utf8')).toBe(before);
    await setValue(page, nameField, named);
    // With a logo on the cover, emptying the agency's name is refused in words, not undone in silence.
    expect(await page.$eval('#brands input[name=agency-name]', (node) => (node as unknown as { value: string }).value)).toBe('Norte');
    await setValue(page, '#brands input[name=agency-name]', '');
    await page.click('#brands button[data-action=save-brands]');
    await page.waitForFunction("document.getElementById('status').className === 'error'");
    expect(await text(page, '#status')).toBe('La portada del informe lleva el logotipo de la agencia: escriba el nombre de la agencia o quite el logotipo.');
    expect(readFileSync(join(folder, 'replybench.yaml'), 'utf8')).toContain('name: Norte');
    // The logo the terminal set is shown; taken away with the name, the agency leaves the cover.
    expect(await page.$eval('#brands img.logo-preview', (node) => (node as unknown as { src: string }).src)).toMatch(/^data:image\/svg\+xml;base64,/);
    await page.click('#brands button[data-action=remove-logo]');
    await page.click('#brands button[data-action=save-brands]');
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('Guardado.')");
    expect(readFileSync(join(folder, 'replybench.yaml'), 'utf8')).not.toContain('agency');
    // A date format the guesses read from the column's first dates is said at once, as one proposed after a pick is.
    await openInMapper(page, 'fechas.csv', 'Nº;Usuario;Fecha;Texto\n1;ana;31/10/2017 20:00;@AcmeCares sin señal\n2;ben;31/10/2017 21:00;@AcmeCares ¿hola?\n');
    expect(await page.$eval('input[data-field="date.format"]', (node) => (node as unknown as { value: string }).value)).toBe('%d/%m/%Y %H:%M');
    expect(await text(page, '#exports [data-note=date-format]')).toBe('El formato de fecha se ha tomado de las fechas de la columna; cámbielo si significan otra cosa.');
    // Each control a screen reader reaches is named: the export's file, each column of the mapper, each handle field of a brand.
    expect(await page.$eval('#exports input[type=file]', (node) => node.getAttribute('aria-label'))).toBe('El archivo exportado (CSV, TSV, XLSX o ZIP)');
    expect((await page.$$eval('#exports table.mapper select', (nodes) => nodes.map((node) => node.getAttribute('aria-label')))).slice(0, 2)).toEqual(['Id de la publicación', 'Autor']);
    const handleNames = await page.$$eval('#brands [data-brand=inconnu] .handles', (spans) => spans.map((span) => [...span.querySelectorAll('input')].map((input) => input.getAttribute('aria-label'))));
    for (const names of handleNames) expect(names.map((name) => name?.replace(/^Cuentas de \S+ de /, ''))).toEqual(names.map((_, index) => `${named}, ${index + 1}`));
    await page.type('#brands input[data-field=new-brand]', 'Rival Uno');
    await page.keyboard.press('Enter');
    expect(await page.$eval('#brands [data-brand=rival-uno] button[data-action=remove-brand]', (node) => node.getAttribute('aria-label'))).toBe('Quitar Rival Uno');
    await page.click('#brands [data-brand=rival-uno] button[data-action=remove-brand]');
    await page.click('#brands button[data-action=save-brands]');
    await settled(page);
    await setValue(page, '#check input[name=period]', '2017-10');
    await page.focus('#check button');
    // Pressed, it is marked busy and deaf to a second press, and keeps the focus (a disabled button loses it).
    const pressed = await page.evaluate(
      "(() => { const button = document.querySelector('#check button'); button.click(); return [button.getAttribute('aria-disabled'), button.disabled, document.activeElement === button]; })()",
    );
    expect(pressed).toEqual(['true', false, true]);
    await page.waitForFunction(STATUS_SETTLED, { timeout: 60_000, polling: 50 });
    // The language switch moves with the arrow keys without leaving the page, and takes the language on Enter.
    await page.focus('header select[name=page-language]');
    await page.keyboard.press('ArrowDown');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new URL(page.url()).searchParams.get('language')).toBe('es');
    await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('language')).toBe('fr');
    await visit(page, new URL('/', server().url).href);
    expect(await text(page, '#app')).toBe('Ouvrez l’adresse affichée par replybench serve\u00a0: elle porte le jeton dont cette page a besoin.');
    expect(problems).toEqual([]);
    expect(server().token).toBe(TOKEN);
    await page.close();
  });

  it('speaks the first of the browser\'s languages it knows, not only its first language', async () => {
    const { page, problems } = await openPage(['de-DE', 'fr-CH', 'en']);
    expect(await page.$eval('html', (node) => node.getAttribute('lang'))).toBe('fr');
    expect(problems).toEqual([]);
    await page.close();
  });
});
