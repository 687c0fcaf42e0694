import { UserError } from '../../errors.js';

/** A flat string catalogue: key -> text with `{name}` placeholders. */
export type Catalogue = Record<string, string>;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Builds `t(key, values)`; an unknown key is a template bug, so it fails loudly with the key. */
export function translator(catalogue: Catalogue, source: string): Translate {
  return (key, values = {}) => {
    const text = catalogue[key];
    if (text === undefined) throw new UserError(`${source}: missing string "${key}"; add it to every language file of the template.`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : String(value);
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
