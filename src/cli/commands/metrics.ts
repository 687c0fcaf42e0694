import type { Command } from 'commander';
import { notBuiltYet } from '../not-built.js';

export function registerMetrics(program: Command): Command {
  return program
    .command('metrics')
    .description('print response rate, response time, reply share and share of voice per brand')
    .requiredOption('--period <period>', 'a month (2017-10), a quarter (2017-Q4) or FROM..TO dates')
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--db <path>', 'database file (default: the config\'s database)')
    .option('--format <format>', 'table|json|csv', 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(notBuiltYet('metrics'));
}
