import { z } from 'zod';
import type { Language } from '../report/i18n/language.js';
import { plainNumbers } from '../report/i18n/plain-numbers.js';
import type { Analysis } from './analysis.js';

/** A config entry the data does not bear out: the key, the handle or topic, the closest the data holds, and in words (English) what to check. */
export interface ConfigWarning {
  key: string;
  /** The brand's name, and the platform of a handle (null for a topic). */
  brand: string;
  platform: string | null;
  kind: 'handle' | 'topic';
  /** The handle or topic as the config is read: lower case, without "@". */
  value: string;
  /** For a handle: whether no handle of the brand on its platform matches anything in the period (the brand would show there without data). */
  brandUnmatched: boolean;
  /** The period's label ("2017-10"). */
  period: string;
  closest: Array<{ name: string; posts: number }>;
  message: string;
}

/** A config warning's sentence, in one language each, with the language's quotes and punctuation. */
interface Words {
  handle: string;
  topic: string;
  closest: string;
  or: string;
  post: string;
  posts: string;
  quoted(value: string): string;
  /** What comes after the quoted value, between the two clauses, and at the end of the question. */
  colon: string;
  semicolon: string;
  question: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    handle: 'no post by or mentioning it in',
    topic: 'no post carries this topic in',
    closest: 'did you mean',
    or: 'or',
    post: 'post',
    posts: 'posts',
    quoted: (value) => `"${value}"`,
    colon: ': ',
    semicolon: '; ',
    question: '?',
  },
  es: {
    handle: 'ninguna publicación suya ni que la mencione en',
    topic: 'ninguna publicación lleva este tema en',
    closest: '¿quería decir',
    or: 'o',
    post: 'publicación',
    posts: 'publicaciones',
    quoted: (value) => `«${value}»`,
    colon: ': ',
    semicolon: '; ',
    question: '?',
  },
  fr: {
    handle: 'aucune publication de ce compte ni qui le mentionne en',
    topic: 'aucune publication ne porte ce sujet en',
    closest: 'vouliez-vous dire',
    or: 'ou',
    post: 'publication',
    posts: 'publications',
    quoted: (value) => `«\u00a0${value}\u00a0»`,
    colon: '\u00a0: ',
    semicolon: '\u00a0; ',
    question: '\u00a0?',
  },
};

/**
 * What a config warning says, in `language` (the message of `replybench check` in English; the local web page's in its own).
 * @example configWarningMessage({ kind: 'handle', value: 'applesuport', period: '2017-10', closest: [{ name: 'applesupport', posts: 6392 }] })
 * // '"applesuport": no post by or mentioning it in 2017-10; did you mean applesupport (6,392 posts)?'
 */
export function configWarningMessage(warning: Pick<ConfigWarning, 'kind' | 'value' | 'period' | 'closest'>, language: Language = 'en'): string {
  const words = WORDS[language];
  const { count } = plainNumbers(language);
  const named = warning.closest.map(({ name, posts }) => `${name} (${count(posts)} ${posts === 1 ? words.post : words.posts})`);
  const suggestion = named.length === 0 ? '' : `${words.semicolon}${words.closest} ${named.join(` ${words.or} `)}${words.question}`;
  return `${words.quoted(warning.value)}${words.colon}${warning.kind === 'handle' ? words.handle : words.topic} ${warning.period}${suggestion}`;
}

const handleRow = z.object({ brand_id: z.string(), platform: z.string(), handle: z.string(), ord: z.number(), posts: z.number(), mentions: z.number() });
const closestRow = z.object({ brand_id: z.string(), platform: z.string(), handle: z.string(), candidate: z.string(), posts: z.number() });
const topicRow = z.object({
  brand_id: z.string(),
  topic: z.string(),
  posts: z.number(),
  closest: z.array(z.string().nullable()),
  closest_posts: z.array(z.number().nullable()),
});

/**
 * The config against the data of the analysis's period, before any number is
 * printed: a handle that neither posts nor is mentioned, and a topic no post
 * carries, are most likely misspelt; each warning names the closest handles or
 * topics the data holds, with their counts (queries/check/*.sql).
 * @example (await checkConfigAgainstData(analysis)).map((w) => `${w.key}: ${w.message}`)
 * // ['brands.0.accounts.twitter: "applesuport": no post by or mentioning it in 2017-10; did you mean applesupport (6,392 posts)?']
 */
export async function checkConfigAgainstData(analysis: Analysis): Promise<ConfigWarning[]> {
  const { config, period } = analysis;
  const range = analysis.range;
  const nameOf = new Map(config.brands.map((brand) => [brand.id, brand.name]));
  const warning = (key: string, fields: Omit<ConfigWarning, 'key' | 'message' | 'period'>): ConfigWarning => {
    const found = { ...fields, period: period.label };
    return { key, ...found, message: configWarningMessage(found) };
  };
  const ordOf = new Map(config.brands.map((brand, index) => [brand.id, index]));

  await analysis.run('check/handles', range);
  const handles = await analysis.rows('check/handle_list', handleRow);
  const closest = await analysis.rows('check/closest_handles', closestRow, range);
  const warnings: ConfigWarning[] = [];
  const matched = new Set(handles.filter((row) => row.posts > 0 || row.mentions > 0).map((row) => `${row.brand_id}\u0000${row.platform}`));
  for (const row of handles) {
    if (row.posts > 0 || row.mentions > 0) continue;
    const near = closest.filter((c) => c.brand_id === row.brand_id && c.platform === row.platform && c.handle === row.handle);
    warnings.push(
      warning(`brands.${row.ord}.accounts.${row.platform}`, {
        brand: nameOf.get(row.brand_id) ?? row.brand_id,
        platform: row.platform,
        kind: 'handle',
        value: row.handle,
        brandUnmatched: !matched.has(`${row.brand_id}\u0000${row.platform}`),
        closest: near.map((c) => ({ name: c.candidate, posts: c.posts })),
      }),
    );
  }
  for (const row of await analysis.rows('check/topics', topicRow, range)) {
    if (row.posts > 0) continue;
    const near = row.closest.flatMap((topic, index) => (topic === null ? [] : [{ name: topic, posts: row.closest_posts[index] ?? 0 }]));
    warnings.push(warning(`brands.${ordOf.get(row.brand_id) ?? '?'}.topics`, { brand: nameOf.get(row.brand_id) ?? row.brand_id, platform: null, kind: 'topic', value: row.topic, brandUnmatched: false, closest: near }));
  }
  return warnings;
}

/** The posts an account the data holds must count before a report takes it for the one a handle misspells (not a customer named alike). */
export const TYPO_MIN_POSTS = 5;

/**
 * The handles a report waits for: each matches nothing in the period, as no other handle of its brand on its
 * platform does, while the data holds an account spelt close to it with at least TYPO_MIN_POSTS posts. Most likely
 * a typo, which a report would print as a brand the exports do not cover there.
 */
export function likelyTypos(warnings: readonly ConfigWarning[]): ConfigWarning[] {
  return warnings.filter((warning) => warning.kind === 'handle' && warning.brandUnmatched && warning.closest.some((candidate) => candidate.posts >= TYPO_MIN_POSTS));
}
