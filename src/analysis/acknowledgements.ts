/**
 * The words of a closer (METRICS.md, "Mentions that need no answer"): a short
 * acknowledgement a customer writes after the brand has answered them. A text
 * is one when it has at most 12 words (handles and links left out, accents and
 * apostrophes ignored) and either every word is in the thank-you vocabulary
 * and at least one of them acknowledges ("thanks", "ok"), or every word is in
 * the hand-off vocabulary, one of them a hand-off verb and one names the
 * private channel ("DM sent", "MP envoyé": the conversation has moved to
 * private messages, where the brand answers); or when it is only emoji or
 * emoticons. A word that names a problem may stand in a thank-you only beside
 * one that says it is over ("problem solved"). A question mark, a negative
 * emoji, or words that turn against the brand ("done with"), make it a
 * message that needs an answer. The config adds acknowledging words with `metrics.closers`.
 * Words are written lower case, without accents or apostrophes, as
 * queries/base/acknowledgement.sql compares them.
 */

/** Words that acknowledge on their own ("thanks", "ok"), per language. */
export const ACKNOWLEDGING_WORDS: Record<string, readonly string[]> = {
  en: ['thanks', 'thank', 'thx', 'thnx', 'thanx', 'ty', 'tysm', 'cheers', 'ok', 'okay', 'okey', 'k', 'kk', 'great', 'perfect', 'awesome', 'cool', 'brilliant', 'lovely', 'nice', 'excellent', 'fantastic', 'amazing', 'wonderful', 'appreciated', 'appreciate', 'noted', 'gotcha', 'sorted', 'solved', 'fixed', 'done', 'alright', 'legend', 'legends'],
  es: ['gracias', 'vale', 'perfecto', 'perfecta', 'genial', 'listo', 'lista', 'excelente', 'estupendo', 'buenisimo', 'entendido', 'solucionado', 'resuelto', 'dale', 'agradezco', 'agradecido', 'agradecida', 'ok'],
  fr: ['merci', 'parfait', 'super', 'genial', 'top', 'nickel', 'entendu', 'daccord', 'impeccable', 'excellent', 'recu', 'regle', 'resolu', 'ok'],
  de: ['danke', 'dankeschon', 'vielen', 'prima', 'klar'],
  it: ['grazie', 'perfetto', 'ottimo'],
  pt: ['obrigado', 'obrigada', 'valeu', 'perfeito', 'otimo'],
  nl: ['bedankt', 'dankjewel', 'dank'],
  ja: ['ありがとう', 'ありがとうございます', 'ありがとうございました', '了解'],
};

/** Words that may stand beside an acknowledging word without making the text a new request ("thank you so much for the help"). */
export const FILLER_WORDS: Record<string, readonly string[]> = {
  en: ['you', 'so', 'much', 'very', 'a', 'lot', 'lots', 'for', 'the', 'your', 'help', 'all', 'again', 'once', 'as', 'always', 'guys', 'team', 'both', 'really', 'and', 'that', 'thats', 'its', 'it', 'sounds', 'good', 'got', 'will', 'do', 'i', 'we', 'ill', 'am', 'is', 'are', 'was', 'of', 'my', 'to', 'quick', 'reply', 'response', 'answer', 'answers', 'support', 'just', 'too', 'love', 'best', 'oh', 'ah', 'yay', 'wow', 'hey', 'hi', 'sir', 'mate', 'folks', 'everyone', 'fine', 'now', 'works', 'working', 'then', 'well', 'kind', 'kindly', 'greatly', 'fast', 'prompt', 'assistance', 'in', 'with'],
  es: ['muchas', 'muchisimas', 'mil', 'por', 'la', 'tu', 'su', 'ayuda', 'todo', 'muy', 'bien', 'de', 'nuevo', 'otra', 'vez', 'y', 'chicos', 'equipo', 'bueno', 'buena', 'respuesta', 'rapida', 'rapido', 'os', 'les', 'te', 'lo', 'el', 'ya', 'funciona', 'hola', 'genial', 'un', 'una', 'saludos', 'con', 'en'],
  fr: ['beaucoup', 'pour', 'votre', 'ton', 'aide', 'tout', 'tres', 'bien', 'encore', 'a', 'vous', 'toi', 'et', 'le', 'la', 'les', 'l', 'c', 'cest', 'ca', 'marche', 'maintenant', 'de', 'reponse', 'rapide', 'equipe', 'bonne', 'journee', 'bonjour', 'fonctionne', 'mille', 'infiniment', 'avec', 'en'],
  de: ['schon', 'sehr', 'fur', 'die', 'hilfe', 'alles', 'gut'],
  it: ['mille', 'tante', 'per', 'l', 'aiuto'],
  pt: ['muito', 'pela', 'ajuda'],
  nl: ['je', 'wel', 'voor', 'de', 'hulp'],
};

/**
 * A hand-off says the customer wrote in private. Its verbs, per language; the
 * verbs that name the channel themselves ("messaged", "DMed") are in both lists.
 */
export const HAND_OFF_VERBS: Record<string, readonly string[]> = {
  en: ['sent', 'messaged', 'dmd', 'dmed', 'pmd', 'pmed'],
  es: ['enviado', 'enviada', 'mandado', 'escrito'],
  fr: ['envoye', 'ecrit'],
};

