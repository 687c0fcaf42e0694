import type { Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';

/** What a report language needs that neither Intl nor its strings file can give. */
interface LanguageEntry {
  /** BCP 47 tag for Intl: numbers, percentages, lists, month-and-year order, short month names, chart axes. */
  locale: string;
  /** date-fns locale: month and weekday names, long date (`PPP`) and date-time (`PPp`). */
  dates: Locale;
  /** Whether "de" and "que" elide before a value that starts with a vowel (strings.ts: "d’octobre"). */
  elides: boolean;
  /** A preposition and the article that opens a value, written as one word (strings.ts: "à" + "le T2 2025" is "au T2 2025"). */
  contractions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** What follows the number of the first day of a month in a date, where the language writes it as an ordinal ("1er octobre"). */
  firstOfMonth?: string;
}

/**
 * The report languages, one entry each; with its
 * report-templates/default/strings/<code>.json that is all a language is.
 * The config schema, the CLI's --lang, the dates, the chart axes and the
 * themes' stop words all read this table.
 */
const LANGUAGE_TABLE = {
  en: { locale: 'en-GB', dates: enGB, elides: false, contractions: {} },
  es: { locale: 'es-ES', dates: es, elides: false, contractions: { a: { el: 'al' }, de: { el: 'del' } } },
  // "en" before an article is "au" too where a period is named: "en octobre", but "au T2 2025", and "sur la période du …".
  fr: { locale: 'fr-FR', dates: fr, elides: true, firstOfMonth: 'er', contractions: { à: { le: 'au', les: 'aux' }, de: { le: 'du', les: 'des' }, en: { le: 'au', les: 'aux', la: 'sur la' } } },
} as const satisfies Record<string, LanguageEntry>;

export type Language = keyof typeof LANGUAGE_TABLE;

/** Languages a report can be written in, in the table's order. */
export const LANGUAGES = Object.keys(LANGUAGE_TABLE) as [Language, ...Language[]];

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(LANGUAGE_TABLE, value);
}

/** The table's entry of a language. */
export function languageEntry(language: Language): LanguageEntry {
  return LANGUAGE_TABLE[language];
}

/** The language codes as a help text writes a choice: "en|es|fr". */
export const LANGUAGE_CHOICES = LANGUAGES.join('|');

/** The language codes as a message lists them: "en, es or fr". */
export const LANGUAGE_LIST = new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(LANGUAGES);
