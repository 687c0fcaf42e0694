import { Command, CommanderError } from 'commander';
import { AlreadyReported, UserError } from '../errors.js';
import { removeStaleTempFolders, runInterruptCleanups } from '../temp-files.js';
import { registerCheck } from './commands/check.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerMetrics } from './commands/metrics.js';
import { registerReport } from './commands/report.js';
import { registerThemes } from './commands/themes.js';
import { watchStdout } from './stdout.js';
import { VERSION } from './version.js';

/**
 * The CLI as a process runs it (bin/replybench.js): what a killed run left in
 * the temporary folder is removed first; an interrupted run (Ctrl-C,
 * SIGTERM) removes its temporary files and stops its browser before it ends
 * by the same signal; a closed stdout ends the output quietly.
 */
export async function runCli(argv: string[]): Promise<number> {
  removeStaleTempFolders();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      runInterruptCleanups();
      process.kill(process.pid, signal);
    });
  }
  watchStdout();
  return main(argv);
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram();
  try {
    await program.parseAsync(argv.filter((arg) => arg !== '--debug'), { from: 'user' });
    return 0;
  } catch (error) {
    return reportFailure(error, debug);
  }
}

export function buildProgram(): Command {
  const program = new Command('replybench')
    .description('Measure how well a brand answers people on social media, against its competitors.')
    .version(VERSION)
    .option('--debug', 'show stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of [registerInit, registerImport, registerCheck, registerMetrics, registerThemes, registerReport, registerDemo]) {
    register(program).exitOverride();
  }
  return program;
}

function reportFailure(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line message (or the help text).
    return error.exitCode === 0 ? 0 : 1;
  }
  if (error instanceof AlreadyReported) return 1;
  if (error instanceof UserError) {
    process.stderr.write(`replybench: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`replybench: unexpected error: ${message}\n`);
  if (debug) process.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
  else process.stderr.write('Run again with --debug for details, and report it if it persists.\n');
  return 1;
}
