import { z } from 'zod';
import { queryText } from '../analysis/queries.js';
import type { Language } from '../report/i18n/language.js';
import { plainNumbers } from '../report/i18n/plain-numbers.js';
import type { Store } from '../store/database.js';

const TOP = 5;
const DAY_MS = 86_400_000;

const counted = z.object({ handle: z.string(), n: z.number() });
type Counted = z.infer<typeof counted>;
const profileRow = z.object({
  first_at: z.string().nullable(),
  last_at: z.string().nullable(),
  first_day: z.string().nullable(),
  last_day: z.string().nullable(),
  days: z.number(),
  posts: z.number(),
  kinds: z.array(z.object({ kind: z.string(), n: z.number() })),
  authors: z.array(counted),
  replies_naming_parent: z.number(),
  replies_answering_file: z.number(),
  replies_unlinked: z.number(),
});
const handlesRow = z.object({ repliers: z.array(counted), mentioned: z.array(counted) });

/** What one export holds, in numbers and in plain words: what it can support in a monthly report. */
export interface FileProfile {
  first: string | null;
  last: string | null;
  /** The zone its days are counted in (the client's, when known). */
  timezone: string;
  /** The calendar days (YYYY-MM-DD, in `timezone`) of its first and last post. */
  firstDay: string | null;
  lastDay: string | null;
  /** Posts it would store. */
  posts: number;
  /** Calendar days (in `timezone`) that hold at least one post. */
  daysWithPosts: number;
  /** Posts per kind (post, reply, repost, quote, comment). */
  kinds: Record<string, number>;
  topAuthors: Counted[];
  /** The authors of the most replies: the likely brand accounts. */
  topRepliers: Counted[];
  topMentioned: Counted[];
  /** Replies and comments that name the post they answer (a parent id); of those, the ones answering a post of the file itself. */
  repliesNamingParent: number;
  repliesAnsweringFile: number;
  /** Replies and comments that name neither the post nor the conversation they answer: no mention can be found for them. */
  repliesUnlinked: number;
  /** Sentences on what the file can support ("no replies: volume and share of voice only"), in English (supportSentences gives them in another language). */
  supports: string[];
}

/**
 * The `top` repliers (the likely brand accounts) and mentioned handles of the
 * posts of `store` (a dry run's own in-memory posts, or a client's store), on
 * one platform or all (queries/ingest/top_handles.sql).
 */
export async function topHandles(store: Store, top: number, platform: string | null = null): Promise<{ repliers: Counted[]; mentioned: Counted[] }> {
  const [row] = await store.rows('top handles', handlesRow, queryText('ingest/top_handles'), { top, platform });
  return { repliers: row?.repliers ?? [], mentioned: row?.mentioned ?? [] };
}

/** The profile of the posts a dry run would store (its own in-memory posts table), its days counted in `timezone`. */
export async function fileProfile(store: Store, timezone: string): Promise<FileProfile> {
  const [row] = await store.rows('file profile', profileRow, queryText('ingest/file_profile'), { top: TOP, tz: timezone });
  const handles = await topHandles(store, TOP);
  const kinds = Object.fromEntries((row?.kinds ?? []).map((entry) => [entry.kind, entry.n]));
  const profile = {
    posts: row?.posts ?? 0,
    first: row?.first_at ?? null,
    last: row?.last_at ?? null,
    timezone,
    firstDay: row?.first_day ?? null,
    lastDay: row?.last_day ?? null,
    daysWithPosts: row?.days ?? 0,
    kinds,
    topAuthors: row?.authors ?? [],
    topRepliers: handles.repliers,
    topMentioned: handles.mentioned,
    repliesNamingParent: row?.replies_naming_parent ?? 0,
    repliesAnsweringFile: row?.replies_answering_file ?? 0,
    repliesUnlinked: row?.replies_unlinked ?? 0,
  };
  return { ...profile, supports: supportSentences(profile) };
}

/** What a file can support, one language each. */
interface SupportPhrases {
  nothing: string;
  covers(days: number, n: string, first: string, last: string): string;
  reposts(share: string): string;
  noReplies: string;
  replies(n: string, one: boolean): string;
  /** `all`: every reply of the file is so. */
  unlinked(n: string, one: boolean, all: boolean): string;
  /** `outside` of the `naming` replies that name the post they answer answer no post of the file; `all`: every one. */
  parentsElsewhere(outside: string, naming: string, one: boolean, all: boolean): string;
}

