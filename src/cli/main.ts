import { Command, CommanderError } from 'commander';
import { AlreadyReported, UserError } from '../errors.js';
import { installInterruptHandlers, removeStaleTempFolders } from '../temp-files.js';
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
  installInterruptHandlers();
  watchStdout();
  return main(argv);
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  try {
    const program = await buildProgram(args);
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    return reportFailure(error, debug);
  }
}

type Register = (program: Command) => Command;

/**
 * The commands in the order the help lists them, each loaded only when it
 * runs: a command's modules (DuckDB, the report's Chromium, Vega, the deck
 * and workbook writers) take most of a short run's time to load.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  init: async () => (await import('./commands/init.js')).registerInit,
  import: async () => (await import('./commands/import.js')).registerImport,
  check: async () => (await import('./commands/check.js')).registerCheck,
  metrics: async () => (await import('./commands/metrics.js')).registerMetrics,
  themes: async () => (await import('./commands/themes.js')).registerThemes,
  report: async () => (await import('./commands/report.js')).registerReport,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  cache: async () => (await import('./commands/cache.js')).registerCache,
};

/** The program with the command `args` names, or with every command (for the help, and a misspelt command's suggestion); none for --version. */
export async function buildProgram(args: readonly string[]): Promise<Command> {
  const program = new Command('replybench')
    .description('Measure how well a brand answers people on social media, against its competitors.')
    .version(VERSION)
    .option('--debug', 'show stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(commanderError(text)) });
  const named = args.find((arg) => !arg.startsWith('-'));
  const versionOnly = named === undefined && (args.includes('--version') || args.includes('-V'));
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : versionOnly ? [] : Object.keys(COMMANDS);
  for (const name of wanted) {
    const register = await COMMANDS[name]?.();
    register?.(program).exitOverride();
  }
  return program;
}

/**
 * Commander's refusal of the command line as replybench says every error: one line after "replybench: ", with where
 * to look ("error: required option '--period <period>' not specified" becomes "replybench: required option '--period
 * <period>' not specified; replybench --help lists the commands, replybench <command> --help its options."); its
 * suggestion ("(Did you mean import?)") stays on that line.
 */
export function commanderError(text: string): string {
  const [first = '', ...rest] = text.trim().replace(/^error: /, '').split('\n');
  const suggestion = rest.map((line) => line.trim()).filter((line) => line !== '').join(' ');
  const said = `${first}${suggestion ? ` ${suggestion}` : ''}`.replace(/\.$/, '');
  return `replybench: ${said}; replybench --help lists the commands, replybench <command> --help its options.\n`;
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
