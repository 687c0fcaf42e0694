import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CRASH_STEPS } from '../../src/crash-point.js';
import { fixtureStore } from '../report/fixtureStore.js';
import { BIN, cli, leftovers, ROOT, scratch } from './helpers.js';

let project: string;
let config: string;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'replybench-reliability-project-'));
  const store = await fixtureStore(join(project, 'posts.duckdb'));
  store.close();
  copyFileSync(join(ROOT, 'tests/fixtures/report/logo.svg'), join(project, 'logo.svg'));
  config = join(project, 'replybench.yaml');
  writeFileSync(
    config,
    'client: acme\ndatabase: posts.duckdb\nbrands:\n  - { id: acme, name: Acme Telecom, accounts: { twitter: [AcmeCares] } }\n  - { id: rivalco, name: RivalCo, accounts: { twitter: [RivalCoHelp] } }\nreport:\n  agency: { name: Agencia Norte, logo: logo.svg }\n',
  );
}, 60_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

function report(out: string, ...extra: string[]) {
  return cli(['report', '--period', '2017-10', '--config', config, '--out', out, ...extra]);
}

/** The report's files in a folder (hidden ones aside), with their contents. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !path.slice(folder.length + 1).startsWith('.')) files[path.slice(folder.length + 1)] = readFileSync(path, 'latin1');
  }
  return files;
}

describe('a report', () => {
  it('killed before its files are moved into place leaves the previous report whole; the next run clears what it left', () => {
    const out = join(scratch(), 'out');
    expect(report(out, '--formats', 'html,csv,svg').status).toBe(0);
    const previous = snapshot(out);
    expect(Object.keys(previous)).toContain('report.html');
    const crash = cliCrash(out);
    expect(crash.signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(previous);
    expect(leftovers(out, '.replybench-')).toHaveLength(2);
    const next = report(out, '--formats', 'html', '--lang', 'fr');
    expect(next.status).toBe(0);
    expect(leftovers(out, '.replybench-')).toEqual([]);
    // The folder holds one report: the files the earlier one wrote and this one did not are gone.
    expect(readdirSync(out).sort()).toEqual(['metrics.json', 'report.html']);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('lang="fr"');
  });

  it('killed while it moves its files into place is finished by the next run, even one killed in turn: never a mix of two reports', () => {
    const out = join(scratch(), 'out');
    expect(report(out, '--formats', 'html,csv,svg').status).toBe(0);
    const crash = cli(['report', '--period', '2017-10', '--config', config, '--out', out, '--formats', 'html,csv', '--lang', 'es'], { crashAt: CRASH_STEPS.reportMidMove });
    expect(crash.signal).toBe('SIGKILL');
    // One file of the Spanish report is in place beside the English one's others.
    const mixed = snapshot(out);
    expect(Object.values(mixed).some((text) => text.includes('lang="es"') || text.includes('Tasa de respuesta'))).toBe(true);
    // The next run, killed in turn before it moves any file of its own, has finished the killed run's moves when it took the folder.
    expect(cliCrash(out).signal).toBe('SIGKILL');
    const finished = snapshot(out);
    // The Spanish report whole: its HTML and CSV, and none of the English report's charts it did not write.
    expect(Object.keys(finished).sort()).toEqual(['metrics.csv', 'metrics.json', 'report.html', 'themes.csv'].filter((name) => name in finished).sort());
    expect(finished['report.html']).toContain('lang="es"');
    expect(Object.keys(finished).some((name) => name.startsWith('charts/'))).toBe(false);
  });

  it('metrics --out killed before its file is renamed into place leaves the earlier file as it was', () => {
    const out = join(scratch(), 'metrics.json');
    writeFileSync(out, 'the earlier metrics\n');
    // Without the analysis cache, whose file is replaced whole the same way, before the output.
    const crash = cli(['metrics', '--period', '2017-10', '--config', config, '--format', 'json', '--out', out, '--no-cache'], { crashAt: CRASH_STEPS.replaceBeforeRename });
    expect(crash.signal).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe('the earlier metrics\n');
    // Killed at the output's own rename: its whole new text is beside it, under a hidden name.
    expect(leftovers(dirname(out), '.metrics.json.')).toHaveLength(1);
    const done = cli(['metrics', '--period', '2017-10', '--config', config, '--format', 'json', '--out', out]);
    expect(done.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ period: { label: '2017-10' } });
  });

  it('into a folder another running report holds is refused at once; a lock whose process is gone is taken over', () => {
    const out = join(scratch(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, '.replybench-report.lock'), `${process.pid}\n`);
    const refused = report(out, '--formats', 'html');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`replybench: --out "${out}": another replybench (process ${process.pid}) is writing a report into this folder; wait until it ends, or choose another --out.\n`);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(out, '.replybench-report.lock'), `${gone}\n`);
    expect(report(out, '--formats', 'html').status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['metrics.json', 'report.html']);
  });

  it('refuses the root, the home folder and system folders as --out', async () => {
    const home = join(scratch(), 'home');
    mkdirSync(home);
    vi.stubEnv('HOME', home);
    for (const [out, why] of [
      ['/', 'is the root folder'],
      [home, 'is your home folder'],
      ['/etc/replybench', 'is inside the system folder /etc'],
      ['/usr', 'is inside the system folder /usr'],
    ] as const) {
      // In this process (main, as the bin runs it): the refusal comes before any child or browser would start.
      const refused = await mainWithStderr(['report', '--period', '2017-10', '--config', config, '--out', out, '--formats', 'html']);
      expect(refused).toEqual({ status: 1, stderr: `replybench: --out "${out}" ${why}; give the report a folder of its own, such as reports/2025-10.\n` });
    }
    vi.unstubAllEnvs();
    expect(readdirSync(home)).toEqual([]);
  });
});

/** The CLI's main() in this process, with what it wrote on stderr. */
async function mainWithStderr(args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr += String(text);
    return true;
  });
  try {
    return { status: await main(args), stderr };
  } finally {
    write.mockRestore();
  }
}

