import { type Command, Option } from 'commander';
import { UserError } from '../errors.js';

/** The help of options several commands take, worded once. */
export const DB_HELP = "database file (default: the config's database, else replybench.duckdb in the config's folder)";
export const NO_CACHE_HELP = 'compute the analysis again instead of reading the one kept beside the database, and keep none';

/**
 * --lang, and --language, hidden, for those who write the page's and the API's word for it: either names the
 * report's language (`languageAsked` reads them).
 */
export function withLanguageOption(command: Command, help: string): Command {
  return command.option('--lang <lang>', help).addOption(new Option('--language <lang>').hideHelp());
}

/** The language --lang or --language names, with the option it was given as (its errors name it); both, differing, are refused. */
export function languageAsked(options: { lang?: string; language?: string }): { value: string; flag: string } | undefined {
  const { lang, language } = options;
  if (lang !== undefined && language !== undefined && lang !== language) throw new UserError(`--lang "${lang}" and --language "${language}" name two languages; give one.`);
  if (lang !== undefined) return { value: lang, flag: '--lang' };
  return language === undefined ? undefined : { value: language, flag: '--language' };
}
