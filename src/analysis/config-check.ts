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
  /** `answered-handle`: a handle the config does not list, named by posts the brand answered (answeredPosts of them) that are not its mentions. */
  kind: 'handle' | 'topic' | 'answered-handle';
  /** The handle or topic as the config is read: lower case, without "@". */
  value: string;
  /** For a handle: whether no handle of the brand on its platform matches anything in the period (the brand would show there without data). */
  brandUnmatched: boolean;
  /** The period's label ("2017-10"). */
  period: string;
  closest: Array<{ name: string; posts: number }>;
  /** For an answered handle: the posts the brand's accounts answered that name it and none of the brand's handles. */
  answeredPosts?: number;
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
  /** An answered handle's sentence: `posts` answered posts name `handle`; `add` is what to list under the brand's accounts. */
  answered(posts: string, period: string, handle: string, add: string): string;
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
    answered: (posts, period, handle, add) =>
      `not listed among its accounts, yet ${posts} of the posts its accounts answered in ${period} name @${handle} and none of its listed handles, so they do not count as its mentions; if @${handle} is the brand's own account or user id, add ${add}; if it is another company's or a customer's, nothing needs to change`,
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
    answered: (posts, period, handle, add) =>
      `no figura entre sus cuentas, pero ${posts} de las publicaciones a las que respondieron sus cuentas en ${period} nombran a @${handle} y a ninguna de sus cuentas, así que no cuentan entre sus menciones; si @${handle} es una cuenta o un identificador de usuario de la marca, añada ${add}; si es de otra empresa o de un cliente, no hay nada que cambiar`,
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
    answered: (posts, period, handle, add) =>
      `ne figure pas parmi ses comptes, mais ${posts} des publications auxquelles ses comptes ont répondu en ${period} nomment @${handle} et aucun de ses comptes, si bien qu’elles ne comptent pas parmi ses mentions\u00a0; si @${handle} est un compte ou un identifiant d’utilisateur de la marque, ajoutez ${add}\u00a0; s’il appartient à une autre entreprise ou à un client, rien n’est à changer`,
  },
};

/**
 * What a config warning says, in `language` (the message of `replybench check` in English; the local web page's in its own).
 * @example configWarningMessage({ kind: 'handle', value: 'applesuport', period: '2017-10', closest: [{ name: 'applesupport', posts: 6392 }] })
 * // '"applesuport": no post by or mentioning it in 2017-10; did you mean applesupport (6,392 posts)?'
 */
export function configWarningMessage(warning: Pick<ConfigWarning, 'kind' | 'value' | 'period' | 'closest' | 'answeredPosts'>, language: Language = 'en'): string {
  const words = WORDS[language];
  const { count } = plainNumbers(language);
  if (warning.kind === 'answered-handle') {
    // A user id is listed as "id:<digits>" (docs/config.md); a handle as it is.
    const add = words.quoted(/^[0-9]+$/.test(warning.value) ? `id:${warning.value}` : warning.value);
    return `${words.quoted(warning.value)}${words.colon}${words.answered(count(warning.answeredPosts ?? 0), warning.period, warning.value, add)}`;
  }
  const named = warning.closest.map(({ name, posts }) => `${name} (${count(posts)} ${posts === 1 ? words.post : words.posts})`);
  const suggestion = named.length === 0 ? '' : `${words.semicolon}${words.closest} ${named.join(` ${words.or} `)}${words.question}`;
  return `${words.quoted(warning.value)}${words.colon}${warning.kind === 'handle' ? words.handle : words.topic} ${warning.period}${suggestion}`;
}

/** The answered posts that must name a handle the config does not list before the check offers it as one of the brand's accounts, and how many such handles it names per brand and platform. */
const ANSWERED_HANDLE_MIN_POSTS = 3;
const ANSWERED_HANDLES_SHOWN = 2;

const answeredHandleRow = z.object({ brand_id: z.string(), ord: z.number(), platform: z.string(), handle: z.string(), posts: z.number() });
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
  for (const row of await analysis.rows('check/answered_handles', answeredHandleRow, { ...range, min_posts: ANSWERED_HANDLE_MIN_POSTS, shown: ANSWERED_HANDLES_SHOWN })) {
    const brand = nameOf.get(row.brand_id) ?? row.brand_id;
    warnings.push(warning(`brands.${row.ord}.accounts.${row.platform}`, { brand, platform: row.platform, kind: 'answered-handle', value: row.handle, brandUnmatched: false, closest: [], answeredPosts: row.posts }));
  }
  return warnings;
}

/** A platform whose posts of the period reach no tracked brand: no brand has an account there, and none of them mentions one. */
export interface UntrackedPlatform {
  platform: string;
  posts: number;
}

const untrackedRow = z.object({ platform: z.string(), posts: z.number() });

/**
 * The config against the data, as check, metrics, report and the page's report read it first and in this order (a
 * check after any of them then reads both kept): the config's handles and topics, and the platforms whose posts of
 * the period reach no brand (queries/check/untracked_platforms.sql).
 */
export async function configAgainstData(analysis: Analysis): Promise<{ warnings: ConfigWarning[]; untracked: UntrackedPlatform[] }> {
  const warnings = await checkConfigAgainstData(analysis);
  return { warnings, untracked: await analysis.rows('check/untracked_platforms', untrackedRow, analysis.range) };
}

/** The posts an account the data holds must count before a report takes it for the one a handle misspells (not a customer named alike). */
export const TYPO_MIN_POSTS = 5;

/**
 * The handles a report waits for: each matches nothing in the period while the data holds an account no brand
 * tracks, spelt close to it, with at least TYPO_MIN_POSTS posts. Most likely a typo: where no other handle of the
 * brand matches on the platform, the report would print the brand there as one the exports do not cover; where one
 * does, it would leave the misspelt account's posts out of the brand's figures with nothing on the page to say so
 * (a new user's trial: the care account @VireoCares written VireoCare, its 613 posts left out, the brand ranked 2nd
 * on a rate of 64% where it answered 77% and ranked 1st).
 */
export function likelyTypos(warnings: readonly ConfigWarning[]): ConfigWarning[] {
  return warnings.filter((warning) => warning.kind === 'handle' && warning.closest.some((candidate) => candidate.posts >= TYPO_MIN_POSTS));
}