/** A report killed (SIGKILL) when its files are written but not moved yet. */
function cliCrash(out: string) {
  return cli(['report', '--period', '2017-10', '--config', config, '--out', out, '--formats', 'html,csv,svg', '--lang', 'es'], { crashAt: CRASH_STEPS.reportBeforeMove });
}

describe('the browser that prints the PDF', () => {
  it('dies with the report when the report is killed, and the next run removes its profile folder', async () => {
    const tmp = join(scratch(), 'tmp');
    mkdirSync(tmp);
    const env = { REPLYBENCH_BROWSER_WS_ENDPOINT: undefined, TMPDIR: tmp, REPLYBENCH_TEST_CRASH_AT: CRASH_STEPS.reportBrowserStarted };
    const killed = spawnSync(process.execPath, [BIN, 'report', '--period', '2017-10', '--config', config, '--out', join(tmp, '..', 'out')], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    const profile = `replybench-chromium-${killed.pid}-`;
    expect(leftovers(tmp)).toEqual([expect.stringContaining(profile)]);
    // Chromium reads the end of its pipe: it notices its parent is gone within moments.
    let running = browsersUsing(profile);
    for (let attempt = 0; attempt < 50 && running > 0; attempt += 1) {
      await new Promise((done) => setTimeout(done, 100));
      running = browsersUsing(profile);
    }
    expect(running).toBe(0);
    expect(cli(['--version'], { tmp }).status).toBe(0);
    expect(leftovers(tmp)).toEqual([]);
  });

  it('under a small address-space limit says it is memory, not a Chromium to reinstall', () => {
    const out = join(scratch(), 'out');
    const child = spawnSync('bash', ['-c', `ulimit -v 2097152; exec "${process.execPath}" "${BIN}" report --period 2017-10 --config "${config}" --out "${out}" --formats pdf`], {
      env: { ...process.env, REPLYBENCH_BROWSER_WS_ENDPOINT: '' },
      encoding: 'utf8',
    });
    expect(child.status).toBe(1);
    expect(child.stderr).toMatch(/Chromium did not start \(.*\) for want of memory: this process may use at most 2,048 MB of address space \(ulimit -v\)/);
    expect(child.stderr).not.toContain('reinstall');
  });
});

/** Processes whose command line names the profile folder. */
function browsersUsing(profile: string): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) count += 1;
    } catch {
      // Gone meanwhile.
    }
  }
  return count;
}
