import { readFileSync, writeFileSync } from 'node:fs';
import type { Language } from '../report/i18n/language.js';

/**
 * Writes the demo project's config (sample-data/replybench.yaml, copied) in
 * the report's language, `report.language`, so that the commands the demo
 * suggests next give the same report (its themes carry a name for each
 * language already). The line is edited as text: the yaml package's writer
 * would respace every list and comment of a file the analyst is meant to read.
 */
export function setConfigLanguage(path: string, language: Language): void {
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^( {2}language: )en\b/m, `$1${language}`));
}
