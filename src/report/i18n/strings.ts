import { UserError } from '../../errors.js';
import { type Language, languageEntry } from './language.js';

/** A flat string catalogue: key -> text with `{name}` placeholders. */
export type Catalogue = Record<string, string>;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A vowel that opens a value a French "de" or "que" elides before ("d’octobre", "qu’Acme"). */
const ELIDING_START = /^[aeiouàâæéèêëîïôœùûü]/i;

/**
 * Builds `t(key, values)`; an unknown key is a template bug, so it fails loudly with the key.
 * In a language that elides (French), "de {period}" of a value that starts with a
 * vowel is written "d’octobre 2017", as "que {brand}" is "qu’Acme" (and "De", "lorsque",
 * "puisque" the same).
 */
export function translator(catalogue: Catalogue, source: string, language?: Language): Translate {
  const elides = language !== undefined && languageEntry(language).elides;
  return (key, values = {}) => {
    const text = catalogue[key];
    if (text === undefined) throw new UserError(`${source}: missing string "${key}"; add it to every language file of the template.`);
    return text.replace(/(\b(?:[Dd]e|(?:lors|puis)?que) )?\{(\w+)\}(’s\b)?/g, (whole, before: string | undefined, name: string, possessive: string | undefined) => {
      const value = values[name];
      if (value === undefined) return whole;
      // English gives a name ending in s the apostrophe alone: "British Airways’ replies", not "British Airways’s".
      const shown = possessive === undefined ? String(value) : `${value}${/s$/i.test(String(value)) ? '’' : possessive}`;
      if (before === undefined) return shown;
      return elides && ELIDING_START.test(shown) ? `${before.slice(0, -2)}’${shown}` : `${before}${shown}`;
    });
  };
}

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
