/**
 * `replybench init`: the project folder and the commands to run next, which
 * name the month an agency usually reports on (the one just ended), not a
 * month of some sample data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { format, subMonths } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../ingest/helpers.js';

describe('replybench init', () => {
  it('makes the project folders and config, and names last month in the commands it prints', async () => {
    const root = join(tempFolder(), 'acme');
    const before = format(subMonths(new Date(), 1), 'yyyy-MM');
    const result = await runCli(['init', root]);
    expect(result.status).toBe(0);
    for (const folder of ['exports', 'reports', 'data']) expect(existsSync(join(root, folder))).toBe(true);
    expect(readFileSync(join(root, 'replybench.yaml'), 'utf8')).toContain('brands:');
    // Last month when init ran (a month may have ended meanwhile).
    const lastMonth = [before, format(subMonths(new Date(), 1), 'yyyy-MM')].find((month) => result.stdout.includes(`--period ${month}\n`));
    expect(lastMonth).toBeDefined();
    expect(result.stdout).toMatch(new RegExp(`\\n  \\S.* check --period ${lastMonth}\\n`));
    expect(result.stdout).toMatch(new RegExp(`\\n  \\S.* report --period ${lastMonth}\\n`));
    expect(result.stdout).toContain(`\n  cd ${relative(process.cwd(), root)}\n`);
    // In the folder it runs in, there is no folder to go to first.
    const here = tempFolder();
    expect((await runCli(['init'], here)).stdout).not.toMatch(/\n {2}cd /);
    // Run again there, it leaves the config as it is and says what to do.
    const again = await runCli(['init', root]);
    expect(again).toMatchObject({ status: 1, stderr: `replybench: ${join(root, 'replybench.yaml')}: already exists; edit it, or run init in another folder.\n` });
  });

  it('prints commands that run as printed: outside this checkout npx would look for the package on the registry', async () => {
    const outside = join(tempFolder(), 'outside');
    const printed = (await runCli(['init', outside])).stdout;
    const command = /\n {2}(.+) import exports\/\*\n/.exec(printed)?.[1];
    // node with the script's full path (or replybench, where npm link put it on the PATH), and how to shorten it.
    expect(command).toBeDefined();
    expect(command).not.toBe('npx replybench');
    if (command?.startsWith('node ')) expect(printed).toContain(`run \`npm link\` once in ${resolve('.')}.`);
    const ran = spawnSync('sh', ['-c', `${command} --version`], { cwd: outside, encoding: 'utf8' });
    expect([ran.status, ran.stdout.trim()]).toEqual([0, JSON.parse(readFileSync('package.json', 'utf8')).version]);
    // Inside the checkout, npx finds it.
    const inside = mkdtempSync(join(resolve('node_modules'), '.rb-init-'));
    try {
      expect((await runCli(['init', inside])).stdout).toContain('\n  npx replybench import exports/*\n');
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it('prints npx where a node_modules above the folder installs this copy, and ignores another replybench on the PATH', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(resolve('bin/replybench.js'), join(root, 'node_modules', '.bin', 'replybench'));
    expect((await runCli(['init', join(root, 'client')])).stdout).toContain('\n  npx replybench import exports/*\n');
    // An older global install is another copy: its commands might not be these.
    const other = join(tempFolder(), 'bin');
    mkdirSync(other);
    writeFileSync(join(other, 'replybench'), '#!/bin/sh\necho 0.0.1\n', { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${other}:${path ?? ''}`;
    try {
      expect((await runCli(['init', join(tempFolder(), 'elsewhere')])).stdout).not.toContain('\n  replybench import');
    } finally {
      process.env.PATH = path;
    }
    // `npx replybench` runs with a node_modules/.bin of npm's own on the PATH, linking to this copy: the user's shell
    // does not have it, so it is no reason to print a bare replybench (a new user's init printed one that failed).
    const npx = join(tempFolder(), '_npx', 'node_modules', '.bin');
    mkdirSync(npx, { recursive: true });
    symlinkSync(resolve('bin/replybench.js'), join(npx, 'replybench'));
    process.env.PATH = `${npx}:${path ?? ''}`;
    try {
      expect((await runCli(['init', join(tempFolder(), 'after-npx')])).stdout).not.toContain('\n  replybench import');
    } finally {
      process.env.PATH = path;
    }
  });
});
