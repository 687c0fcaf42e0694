import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadGenericMapping } from '../../src/ingest/formats/generic.js';
import { dryRunFile } from '../../src/ingest/dry-run.js';
import { Store } from '../../src/store/database.js';
import { REPORT_STEPS, type ReportStep } from '../../src/report/steps.js';
import { PAGE_MODULES } from '../../src/serve/server.js';
import { DATE, twcsCsv } from '../ingest/helpers.js';
import { insertPosts, recordTestBatch } from '../metrics/helpers.js';
import { png } from '../png.js';
import { type Answer, call, KAGGLE_SAMPLE, serverForFile, TOKEN, withHost } from './helpers.js';

const FORMATS = join(import.meta.dirname, '../fixtures/formats');

const { base, workspace, server } = serverForFile();

function upload(name: string, content: string | Buffer): FormData {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  return form;
}

describe('the API of replybench serve', () => {
  it('creates a client, previews and imports an export, takes its brands, checks the month and writes the report', async () => {
    expect((await call(base(), 'GET', '/api/clients')).body).toEqual({ clients: [] });
    const created = await call(base(), 'POST', '/api/clients', { id: 'apple', name: 'Apple Support', timezone: 'UTC', language: 'es' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'apple', name: 'Apple Support', language: 'es', problem: null, needsHandles: true });
    // Its first step is an import, whose data its handles are picked from: a check or a report says so before it asks for handles.
    for (const early of [await call(base(), 'GET', '/api/clients/apple/check?period=2017-10'), await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10' })]) {
      expect(early).toMatchObject({ status: 400, body: { code: 'no-imports' } });
    }
    // The same id again is refused with a code the page says in its language.
    expect(await call(base(), 'POST', '/api/clients', { id: 'apple', name: 'Apple' })).toMatchObject({ status: 409, body: { code: 'client-exists', values: { id: 'apple' } } });

    const preview = await call(base(), 'POST', '/api/clients/apple/exports?language=fr', upload('twcs sample.csv', readFileSync(KAGGLE_SAMPLE)));
    expect(preview.status).toBe(200);
    expect((preview.body.preview as { profile: { supports: string[] } }).profile.supports).toEqual([
      'il couvre 3 jours (du 2017-10-10 au 2017-10-12)\u00a0: un rapport mensuel fondé sur lui seul décrit ces jours, pas le mois.',
      'il contient 68 réponses ou commentaires\u00a0: le taux et le délai de réponse peuvent être mesurés pour les marques dont les comptes les ont écrits.',
    ]);
    expect(preview.body).toMatchObject({ file: 'twcs sample.csv', preview: { format: { id: 'twcs' }, rowsRead: 93, wouldImport: 93, alreadyStored: 0, rejected: 0 } });
    const imported = await call(base(), 'POST', '/api/clients/apple/imports', { previewId: preview.body.previewId });
    expect(imported.status).toBe(200);
    // Named as `replybench import --json` in the client's folder names it.
    expect(imported.body).toMatchObject({ files: [{ path: 'exports/twcs sample.csv', format: 'twcs', imported: 93, rejected: 0 }] });
    expect((await call(base(), 'POST', '/api/clients/apple/imports', { previewId: preview.body.previewId })).status).toBe(404);
    // The same content uploaded again: the preview says it was imported, before anything is imported again.
    expect(preview.body.alreadyImported).toBeNull();
    const again = await call(base(), 'POST', '/api/clients/apple/exports', upload('copy of the sample.csv', readFileSync(KAGGLE_SAMPLE)));
    expect(again.body.alreadyImported).toEqual({ batchId: 1, importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) });
    // Imported all the same, it adds nothing, and leaves no second copy beside the first in exports/.
    // Its answer names the first copy, the file that stays.
    expect((await call(base(), 'POST', '/api/clients/apple/imports', { previewId: again.body.previewId })).body).toMatchObject({ files: [{ path: 'exports/twcs sample.csv', imported: 0, duplicates: 93, repeatedInFile: 0 }] });
    expect(readdirSync(join(workspace(), 'apple/exports')).filter((name) => !name.startsWith('.'))).toEqual(['twcs sample.csv']);
    // The files imported into the client, each content once, as the report's data-quality page lists them.
    expect((await call(base(), 'GET', '/api/clients/apple/imports')).body).toEqual({
      imports: [{ file: 'twcs sample.csv', format: 'twcs', importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/), rowsRead: 93, imported: 93, duplicates: 0, rejected: 0, localTimesIn: null }],
    });
    // Another file that shares posts with the import (its first 38 rows) and brings one more: the 38 are counted as stored, not as new.
    const overlapping = readFileSync(KAGGLE_SAMPLE, 'utf8').split('\n').slice(0, 41).join('\n');
    const partly = await call(base(), 'POST', '/api/clients/apple/exports', upload('first rows.csv', `${overlapping}\n999999999,424242,True,Tue Oct 31 22:10:00 +0000 2017,@AppleSupport one more,,\n`));
    expect(partly.body).toMatchObject({ alreadyImported: null, preview: { rowsRead: 39, wouldImport: 39, alreadyStored: 38 } });

    expect((await call(base(), 'GET', '/api/clients/apple/periods')).body).toEqual({ months: [{ month: '2017-10', posts: 93, days: 3, monthDays: 31, complete: false }] });
    // Before its handles are picked, a check or a report is refused naming the brand, for the page to say in its words (no path, no YAML).
    for (const refused of [await call(base(), 'GET', '/api/clients/apple/check?period=2017-10'), await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10' })]) {
      expect(refused.body).toEqual({
        error: 'replybench.yaml: brands.0.accounts: brand "apple" has no accounts yet; pick its handles in the brands form and save.',
        code: 'no-accounts',
        values: { brand: 'Apple Support' },
      });
    }
    // Its timezone can be corrected before then: a config whose brand has no handle yet is saved, and still refused for a check.
    const draft = await call(base(), 'GET', '/api/clients/apple/config');
    const rezoned = await call(base(), 'PUT', '/api/clients/apple/config', { ...(draft.body as object), timezone: 'Europe/Madrid' }, TOKEN, { 'if-match': draft.headers.get('etag') ?? '' });
    expect(rezoned.status).toBe(200);
    expect(readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8')).toContain('timezone: Europe/Madrid');
    expect((await call(base(), 'GET', '/api/clients/apple/check?period=2017-10')).body).toMatchObject({ code: 'no-accounts' });
    const handles = await call(base(), 'GET', '/api/clients/apple/handles?platform=twitter');
    expect((handles.body.repliers as Array<{ handle: string }>)[0]).toEqual({ handle: 'applesupport', n: 13 });
    // The sample's customers are numbers (the Kaggle set hides them): they are not offered as accounts, every brand that replies is.
    const offered = [...(handles.body.repliers as Array<{ handle: string }>), ...(handles.body.mentioned as Array<{ handle: string }>)].map((entry) => entry.handle);
    expect(offered.filter((handle) => /^\d+$/.test(handle))).toEqual([]);
    // One platform at a time: the sample is all twitter.
    expect((await call(base(), 'GET', '/api/clients/apple/handles?platform=facebook')).body).toEqual({ platform: 'facebook', repliers: [], mentioned: [] });
    expect((await call(base(), 'GET', '/api/clients/apple/platforms')).body).toMatchObject({ platforms: [{ platform: 'twitter', posts: 93 }] });

    const read = await call(base(), 'GET', '/api/clients/apple/config');
    const config = read.body as { brands: Array<Record<string, unknown>> };
    const brands = [
      { ...config.brands[0], accounts: { twitter: ['AppleSupport'] } },
      { id: 'spotify', name: 'Spotify Cares', accounts: { twitter: ['SpotifyCares'] } },
    ];
    // Saved over the version read, as the page does; without If-Match a save is refused, since it could replace a terminal's edit unseen.
    expect(await call(base(), 'PUT', '/api/clients/apple/config', { ...config, brands })).toMatchObject({
      status: 428,
      body: { error: 'send If-Match with the ETag that GET /api/clients/:id/config answered, or If-Match: * to replace the file whatever it holds now.' },
    });
    const saved = await call(base(), 'PUT', '/api/clients/apple/config', { ...config, brands }, TOKEN, { 'if-match': read.headers.get('etag') ?? '' });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8')).toContain('# replybench project of Apple Support.');
    // The new client's empty accounts, filled, are written as the block lists of the brands after it, not as one long { } line.
    expect(readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8')).toMatch(/- id: apple\n\s+name: Apple Support\n\s+accounts:\n\s+twitter:\n\s+- AppleSupport\n/);
    // One that stays empty stays as the file writes it.
    writeFileSync(join(workspace(), 'apple/replybench.yaml'), `${readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8')}themes: {}\n`);
    const reread = await call(base(), 'GET', '/api/clients/apple/config');
    await call(base(), 'PUT', '/api/clients/apple/config', { ...reread.body, timezone: 'UTC' }, TOKEN, { 'if-match': reread.headers.get('etag') ?? '' });
    expect(readFileSync(join(workspace(), 'apple/replybench.yaml'), 'utf8')).toMatch(/\nthemes: \{\}\n/);

    const check = await call(base(), 'GET', '/api/clients/apple/check?period=2017-10');
    expect(check.body.config).toBe('replybench.yaml');
    expect(check.status).toBe(200);
    const coverage = check.body.coverage as Array<{ brand: string; platform: string; inbound: number }>;
    expect(coverage.filter((row) => row.platform === 'all').map((row) => row.brand)).toEqual(['apple', 'spotify']);
    const sentences = check.body.sentences as string[];
    expect(sentences.some((sentence) => sentence.startsWith('brand Apple Support, Twitter: 100% of its mentions fall on 2017-10-11'))).toBe(true);
    // The page's language: the same sentences, in its words.
    const spanish = (await call(base(), 'GET', '/api/clients/apple/check?period=2017-10&language=es')).body.sentences as string[];
    expect(spanish).toHaveLength(sentences.length);
    expect(spanish).toContain('marca Apple Support, Twitter: el 100\u00a0% de sus menciones caen el 2017-10-11: sus cifras describen ese día más que el periodo. Importe el periodo completo.');
    expect(spanish).toContain('marca Spotify Cares, Twitter: una de sus menciones es un agradecimiento o una confirmación posterior a su respuesta: cuenta en su volumen, no en sus cifras de respuesta.');
    expect((await call(base(), 'GET', '/api/clients/apple/check?period=2017-10&language=de')).body).toEqual({ error: 'language: use en, es or fr.' });
    // A period that is none is refused with a code the page words in its own language.
    expect((await call(base(), 'GET', '/api/clients/apple/check?period=2017-13')).body).toMatchObject({ error: expect.stringMatching(/^period: "2017-13"/), code: 'bad-period', values: { period: '2017-13', problem: 'no-such-date' } });
    expect((await call(base(), 'GET', '/api/clients/apple/check')).body).toMatchObject({ code: 'bad-period', values: { period: '', problem: 'empty' } });
    expect((await call(base(), 'GET', '/api/clients/apple/check?period=2017-10-15..2017-10-01')).body).toMatchObject({ values: { problem: 'order' } });
    // No period at all is asked for, not called "not a period".
    expect((await call(base(), 'GET', '/api/clients/apple/check')).body).toMatchObject({ error: 'period: give one, such as "2017-10", "2017-Q4" or "2017-10-01..2017-10-15".', code: 'bad-period' });
    expect((await call(base(), 'GET', '/api/clients/apple/check?period=1999-10')).body).toMatchObject({ values: { problem: 'year' } });
    // A period without a single post blames no handle, topic or brand: it says which days the data covers.
    const empty = (await call(base(), 'GET', '/api/clients/apple/check?period=2016-10&language=es')).body;
    expect(empty).toMatchObject({ dataSpan: { lastBefore: null, firstAfter: '2017-10-10' }, configWarnings: [], accountsInData: [], themes: [] });
    expect(empty.sentences).toEqual(['Los datos no contienen ninguna publicación en 2016-10: su primera publicación posterior es del 2017-10-10. Elija un periodo con datos.']);
    expect((await call(base(), 'GET', '/api/clients/apple/check?period=2017-10')).body).toMatchObject({ dataSpan: null });
    // Every shape --period reads is read here too.
    for (const period of ['2017-q4', '2017Q4', '2017-10-01 .. 2017-10-15']) expect((await call(base(), 'GET', `/api/clients/apple/check?period=${encodeURIComponent(period)}`)).status, period).toBe(200);
    // Named but empty is no language either (as the report and a new client have always answered).
    expect((await call(base(), 'GET', '/api/clients/apple/check?period=2017-10&language=')).body).toEqual({ error: 'language: use en, es or fr.' });
    expect((await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10', language: '' })).body).toEqual({ error: 'language: use en, es or fr.' });
    expect((await call(base(), 'POST', '/api/clients/apple/reports', { period: 201710 })).body).toEqual({ error: 'period: send it as a string, such as "2017-10", "2017-Q4" or "2017-10-01..2017-10-15", not 201710.' });

    expect((await call(base(), 'GET', '/api/clients/apple/activity')).body).toEqual({ activity: null });
    const writing = call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10', language: 'es' });
    let settled = false;
    void writing.finally(() => {
      settled = true;
    });
    // Asked while the report runs: its step, and a second report refused.
    const told: Array<Record<string, unknown>> = [];
    let second: Answer | null = null;
    while (!settled) {
      const { activity } = (await call(base(), 'GET', '/api/clients/apple/activity')).body as { activity: Record<string, unknown> | null };
      if (activity) {
        told.push(activity);
        second ??= await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10', language: 'en' });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const report = await writing;
    expect(report.status).toBe(200);
    expect(told[0]).toMatchObject({ action: 'report', subject: '2017-10', steps: 5 });
    expect(told.every((activity) => activity.step === null || REPORT_STEPS.includes(activity.step as ReportStep))).toBe(true);
    expect(second?.status).toBe(409);
    expect(second?.body).toEqual({ error: "this client's report of 2017-10 is still running; wait until it ends.", code: 'busy', values: { action: 'report', subject: '2017-10' } });
    expect((await call(base(), 'GET', '/api/clients/apple/activity')).body).toEqual({ activity: null });
    expect((await call(base(), 'GET', '/api/clients/nobody/activity')).status).toBe(404);
    const files = report.body.files as Record<string, string>;
    expect(files.pdf).toBe('/api/clients/apple/reports/2017-10-es/report.pdf');
    const pdf = await fetch(`${base()}${files.pdf}?token=${TOKEN}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // Downloaded under a name in the report's language: the client receives the file.
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="apple-2017-10-es-informe.pdf"');
    expect((await fetch(`${base()}${files.xlsx}?token=${TOKEN}`)).headers.get('content-disposition')).toBe('attachment; filename="apple-2017-10-es-metricas.xlsx"');
    // The analyst's notes, beside the client's files, under a name in the report's language.
    expect(files.analystNotes).toBe('/api/clients/apple/reports/2017-10-es/analyst-notes.xlsx');
    expect((await fetch(`${base()}${files.analystNotes}?token=${TOKEN}`)).headers.get('content-disposition')).toBe('attachment; filename="apple-2017-10-es-notas-del-analista.xlsx"');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const html = await fetch(`${base()}${files.html}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect(await html.text()).toContain('lang="es"');
    // A report of the period a terminal is writing into the same folder (its lock names a running process): refused at once, in the page's words.
    const terminal = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const lock = join(workspace(), 'apple/reports/2017-10-es/.replybench-report.lock');
    try {
      writeFileSync(lock, `${terminal.pid}\n`);
      expect(await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10', language: 'es' })).toMatchObject({
        status: 409,
        body: { code: 'held-elsewhere', values: { pid: String(terminal.pid), problem: 'report-folder' }, error: expect.not.stringContaining('--out') },
      });
    } finally {
      terminal.kill('SIGKILL');
      rmSync(lock, { force: true });
    }
    const days = await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10-10..2017-10-12', language: 'en' });
    const daysPdf = (days.body.files as Record<string, string>).pdf;
    expect((await fetch(`${base()}${daysPdf}?token=${TOKEN}`)).headers.get('content-disposition')).toBe('attachment; filename="apple-2017-10-10-to-2017-10-12-en-report.pdf"');
    expect(daysPdf).toBe('/api/clients/apple/reports/2017-10-10-to-2017-10-12-en/report.pdf');
    expect((await fetch(`${base()}${daysPdf}?token=${TOKEN}`)).status).toBe(200);
    // Written after the month's, the report of three of its days comes after it: the most recent period first.
    expect(days.body.reports).toEqual(['2017-10-es', '2017-10-10-to-2017-10-12-en']);
    expect((await call(base(), 'GET', '/api/clients')).body).toMatchObject({ clients: [{ id: 'apple', reports: ['2017-10-es', '2017-10-10-to-2017-10-12-en'], problem: null, needsHandles: false }] });
    // A misspelt handle, the brand's only one on Twitter, would print the brand without data there: the report waits for it
    // to be corrected, or to be asked for anyway. The sample's October holds 15 posts by or mentioning @SpotifyCares.
    const configFile = join(workspace(), 'apple/replybench.yaml');
    const written = readFileSync(configFile, 'utf8');
    writeFileSync(configFile, written.replace('SpotifyCares', 'SpotifyCare'));
    try {
      const misspelt = await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10', language: 'fr' });
      expect(misspelt.status).toBe(422);
      expect(misspelt.body).toEqual({
        error:
          'replybench.yaml: brands.1.accounts.twitter (Spotify Cares): "spotifycare": no post by or mentioning it in 2017-10; did you mean spotifycares (15 posts)? Correct the handle in the brands form and save, or send allowUnmatchedHandles: true to write the report anyway.',
        code: 'likely-typo',
        values: { brand: 'Spotify Cares', handle: 'spotifycare', closest: 'spotifycares', platform: 'twitter' },
      });
      expect(existsSync(join(workspace(), 'apple/reports/2017-10-fr'))).toBe(false);
      const anyway = await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10', language: 'fr', allowUnmatchedHandles: true });
      expect(anyway.status).toBe(200);
      expect(existsSync(join(workspace(), 'apple/reports/2017-10-fr/report.pdf'))).toBe(true);
      // Beside a handle of the brand that matches, a misspelt one is refused too, with what the report would do instead.
      writeFileSync(configFile, written.replace(/(twitter:\n(\s+)- AppleSupport\n)/, '$1$2- Tescoo\n'));
      const beside = await call(base(), 'POST', '/api/clients/apple/reports', { period: '2017-10', language: 'es' });
      expect(beside).toMatchObject({ status: 422, body: { code: 'likely-typo', values: { brand: 'Apple Support', handle: 'tescoo', closest: 'tesco', platform: 'twitter', problem: 'other-accounts' } } });
    } finally {
      writeFileSync(configFile, written);
    }
    // A month without a post is refused before anything is computed, saying where the data is.
    expect(await call(base(), 'POST', '/api/clients/apple/reports', { period: '2016-10', language: 'en' })).toMatchObject({
      status: 422,
      body: {
        error: 'period: The data holds no post in 2016-10: its first post after it is on 2017-10-10. Pick a period with data.',
        code: 'bad-period',
        values: { period: '2016-10', problem: 'no-data' },
      },
    });
    expect(existsSync(join(workspace(), 'apple/reports/2016-10-en'))).toBe(false);

    // A month with a post on each of its 30 days is complete; October's three days are not.
    const september = twcsCsv(Array.from({ length: 30 }, (_, day) => [`9${day}`, 'ana', `Sat Sep ${String(day + 1).padStart(2, '0')} 12:00:00 +0000 2017`, '@AppleSupport hi', ''] as const));
    const uploaded = await call(base(), 'POST', '/api/clients/apple/exports', upload('september.csv', september));
    expect((await call(base(), 'POST', '/api/clients/apple/imports', { previewId: uploaded.body.previewId })).status).toBe(200);
    expect((await call(base(), 'GET', '/api/clients/apple/periods')).body).toEqual({
      months: [
        { month: '2017-10', posts: 93, days: 3, monthDays: 31, complete: false },
        { month: '2017-09', posts: 30, days: 30, monthDays: 30, complete: true },
      ],
    });
  });

  it("lists a client's reports by period, the most recent first, and of one period the last written first, whatever order they were written in", async () => {
    expect((await call(base(), 'POST', '/api/clients', { id: 'ordered', name: 'Ordered', timezone: 'UTC', language: 'en' })).status).toBe(201);
    const reports = join(workspace(), 'ordered/reports');
    // In the order written (a folder's time is its report's last writing); "for-the-board" a report written with --out, whose name names
    // no period; "drafts" a folder of the analyst's, and "2025-12-en" one a terminal is writing its first report into: neither holds a report.
    const written = ['2025-10-en', '2025-11-01-to-2025-11-15-fr', '2025-09-es', '2025-Q3-en', '2025-10-es', '2024-12-fr', 'for-the-board', 'drafts', '2025-12-en'];
    for (const [index, name] of written.entries()) {
      mkdirSync(join(reports, name));
      if (name === '2025-12-en') writeFileSync(join(reports, name, '.replybench-report.lock'), '4242');
      else if (name !== 'drafts') writeFileSync(join(reports, name, 'metrics.json'), '{}');
      const at = new Date(Date.UTC(2025, 11, 1, 9, index));
      utimesSync(join(reports, name), at, at);
    }
    const listed = ['2025-11-01-to-2025-11-15-fr', '2025-10-es', '2025-10-en', '2025-09-es', '2025-Q3-en', '2024-12-fr', 'for-the-board'];
    expect((await call(base(), 'GET', '/api/clients/ordered')).body.reports).toEqual(listed);
    const { clients } = (await call(base(), 'GET', '/api/clients')).body as { clients: Array<{ id: string; reports: string[] }> };
    expect(clients.find((client) => client.id === 'ordered')?.reports).toEqual(listed);
  });

  it('keeps the comments and order of a config it edits, and refuses a config the CLI would refuse, naming the key', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'commented', name: 'Commented', timezone: 'Europe/Madrid' });
    const path = join(workspace(), 'commented/replybench.yaml');
    writeFileSync(
      path,
      '# our client\nclient: commented\ntimezone: Europe/Madrid   # the client is in Spain\nbrands:\n  - id: commented\n    name: Commented\n    accounts: { twitter: [CommentedCares] }   # care account\n  - id: rival\n    accounts: { twitter: [RivalHelp] }\n',
    );
    const read = await call(base(), 'GET', '/api/clients/commented/config');
    const config = read.body as { brands: Array<Record<string, unknown>> };
    const renamed = { ...config, brands: [config.brands[0], { ...config.brands[1], name: 'Rival Co' }] };
    expect((await call(base(), 'PUT', '/api/clients/commented/config', renamed, TOKEN, { 'if-match': read.headers.get('etag') ?? '' })).status).toBe(200);
    // The refusals below are of the values: saved over any version.
    const anyVersion = { 'if-match': '*' };
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# our client');
    expect(text).toContain('# the client is in Spain');
    expect(text).toContain('# care account');
    expect(text).toContain('name: Rival Co');

    const unknownPlatform = await call(base(), 'PUT', '/api/clients/commented/config', { ...config, brands: [{ id: 'commented', accounts: { twiter: ['x'] } }] }, TOKEN, anyVersion);
    expect(unknownPlatform.status).toBe(400);
    expect(unknownPlatform.body.error).toBe(
      'replybench.yaml: brands.0.accounts.twiter: not a platform replybench knows; did you mean twitter? (use one of twitter, facebook, instagram, youtube, tiktok, linkedin, reddit, threads, bluesky, mastodon, pinterest, news, blog, forum, review, web).',
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
    // What the page's users type freely is refused with a code and the values the page words it with, in its language.
    const zone = await call(base(), 'PUT', '/api/clients/commented/config', { ...config, timezone: 'Madrid' }, TOKEN, anyVersion);
    expect(zone).toMatchObject({ status: 400, body: { error: 'replybench.yaml: timezone: not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York).', code: 'bad-timezone', values: { given: 'Madrid' } } });
    const brandsWithHours = (config.brands as Array<Record<string, unknown>>).map((brand, index) => (index === 1 ? { ...brand, name: 'Rival Co', businessHours: { de: '9 a 18' } } : brand));
    const hours = await call(base(), 'PUT', '/api/clients/commented/config', { ...config, brands: brandsWithHours }, TOKEN, anyVersion);
    expect(hours).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^replybench\.yaml: brands\.1\.businessHours\.de: /), code: 'bad-hours', values: { brand: 'Rival Co' } } });
    // The schedule's timezone is the file's, not the form's line: said as the config check says it, with its key.
    const zoned = (config.brands as Array<Record<string, unknown>>).map((brand, index) => (index === 1 ? { ...brand, businessHours: { timezone: 'Madrid', 'mon-fri': '09:00-18:00' } } : brand));
    const hoursZone = await call(base(), 'PUT', '/api/clients/commented/config', { ...config, brands: zoned }, TOKEN, anyVersion);
    expect(hoursZone.body).toEqual({ error: 'replybench.yaml: brands.1.businessHours.timezone: not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York).' });
    expect(readFileSync(path, 'utf8')).toBe(text);
    const outside = await call(base(), 'PUT', '/api/clients/commented/config', { ...config, database: '../../elsewhere.duckdb' }, TOKEN, anyVersion);
    expect(outside).toMatchObject({ status: 400, body: { error: 'replybench.yaml: database: "../../elsewhere.duckdb" is outside the client\'s folder; name a file inside it.' } });
    expect(readFileSync(path, 'utf8')).toBe(text);
    // A folder of the client's that links outside it does not bring its files in: the logo is refused when saved.
    symlinkSync(mkdtempSync(join(tmpdir(), 'replybench-elsewhere-')), join(workspace(), 'commented/linked'));
    const linked = await call(base(), 'PUT', '/api/clients/commented/config', { ...config, report: { agency: { name: 'Norte', logo: 'linked/secret.svg' } } }, TOKEN, anyVersion);
    expect(linked).toMatchObject({ status: 400, body: { error: 'replybench.yaml: report.agency.logo: "linked/secret.svg" is outside the client\'s folder; name a file inside it.' } });
    // A link to a file outside that does not exist yet: a database created through it would land outside.
    symlinkSync(join(mkdtempSync(join(tmpdir(), 'replybench-elsewhere-')), 'stolen.duckdb'), join(workspace(), 'commented/data.duckdb'));
    const dangling = await call(base(), 'PUT', '/api/clients/commented/config', { ...config, database: 'data.duckdb' }, TOKEN, anyVersion);
    expect(dangling).toMatchObject({ status: 400, body: { error: 'replybench.yaml: database: "data.duckdb" is outside the client\'s folder; name a file inside it.' } });
    expect(readFileSync(path, 'utf8')).toBe(text);

    // A new brand's empty accounts, with a note, filled in one save and the language changed in the next: the note stays
    // with its brand's accounts, and the comment above the next brand stays above it.
    writeFileSync(path, 'client: commented\nbrands:\n  - id: commented\n    accounts: {}   # to fill\n  # a competitor\n  - id: rival\n    accounts: { twitter: [RivalHelp] }\nreport:\n  language: en\n');
    const blank = (await call(base(), 'GET', '/api/clients/commented/config')).body as { brands: Array<Record<string, unknown>>; report: Record<string, unknown> };
    const filled = { ...blank, brands: [{ ...blank.brands[0], accounts: { twitter: ['CommentedCares'] } }, blank.brands[1]] };
    expect((await call(base(), 'PUT', '/api/clients/commented/config', filled, TOKEN, anyVersion)).status).toBe(200);
    expect((await call(base(), 'PUT', '/api/clients/commented/config', { ...filled, report: { language: 'es' } }, TOKEN, anyVersion)).status).toBe(200);
    expect(readFileSync(path, 'utf8')).toMatch(/ {4}accounts:\n {6}# to fill\n {6}twitter:\n {8}- CommentedCares\n {2}# a competitor\n {2}- id: rival\n/);
  });

  it('writes back a list written on one line as it was when its brand is saved unchanged, and on one line when it changes', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'flowing', name: 'Flowing', timezone: 'UTC' });
    const path = join(workspace(), 'flowing/replybench.yaml');
    const text = [
      '# written by hand',
      'client: flowing',
      'timezone: Europe/Madrid',
      'brands:',
      '  - id: flowing',
      '    name: Flowing Telecom # the client',
      '    accounts: { twitter: [flowing, flowing_help, flowing_es, flowing_fr, flowing_business, flowing_care_team], facebook: [flowing.telecom] }',
      '    topics: [Flowing, "Flowing Telecom"] # the listening queries',
      '  - id: rival',
      '    name: RivalCo',
      '    accounts:',
      '      twitter: [rivalco_help] # care account',
      '      facebook: [ rivalco ]',
      '',
    ].join('\n');
    writeFileSync(path, text);
    const config = (await call(base(), 'GET', '/api/clients/flowing/config')).body as { brands: Array<{ accounts: Record<string, string[]> }> };
    const save = async (sent: unknown) => expect((await call(base(), 'PUT', '/api/clients/flowing/config', sent, TOKEN, { 'if-match': '*' })).status).toBe(200);
    // Saved as read: the file is the same, to the byte (its long line was spread one handle a line, and every list spaced inside).
    await save(config);
    expect(readFileSync(path, 'utf8')).toBe(text);
    // One brand's lists changed: they stay on their lines, spaced inside as they were; the other brand's lines are as written.
    const [client, rival] = config.brands;
    await save({ ...config, brands: [client, { ...rival, accounts: { twitter: ['rivalco_help', 'rivalco'], facebook: ['rivalco', 'rivalco.es'] } }] });
    expect(readFileSync(path, 'utf8')).toBe(text.replace('[rivalco_help]', '[rivalco_help, rivalco]').replace('[ rivalco ]', '[ rivalco, rivalco.es ]'));
  });

  it('refuses to save over a config changed since the page read it, and lists a client whose file is broken beside the others', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'edited', name: 'Edited', timezone: 'UTC' });
    const path = join(workspace(), 'edited/replybench.yaml');
    writeFileSync(path, 'client: edited\ntimezone: UTC\nbrands:\n  - id: edited\n    name: Edited\n    accounts: { twitter: [EditedCares] }\n');
    const read = await call(base(), 'GET', '/api/clients/edited/config');
    const version = read.headers.get('etag') ?? '';
    expect(version).toMatch(/^"[0-9a-f]{32}"$/);
    const save = (value: unknown, ifMatch: string) =>
      fetch(`${base()}/api/clients/edited/config`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'if-match': ifMatch }, body: JSON.stringify(value) });
    // Meanwhile, in a terminal, the analyst sets the timezone: the page's save of what it read would drop it.
    const edited = readFileSync(path, 'utf8').replace('timezone: UTC', 'timezone: Europe/Paris');
    writeFileSync(path, edited);
    const renamed = { ...read.body, brands: [{ id: 'edited', name: 'Edited Care', accounts: { twitter: ['EditedCares'] } }] };
    const refused = await save(renamed, version);
    expect(refused.status).toBe(412);
    expect(await refused.json()).toEqual({
      error: 'replybench.yaml changed since the page read it (in a terminal or another window); nothing was saved: open the client again to see the file as it is now, then make the change again.',
      code: 'config-changed',
    });
    expect(readFileSync(path, 'utf8')).toBe(edited);
    // Read again, the same change saves, and the answer names the file's new version.
    const again = await call(base(), 'GET', '/api/clients/edited/config');
    const saved = await save({ ...again.body, brands: renamed.brands }, again.headers.get('etag') ?? '');
    expect(saved.status).toBe(200);
    expect(readFileSync(path, 'utf8')).toContain('timezone: Europe/Paris');
    expect(saved.headers.get('etag')).toBe((await call(base(), 'GET', '/api/clients/edited/config')).headers.get('etag'));

    // If-Match: * names any version.
    expect((await save({ ...again.body, brands: renamed.brands }, '*')).status).toBe(200);

    // A file that is not YAML any more: that client says why; the list still opens.
    writeFileSync(path, 'client: "edited\n');
    const listed = await call(base(), 'GET', '/api/clients');
    expect(listed.status).toBe(200);
    const broken = (listed.body.clients as Array<{ id: string; problem: string | null; needsHandles: boolean }>).find((client) => client.id === 'edited');
    expect(broken?.needsHandles).toBe(false);
    // Named as the page knows the file, never by its place on the server.
    expect(broken?.problem).toMatch(/^replybench\.yaml:\d+:\d+: invalid YAML: Missing closing "quote$/);
    // A competitor added without handles yet is the next step, named for the page to say in its language, not an error.
    writeFileSync(path, 'client: edited\nbrands:\n  - id: edited\n    accounts: { twitter: [EditedCares] }\n  - { id: zentel, name: Zentel Móvil }\n');
    const next = ((await call(base(), 'GET', '/api/clients')).body.clients as Array<{ id: string }>).find((client) => client.id === 'edited');
    expect(next).toMatchObject({ problem: null, needsHandles: false, withoutAccounts: 'Zentel Móvil' });
    // A zone that is none (typed in a terminal): the client says why, and the page reads times in UTC until it is fixed, not in the bad zone.
    writeFileSync(path, 'client: edited\ntimezone: Madrid\nbrands:\n  - id: edited\n    accounts: { twitter: [EditedCares] }\n');
    // If-Match: * replaces it whole: the page, which cannot read it, can still put a working config in its place.
    writeFileSync(path, 'client: "edited\n');
    expect((await save({ ...again.body, brands: renamed.brands }, '*')).status).toBe(200);
    expect((await call(base(), 'GET', '/api/clients/edited/config')).body).toMatchObject({ client: 'edited', brands: renamed.brands });
    writeFileSync(path, 'client: edited\ntimezone: Madrid\nbrands:\n  - id: edited\n    accounts: { twitter: [EditedCares] }\n');
    const zoned = ((await call(base(), 'GET', '/api/clients')).body.clients as Array<{ id: string; timezone: string; problem: string | null }>).find((client) => client.id === 'edited');
    expect(zoned).toMatchObject({ timezone: 'UTC', problem: expect.stringContaining('timezone') });
    expect((await call(base(), 'POST', '/api/clients', null)).body).toEqual({ error: 'send a JSON object, such as { "id": "acme", "name": "Acme", "timezone": "Europe/Madrid", "language": "es" }.' });
    // A key the request does not take (a CLI flag's name, a typo) is refused, not left out without a word.
    expect((await call(base(), 'POST', '/api/clients', { id: 'typo', name: 'Typo', timezon: 'UTC' })).body).toEqual({
      error: 'timezon: not a field of this request; did you mean timezone? It takes id, name, timezone, language.',
    });
    expect((await call(base(), 'POST', '/api/clients/edited/reports', { period: '2017-10', lang: 'es' })).body).toEqual({
      error: 'lang: not a field of this request; did you mean language? It takes period, language, allowUnmatchedHandles.',
    });
    expect(existsSync(join(workspace(), 'typo'))).toBe(false);
    // A folder of the workspace that is no client: its id is taken, and said as what it is.
    mkdirSync(join(workspace(), 'plain'));
    expect((await call(base(), 'POST', '/api/clients', { id: 'plain', name: 'Plain' })).body).toEqual({
      error: 'id: the workspace has a folder "plain" that is not a client (it holds no replybench.yaml); choose another id, or move that folder away.',
      code: 'client-exists',
      values: { id: 'plain', problem: 'not-a-client' },
    });
    // A config the page cannot read is named as the page names it, not by its place on the server.
    expect((await call(base(), 'GET', '/api/clients/edited/check?period=2017-10')).body).toEqual({ error: 'replybench.yaml: timezone: not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York).' });
    // The token's scheme is read in any case.
    expect((await fetch(`${base()}/api/clients`, { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
    // A request whose every field is optional may come without a body (curl -X POST); one with a body of another type may not.
    const bare = await fetch(`${base()}/api/clients/edited/imports`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toEqual({ error: 'previewId: give the previewId the upload answered.' });
    const form = await fetch(`${base()}/api/clients/edited/imports`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: 'previewId=1' });
    expect(form.status).toBe(415);
  });

  it('maps an unknown layout from the best guesses, previews it as the columns are picked, and saves the mapping the CLI reads', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'mapped', name: 'Mapped' });
    const csv = 'Nº;Usuario;Cuándo;Texto;Red\n1;ana;31/10/2017 20:00;@AcmeCares sin señal;X\n2;AcmeCares;31/10/2017 20:30;@ana lo vemos;X\n';
    const upload1 = await call(base(), 'POST', '/api/clients/mapped/exports', upload('encuesta.csv', csv));
    expect(upload1.status).toBe(200);
    expect(upload1.body).toMatchObject({ file: 'encuesta.csv', preview: null, alreadyImported: null, unknownLayout: true, problem: expect.stringMatching(/^encuesta\.csv:1: unknown export layout/) });
    // Its way out is the mapper, named by the route a script sends it to: not the command line's options and mapping file.
    expect(upload1.body.problem).toMatch(new RegExp(`Map its columns: send a mapping, starting from the mapper's, to POST /api/clients/mapped/exports/${upload1.body.previewId}/preview, then import it\\.$`));
    expect(upload1.body.problem).not.toMatch(/--|mapping file|replybench import/);
    expect(upload1.body.mapper).toMatchObject({ required: ['id', 'author', 'date'] });
    // A known layout the import refuses for another reason also opens the mapper, but says why in the import's words.
    const twice = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id,author_id\n1,ana,True,Tue Oct 31 20:00:00 +0000 2017,hola,,,bob\n';
    const repeated = await call(base(), 'POST', '/api/clients/mapped/exports', upload('twice.csv', twice));
    expect(repeated.body).toMatchObject({ preview: null, unknownLayout: false, problem: 'twice.csv:1: the header names "author_id" twice (columns 2 and 8), so which one holds it cannot be told; rename the wrong one in the header, or export the file again.' });
    const mapper = upload1.body.mapper as { columns: string[]; mapping: { columns: Record<string, string>; platform: unknown; delimiter: string } };
    expect(mapper.columns).toEqual(['Nº', 'Usuario', 'Cuándo', 'Texto', 'Red']);
    expect(upload1.body.mapper).toMatchObject({ fields: ['id', 'author', 'date', 'time', 'text', 'parentId', 'parentUrl', 'authorName', 'followers', 'url', 'language', 'sentiment', 'topic', 'thread', 'inReplyToUser'] });
    // The date column has a name no export layout uses: the guesses leave it to the user.
    expect(mapper.mapping).toEqual({ columns: { id: 'Nº', author: 'Usuario', date: '', text: 'Texto' }, date: { format: 'iso' }, platform: { column: 'Red' }, delimiter: ';' });

    // Previewed again as its own layout, or sent as a workbook that is none: refused naming the file as the user named it, not the server's folder.
    expect((await call(base(), 'POST', `/api/clients/mapped/exports/${upload1.body.previewId}/preview`, {})).body.error).toMatch(/^encuesta\.csv:1: unknown export layout/);
    expect((await call(base(), 'POST', '/api/clients/mapped/exports', upload('encuesta.xlsx', csv))).body).toEqual({
      error: 'encuesta.xlsx: has the .xlsx extension but is not an Excel workbook (damaged or renamed?). Export it again.',
    });
    const unpicked = await call(base(), 'POST', `/api/clients/mapped/exports/${upload1.body.previewId}/preview`, { mapping: mapper.mapping, timezone: 'Asia/Tokyo' });
    expect(unpicked).toMatchObject({ status: 400, body: { error: 'mapping: columns.date: a column name cannot be empty.' } });
    // A refused preview changes nothing an import would read: not the zone it reads times in.
    expect(readFileSync(join(workspace(), `mapped/exports/.incoming/${upload1.body.previewId}/.timezone`), 'utf8')).toBe('UTC');
    // Nor does an import refused for its mapping name the server's folders.
    const unmapped = await call(base(), 'POST', '/api/clients/mapped/imports', { previewId: upload1.body.previewId, mapping: { columns: { id: 'Nº' } } });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error).not.toContain(workspace());
    const mapping = { ...mapper.mapping, columns: { ...mapper.mapping.columns, date: 'Cuándo' }, date: { format: '%d/%m/%Y %H:%M' }, platform: { column: 'Red', values: { X: 'twitter' } } };
    const picked = await call(base(), 'POST', `/api/clients/mapped/exports/${upload1.body.previewId}/preview`, { mapping });
    expect(picked.body).toMatchObject({ preview: { format: { id: 'generic' }, wouldImport: 2, rejected: 0, profile: { first: '2017-10-31T20:00:00Z', kinds: { post: 2 } } } });

    // A mapping the import cannot use (its dates read as another format): refused, and not kept for the layout's next upload.
    const wrong = await call(base(), 'POST', '/api/clients/mapped/imports', { previewId: upload1.body.previewId, mapping: { ...mapping, date: { format: '%Y-%m-%d' } } });
    expect(wrong.status).toBe(400);
    expect(existsSync(join(workspace(), 'mapped/mappings')) ? readdirSync(join(workspace(), 'mapped/mappings')) : []).toEqual([]);
    const imported = await call(base(), 'POST', '/api/clients/mapped/imports', { previewId: upload1.body.previewId, mapping, timezone: 'Europe/Madrid' });
    expect(imported.body).toMatchObject({ files: [{ format: 'generic', imported: 2 }], mapping: 'mappings/encuesta.yaml' });
    expect(readFileSync(join(workspace(), 'mapped/mappings/encuesta.yaml'), 'utf8')).toContain('date: Cuándo');
    // The saved mapping names the zone the page read the times in, so the terminal reads them alike without --timezone: 20:00 in Madrid.
    expect(loadGenericMapping(join(workspace(), 'mapped/mappings/encuesta.yaml')).date).toEqual({ format: '%d/%m/%Y %H:%M', timezone: 'Europe/Madrid' });
    const terminal = await dryRunFile(join(workspace(), 'mapped/exports/encuesta.csv'), { format: 'generic', mapping: join(workspace(), 'mapped/mappings/encuesta.yaml') });
    expect(terminal.profile.first).toBe('2017-10-31T19:00:00Z');
    // The same content mapped again: the preview says it was imported.
    const again = await call(base(), 'POST', '/api/clients/mapped/exports', upload('encuesta otra vez.csv', csv));
    const mappedAgain = await call(base(), 'POST', `/api/clients/mapped/exports/${again.body.previewId}/preview`, { mapping });
    expect(mappedAgain.body.alreadyImported).toMatchObject({ batchId: 1 });
    // Next month's export of the layout: the mapper starts from the columns picked last time, and the import keeps the one mapping file.
    const november = 'Nº;Usuario;Cuándo;Texto;Red\n3;ben;02/11/2017 09:00;@AcmeCares sigo sin señal;X\n';
    const next = await call(base(), 'POST', '/api/clients/mapped/exports', upload('noviembre.csv', november));
    // Without the zone it was saved with: the page's zone field says how this file's times are read, as for a new mapping.
    expect(next.body.mapper).toMatchObject({ savedMapping: 'mappings/encuesta.yaml' });
    expect((next.body.mapper as { mapping: unknown }).mapping).toEqual(mapping);
    // Sent back with its keys in another order, it is the same mapping: no second file.
    const { delimiter, ...rest } = (next.body.mapper as { mapping: Record<string, unknown> }).mapping;
    const nextImport = await call(base(), 'POST', '/api/clients/mapped/imports', { previewId: next.body.previewId, mapping: { delimiter, ...rest }, timezone: 'Europe/Madrid' });
    expect(nextImport.body).toMatchObject({ files: [{ imported: 1 }], mapping: 'mappings/encuesta.yaml' });
    expect(readdirSync(join(workspace(), 'mapped/mappings'))).toEqual(['encuesta.yaml']);
    // The same columns split by commas: the saved mapping, which splits by ";", would read no column of it.
    const commas = await call(base(), 'POST', '/api/clients/mapped/exports', upload('comas.csv', 'Nº,Usuario,Cuándo,Texto,Red\n5,dan,03/11/2017 09:00,hola,X\n'));
    expect(commas.body.mapper).toMatchObject({ savedMapping: null });
    // A layout whose columns the saved mapping does not all find starts from the best guesses.
    const other = await call(base(), 'POST', '/api/clients/mapped/exports', upload('otra.csv', 'Nº;Usuario;Fecha;Texto\n4;cai;2017-11-03T10:00:00Z;hola\n'));
    expect(other.body.mapper).toMatchObject({ savedMapping: null, mapping: { columns: { id: 'Nº', author: 'Usuario' } } });
  });

  it('removes an upload left untouched more than a day, with its mapping, when the next one arrives; a recent or re-previewed one stays', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'waiting', name: 'Waiting' });
    const first = await call(base(), 'POST', '/api/clients/waiting/exports', upload('old.csv', readFileSync(KAGGLE_SAMPLE)));
    const second = await call(base(), 'POST', '/api/clients/waiting/exports', upload('recent.csv', readFileSync(KAGGLE_SAMPLE)));
    const incoming = join(workspace(), 'waiting/exports/.incoming');
    const old = String(first.body.previewId);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    writeFileSync(join(incoming, `${old}.mapping.yaml`), 'columns: {}\n');
    for (const entry of [old, `${old}.mapping.yaml`, String(second.body.previewId)]) utimesSync(join(incoming, entry), twoDaysAgo, twoDaysAgo);
    // Previewed again, the second is in use: it is not removed.
    expect((await call(base(), 'POST', `/api/clients/waiting/exports/${second.body.previewId}/preview`, { timezone: 'UTC' })).status).toBe(200);
    const third = await call(base(), 'POST', '/api/clients/waiting/exports', upload('new.csv', readFileSync(KAGGLE_SAMPLE)));
    expect(third.status).toBe(200);
    expect(readdirSync(incoming).sort()).toEqual([second.body.previewId, third.body.previewId].sort());
    // The old one can no longer be imported, and the page is told to upload it again.
    expect(await call(base(), 'POST', '/api/clients/waiting/imports', { previewId: first.body.previewId })).toMatchObject({ status: 404 });
  });

  it('opens no client database while an import of the server writes it (closing it again would drop the import\'s lock), and says so', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'held', name: 'Held' });
    const first = await call(base(), 'POST', '/api/clients/held/exports', upload('sample.csv', readFileSync(KAGGLE_SAMPLE)));
    expect((await call(base(), 'POST', '/api/clients/held/imports', { previewId: first.body.previewId })).status).toBe(200);
    const importing = server().activities.begin('held', 'import', 'next.csv');
    try {
      // The preview still reads the file, but cannot tell what the database holds: unknown, not 0 or "new".
      const preview = await call(base(), 'POST', '/api/clients/held/exports', upload('again.csv', readFileSync(KAGGLE_SAMPLE)));
      expect(preview.body).toMatchObject({ alreadyImported: null, preview: { wouldImport: 93, alreadyStored: null, alreadyStoredUnknown: 'importing' } });
      for (const path of ['periods', 'platforms', 'handles?platform=twitter', 'check?period=2017-10']) {
        expect((await call(base(), 'GET', `/api/clients/held/${path}`)).body, path).toEqual({
          error: "this client's import of next.csv is still running; wait until it ends.",
          code: 'busy',
          values: { action: 'import', subject: 'next.csv' },
        });
      }
    } finally {
      importing.end();
    }
    expect((await call(base(), 'GET', '/api/clients/held/periods')).status).toBe(200);
    const after = await call(base(), 'POST', '/api/clients/held/exports', upload('again.csv', readFileSync(KAGGLE_SAMPLE)));
    expect(after.body).toMatchObject({ alreadyImported: { batchId: 1 }, preview: { alreadyStored: 93 } });

    // The other way round: an import asked for while a request reads the database waits until it has closed it.
    let release = () => {};
    const reader = server().activities.reading('held', () => new Promise<void>((resolve) => (release = resolve)));
    let imported = false;
    const importing2 = call(base(), 'POST', '/api/clients/held/imports', { previewId: after.body.previewId }).then((answer) => {
      imported = true;
      return answer;
    });
    // The import is under way (new readers are refused) but has not written: it waits for the reader.
    await expect.poll(async () => (await call(base(), 'GET', '/api/clients/held/activity')).body).toMatchObject({ activity: { action: 'import' } });
    expect((await call(base(), 'GET', '/api/clients/held/periods')).status).toBe(409);
    expect(imported).toBe(false);
    release();
    await reader;
    expect((await importing2).body).toMatchObject({ files: [{ imported: 0, duplicates: 93, repeatedInFile: 0 }] });
  });

  it('refuses a report of a month that holds only other accounts\' posts, its brand posting in another, with the code the page words', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'others', name: 'Others' });
    const store = await Store.open(join(workspace(), 'others/data/replybench.duckdb'));
    await insertPosts(store, [
      { id: 's1', author: 'ana', at: '2017-09-12T10:00:00Z', text: '@RivalCo anyone there?' },
      { id: 'o1', author: 'cai', at: '2017-10-02T10:00:00Z', text: '@AcmeCares no signal' },
      { id: 'o2', author: 'AcmeCares', at: '2017-10-02T10:30:00Z', text: '@cai on it', parent: 'o1' },
    ]);
    await recordTestBatch(store);
    store.close();
    const config = (await call(base(), 'GET', '/api/clients/others/config')).body as { brands: Array<Record<string, unknown>> };
    const brands = config.brands.map((brand) => ({ ...brand, accounts: { twitter: ['AcmeCares'] } }));
    expect((await call(base(), 'PUT', '/api/clients/others/config', { ...config, brands }, TOKEN, { 'if-match': '*' })).status).toBe(200);
    const refused = await call(base(), 'POST', '/api/clients/others/reports', { period: '2017-09' });
    expect(refused).toMatchObject({
      status: 422,
      body: { error: expect.stringMatching(/^period: The data holds no post by or mentioning the config's brands in 2017-09, only 1 of other accounts/), code: 'bad-period', values: { period: '2017-09', problem: 'no-brand-data-after', after: '2017-10-02' } },
    });
    expect(existsSync(join(workspace(), 'others/reports/2017-09-en'))).toBe(false);
  });

  it('previews an export when the client\'s database exists but holds no post yet (whether it was imported cannot be told: it was not)', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'emptydb', name: 'Empty DB' });
    (await Store.open(join(workspace(), 'emptydb/data/replybench.duckdb'))).close();
    const uploaded = await call(base(), 'POST', '/api/clients/emptydb/exports', upload('sample.csv', readFileSync(KAGGLE_SAMPLE)));
    expect(uploaded.body).toMatchObject({ preview: { wouldImport: 93 }, alreadyImported: null, mapper: null });
  });

  it('says in its own words that an import was cut short, which an import from the page then clears', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'cutshort', name: 'Cut short' });
    // Posts whose import never recorded its batch: what an import killed at its commit leaves.
    const store = await Store.open(join(workspace(), 'cutshort/data/replybench.duckdb'));
    await insertPosts(store, [{ id: '1', author: 'ana', at: '2017-10-02T10:00:00Z', text: '@acme hola' }, { id: '2', author: 'bob', at: '2017-10-02T11:00:00Z', text: '@acme hola' }]);
    store.close();
    // The client's page still opens (its exports are where the rows are cleared): what it offers from the data reads as empty;
    // what says what is imported refuses, since empty it would say nothing is.
    expect((await call(base(), 'GET', '/api/clients/cutshort/platforms')).body).toMatchObject({ platforms: [] });
    expect((await call(base(), 'GET', '/api/clients/cutshort/periods')).body).toMatchObject({ code: 'unfinished-import' });
    await call(base(), 'PUT', '/api/clients/cutshort/config', { client: 'cutshort', database: 'data/replybench.duckdb', brands: [{ id: 'cutshort', name: 'Cut short', accounts: { twitter: ['AppleSupport'] } }] }, TOKEN, { 'if-match': '*' });
    expect(await call(base(), 'GET', '/api/clients/cutshort/check?period=2017-10')).toEqual({
      status: 409,
      headers: expect.anything(),
      body: {
        error: "the client's database holds 2 rows of an import that was cut short and never finished, which no report may count: import the file again here (an import clears them first).",
        code: 'unfinished-import',
        values: { rows: '2' },
      },
    });
    const uploaded = await call(base(), 'POST', '/api/clients/cutshort/exports', upload('sample.csv', readFileSync(KAGGLE_SAMPLE)));
    // Its preview cannot tell what the database holds, and says why: not an import running, the cut-short one's rows.
    expect(uploaded.body).toMatchObject({ preview: { wouldImport: 93, alreadyStored: null, alreadyStoredUnknown: 'unfinished-import' } });
    expect((await call(base(), 'POST', '/api/clients/cutshort/imports', { previewId: uploaded.body.previewId })).status).toBe(200);
    expect((await call(base(), 'GET', '/api/clients/cutshort/periods')).body).toMatchObject({ months: [{ month: '2017-10', posts: 93 }] });
  });

  it('reads the times an export writes without an offset in the zone the page names, in the preview and the import alike', async () => {
    // Typed in lower case, the zone is kept as the IANA database spells it.
    expect((await call(base(), 'POST', '/api/clients', { id: 'madrid', name: 'Madrid', timezone: 'europe/madrid' })).body).toMatchObject({ timezone: 'Europe/Madrid' });
    expect(readFileSync(join(workspace(), 'madrid/replybench.yaml'), 'utf8')).toContain('timezone: Europe/Madrid');
    const csv = 'Nº;Usuario;Cuándo;Texto;Red\n1;ana;31/10/2017 20:00;@AcmeCares sin señal;X\n';
    expect((await call(base(), 'POST', '/api/clients/madrid/exports?timezone=Mars/Base', upload('zona.csv', csv))).body).toEqual({
      error: 'timezone: not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York).',
      code: 'bad-timezone',
      values: { given: 'Mars/Base' },
    });
    expect((await call(base(), 'POST', '/api/clients', { id: 'nowhere', name: 'Nowhere', timezone: 'Madrid' })).body).toMatchObject({ code: 'bad-timezone', values: { given: 'Madrid' } });
    const uploaded = await call(base(), 'POST', '/api/clients/madrid/exports?timezone=Europe/Madrid', upload('zona.csv', csv));
    expect(uploaded.body.timezone).toBe('Europe/Madrid');
    const mapping = { columns: { id: 'Nº', author: 'Usuario', date: 'Cuándo', text: 'Texto' }, date: { format: '%d/%m/%Y %H:%M' }, platform: 'twitter', delimiter: ';' };
    // 20:00 in Madrid on 31 October 2017 (winter time, UTC+1) is 19:00 UTC.
    const preview = await call(base(), 'POST', `/api/clients/madrid/exports/${uploaded.body.previewId}/preview`, { mapping, timezone: uploaded.body.timezone });
    expect(preview.body).toMatchObject({ timezone: 'Europe/Madrid', preview: { timezone: 'Europe/Madrid', profile: { first: '2017-10-31T19:00:00Z' } } });
    expect((await call(base(), 'POST', '/api/clients/madrid/imports', { previewId: uploaded.body.previewId, mapping, timezone: 'Europe/Madrid' })).status).toBe(200);
    expect((await call(base(), 'GET', '/api/clients/madrid/imports')).body).toMatchObject({ imports: [{ localTimesIn: 'Europe/Madrid' }] });
    const store = await Store.open(join(workspace(), 'madrid/data/replybench.duckdb'), { readOnly: true });
    try {
      expect(await store.rows('stored', z.object({ at: z.string() }), "SELECT strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M') AS at FROM posts")).toEqual([{ at: '2017-10-31T19:00' }]);
    } finally {
      store.close();
    }
    // A known layout uploaded without a zone is read in the client's (as `replybench import` in its folder reads it),
    // and read again in the zone the page changes to, without a mapping.
    const sprout = await call(base(), 'POST', '/api/clients/madrid/exports', upload('sprout.csv', readFileSync(join(FORMATS, 'sprout_rows.csv'))));
    expect(sprout.body).toMatchObject({ timezone: 'Europe/Madrid', preview: { profile: { first: '2024-03-04T08:15:00Z' } } });
    const rezoned = await call(base(), 'POST', `/api/clients/madrid/exports/${sprout.body.previewId}/preview`, { timezone: 'UTC', language: 'es' });
    expect(rezoned.body).toMatchObject({ timezone: 'UTC', mapper: null, preview: { format: { id: 'sprout' }, profile: { first: '2024-03-04T09:15:00Z' } } });
    // Previewed again and imported without a zone, it keeps the one it was last previewed in, not the client's.
    expect((await call(base(), 'POST', `/api/clients/madrid/exports/${sprout.body.previewId}/preview`, { language: 'fr' })).body).toMatchObject({ timezone: 'UTC', preview: { profile: { first: '2024-03-04T09:15:00Z' } } });
    expect((await call(base(), 'POST', '/api/clients/madrid/imports', { previewId: sprout.body.previewId })).body).toMatchObject({ files: [{ localTimesIn: 'UTC' }] });
    const sproutStore = await Store.open(join(workspace(), 'madrid/data/replybench.duckdb'), { readOnly: true });
    try {
      expect(await sproutStore.rows('first', z.object({ at: z.string() }), "SELECT strftime(min(created_at) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M') AS at FROM posts WHERE created_at >= '2024-01-01'")).toEqual([{ at: '2024-03-04T09:15' }]);
    } finally {
      sproutStore.close();
    }
  });

  it("reads the database the terminal reads when the config names none, and reads a client whose import was refused as before it", async () => {
    const folder = join(workspace(), 'handmade');
    mkdirSync(join(folder, 'exports'), { recursive: true });
    writeFileSync(join(folder, 'replybench.yaml'), 'client: acme\nbrands:\n  - id: acme\n    accounts: { twitter: [AppleSupport] }\n');
    // Before any import, a check or a report says so in the page's words, not the CLI's (no path, no "replybench import").
    for (const before of [await call(base(), 'GET', '/api/clients/handmade/check?period=2017-10'), await call(base(), 'POST', '/api/clients/handmade/reports', { period: '2017-10' })]) {
      expect(before).toMatchObject({ status: 400, body: { code: 'no-imports', error: 'no post of this client is imported yet: import its exports first.' } });
    }
    const uploaded = await call(base(), 'POST', '/api/clients/handmade/exports', upload('sample.csv', readFileSync(KAGGLE_SAMPLE)));
    expect((await call(base(), 'POST', '/api/clients/handmade/imports', { previewId: uploaded.body.previewId })).status).toBe(200);
    // Beside the config, where `replybench import` in the folder writes it (docs/config.md), not in data/.
    expect(existsSync(join(folder, 'replybench.duckdb'))).toBe(true);
    expect(existsSync(join(folder, 'data'))).toBe(false);
    expect((await call(base(), 'GET', '/api/clients/handmade/periods')).body).toMatchObject({ months: [{ month: '2017-10', posts: 93 }] });
    // Held by another process (an import in a terminal): a wait the page words, not DuckDB's lock text.
    const code = `import { DuckDBInstance } from '@duckdb/node-api';\nawait DuckDBInstance.create(${JSON.stringify(join(folder, 'replybench.duckdb'))});\nconsole.log('held');\nsetInterval(() => {}, 1000);`;
    const holder = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((held) => holder.stdout?.once('data', () => held()));
      // The client's page still opens, without what it would offer from the data; its months and a check say why.
      expect((await call(base(), 'GET', '/api/clients/handmade/handles?platform=twitter')).body).toEqual({ platform: 'twitter', repliers: [], mentioned: [] });
      expect((await call(base(), 'GET', '/api/clients/handmade/periods')).body).toMatchObject({ code: 'held-elsewhere' });
      expect(await call(base(), 'GET', '/api/clients/handmade/check?period=2017-10')).toMatchObject({
        status: 409,
        body: { code: 'held-elsewhere', values: { pid: String(holder.pid) }, error: expect.stringMatching(/^the client's database: another program \(process \d+\) has the database open/) },
      });
    } finally {
      holder.kill('SIGKILL');
    }

    // An export every date of which is unreadable: refused, and no empty database is left behind to make the client's lists fail.
    await call(base(), 'POST', '/api/clients', { id: 'refused', name: 'Refused' });
    const bad = twcsCsv([['1', 'ana', 'not a date', '@acme hi', '']]);
    const badUpload = await call(base(), 'POST', '/api/clients/refused/exports', upload('bad.csv', bad));
    // Said as what is wrong, without the command line's way out (--format, --timezone), which no request can take.
    expect(badUpload.body).toMatchObject({ preview: { unreadDates: { examples: ['not a date'], advice: "check the timezone the upload is read in, or map the file's columns with a date.format (a mapping sent to the upload's preview)" } } });
    expect(await call(base(), 'POST', '/api/clients/refused/imports', { previewId: badUpload.body.previewId })).toMatchObject({
      status: 400,
      body: { error: 'bad.csv:2: no date could be read: 1 row has a date like "not a date" that the Kaggle Customer Support on Twitter CSV format does not understand.' },
    });
    expect(existsSync(join(workspace(), 'refused/data/replybench.duckdb'))).toBe(false);
    for (const route of ['periods', 'imports', 'platforms']) expect((await call(base(), 'GET', `/api/clients/refused/${route}`)).status).toBe(200);
    // A file with a header and no row lands (an import of nothing) and is listed; the lists of posts stay empty.
    const headerOnly = await call(base(), 'POST', '/api/clients/refused/exports', upload('header.csv', twcsCsv([])));
    expect((await call(base(), 'POST', '/api/clients/refused/imports', { previewId: headerOnly.body.previewId })).status).toBe(200);
    expect((await call(base(), 'GET', '/api/clients/refused/imports')).body).toMatchObject({ imports: [{ file: 'header.csv', rowsRead: 0 }] });
    expect((await call(base(), 'GET', '/api/clients/refused/periods')).body).toEqual({ months: [] });
  });

  it("says an import's warnings and rejects in the page's language, those of an earlier import of the same content too", async () => {
    await call(base(), 'POST', '/api/clients', { id: 'lumo', name: 'Lumo', timezone: 'Europe/Paris', language: 'fr' });
    // Windows-1252 bytes (é, ’) that are not UTF-8, and a row without a date.
    const rows = [
      ['1', 'client', DATE, 'Caf\u00e9, c\u0092est en panne', ''],
      ['2', 'client', '', 'toujours en panne', ''],
    ] as const;
    const bytes = Buffer.from(twcsCsv(rows), 'latin1');
    const preview = await call(base(), 'POST', '/api/clients/lumo/exports?language=es', upload('export.csv', bytes));
    expect(preview.body.preview).toMatchObject({
      warnings: ['el archivo no es UTF-8 válido: se leyó como Windows-1252 (la codificación de Europa occidental de Excel); compruebe que las letras con tilde se vean bien'],
      rejectedByReason: { 'sin fecha': 1 },
      rows: [{ rejected: null }, { rejected: 'sin fecha' }],
    });
    const imported = await call(base(), 'POST', '/api/clients/lumo/imports', { previewId: preview.body.previewId, language: 'fr' });
    expect((imported.body.files as Array<{ warnings: string[] }>)[0]).toMatchObject({
      warnings: ['le fichier n’est pas en UTF-8 valide\u00a0: lu en Windows-1252 (l’encodage d’Europe occidentale d’Excel)\u00a0; vérifiez que les lettres accentuées s’affichent bien'],
      rejectedByReason: { 'sans date': 1 },
    });
    // Imported again: the page says so in French, and repeats the earlier import's own warning in French (import_batches keeps it as data).
    const again = await call(base(), 'POST', '/api/clients/lumo/exports?language=fr', upload('export (2).csv', bytes));
    const repeated = await call(base(), 'POST', '/api/clients/lumo/imports', { previewId: again.body.previewId, language: 'fr' });
    const [said, recorded] = (repeated.body.files as Array<{ warnings: string[] }>)[0]?.warnings ?? [];
    // Its time as the page writes times: in the client's zone and the page's language, the zone named.
    expect(said).toMatch(/^le même contenu a déjà été importé le \d+ \S+ \d{4}(,| à) \d\d:\d\d \(Europe\/Paris\)\u00a0: ses publications comptent comme doublons$/);
    expect(recorded).toBe('le fichier n’est pas en UTF-8 valide\u00a0: lu en Windows-1252 (l’encodage d’Europe occidentale d’Excel)\u00a0; vérifiez que les lettres accentuées s’affichent bien');
    // Without a language, the object import --json prints: English.
    const english = await call(base(), 'POST', '/api/clients/lumo/exports', upload('export (3).csv', bytes));
    expect((english.body.preview as { warnings: string[] }).warnings[0]).toMatch(/^the file is not valid UTF-8: read as Windows-1252/);
    expect(english.body.preview).toMatchObject({ rejectedByReason: { 'missing date': 1 } });
  });

  it("takes the agency's logo into the client's folder, checked by its content, and shows the one the config names", async () => {
    await call(base(), 'POST', '/api/clients', { id: 'norte', name: 'Norte', timezone: 'UTC', language: 'es' });
    const folder = join(workspace(), 'norte');
    expect((await call(base(), 'GET', '/api/clients/norte/logo')).body).toEqual({ logo: null, dataUrl: null, problem: null });
    const first = await call(base(), 'POST', '/api/clients/norte/logo', upload('Logo Norte.png', png(40, 20)));
    expect(first.body).toEqual({ logo: expect.stringMatching(/^logo-[0-9a-f]{12}\.png$/), dataUrl: `data:image/png;base64,${png(40, 20).toString('base64')}` });
    const logo = first.body.logo as string;
    expect(readFileSync(join(folder, logo)).equals(png(40, 20))).toBe(true);
    // Stored, not yet on the cover: the config names it when the page saves it with the agency's name.
    expect((await call(base(), 'GET', '/api/clients/norte/logo')).body).toMatchObject({ logo: null });
    const read = await call(base(), 'GET', '/api/clients/norte/config');
    const config = read.body as { brands: Array<Record<string, unknown>> };
    const brands = [{ ...config.brands[0], accounts: { twitter: ['norte'] } }];
    const version = { 'if-match': read.headers.get('etag') ?? '' };
    expect((await call(base(), 'PUT', '/api/clients/norte/config', { ...config, brands, report: { language: 'es', agency: { name: 'Agencia Norte', logo } } }, TOKEN, version)).body).toMatchObject({ report: { agency: { logo } } });
    expect((await call(base(), 'GET', '/api/clients/norte/logo')).body).toEqual({ logo, dataUrl: first.body.dataUrl, problem: null });
    // Another upload leaves the named one in place and removes earlier uploads nothing names.
    const second = await call(base(), 'POST', '/api/clients/norte/logo', upload('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>'));
    const third = await call(base(), 'POST', '/api/clients/norte/logo', upload('logo2.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"/>'));
    expect(second.body.logo).toMatch(/\.svg$/);
    expect(readdirSync(folder).filter((name) => name.startsWith('logo-')).sort()).toEqual([logo, third.body.logo].sort());
    // Refused by content, whatever the name says, with the problem the page words.
    expect((await call(base(), 'POST', '/api/clients/norte/logo', upload('logo.png', 'echo pwned'))).body).toEqual({
      error: '"logo.png" is not a PNG, JPEG or SVG image (by its content); send a PNG, JPEG or SVG of at most 2 MB and 4,000 pixels a side.',
      code: 'bad-logo',
      values: { problem: 'not-an-image' },
    });
    expect((await call(base(), 'POST', '/api/clients/norte/logo', upload('wide.png', png(5000, 10)))).body).toMatchObject({ values: { problem: 'too-many-pixels' } });
    expect((await call(base(), 'POST', '/api/clients/norte/logo', upload('big.png', Buffer.concat([png(10, 10), Buffer.alloc(2 * 1024 * 1024)])))).body).toMatchObject({ values: { problem: 'too-large' } });
    // The config names the logo its own way (./logo-….png, in a terminal): the next upload keeps it all the same.
    const config_ = join(folder, 'replybench.yaml');
    writeFileSync(config_, readFileSync(config_, 'utf8').replace(`logo: ${logo}`, `logo: ./${logo}`));
    await call(base(), 'POST', '/api/clients/norte/logo', upload('again.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20"/>'));
    expect(readdirSync(folder)).toContain(logo);
    // A logo named anew must be there when the config is saved: an upload another window replaced is refused, in words the page has.
    const current = await call(base(), 'GET', '/api/clients/norte/config');
    const gone = await call(base(), 'PUT', '/api/clients/norte/config', { ...current.body, report: { language: 'es', agency: { name: 'Agencia Norte', logo: 'logo-000000000000.png' } } }, TOKEN, {
      'if-match': current.headers.get('etag') ?? '',
    });
    expect(gone.body).toEqual({
      error: 'replybench.yaml: report.agency.logo: "logo-000000000000.png" cannot be read as an image now; send the logo again.',
      code: 'bad-logo',
      values: { problem: 'unreadable' },
    });
    // A config edited elsewhere that names a file outside the client's folder, or one that is gone: the page shows nothing of it, and says why by a code.
    writeFileSync(join(workspace(), 'secret.png'), png(10, 10));
    writeFileSync(config_, readFileSync(config_, 'utf8').replace(`logo: ./${logo}`, 'logo: ../secret.png'));
    expect((await call(base(), 'GET', '/api/clients/norte/logo')).body).toEqual({ logo: '../secret.png', dataUrl: null, problem: 'outside-folder' });
    writeFileSync(config_, readFileSync(config_, 'utf8').replace('logo: ../secret.png', 'logo: moved.png'));
    expect((await call(base(), 'GET', '/api/clients/norte/logo')).body).toEqual({ logo: 'moved.png', dataUrl: null, problem: 'unreadable' });
    // A report asked for then is refused as the logo field says it, with the code the page words and no path of the server; a damaged one alike.
    writeFileSync(join(workspace(), 'norte/cut.png'), png(8, 8).subarray(0, 40));
    writeFileSync(config_, readFileSync(config_, 'utf8').replace('logo: moved.png', 'logo: cut.png'));
    expect((await call(base(), 'POST', '/api/clients/norte/reports', { period: '2017-10' })).body).toMatchObject({ code: 'bad-logo', values: { problem: 'config-unreadable' }, error: expect.not.stringContaining('/') });
    writeFileSync(config_, readFileSync(config_, 'utf8').replace('logo: cut.png', 'logo: moved.png'));
    expect((await call(base(), 'POST', '/api/clients/norte/reports', { period: '2017-10' })).body).toEqual({
      error: 'replybench.yaml: report.agency.logo: "moved.png" cannot be read as an image (moved, damaged, or not a PNG, JPEG or SVG); send the logo in the page, or take the key away.',
      code: 'bad-logo',
      values: { problem: 'config-unreadable' },
    });
  });

  it('settles an upload cut off before its end, and leaves nothing of it behind', async () => {
    await call(base(), 'POST', '/api/clients', { id: 'cutoff', name: 'Cut off' });
    const boundary = 'replybench-cut-off';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.csv"\r\nContent-Type: text/csv\r\n\r\n${readFileSync(KAGGLE_SAMPLE, 'utf8').slice(0, 2000)}`;
    await new Promise<void>((resolve) => {
      const url = new URL('/api/clients/cutoff/exports', base());
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: {
        authorization: `Bearer ${TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 100_000),
      } });
      request.on('error', () => resolve());
      request.write(head, () => setTimeout(() => {
        request.destroy();
        resolve();
      }, 200));
    });
    // The server answers the next request, and no part of the cut-off upload waits in the client's folder.
    for (let tries = 0; tries < 500 && existsSync(join(workspace(), 'cutoff/exports/.incoming')) && readdirSync(join(workspace(), 'cutoff/exports/.incoming')).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await call(base(), 'GET', '/api/clients/cutoff')).status).toBe(200);
    expect(existsSync(join(workspace(), 'cutoff/exports/.incoming')) ? readdirSync(join(workspace(), 'cutoff/exports/.incoming')) : []).toEqual([]);
  });

  it("serves each of the page's modules, and no other file of the package", async () => {
    const modules = readdirSync(join(import.meta.dirname, '../../page')).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
    expect([...PAGE_MODULES].sort()).toEqual(modules.sort());
    for (const name of PAGE_MODULES) {
      const answer = await fetch(`${base()}/${name}.js`);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    }
    expect((await fetch(`${base()}/cli/main.js`)).status).toBe(404);
    // The page before its script runs says nothing in one language: the script writes it in the reader's.
    expect(await (await fetch(`${base()}/`)).text()).not.toMatch(/<main id="app"><p[^>]*>[A-Za-z]/);
    expect((await fetch(`${base()}/..%2Fpackage.json`)).status).toBe(404);
  });

  it('refuses a foreign Host, a missing or wrong token, paths outside the workspace, bad names and oversized uploads', async () => {
    expect(await withHost(base(), '/api/clients', 'evil.example')).toBe(421);
    expect(await withHost(base(), '/api/clients', `localhost:${new URL(base()).port}`)).toBe(200);
    expect((await call(base(), 'GET', '/api/clients', undefined, null)).status).toBe(401);
    expect((await call(base(), 'GET', '/api/clients', undefined, 'serve-tests-token-0123456780')).status).toBe(401);
    expect((await call(base(), 'GET', '/api/clients/..%2F..%2Fetc/config')).status).toBe(404);
    expect((await call(base(), 'GET', '/api/clients/Bad.Id/config')).body).toEqual({ error: '"Bad.Id" is not a client id: use lower-case letters, digits, - and _ (at most 64).' });
    expect((await call(base(), 'POST', '/api/clients', { id: '../x', name: 'x' })).status).toBe(400);
    await call(base(), 'POST', '/api/clients', { id: 'uploads', name: 'Uploads' });
    const script = await call(base(), 'POST', '/api/clients/uploads/exports', upload('../../run.sh', 'echo'));
    // The folder part of a sent name is dropped before anything else looks at it.
    expect(script).toMatchObject({ status: 400, body: { error: '"run.sh": send a CSV, TSV, TXT, XLSX or ZIP export.', code: 'not-an-export', values: { problem: 'extension', file: 'run.sh' } } });
    // An empty file and a picture renamed .csv: refused with a code the page words, and no folder of the server in the sentence.
    const empty = await call(base(), 'POST', '/api/clients/uploads/exports', upload('vide.csv', ''));
    expect(empty).toMatchObject({ status: 400, body: { error: 'vide.csv: the file is empty (0 bytes). Export the data again.', code: 'not-an-export', values: { problem: 'empty', file: 'vide.csv' } } });
    // Blank lines only: its own code, so the page says so in its language.
    const blank = await call(base(), 'POST', '/api/clients/uploads/exports', upload('lignes.csv', '\n\n  \n'));
    expect(blank).toMatchObject({ status: 400, body: { code: 'not-an-export', values: { problem: 'no-lines', file: 'lignes.csv' } } });
    expect(String(blank.body.error)).not.toContain(workspace());
    const picture = await call(base(), 'POST', '/api/clients/uploads/exports', upload('capture.csv', png(4, 4)));
    expect(picture).toMatchObject({ status: 400, body: { code: 'not-an-export', values: { problem: 'not-text', file: 'capture.csv' } } });
    expect(String(picture.body.error)).not.toContain(workspace());
    // Two exports joined, the second's columns moved: refused with its line and a code the page words, and no column mapper offered.
    const header = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
    const moved = 'tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id,response_tweet_id';
    const date = 'Tue Oct 31 22:10:47 +0000 2017';
    const joined = call(base(), 'POST', '/api/clients/uploads/exports', upload('juntas.csv', `${header}\n1,ana,True,${date},hola,,\n${moved}\n2,acme,False,${date},dime,1,\n`));
    expect(await joined).toMatchObject({ status: 400, body: { code: 'reordered-header', values: { file: 'juntas.csv', line: '3' } } });
    expect(String((await joined).body.error)).toMatch(/^juntas\.csv:3: the header comes again here/);
    const outside = await call(base(), 'POST', '/api/clients/uploads/exports', upload('../../outside.csv', readFileSync(KAGGLE_SAMPLE)));
    expect(outside.body).toMatchObject({ file: 'outside.csv' });
    expect(existsSync(join(workspace(), '..', 'outside.csv'))).toBe(false);
    const large = await call(base(), 'POST', '/api/clients/uploads/exports', upload('big.csv', Buffer.alloc(65 * 1024, 'a')));
    expect(large.status).toBe(413);
    expect(large.body).toEqual({ error: 'the file is larger than 64 KB, the most an upload may be; import it with replybench import instead.', code: 'too-large', values: { limitBytes: String(64 * 1024) } });
    expect(readdirSync(join(workspace(), 'uploads/exports/.incoming'))).toHaveLength(1);
    // A JSON body over 1 MB is refused with the same code, which the page words.
    const body = await call(base(), 'PUT', '/api/clients/uploads/config', { brands: [], note: 'a'.repeat(1024 * 1024) });
    expect(body).toMatchObject({ status: 413, body: { code: 'too-large', values: { limitBytes: String(1024 * 1024) } } });
    // A name as the browser sends it, in UTF-8; one too long keeps its start and its extension.
    const accented = await call(base(), 'POST', '/api/clients/uploads/exports', upload('menciones de España, été.csv', readFileSync(KAGGLE_SAMPLE)));
    expect(accented.body).toMatchObject({ file: 'menciones de España_ été.csv' });
    const long = await call(base(), 'POST', '/api/clients/uploads/exports', upload(`${'très long '.repeat(30)}.csv`, readFileSync(KAGGLE_SAMPLE)));
    // 200 bytes at most: 17 times 'très long ' (11 bytes each), then 9 bytes of the next, then the extension.
    expect(long.body.file).toBe(`${'très long '.repeat(17)}très lon.csv`);
    // A name that is only its extension keeps it: a leading dot is dropped, the extension is not.
    expect((await call(base(), 'POST', '/api/clients/uploads/exports', upload('..csv', readFileSync(KAGGLE_SAMPLE)))).body).toMatchObject({ file: 'export.csv' });
    // Cut by its UTF-8 bytes: 120 ideographs (360 bytes) would pass the file system's 255.
    const ideographs = await call(base(), 'POST', '/api/clients/uploads/exports', upload(`${'報'.repeat(120)}.csv`, readFileSync(KAGGLE_SAMPLE)));
    expect(ideographs.body.file).toBe(`${'報'.repeat(65)}.csv`);
    // A zip of one export is previewed as that export; one of several is refused in words, where the page could preview neither.
    const DAMAGED = join(import.meta.dirname, '../fixtures/ingest/damaged');
    const zipped = await call(base(), 'POST', '/api/clients/uploads/exports', upload('one-export.zip', readFileSync(join(DAMAGED, 'one-export.zip'))));
    expect(zipped.body).toMatchObject({ file: 'one-export.zip', preview: { path: 'one-export.zip:october/twcs_kaggle_sample.csv', format: { id: 'twcs' }, rowsRead: 93, wouldImport: 93 } });
    expect((await call(base(), 'POST', '/api/clients/uploads/imports', { previewId: zipped.body.previewId })).body).toMatchObject({ files: [{ format: 'twcs', imported: 93 }] });
    const several = await call(base(), 'POST', '/api/clients/uploads/exports', upload('exports.zip', readFileSync(join(DAMAGED, 'exports.zip'))));
    expect(several).toMatchObject({
      status: 400,
      body: { error: 'exports.zip holds 2 exports: the page previews one export per upload; upload each on its own, or import the archive with replybench import.', code: 'not-an-export', values: { problem: 'several-exports', file: 'exports.zip', count: '2' } },
    });
    const readme = await call(base(), 'POST', '/api/clients/uploads/exports', upload('readme-only.zip', readFileSync(join(DAMAGED, 'readme-only.zip'))));
    expect(readme).toMatchObject({ status: 400, body: { code: 'not-an-export', values: { problem: 'no-export-inside', file: 'readme-only.zip' } } });
    expect(String(readme.body.error)).not.toContain(workspace());
    expect((await call(base(), 'GET', '/api/clients/uploads/reports/2017-10-es/..%2Freplybench.yaml')).status).toBe(404);
    // A data folder that links outside (made in a terminal): its database is outside, and the page neither reads nor writes it.
    rmSync(join(workspace(), 'uploads/data'), { recursive: true, force: true });
    symlinkSync(mkdtempSync(join(tmpdir(), 'replybench-elsewhere-')), join(workspace(), 'uploads/data'));
    const linked = await call(base(), 'GET', '/api/clients/uploads/periods');
    expect(linked.status).toBe(400);
    expect(linked.body.error).toMatch(/^database: .*\/uploads\/data\/replybench\.duckdb is outside the client's folder; the page works only on a database inside it\.$/);
    expect((await call(base(), 'POST', '/api/clients/uploads/reports', { period: '2017-10; DROP' })).status).toBe(400);
  });

  it("reads and writes nothing through a link out of a client's folder: its config, exports, reports, logo", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'replybench-elsewhere-'));
    const secret = join(elsewhere, 'secret.yaml');
    writeFileSync(secret, 'client: secret\nbrands:\n  - id: secret\n    accounts: { twitter: [Secret] }\n');
    await call(base(), 'POST', '/api/clients', { id: 'linked', name: 'Linked' });
    const folder = join(workspace(), 'linked');
    const config = readFileSync(join(folder, 'replybench.yaml'), 'utf8');
    rmSync(join(folder, 'replybench.yaml'));
    symlinkSync(secret, join(folder, 'replybench.yaml'));
    const read = await call(base(), 'GET', '/api/clients/linked/config');
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({
      error: "replybench.yaml in the client's folder is a link; the page reads and writes the folder's own files and folders, never through a link: put the file or folder itself there instead of the link.",
      code: 'linked-out',
      values: { path: 'replybench.yaml' },
    });
    expect(JSON.stringify(read.body)).not.toContain('Secret');
    // The list of clients still lists every client, this one with its link as its problem.
    const listed = (await call(base(), 'GET', '/api/clients')).body.clients as Array<{ id: string; problem: string | null }>;
    expect(listed.find((client) => client.id === 'linked')?.problem).toBe(read.body.error);
    expect(listed.length).toBeGreaterThan(1);
    const put = await fetch(`${base()}/api/clients/linked/config`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'if-match': '*' }, body: '{"client":"x"}' });
    expect(put.status).toBe(403);
    expect(readFileSync(secret, 'utf8')).toContain('Secret');

    rmSync(join(folder, 'replybench.yaml'));
    writeFileSync(join(folder, 'replybench.yaml'), config.replace('accounts: {}', 'accounts: { twitter: [LinkedCares] }'));
    rmSync(join(folder, 'exports'), { recursive: true });
    symlinkSync(elsewhere, join(folder, 'exports'));
    // The link named is exports/, not the upload's folder under it.
    expect((await call(base(), 'POST', '/api/clients/linked/exports', upload('octubre.csv', readFileSync(KAGGLE_SAMPLE)))).body).toMatchObject({ code: 'linked-out', values: { path: 'exports' } });
    expect(readdirSync(elsewhere)).toEqual(['secret.yaml']);

    // A report folder that links out: not listed, none of its files served.
    mkdirSync(join(elsewhere, '2017-10-en'));
    writeFileSync(join(elsewhere, '2017-10-en/report.html'), '<p>not the client’s</p>');
    rmSync(join(folder, 'reports'), { recursive: true });
    symlinkSync(elsewhere, join(folder, 'reports'));
    expect((await call(base(), 'GET', '/api/clients/linked/reports/2017-10-en/report.html')).status).toBe(404);
    expect((await call(base(), 'GET', '/api/clients/linked/reports/2017-10-en')).status).toBe(404);
    expect((await call(base(), 'POST', '/api/clients/linked/reports', { period: '2017-10' })).body).toMatchObject({ code: 'linked-out', values: { path: 'reports' } });
    // A database whose write-ahead log beside it is a link: DuckDB would write through it.
    symlinkSync(join(elsewhere, 'stolen.wal'), join(folder, 'data/replybench.duckdb.wal'));
    expect((await call(base(), 'GET', '/api/clients/linked/periods')).body).toEqual({ error: "database: replybench.duckdb.wal beside it is a link; the page writes nothing through a link: remove it." });
    rmSync(join(folder, 'data/replybench.duckdb.wal'));
    rmSync(join(folder, 'reports'));
    mkdirSync(join(folder, 'reports'));
    symlinkSync(join(elsewhere, '2017-10-en'), join(folder, 'reports/2017-10-en'));
    expect((await call(base(), 'GET', '/api/clients/linked/reports/2017-10-en/report.html')).status).toBe(404);

    // A logo a config edited by hand names outside the folder: the report refuses it, as the page's logo field shows it.
    writeFileSync(join(elsewhere, 'logo.png'), png(4, 4));
    writeFileSync(join(folder, 'replybench.yaml'), `${readFileSync(join(folder, 'replybench.yaml'), 'utf8')}  agency: { name: Agency, logo: ${join(elsewhere, 'logo.png')} }\n`);
    const logo = await call(base(), 'POST', '/api/clients/linked/reports', { period: '2017-09' });
    expect(logo).toMatchObject({ status: 400, body: { code: 'bad-logo', values: { problem: 'outside-folder' } } });
  });
});
