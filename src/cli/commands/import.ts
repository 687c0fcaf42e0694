import type { Command } from 'commander';
import { notBuiltYet } from '../not-built.js';

export function registerImport(program: Command): Command {
  return program
    .command('import')
    .description('load export files into the database')
    .argument('<file...>', 'export files (CSV, TSV, XLSX)')
    .option('--db <path>', 'database file (default: the config\'s database, else ./replybench.duckdb)')
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--format <name>', 'auto|twcs|twarc2|talkwalker|meltwater|brandwatch|sprout|generic', 'auto')
    .option('--mapping <file>', 'column mapping (YAML) for --format generic')
    .option('--platform <name>', 'platform of the posts when the export does not say')
    .option('--timezone <tz>', 'timezone of local times written without an offset', 'UTC')
    .option('--json', 'print one JSON object per file')
    .action(notBuiltYet('import'));
}
