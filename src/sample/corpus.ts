/**
 * Template lists per language, and how the generator fills them. Templates
 * take {city}, {amount}, {days}, {n}, {name}, {order}, {brand}, {site}
 * placeholders.
 */
import type { Random } from './random.js';
import type { Language } from './spec.js';

export type Corpus = Record<Language, readonly string[]>;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** One template of the language (English when the language has none). */
export function pickIn(random: Random, corpus: Corpus, language: Language): string {
  return random.pick(corpus[language].length > 0 ? corpus[language] : corpus.en);
}
