import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { runInterruptCleanups, takeOverInterrupts } from '../../temp-files.js';

interface ServeOptions {
  port: string;
  workspace: string;
  token?: string;
  open?: boolean;
}

export function registerServe(program: Command): Command {
  return program
    .command('serve')
    .description('the whole month\'s work in a local web page: clients, exports, brands, check and reports (127.0.0.1 only)')
    .option('--port <port>', 'port on 127.0.0.1', '4173')
    .option('--workspace <dir>', 'folder of client projects (each one is what replybench init makes)', '.')
    .option('--token <token>', 'the API token (default: a new random one each run)')
    .option('--open', 'open the page in the default browser')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port "${options.port}": use a port number such as 4173.`);
      if (options.token !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(options.token)) throw new UserError('--token: use 16 to 128 letters, digits, - and _.');
      const { startServer } = await import('../../serve/server.js');
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({ workspace: resolve(options.workspace), port, ...(options.token ? { token: options.token } : {}) });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new UserError(`--port ${port}: another program listens there; choose another port with --port.`);
        throw error;
      }
      const stopped = new Promise<void>((done) => {
        let stopping = false;
        const stop = (signal: 'SIGINT' | 'SIGTERM') => {
          // A second Ctrl-C stops at once: an import cut so lands not at all (the store keeps no part of it), a report leaves the earlier one.
          if (stopping) {
            runInterruptCleanups();
            process.exit(signal === 'SIGINT' ? 130 : 143);
          }
          stopping = true;
          const running = server.activities.runningNow();
          if (running.length > 0) process.stderr.write(`replybench: stopping once ${running.join(' and ')} ends (Ctrl-C again to stop at once).\n`);
          void server.close().then(done);
        };
        // Its own handlers first, then the CLI's taken away: with none at all for a moment, a Ctrl-C then would end the process, or be lost.
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
        takeOverInterrupts();
        if (process.env.npm_command === 'exec') stopWithParent(() => stop('SIGTERM'));
      });
      // A misspelt --workspace would show no client, as if every one had gone: said, not left to look so.
      const workspace = resolve(options.workspace);
      const found = existsSync(workspace) ? '' : `(${workspace} does not exist: it is made when the first client is created; check --workspace if you meant an existing folder.)\n`;
      process.stdout.write(`replybench serves ${workspace} at\n  ${server.url}\nOpen that address (it carries this run's token). Ctrl-C stops it.\n${found}`);
      if (options.open) openInBrowser(server.url);
      await stopped;
    });
}

/**
 * Started by `npx replybench serve`, the server is npm's grandchild, and npm stopped by its pid does not stop it:
 * the server would go on serving with nobody to stop it. It stops when its parent is gone (it is then another
 * process's child). Only under npx: a server started with nohup is meant to outlive its terminal.
 */
function stopWithParent(stop: () => void): void {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    stop();
  }, 1000);
  watch.unref();
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(command, [url], { stdio: 'ignore', detached: true })
    .on('error', () => process.stderr.write(`replybench: could not open a browser (${command}); open the address above yourself.\n`))
    .unref();
}
