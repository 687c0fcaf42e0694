import type { Command } from 'commander';
import { notBuiltYet } from '../not-built.js';

export function registerDemo(program: Command): Command {
  return program
    .command('demo')
    .description('sample data -> database -> full report, in one command')
    .option('--out <dir>', 'output folder', 'replybench-demo')
    .action(notBuiltYet('demo'));
}
