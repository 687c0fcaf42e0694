import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Analysis } from '../../src/analysis/analysis.js';
import { runReport } from '../../src/cli/commands/report.js';
import { main } from '../../src/cli/main.js';
import { UserError } from '../../src/errors.js';
import { LANGUAGE_LIST } from '../../src/report/i18n/language.js';
import { ReportPrinter } from '../../src/report/pdf/printer.js';
import { earlierReport } from '../../src/serve/reports.js';
import { Workspace } from '../../src/serve/workspace.js';
import { Store } from '../../src/store/database.js';
import { FIXTURES, fixtureStore } from './fixtureStore.js';
import { pdfPages, pdfText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'replybench-cli-report-'));
const clients = join(dir, 'clients');

function clientConfig(client: string, language: string): string {
  return [
    `client: ${client}`,
    'timezone: Europe/Madrid',
    'database: ../posts.duckdb',
    'brands:',
    '  - { id: acme, name: Acme Telecom, accounts: { twitter: [AcmeCares] } }',
    '  - { id: rivalco, name: RivalCo, accounts: { twitter: [RivalCoHelp] } }',
    'report:',
    `  language: ${language}`,
    '  agency: { name: Agencia Norte, logo: logo.svg }',
    '',
  ].join('\n');
}

beforeAll(async () => {
  const store = await fixtureStore(join(dir, 'posts.duckdb'));
  store.close();
  (await import('node:fs')).mkdirSync(clients);
  writeFileSync(join(clients, 'acme.yaml'), clientConfig('acme', 'en'));
  writeFileSync(join(clients, 'rivalco.yaml'), clientConfig('rivalco', 'fr'));
  writeFileSync(join(clients, 'notes.txt'), 'not a config');
  copyFileSync(join(FIXTURES, 'logo.svg'), join(clients, 'logo.svg'));
}, 60_000);

