import * as stopword from 'stopword';
import { LANGUAGES } from '../report/i18n/language.js';
import { themeWords } from './words.js';

/**
 * ISO 639-1 codes (what exports write in a language column) of the languages
 * the `stopword` package lists, with its own ISO 639-3 keys.
 */
const LISTS: Record<string, stopword.LanguageCode> = {
  af: 'afr', ar: 'ara', bn: 'ben', br: 'bre', bg: 'bul', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo',
  et: 'est', eu: 'eus', fa: 'fas', fi: 'fin', fr: 'fra', ga: 'gle', gl: 'glg', gu: 'guj', ha: 'hau', he: 'heb', hi: 'hin', hr: 'hrv',
  hu: 'hun', hy: 'hye', id: 'ind', it: 'ita', ja: 'jpn', ko: 'kor', ku: 'kur', la: 'lat', lv: 'lav', lt: 'lit', mr: 'mar', ms: 'msa',
  my: 'mya', nl: 'nld', nb: 'nob', no: 'nob', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sk: 'slk', sl: 'slv', so: 'som', st: 'sot',
  es: 'spa', sw: 'swa', sv: 'swe', tl: 'tgl', th: 'tha', tr: 'tur', uk: 'ukr', ur: 'urd', vi: 'vie', yo: 'yor', zh: 'zho', zu: 'zul',
};

/**
 * Words of the report's languages that the package's short lists lack and
 * that customers write to every brand about everything, so that none is a
 * subject: pronouns, greetings, thanks, negations, contractions without their
 * apostrophe and what French elision leaves ("os mandé el DM" made "os" a
 * subject of the demo's Spanish mentions, "still not working" made "not" one
 * of the English); the words of asking and chasing, and of the private
 * channel they move to ("help", "I did all that already, twice", "I sent the
 * DM yesterday", "¿alguna novedad?", "des nouvelles ?" made subjects of the
 * demo's follow-ups); and words of time and count ("ce mois-ci" made "mois"
 * one, "ya van dos días" "dos"); and the words of saying and of being able ("the app says",
 * "no puedo" made "says" and "puedo" subjects of the demo; not "dice" nor "dire", English words). Every list applies to every post, whatever
 * its language, so none holds a word that is a subject in another language
 * or in a customer's own words: not "update" (a phone's), "waiting" and
 * "attente" (queues), "day" (a roaming day pass), "three" (an operator),
 * "van", "tarde" (a late delivery), "primera" and "segunda" (class, hand),
 * "jour" ("mise à jour"). The forms of the verbs that carry tense or say "is"
 * (be, have, do, go; ser, estar, haber, ir, tener; aller, faire) that the
 * package's lists lack: its Spanish list holds none ("ha desaparecido" and
 * "está mal" were found subjects of a Spanish export); not those that are
 * subjects in another language or a customer's words: "van", "son" (a family
 * plan), "hay", "todo" (an app), "font", "estado" (an order's status), "go"
 * ("Sky Go").
 */
const SUPPLEMENT: Record<string, readonly string[]> = {
  en: [
    ...['does', 'doing', 'done', 'goes', 'going', 'went', 'gone', 'getting', 'will'],
    ...['hi', 'hello', 'hey', 'thanks', 'thank', 'please', 'pls', 'im', 'ive', 'dont', 'cant', 'its', 'youre', 'still', 'not', 'didnt', 'doesnt', 'isnt', 'wasnt', 'wont', 'again', 'every'],
    ...['already', 'twice', 'anyone', 'someone', 'nobody', 'help', 'issue', 'issues', 'problem', 'problems', 'asked', 'ask', 'dm', 'dms', 'dmed'],
    ...['says', 'said', 'say', 'tell', 'told'],
    ...['days', 'week', 'weeks', 'month', 'months', 'hour', 'hours', 'today', 'yesterday', 'tomorrow', 'morning', 'evening', 'tonight', 'now', 'yet', 'two'],
  ],
  es: [
    ...['es', 'soy', 'eres', 'somos', 'eran', 'fue', 'fueron', 'ser', 'sido', 'siendo', 'esta', 'estan', 'estoy', 'estas', 'estamos', 'estaba', 'estaban', 'estar'],
    ...['ha', 'han', 'he', 'has', 'hemos', 'habia', 'habian', 'haber', 'voy', 'vas', 'va', 'vamos', 'ido', 'hace', 'hacer', 'hecho', 'tengo', 'tiene', 'tienen', 'tener', 'tenia', 'nada'],
    ...['os', 'les', 'hoy', 'hola', 'gracias', 'favor', 'aun', 'sigue', 'sigo', 'otra', 'vez', 'tan', 'alguna', 'alguno', 'algun', 'nadie', 'mismo', 'misma', 'igual'],
    ...['ayuda', 'problema', 'problemas', 'novedad', 'novedades', 'esperando', 'dm', 'md', 'privado'],
    ...['puedo', 'puedes', 'puede', 'pueden', 'podeis', 'dicen', 'dijo', 'dijeron'],
    ...['dia', 'dias', 'semana', 'semanas', 'mes', 'meses', 'hora', 'horas', 'ayer', 'manana', 'noche', 'ahora', 'dos', 'tres'],
  ],
  fr: [
    ...['vais', 'vas', 'va', 'allons', 'allez', 'vont', 'fait', 'fais', 'faire', 'tout', 'rien', 'tres'],
    ...['bonjour', 'merci', 'svp', 'ca', 'toujours', 'deja', 'pas', 'encore', 'jai', 'cest', 'ci', 'personne', 'fois', 'aucun', 'aucune', 'jusqu', 'lorsqu', 'puisqu'],
    ...['aide', 'probleme', 'problemes', 'nouvelles', 'attends', 'mp', 'dm', 'prive'],
    ...['peux', 'peut', 'pouvez', 'peuvent', 'dit', 'disent'],
    ...['jours', 'semaine', 'semaines', 'mois', 'heure', 'heures', 'hier', 'demain', 'matin', 'soir', 'maintenant', 'deux', 'trois'],
  ],
};

/**
 * The stop words of the report's languages and of the other languages the
 * posts are in (the export's language column: "es", "pt-BR" and "PT" are read
 * by their first two letters), written as themes compare words. The lists are
 * the `stopword` package's: short ones, since the log-odds' prior already
 * keeps words common to every brand from standing out.
 */
export function stopwordsFor(languages: readonly string[]): Set<string> {
  // The report's languages: their stop words are always left out, whatever the export says of its posts' languages.
  const codes = new Set<string>(LANGUAGES);
  for (const language of languages) codes.add(language.trim().toLowerCase().slice(0, 2));
  const words = new Set<string>();
  for (const code of codes) {
    const list = LISTS[code];
    if (!list) continue;
    for (const word of [...stopword[list], ...(SUPPLEMENT[code] ?? [])]) for (const part of themeWords(word).split(' ')) if (part !== '') words.add(part);
  }
  return words;
}
