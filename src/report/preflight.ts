import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { refuseSystemFolder } from '../output-folder.js';
import { checkTemplatePages } from './html/checkPages.js';
import { logoDataUrl } from './html/logo.js';
import type { Language } from './i18n/language.js';
import { ReportTemplate } from './template.js';

/**
 * Everything a report reads or writes besides the database, checked before
 * any number is computed: the logo, the template folder (its manifest,
 * strings, page templates and chart specs), and the output folder (writable,
 * or creatable: it is made only when the report is written). Each problem is
 * one UserError naming the config file and key, the option, or the
 * template's file. Returns the warnings to print (Vega-Lite's on the
 * template's chart specs), one line each.
 */
export async function checkReportInputs(config: Config, language: Language, outDir: string, outOption = '--out'): Promise<string[]> {
  logoDataUrl(config.report.agency?.logo, config.baseDir, config.source);
  const template = ReportTemplate.open(config.report.template, config.baseDir, config.source);
  template.manifest();
  const strings = template.strings(language);
  checkTemplatePages(template);
  // Vega is loaded only for an agency's own chart specs: it takes a moment, and the default template's are tested.
  const warnings = template.ownFiles('charts', '.vl.json').length > 0 ? (await import('./charts/checkCharts.js')).checkTemplateCharts(template, strings, language) : [];
  checkWritableFolder(outDir, outOption);
  return warnings;
}

/**
 * Checks that files can be written in `dir`, or that it can be made (its nearest existing folder is writable),
 * without making it: a report refused later leaves no empty folder. The root, the home folder and system folders are refused.
 */
export function checkWritableFolder(dir: string, option: string): void {
  refuseSystemFolder(dir, option);
  let existing = resolve(dir);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    if (!statSync(existing).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(existing, constants.W_OK);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'not writable';
    throw new UserError(`${option} "${dir}": cannot write the report there (${code}); choose a folder you can write to.`);
  }
}
