import type { Command } from 'commander';
import { relative } from 'node:path';
import { UserError } from '../../errors.js';
import { isLanguage } from '../../report/i18n/language.js';

export function registerDemo(program: Command): Command {
  return program
    .command('demo')
    .description('sample data -> database -> full report, in one command')
    .option('--out <dir>', 'output folder (a new folder, or a previous demo\'s)', 'replybench-demo')
    .option('--lang <lang>', 'report language: en|es|fr (default: en)')
    .action(async (options: { out: string; lang?: string }) => {
      if (options.lang !== undefined && !isLanguage(options.lang)) throw new UserError(`--lang "${options.lang}": use en, es or fr.`);
      // Loaded on demand, like the report command: it pulls in the whole report stack.
      const { runDemo } = await import('../../sample/demo.js');
      const result = await runDemo({ outDir: options.out, ...(options.lang ? { lang: options.lang } : {}), log: (line) => process.stderr.write(`demo: ${line}\n`) });
      const pdf = result.report.pdf ?? result.report.html;
      process.stderr.write(
        `demo: done. The report for ${result.period} is ready; try next:\n` +
          `demo:   cd ${shown(result.outDir)} && npx replybench metrics --period ${result.period}\n` +
          `demo:   npx replybench report --period ${result.period} --lang es --out report-es\n`,
      );
      process.stdout.write(`${shown(pdf)}\n`);
    });
}

/** A path relative to the working folder when it is inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
