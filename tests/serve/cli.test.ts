import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../bin/replybench.js');

/** A process that starts `replybench serve` as its child, as npx does, and prints the server's pid. */
function serverUnderWrapper(env: NodeJS.ProcessEnv): { wrapper: ChildProcess; serverPid: Promise<number> } {
  const workspace = mkdtempSync(join(tmpdir(), 'replybench-serve-'));
  const script = `const child = require('node:child_process').spawn(process.execPath, [${JSON.stringify(CLI)}, 'serve', '--port', '0', '--workspace', ${JSON.stringify(workspace)}], { stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.once('data', () => console.log(child.pid));
setInterval(() => {}, 1000);`;
  const wrapper = spawn(process.execPath, ['-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const serverPid = new Promise<number>((found) => wrapper.stdout?.once('data', (data: Buffer) => found(Number(String(data).trim()))));
  return { wrapper, serverPid };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, seconds: number): Promise<boolean> {
  for (let waited = 0; waited < seconds * 10; waited++) {
    if (condition()) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return condition();
}

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('replybench serve started through npx', () => {
  it('stops when npm is stopped, and only under npx', async () => {
    // Both started at once: each waits for its server to print its address.
    const npx = serverUnderWrapper({ ...process.env, npm_command: 'exec' });
    const plain = serverUnderWrapper({ ...process.env, npm_command: undefined });
    const [underNpx, underShell] = await Promise.all([npx.serverPid, plain.serverPid]);
    started.push(underNpx, underShell);
    npx.wrapper.kill('SIGKILL');
    plain.wrapper.kill('SIGKILL');
    expect(await waitUntil(() => !alive(underNpx), 10)).toBe(true);
    // Started otherwise (a terminal, nohup), the server outlives its parent, as it always did.
    expect(alive(underShell)).toBe(true);
  });
});

describe('replybench serve --workspace', () => {
  it('says when the folder does not exist, so a misspelt one does not look like every client gone', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'replybench-serve-')), 'clinets');
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workspace', missing], { stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.pid !== undefined) started.push(child.pid);
    let printed = '';
    await new Promise<void>((done) => {
      child.stdout?.on('data', (data: Buffer) => {
        printed += String(data);
        if (printed.includes('--workspace')) done();
      });
    });
    expect(printed).toContain(`(${missing} does not exist: it is made when the first client is created; check --workspace if you meant an existing folder.)\n`);
  });
});

describe('replybench serve stopped with Ctrl-C', () => {
  it('stops by itself, with nothing under way: it ends its work first rather than being ended by the signal', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'replybench-serve-'));
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workspace', workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) started.push(child.pid);
    await new Promise<void>((listening) => child.stdout?.once('data', () => listening()));
    let stderr = '';
    child.stderr?.on('data', (data: Buffer) => {
      stderr += String(data);
    });
    const ended = new Promise<[number | null, NodeJS.Signals | null]>((done) => child.once('exit', (code, signal) => done([code, signal])));
    child.kill('SIGINT');
    expect(await ended).toEqual([0, null]);
    // Nothing was running: nothing to wait for, so nothing said.
    expect(stderr).toBe('');
  });
});
