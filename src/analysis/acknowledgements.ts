/**
 * The words of a closer (METRICS.md, "Mentions that need no answer"): a short
 * acknowledgement a customer writes after the brand has answered them. A text
 * is one when every word it has (handles and links left out, accents and
 * apostrophes ignored, at most 12 words) is in this vocabulary and at least
 * one of them acknowledges; or when it is only emoji or emoticons. A question
 * mark, or a negative emoji, makes it a message that needs an answer. The
 * config adds acknowledging words with `metrics.closers`.
 * Words are written lower case, without accents or apostrophes, as
 * queries/base/acknowledgement.sql compares them.
 */

/**
 * Words that acknowledge on their own ("thanks", "ok"), per language. A hand-off
 * acknowledges too: "DM sent" answers the brand's own request to write in
 * private, where the answer then goes; it needs no answer in public.
 */
export const ACKNOWLEDGING_WORDS: Record<string, readonly string[]> = {
  en: ['thanks', 'thank', 'thx', 'thnx', 'thanx', 'ty', 'tysm', 'cheers', 'ok', 'okay', 'okey', 'k', 'kk', 'great', 'perfect', 'awesome', 'cool', 'brilliant', 'lovely', 'nice', 'excellent', 'fantastic', 'amazing', 'wonderful', 'appreciated', 'appreciate', 'noted', 'gotcha', 'sorted', 'solved', 'fixed', 'done', 'alright', 'legend', 'legends', 'sent', 'messaged', 'dmd', 'dmed'],
  es: ['gracias', 'vale', 'perfecto', 'perfecta', 'genial', 'listo', 'lista', 'excelente', 'estupendo', 'buenisimo', 'entendido', 'solucionado', 'resuelto', 'dale', 'agradezco', 'agradecido', 'agradecida', 'ok', 'hecho', 'enviado', 'enviada', 'mandado', 'escrito'],
  fr: ['merci', 'parfait', 'super', 'genial', 'top', 'nickel', 'entendu', 'daccord', 'impeccable', 'excellent', 'recu', 'regle', 'resolu', 'ok', 'fait', 'envoye', 'ecrit'],
  de: ['danke', 'dankeschon', 'vielen', 'prima', 'klar'],
  it: ['grazie', 'perfetto', 'ottimo'],
  pt: ['obrigado', 'obrigada', 'valeu', 'perfeito', 'otimo'],
  nl: ['bedankt', 'dankjewel', 'dank'],
  ja: ['ありがとう', 'ありがとうございます', 'ありがとうございました', '了解'],
};

/** Words that may stand beside an acknowledging word without making the text a new request ("thank you so much for the help"). */
export const FILLER_WORDS: Record<string, readonly string[]> = {
  en: ['you', 'so', 'much', 'very', 'a', 'lot', 'lots', 'for', 'the', 'your', 'help', 'all', 'again', 'as', 'always', 'guys', 'team', 'both', 'really', 'and', 'that', 'thats', 'its', 'it', 'sounds', 'good', 'got', 'will', 'do', 'i', 'we', 'ill', 'is', 'was', 'of', 'my', 'me', 'to', 'quick', 'reply', 'response', 'support', 'just', 'too', 'love', 'best', 'oh', 'ah', 'yay', 'wow', 'hey', 'hi', 'sir', 'mate', 'folks', 'everyone', 'fine', 'now', 'works', 'working', 'then', 'well', 'kind', 'kindly', 'greatly', 'fast', 'prompt', 'assistance', 'dm', 'dms', 'pm', 'message', 'private', 'privately', 'details', 'by', 'with', 'account', 'number'],
  es: ['muchas', 'muchisimas', 'mil', 'por', 'la', 'tu', 'su', 'ayuda', 'todo', 'muy', 'bien', 'de', 'nuevo', 'otra', 'vez', 'y', 'chicos', 'equipo', 'bueno', 'buena', 'respuesta', 'rapida', 'rapido', 'os', 'les', 'te', 'lo', 'el', 'ya', 'funciona', 'hola', 'genial', 'un', 'una', 'saludos', 'dm', 'md', 'mensaje', 'privado', 'con', 'mi', 'numero', 'cliente', 'datos', 'los', 'he'],
  fr: ['beaucoup', 'pour', 'votre', 'ton', 'aide', 'tout', 'tres', 'bien', 'encore', 'a', 'vous', 'toi', 'et', 'le', 'la', 'les', 'l', 'c', 'cest', 'ca', 'marche', 'maintenant', 'de', 'reponse', 'rapide', 'equipe', 'bonne', 'journee', 'bonjour', 'fonctionne', 'mille', 'infiniment', 'dm', 'mp', 'message', 'prive', 'en', 'avec', 'mon', 'numero', 'client', 'je', 'ai'],
  de: ['schon', 'sehr', 'fur', 'die', 'hilfe', 'alles', 'gut'],
  it: ['mille', 'tante', 'per', 'l', 'aiuto'],
  pt: ['muito', 'pela', 'ajuda'],
  nl: ['je', 'wel', 'voor', 'de', 'hulp'],
};

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

/** The vocabulary rows: each word once, acknowledging when any list says so; `extra` are the config's own closers (every word of them acknowledges). */
export function acknowledgementVocabulary(extra: readonly string[] = []): Array<{ word: string; acknowledges: boolean }> {
  const words = new Map<string, boolean>();
  for (const list of Object.values(FILLER_WORDS)) for (const word of list) words.set(acknowledgementWord(word), false);
  const acknowledging = [...Object.values(ACKNOWLEDGING_WORDS).flat(), ...extra.flatMap((phrase) => phrase.split(/[^\p{L}'’`]+/u))];
  for (const word of acknowledging) if (word.trim() !== '') words.set(acknowledgementWord(word), true);
  return [...words.entries()].map(([word, acknowledges]) => ({ word, acknowledges }));
}