const PHRASES: Record<Language, SupportPhrases> = {
  en: {
    nothing: 'no post would be stored: this file can support no number.',
    covers: (days, n, first, last) =>
      days === 1
        ? `it covers one day (${first}): a monthly report on it alone describes that day, not the month.`
        : `it covers ${n} days (${first} to ${last}): a monthly report on it alone describes those days, not the month.`,
    reposts: (share) => `${share} of its posts are reposts: they are kept, but count in no metric.`,
    noReplies: "it holds no replies: volume and share of voice only; import the brands' own posts (their care or publishing export) to measure how they answer.",
    replies: (n, one) => `it holds ${n} ${one ? 'reply or comment' : 'replies or comments'}: response rate and time can be measured for the brands whose accounts wrote ${one ? 'it' : 'them'}.`,
    unlinked: (n, one, all) =>
      `${all ? `its ${n} ${one ? 'reply or comment names' : 'replies or comments name'}` : `${n} of its replies or comments ${one ? 'names' : 'name'}`} neither the post nor the conversation ${one ? 'it answers: no mention can be found for it, so it counts' : 'they answer: no mention can be found for them, so they count'} in no response figure; map the column of the post (or conversation) ${one ? 'it answers' : 'each answers'}, if the export has one.`,
    parentsElsewhere: (outside, naming, one, all) =>
      `${all ? (one ? 'the reply that names the post it answers does not answer a' : `none of the ${naming} replies that name the post they answer answers a`) : `${outside} of the ${naming} replies that name the post they answer ${one ? 'answers' : 'answer'} no`} post of this file: the ${one ? 'mention it answers' : 'mentions they answer'} must come from another export, imported beside it; if none holds ${one ? 'it' : 'them'}, check the column mapped to the post ${one ? 'it answers' : 'each answers'}.`,
  },
  es: {
    nothing: 'no se guardaría ninguna publicación: este archivo no puede respaldar ninguna cifra.',
    covers: (days, n, first, last) =>
      days === 1
        ? `abarca un día (el ${first}): un informe mensual basado solo en él describe ese día, no el mes.`
        : `abarca ${n} días (del ${first} al ${last}): un informe mensual basado solo en él describe esos días, no el mes.`,
    reposts: (share) => `el ${share} de sus publicaciones son reenvíos: se guardan, pero no cuentan en ninguna métrica.`,
    noReplies:
      'no contiene respuestas: solo volumen y cuota de voz; importe las publicaciones propias de las marcas (su exportación de atención al cliente o de publicación) para medir cómo responden.',
    replies: (n, one) => `contiene ${n} ${one ? 'respuesta o comentario' : 'respuestas o comentarios'}: la tasa y el tiempo de respuesta se pueden medir para las marcas cuyas cuentas ${one ? 'lo' : 'los'} escribieron.`,
    unlinked: (n, one, all) =>
      `${all ? `${one ? 'su respuesta o comentario no indica' : `sus ${n} respuestas o comentarios no indican`}` : `${n} de sus respuestas o comentarios no ${one ? 'indica' : 'indican'}`} ni la publicación ni la conversación a la que ${one ? 'responde' : 'responden'}: no se puede encontrar su mención, así que no ${one ? 'cuenta' : 'cuentan'} en ninguna cifra de respuesta; asigne la columna de la publicación (o conversación) a la que ${one ? 'responde' : 'responde cada una'}, si la exportación la tiene.`,
    parentsElsewhere: (outside, naming, one, all) =>
      `${all ? (one ? 'la respuesta que indica la publicación a la que responde no contesta a ninguna' : `ninguna de las ${naming} respuestas que indican la publicación a la que responden contesta a una`) : `${outside} de las ${naming} respuestas que indican la publicación a la que responden no ${one ? 'contesta' : 'contestan'} a ninguna`} publicación de este archivo: ${one ? 'su mención debe venir' : 'sus menciones deben venir'} de otra exportación, importada junto a esta; si ninguna ${one ? 'la contiene' : 'las contiene'}, revise la columna asignada a la publicación a la que ${one ? 'responde' : 'responde cada una'}.`,
  },
  fr: {
    nothing: 'aucune publication ne serait enregistrée\u00a0: ce fichier ne peut étayer aucun chiffre.',
    covers: (days, n, first, last) =>
      days === 1
        ? `il couvre un jour (le ${first})\u00a0: un rapport mensuel fondé sur lui seul décrit ce jour, pas le mois.`
        : `il couvre ${n} jours (du ${first} au ${last})\u00a0: un rapport mensuel fondé sur lui seul décrit ces jours, pas le mois.`,
    reposts: (share) => `${share} de ses publications sont des partages\u00a0: ils sont conservés, mais ne comptent dans aucune métrique.`,
    noReplies:
      'il ne contient aucune réponse\u00a0: volume et part de voix seulement\u00a0; importez les publications des marques elles-mêmes (leur export de service client ou de publication) pour mesurer leurs réponses.',
    replies: (n, one) => `il contient ${n} ${one ? 'réponse ou commentaire' : 'réponses ou commentaires'}\u00a0: le taux et le délai de réponse peuvent être mesurés pour les marques dont les comptes ${one ? 'l’ont écrit' : 'les ont écrits'}.`,
    unlinked: (n, one, all) =>
      `${all ? `${one ? 'sa réponse ou son commentaire n’indique' : `ses ${n} réponses ou commentaires n’indiquent`}` : `${n} de ses réponses ou commentaires ${one ? 'n’indique' : 'n’indiquent'}`} ni la publication ni la conversation ${one ? 'auxquelles il répond\u00a0: sa mention est introuvable, il ne compte' : 'auxquelles ils répondent\u00a0: leur mention est introuvable, ils ne comptent'} donc dans aucun chiffre de réponse\u00a0; associez la colonne de la publication (ou de la conversation) à laquelle ${one ? 'il répond' : 'chacun répond'}, si l’export en a une.`,
    parentsElsewhere: (outside, naming, one, all) =>
      `${all ? (one ? 'la réponse qui indique la publication à laquelle elle répond ne répond à aucune' : `aucune des ${naming} réponses qui indiquent la publication à laquelle elles répondent ne répond à une`) : `${outside} des ${naming} réponses qui indiquent la publication à laquelle elles répondent ne ${one ? 'répond' : 'répondent'} à aucune`} publication de ce fichier\u00a0: ${one ? 'sa mention doit venir' : 'leurs mentions doivent venir'} d’un autre export, importé à côté\u00a0; si aucun ne ${one ? 'la contient' : 'les contient'}, vérifiez la colonne associée à la publication à laquelle ${one ? 'elle répond' : 'chacune répond'}.`,
  },
};

