import type { Config } from '../config/types.js';

/**
 * The words a post may name a tracked brand by: each brand's name, id, topics and handles cut at anything that
 * is not a letter or a digit ("acme_cares" is "acme" and "cares"), and each handle whole without its separators
 * ("acmecares": one word to the people who write it). Not normalised: the themes and the closers each compare
 * words their own way.
 */
export function brandNameWords(config: Config): string[] {
  const words = new Set<string>();
  for (const brand of config.brands) {
    const handles = Object.values(brand.accounts).flat();
    for (const name of [brand.name, brand.id, ...brand.topics, ...handles]) {
      for (const word of name.split(/[^\p{L}\p{N}]+/u)) if (word !== '') words.add(word);
    }
    for (const handle of handles) words.add(handle.replace(/[^\p{L}\p{N}]+/gu, ''));
  }
  return [...words];
}
