import { readFileSync, writeFileSync } from 'node:fs';
import type { Language } from '../report/i18n/language.js';

/**
 * The sample config's theme names as an agency working in each language
 * would write them: a theme's name is printed as it is in the report, so a
 * Spanish report of the demo said "billing" and "outage".
 */
const THEME_NAMES: Record<Language, Record<string, string>> = {
  en: {},
  es: { billing: 'facturación', coverage: 'cobertura', outage: 'avería', roaming: 'itinerancia' },
  fr: { billing: 'facturation', coverage: 'couverture', outage: 'panne', roaming: 'itinérance' },
};

/**
 * Writes the demo project's config (sample-data/replybench.yaml, copied) in
 * the report's language: its theme names and `report.language`, so that the
 * commands the demo suggests next give the same report. The lines are edited
 * as text: the yaml package's writer would respace every list and comment of
 * a file the analyst is meant to read.
 */
export function setConfigLanguage(path: string, language: Language): void {
  const names = THEME_NAMES[language];
  const text = readFileSync(path, 'utf8')
    .replace(/^ {2}([a-z]+):(?= \[)/gm, (line, theme: string) => (names[theme] ? `  ${names[theme]}:` : line))
    .replace(/^( {2}language: )en\b/m, `$1${language}`);
  writeFileSync(path, text);
}