/** What a file of this profile can support in a monthly report, in `language`. */
export function supportSentences(profile: Omit<FileProfile, 'supports'>, language: Language = 'en'): string[] {
  const phrases = PHRASES[language];
  const { count, percent } = plainNumbers(language);
  const { posts } = profile;
  if (posts === 0) return [phrases.nothing];
  const sentences: string[] = [];
  // Calendar days, as the dates beside the count are written: 10:00 one day to 09:00 the next is two days.
  const spanDays = profile.firstDay && profile.lastDay ? Math.round((Date.parse(profile.lastDay) - Date.parse(profile.firstDay)) / DAY_MS) + 1 : 0;
  if (spanDays < 28) sentences.push(phrases.covers(spanDays, count(spanDays), profile.firstDay ?? '', profile.lastDay ?? ''));
  const reposts = profile.kinds.repost ?? 0;
  if (reposts / posts > 0.5) sentences.push(phrases.reposts(percent(reposts / posts)));
  const replies = (profile.kinds.reply ?? 0) + (profile.kinds.comment ?? 0);
  if (replies === 0) return [...sentences, phrases.noReplies];
  // Replies no mention can be found for measure nothing: said instead of "can be measured" when they are all of them.
  const { repliesUnlinked: unlinked, repliesNamingParent: naming } = profile;
  if (unlinked < replies) sentences.push(phrases.replies(count(replies), replies === 1));
  if (unlinked > 0) sentences.push(phrases.unlinked(count(unlinked), unlinked === 1, unlinked === replies));
  // Most of them answering no post of the file (a care export, whose mentions are in another, with a self-thread reply or two; or a column mapped wrongly).
  const outside = naming - profile.repliesAnsweringFile;
  if (outside * 2 > naming) sentences.push(phrases.parentsElsewhere(count(outside), count(naming), outside === 1, outside === naming));
  return sentences;
}
