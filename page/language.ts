/** The page's language (the address's `language`, else the browser's), its words, and how it writes sizes and dates. */
import { el } from './dom.js';
import { instantText } from './dates.js';
import { type Language, STRINGS } from './strings.js';

export const PAGE_LANGUAGES = ['en', 'es', 'fr'] as const;
/** The address's `language` (the switch in the header sets it), else the first of the browser's languages the page speaks (fr-CH, es, en: French). */
export const language: Language =
  PAGE_LANGUAGES.find((code) => code === new URLSearchParams(location.search).get('language')) ??
  (navigator.languages?.length ? navigator.languages : [navigator.language]).flatMap((wanted) => PAGE_LANGUAGES.filter((code) => wanted.toLowerCase().startsWith(code)))[0] ??
  'en';
document.documentElement.lang = language;
export const t = (key: string): string => STRINGS[language][key] ?? STRINGS.en[key] ?? key;
/** The label of a code the server sends (a coverage warning, a post kind), or the code itself when the page has none. */
export const labelOf = (group: string, code: string): string => STRINGS[language][`${group}.${code}`] ?? STRINGS.en[`${group}.${code}`] ?? code;
/** A size in the page's language and units (MB, Mo). */
export function sizeText(bytes: number): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(language, { style: 'unit', unit: megabytes ? 'megabyte' : 'kilobyte', maximumFractionDigits: 0 }).format(bytes / (megabytes ? 1024 * 1024 : 1024));
}

/** Each language by its own name (as every language list writes them); the value sent is its code. */
export const LANGUAGE_NAMES = { en: 'English', es: 'Español', fr: 'Français' } as const;

export function languageSelect(attributes: Record<string, string>, chosen: string): HTMLSelectElement {
  return el('select', attributes, ...Object.entries(LANGUAGE_NAMES).map(([code, name]) => el('option', code === chosen ? { value: code, selected: '' } : { value: code }, name)));
}

/** A stored instant (UTC) as the client's reports date it: in its timezone, with the time unless `withTime` is false. */
export function clientTime(iso: string, zone: string, withTime = true): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  try {
    return instantText(instant, language, zone, withTime);
  } catch {
    // A zone this browser does not know: the instant as stored, in UTC.
    return iso;
  }
}