describe('replybench report', () => {
  it('--all-clients writes one report per config, each in its own language, with one browser', async () => {
    const out = join(dir, 'out');
    const written = await runReport({ period: '2017-10', config: [], allClients: clients, out, formats: 'pdf' });
    expect(written.map((report) => report.outDir)).toEqual([join(out, 'acme'), join(out, 'rivalco')]);
    for (const report of written) {
      expect(existsSync(report.pdf ?? '')).toBe(true);
      expect(pdfPages(report.pdf ?? '')).toBeGreaterThanOrEqual(5);
    }
    expect(pdfText(join(out, 'acme', 'report.pdf'), 1)).toContain('Acme Telecom');
    const rival = pdfText(join(out, 'rivalco', 'report.pdf'));
    expect(rival).toContain('Synthèse');
    expect(pdfText(join(out, 'rivalco', 'report.pdf'), 1)).toContain('RivalCo');
  });

  it('without --out writes into the project\'s reports/<period>-<language>/, where the local web page keeps and lists reports', async () => {
    const project = join(dir, 'project');
    (await import('node:fs')).mkdirSync(project);
    writeFileSync(join(project, 'replybench.yaml'), clientConfig('acme', 'en').replace('database: ../posts.duckdb', `database: ${join(dir, 'posts.duckdb')}`).replace(', logo: logo.svg', ''));
    const [report] = await runReport({ period: '2017-10', config: [join(project, 'replybench.yaml')], lang: 'es', formats: 'html' });
    expect(report?.outDir).toBe(join(project, 'reports', '2017-10-es'));
    // The folder is named from the parsed period: "2017q4" is 2017-Q4.
    const [quarter] = await runReport({ period: '2017q4', config: [join(project, 'replybench.yaml')], lang: 'es', formats: 'html' });
    expect(quarter?.outDir).toBe(join(project, 'reports', '2017-Q4-es'));
    // The page lists both and opens them.
    const workspace = new Workspace(dir);
    expect(workspace.summary('project').reports).toEqual(expect.arrayContaining(['2017-10-es', '2017-Q4-es']));
    expect(earlierReport(workspace, 'project', '2017-Q4-es').files.html).toBe('/api/clients/project/reports/2017-Q4-es/report.html');
    // A run refused before writing (the second config's logo is missing) leaves no empty folder for the page to list.
    const broken = join(dir, 'broken');
    (await import('node:fs')).mkdirSync(broken);
    writeFileSync(join(broken, 'replybench.yaml'), clientConfig('acme', 'en').replace('database: ../posts.duckdb', `database: ${join(dir, 'posts.duckdb')}`).replace('logo.svg', 'missing.svg'));
    await expect(runReport({ period: '2017-10', config: [join(project, 'replybench.yaml'), join(broken, 'replybench.yaml')], formats: 'html', lang: 'fr' })).rejects.toThrow(/missing\.svg/);
    expect([existsSync(join(project, 'reports', '2017-10-fr')), existsSync(join(broken, 'reports', '2017-10-fr'))]).toEqual([false, false]);
    // Configs of several clients in one folder: each report takes its client id, whether run together or alone.
    const both = await runReport({ period: '2017-10', config: [], allClients: clients, formats: 'html', lang: 'en' });
    expect(both.map((written) => written.outDir)).toEqual([join(clients, 'reports', '2017-10-en-acme'), join(clients, 'reports', '2017-10-en-rivalco')]);
    const [alone] = await runReport({ period: '2017-10', config: [join(clients, 'rivalco.yaml')], formats: 'html', lang: 'en' });
    expect(alone?.outDir).toBe(join(clients, 'reports', '2017-10-en-rivalco'));
    expect(existsSync(join(clients, 'reports', '2017-10-en-acme', 'report.html'))).toBe(true);
  });

  it('--lang overrides the config and --page-size Letter prints Letter pages', async () => {
    const out = join(dir, 'letter');
    const [report] = await runReport({ period: '2017-10', config: [join(clients, 'acme.yaml')], out, lang: 'es', pageSize: 'letter', formats: 'pdf' });
    const info = (await import('node:child_process')).execFileSync('pdfinfo', [report?.pdf ?? ''], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(pdfText(report?.pdf ?? '')).toContain('Resumen ejecutivo');
  });

  it('refuses bad arguments with one line that says what to do', async () => {
    await expect(runReport({ period: '2017-10', config: [join(clients, 'acme.yaml')], out: dir, lang: 'de' })).rejects.toThrow(new UserError(`--lang "de": use ${LANGUAGE_LIST}.`));
    await expect(runReport({ period: '2017-10', config: [], allClients: join(dir, 'nope'), out: dir })).rejects.toThrow(UserError);
    await expect(runReport({ period: '2017-10', config: [join(clients, 'acme.yaml')], db: join(dir, 'missing.duckdb'), out: dir })).rejects.toThrow(/database not found/);
  });

  it('refuses a database with nothing imported instead of printing an empty report', async () => {
    (await Store.open(join(dir, 'empty.duckdb'))).close();
    const out = join(dir, 'empty-report');
    await expect(runReport({ period: '2017-10', config: [join(clients, 'acme.yaml')], db: join(dir, 'empty.duckdb'), out })).rejects.toThrow(
      /empty\.duckdb: the database holds no posts; run "replybench import <files>" first\./,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a period without posts, saying where the data is, as metrics notes it, before starting a browser', async () => {
    let stderr = '';
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
    const launch = vi.spyOn(ReportPrinter, 'launch');
    try {
      const config = join(clients, 'acme.yaml');
      // The fixture's first post (posts.json) is of 10 September 2017 at 10:00 UTC, 12:00 in Madrid.
      const where = 'The data holds no post in 2016-01: its first post after it is on 2017-09-10. Pick a period with data.';
      expect(await main(['metrics', '--period', '2016-01', '--config', config, '--format', 'json', '--out', join(dir, 'empty-period.json')])).toBe(0);
      // The note alone: no handle is blamed for a month without data.
      expect(stderr).toBe(`replybench: note: ${where} Every count is 0.\n`);
      stderr = '';
      const out = join(dir, 'empty-period');
      expect(await main(['report', '--period', '2016-01', '--config', config, '--out', out])).toBe(1);
      expect(stderr).toBe(`replybench: ${config}: --period 2016-01: ${where}\n`);
      expect(existsSync(out)).toBe(false);
      expect(launch).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      launch.mockRestore();
    }
  });

  it('refuses a handle that matches nothing when the data holds a close spelling, unless told to write the report anyway', async () => {
    let stderr = '';
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
    try {
      // The fixture's October holds 6 posts by or mentioning @rivalcohelp (posts.json); the warning names handles in lower case, as the data is matched.
      const misspelt = join(clients, 'misspelt.yaml.txt');
      writeFileSync(misspelt, clientConfig('acme', 'en').replace('[RivalCoHelp]', '[RivalCoHlp]'));
      const out = join(dir, 'misspelt');
      expect(await main(['report', '--period', '2017-10', '--config', misspelt, '--out', out, '--formats', 'html'])).toBe(1);
      expect(stderr).toBe(
        `replybench: ${misspelt}: brands.1.accounts.twitter (RivalCo): "rivalcohlp": no post by or mentioning it in 2017-10; did you mean rivalcohelp (6 posts)? Correct the handle, or pass --allow-unmatched-handles to write the report anyway.\n`,
      );
      expect(existsSync(out)).toBe(false);
      stderr = '';
      expect(await main(['report', '--period', '2017-10', '--config', misspelt, '--out', out, '--formats', 'html', '--allow-unmatched-handles'])).toBe(0);
      expect(stderr).toContain(`replybench: warning: ${misspelt}: brands.1.accounts.twitter: "rivalcohlp": no post by or mentioning it in 2017-10; did you mean rivalcohelp (6 posts)?\n`);
      expect(existsSync(join(out, 'report.html'))).toBe(true);

      // Beside a handle of the brand that matches, a misspelt one is warned of (the brand's own other handle is no
      // correction to offer), and the report is written; so is a brand whose handle spells like no account of the data.
      for (const [name, accounts, handle] of [
        ['second', '[RivalCoHelp, RivalCoHlp]', 'rivalcohlp'],
        ['nothing-close', '[QqzzXxww]', 'qqzzxxww'],
      ] as const) {
        const config = join(clients, `${name}.yaml.txt`);
        writeFileSync(config, clientConfig('acme', 'en').replace('[RivalCoHelp]', accounts));
        stderr = '';
        expect(await main(['report', '--period', '2017-10', '--config', config, '--out', join(dir, name), '--formats', 'html']), name).toBe(0);
        expect(stderr, name).toContain(`replybench: warning: ${config}: brands.1.accounts.twitter: "${handle}": no post by or mentioning it in 2017-10\n`);
        expect(existsSync(join(dir, name, 'report.html')), name).toBe(true);
      }

      // Beside a handle of the brand that matches, a misspelt one whose close spelling no brand tracks is refused too:
      // the report would leave that account's posts out of the brand's figures, with nothing on the page to say so.
      const beside = join(clients, 'beside.yaml.txt');
      writeFileSync(beside, clientConfig('acme', 'en').replace('[AcmeCares]', '[AcmeCares, RivalCoHlp]').replace('[RivalCoHelp]', '[QqzzXxww]'));
      stderr = '';
      expect(await main(['report', '--period', '2017-10', '--config', beside, '--out', join(dir, 'beside'), '--formats', 'html'])).toBe(1);
      expect(stderr).toContain(
        `replybench: ${beside}: brands.0.accounts.twitter (Acme Telecom): "rivalcohlp": no post by or mentioning it in 2017-10; did you mean rivalcohelp (6 posts)? Correct the handle, or pass --allow-unmatched-handles to write the report anyway.\n`,
      );
      expect(existsSync(join(dir, 'beside'))).toBe(false);
    } finally {
      write.mockRestore();
    }
  });

  it('--all-clients writes every other client\'s report when one config misspells a handle, then fails', async () => {
    const mixed = join(dir, 'mixed');
    (await import('node:fs')).mkdirSync(mixed);
    copyFileSync(join(FIXTURES, 'logo.svg'), join(mixed, 'logo.svg'));
    writeFileSync(join(mixed, 'acme.yaml'), clientConfig('acme', 'en'));
    writeFileSync(join(mixed, 'rivalco.yaml'), clientConfig('rivalco', 'en').replace('[AcmeCares]', '[AcmeCare]'));
    let stdout = '';
    let stderr = '';
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
        stdout += String(text);
        return true;
      }),
      vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
        stderr += String(text);
        return true;
      }),
    ];
    try {
      expect(await main(['report', '--period', '2017-10', '--all-clients', mixed, '--out', join(dir, 'mixed-out'), '--formats', 'html'])).toBe(1);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(stdout).toBe(`${join(dir, 'mixed-out', 'acme', 'report.html')}\n`);
    expect(stderr).toContain(`replybench: ${join(mixed, 'rivalco.yaml')}: brands.0.accounts.twitter (Acme Telecom): "acmecare": no post by or mentioning it in 2017-10; did you mean acmecares (13 posts)? Correct the handle, or pass --allow-unmatched-handles to write the report anyway.\n`);
    expect(existsSync(join(dir, 'mixed-out', 'rivalco'))).toBe(false);
  });

  it('--all-clients reads a folder of client projects, and writes the others\' reports when one client\'s data holds nothing of the month', async () => {
    const projects = join(dir, 'projects');
    const fs = await import('node:fs');
    for (const name of ['acme', 'late']) fs.mkdirSync(join(projects, name), { recursive: true });
    // "late": its store holds the fixture's posts but none of October (its export of the month is not in yet).
    copyFileSync(join(dir, 'posts.duckdb'), join(projects, 'late', 'late.duckdb'));
    const store = await Store.open(join(projects, 'late', 'late.duckdb'));
    await store.run("DELETE FROM posts WHERE created_at >= TIMESTAMPTZ '2017-09-30 00:00:00+00'");
    store.close();
    writeFileSync(join(projects, 'acme', 'replybench.yaml'), clientConfig('acme', 'en').replace('database: ../posts.duckdb', `database: ${join(dir, 'posts.duckdb')}`).replace(', logo: logo.svg', ''));
    writeFileSync(join(projects, 'late', 'replybench.yaml'), clientConfig('rivalco', 'en').replace('database: ../posts.duckdb', 'database: late.duckdb').replace(', logo: logo.svg', ''));
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
    try {
      expect(await main(['report', '--period', '2017-10', '--all-clients', projects, '--out', join(dir, 'projects-out'), '--formats', 'html'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(existsSync(join(dir, 'projects-out', 'acme', 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'projects-out', 'rivalco'))).toBe(false);
    expect(stderr).toContain(`replybench: ${join(projects, 'late', 'replybench.yaml')}: --period 2017-10: The data holds no post in 2017-10`);
    // A config kept elsewhere and linked into the folder is read, as a config file is.
    const linked = join(dir, 'linked');
    fs.mkdirSync(linked);
    fs.symlinkSync(join(clients, 'acme.yaml'), join(linked, 'acme.yaml'));
    copyFileSync(join(FIXTURES, 'logo.svg'), join(linked, 'logo.svg'));
    const [fromLink] = await runReport({ period: '2017-10', config: [], allClients: linked, out: join(dir, 'linked-out'), formats: 'html' });
    expect(existsSync(fromLink?.html ?? '')).toBe(true);
    // Two projects of one client id under one --out are refused at once, naming both configs.
    fs.mkdirSync(join(projects, 'copy'));
    writeFileSync(join(projects, 'copy', 'replybench.yaml'), readFileSync(join(projects, 'acme', 'replybench.yaml'), 'utf8'));
    await expect(runReport({ period: '2017-10', config: [], allClients: projects, out: join(dir, 'twice-out'), formats: 'html' })).rejects.toThrow(
      `--out: ${join(projects, 'acme', 'replybench.yaml')} and ${join(projects, 'copy', 'replybench.yaml')} both have client: acme`,
    );
    // One client alone is refused as before, in one line.
    await expect(runReport({ period: '2017-10', config: [join(projects, 'late', 'replybench.yaml')], formats: 'html' })).rejects.toThrow(UserError);
  });

  it('checks the logo, the template and the output folder before computing anything', async () => {
    const build = vi.spyOn(Analysis, 'build');
    try {
      const noLogo = join(clients, 'nologo.yaml.txt');
      writeFileSync(noLogo, clientConfig('acme', 'en').replace('logo: logo.svg', 'logo: missing.png'));
      await expect(runReport({ period: '2017-10', config: [noLogo], out: join(dir, 'nologo') })).rejects.toThrow(
        /^.*nologo\.yaml\.txt: report\.agency\.logo: ".*missing\.png" not found; fix the path \(relative to the config file\) or remove the key\.$/,
      );
      const noTemplate = join(clients, 'notemplate.yaml.txt');
      writeFileSync(noTemplate, `${clientConfig('acme', 'en')}  template: no-such-template\n`);
      await expect(runReport({ period: '2017-10', config: [noTemplate], out: join(dir, 'notemplate') })).rejects.toThrow(/notemplate\.yaml\.txt: report\.template: folder ".*no-such-template" not found/);
      const aFile = join(dir, 'a-file');
      writeFileSync(aFile, 'not a folder');
      await expect(runReport({ period: '2017-10', config: [join(clients, 'acme.yaml')], out: join(aFile, 'out') })).rejects.toThrow(
        new UserError(`--out "${join(aFile, 'out')}": cannot write the report there (ENOTDIR); choose a folder you can write to.`),
      );
      expect(build).not.toHaveBeenCalled();
    } finally {
      build.mockRestore();
    }
  });
});