/** Words that name the private channel. */
export const PRIVATE_CHANNEL_WORDS: Record<string, readonly string[]> = {
  en: ['dm', 'dms', 'inbox', 'private', 'privately', 'messaged', 'dmd', 'dmed', 'pmd', 'pmed'],
  es: ['dm', 'md', 'mp', 'privado', 'privados'],
  fr: ['dm', 'mp', 'prive', 'prives'],
};

/**
 * The only other words a hand-off may have, thanks among them. No word that
 * chases the brand ("again", "still", "reply", "already", "otra vez", "ya",
 * "encore"): with one, the text needs an answer. Not "pm" either, which is
 * also a time of day ("sent 3pm").
 */
export const HAND_OFF_FILLERS: Record<string, readonly string[]> = {
  en: ['i', 'ive', 'we', 'just', 'you', 'your', 'the', 'a', 'an', 'my', 'our', 'with', 'by', 'in', 'via', 'details', 'number', 'account', 'order', 'info', 'message', 'done', 'ok', 'okay', 'thanks', 'thank', 'thx', 'ty', 'cheers'],
  es: ['te', 'os', 'le', 'les', 'he', 'hemos', 'lo', 'los', 'la', 'las', 'mi', 'mis', 'datos', 'numero', 'cliente', 'pedido', 'con', 'por', 'un', 'una', 'de', 'mensaje', 'hecho', 'vale', 'listo', 'ok', 'gracias'],
  fr: ['je', 'jai', 'vous', 'te', 'ai', 'avons', 'mon', 'mes', 'numero', 'client', 'commande', 'avec', 'par', 'en', 'un', 'une', 'de', 'message', 'cest', 'fait', 'ok', 'merci'],
};

/**
 * Words side by side that turn a thank-you's words against the brand ("done with you guys" is no "done, thanks"):
 * a text holding one is never a closer. Written as the SQL compares words.
 */
export const REFUSING_PHRASES = ['done with'];

/**
 * Words that name a problem: a thank-you may hold one only beside a word that says it is over ("problem solved",
 * "problema resuelto"); "great, problem again" and "thanks for the problem" still need an answer.
 */
export const PROBLEM_WORDS = ['problem', 'problems', 'issue', 'issues', 'problema', 'problemas', 'probleme', 'problemes'];

/** Words that say a problem is over. */
export const RESOLVING_WORDS = ['solved', 'fixed', 'resolved', 'sorted', 'resuelto', 'solucionado', 'arreglado', 'resolu', 'regle', 'repare'];

/** Emoji and emoticons that say something is wrong: a text with one is never a closer. */
export const NEGATIVE_EMOJI = ['😠', '😡', '🤬', '😤', '👎', '😢', '😭', '😞', '😒', '🙄', '💩', '😩', '😫', '😔', '😕', '☹', '🙁', ':(', ':-(', ":'("];

/** Lower case, accents and apostrophes removed: how the SQL compares words. */
export function acknowledgementWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
}

/** One word of the closers' vocabulary, and the parts it may play (queries/base/mentions.sql reads them). */
export interface VocabularyWord {
  word: string;
  /** In the thank-you vocabulary. */
  thanks: boolean;
  /** A thank-you word that acknowledges on its own. */
  acknowledges: boolean;
  /** In the hand-off vocabulary. */
  handOff: boolean;
  /** A hand-off verb. */
  handsOff: boolean;
  /** Names the private channel. */
  privateChannel: boolean;
  /** Names a problem: a thank-you word only beside a resolving one. */
  problem: boolean;
  /** Says a problem is over. */
  resolves: boolean;
}

/**
 * The vocabulary rows, each word once; `extra` are the config's own closers (every word of them acknowledges), and
 * `brandWords` the words of the tracked brands' names and handles, which may stand beside a thank-you ("thanks Acme").
 */
export function acknowledgementVocabulary(extra: readonly string[] = [], brandWords: readonly string[] = []): VocabularyWord[] {
  const words = new Map<string, VocabularyWord>();
  const entry = (word: string): VocabularyWord => {
    const key = acknowledgementWord(word);
    let found = words.get(key);
    if (!found) {
      found = { word: key, thanks: false, acknowledges: false, handOff: false, handsOff: false, privateChannel: false, problem: false, resolves: false };
      words.set(key, found);
    }
    return found;
  };
  for (const word of [...Object.values(FILLER_WORDS).flat(), ...brandWords.filter((word) => /^\p{L}+$/u.test(word))]) entry(word).thanks = true;
  const acknowledging = [...Object.values(ACKNOWLEDGING_WORDS).flat(), ...extra.flatMap((phrase) => phrase.split(/[^\p{L}'’`]+/u))];
  for (const word of acknowledging) if (word.trim() !== '') Object.assign(entry(word), { thanks: true, acknowledges: true });
  for (const word of Object.values(HAND_OFF_FILLERS).flat()) entry(word).handOff = true;
  for (const word of Object.values(HAND_OFF_VERBS).flat()) Object.assign(entry(word), { handOff: true, handsOff: true });
  for (const word of Object.values(PRIVATE_CHANNEL_WORDS).flat()) Object.assign(entry(word), { handOff: true, privateChannel: true });
  for (const word of PROBLEM_WORDS) entry(word).problem = true;
  for (const word of RESOLVING_WORDS) entry(word).resolves = true;
  return [...words.values()];
}
