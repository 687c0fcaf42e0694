import { UserError } from '../../errors.js';
import { capitalised } from './format.js';
import { type Language, languageEntry } from './language.js';

/** A flat string catalogue: key -> text with `{name}` placeholders. */
export type Catalogue = Record<string, string>;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A vowel that opens a value a French "de" or "que" elides before ("d’octobre", "qu’Acme"). */
export const ELIDING_START = /^[aeiouàâæéèêëîïôœùûü]/i;

/**
 * Builds `t(key, values)`; an unknown key is a template bug, so it fails loudly with the key.
 * In a language that elides (French), "de {period}" of a value that starts with a
 * vowel is written "d’octobre 2017", as "que {brand}" is "qu’Acme" (and "De", "lorsque",
 * "puisque" the same). A preposition before a value that opens with an article is
 * written with it as the language does: "à {previous}" of "le T2 2025" is "au T2 2025",
 * "de {previous}" of "el T2 de 2025" is "del T2 de 2025".
 */
export function translator(catalogue: Catalogue, source: string, language?: Language): Translate {
  const entry = language === undefined ? null : languageEntry(language);
  return (key, values = {}) => {
    const text = catalogue[key];
    if (text === undefined) throw new UserError(`${source}: missing string "${key}"; add it to every language file of the template.`);
    return text.replace(/(?:(?<!\p{L})(\p{L}+) )?\{(\w+)\}(’s\b)?/gu, (whole, before: string | undefined, name: string, possessive: string | undefined) => {
      const value = values[name];
      if (value === undefined) return whole;
      // English gives a name ending in s the apostrophe alone: "British Airways’ replies", not "British Airways’s".
      const shown = possessive === undefined ? String(value) : `${value}${/s$/i.test(String(value)) ? '’' : possessive}`;
      if (before === undefined) return shown;
      const [article, ...rest] = shown.split(' ');
      const contracted = entry?.contractions[before.toLowerCase()]?.[article ?? ''];
      if (entry && contracted !== undefined && rest.length > 0) return `${before === before.toLowerCase() ? contracted : capitalised(contracted, entry.locale)} ${rest.join(' ')}`;
      if (entry?.elides && ELIDING.test(before) && ELIDING_START.test(shown)) return `${before.slice(0, -1)}’${shown}`;
      return `${before} ${shown}`;
    });
  };
}

/** The words that elide before a vowel, as "de" and "que" do ("lorsque", "puisque" the same). */
const ELIDING = /^(?:[Dd]e|(?:lors|puis)?que)$/;

/** Parses a strings file into a catalogue, checking every value is text. */
export function parseCatalogue(raw: unknown, source: string): Catalogue {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UserError(`${source}: expected a JSON object of "key": "text" pairs.`);
  const catalogue: Catalogue = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') throw new UserError(`${source}: "${key}" must be a string.`);
    catalogue[key] = value;
  }
  return catalogue;
}
