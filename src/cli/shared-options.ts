import { type Command, Option } from 'commander';

/** The help of options several commands take, worded once. */
export const DB_HELP = "database file (default: the config's database, else ./replybench.duckdb)";
export const NO_CACHE_HELP = 'compute the analysis again instead of reading the one kept beside the database';

/**
 * --lang, and --language, hidden, for those who write the page's and the API's word for it: either names the
 * report's language (`languageAsked` reads them).
 */
export function withLanguageOption(command: Command, help: string): Command {
  return command.option('--lang <lang>', help).addOption(new Option('--language <lang>').hideHelp());
}

/** The language --lang or --language names. */
export function languageAsked(options: { lang?: string; language?: string }): string | undefined {
  return options.lang ?? options.language;
}
