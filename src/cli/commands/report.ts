import type { Command } from 'commander';
import { notBuiltYet } from '../not-built.js';

export function registerReport(program: Command): Command {
  return program
    .command('report')
    .description('write the PDF report (plus HTML, CSV, JSON and SVG charts)')
    .requiredOption('--period <period>', 'a month (2017-10), a quarter (2017-Q4) or FROM..TO dates')
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--db <path>', 'database file (default: the config\'s database)')
    .option('--out <dir>', 'output folder', 'out')
    .option('--lang <lang>', 'en|es|fr (default: the config\'s report.language)')
    .action(notBuiltYet('report'));
}
