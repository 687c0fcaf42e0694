import type { Command } from 'commander';
import { LANGUAGE_CHOICES } from '../../report/i18n/language.js';
import { commandIn } from '../launcher.js';
import { languageAsked, withLanguageOption } from '../shared-options.js';
import { parseLanguage, shownPath } from './report.js';

export function registerDemo(program: Command): Command {
  const command = program
    .command('demo')
    .description('sample data -> database -> full report, in one command')
    .option('--out <dir>', 'output folder (a new folder, or a previous demo\'s)', 'replybench-demo');
  return withLanguageOption(command, `report language: ${LANGUAGE_CHOICES} (default: en)`)
    .action(async (options: { out: string; lang?: string; language?: string }) => {
      const lang = parseLanguage(languageAsked(options));
      // Loaded on demand, like the report command: it pulls in the whole report stack.
      const { runDemo } = await import('../../sample/demo.js');
      const result = await runDemo({ outDir: options.out, ...(lang ? { lang } : {}), log: (line) => process.stderr.write(`demo: ${line}\n`) });
      const pdf = result.report.pdf ?? result.report.html;
      // The next report to try is in a language the demo did not use.
      const other = lang === 'es' ? 'fr' : 'es';
      const replybench = commandIn(result.outDir);
      process.stderr.write(
        `demo: done. The report for ${result.period} is ready; try next:\n` +
          `demo:   cd ${shownPath(result.outDir)} && ${replybench} metrics --period ${result.period}\n` +
          `demo:   ${replybench} report --period ${result.period} --lang ${other}\n`,
      );
      process.stdout.write(`${shownPath(pdf)}\n`);
    });
}
