import { proposeDateFormat } from './formats/date-hint.js';
import { stringify } from 'yaml';
import { MAPPING_FIELDS, type MappingField } from './formats/generic.js';
import { KNOWN_PLATFORMS } from '../store/platforms.js';
import { storedPlatformName } from './formats/sql-helpers.js';
import { prepareSource } from './source/prepare.js';
import { headerCandidates, parseHeadRecords } from './source/layout.js';

/**
 * Header names (lower case, spaces, - and _ removed) that usually hold each
 * field, in the languages of the exports agencies get. The first column of the
 * file that matches a field's names, exactly and then as a part, is its guess.
 */
const NAMES: Record<MappingField, string[]> = {
  id: ['id', 'postid', 'tweetid', 'messageid', 'msgid', 'mentionid', 'commentid', 'statusid', 'guid', 'identificador', 'identifiant', 'nº', 'idmensaje', 'idpublicacion', 'idcomentario', 'idmention', 'idmessage', 'idpublication', 'idcommentaire', 'idtuit', 'tuitid', 'idtweet', 'idpost', 'idmencion'],
  author: ['author', 'username', 'screenname', 'user', 'handle', 'authorhandle', 'autor', 'usuario', 'auteur', 'utilisateur', 'from', 'sender', 'cuenta', 'compte'],
  date: ['date', 'day', 'createdat', 'created', 'timestamp', 'datetime', 'publishedat', 'published', 'postdate', 'time', 'fecha', 'fechapublicacion', 'datepublication', 'sent', 'horodatage', 'fechayhora', 'dateetheure', 'marcatemporal'],
  time: ['hora', 'heure', 'timeofday', 'hour', 'clock'],
  text: ['text', 'message', 'content', 'body', 'tweet', 'snippet', 'fulltext', 'texto', 'mensaje', 'contenido', 'texte', 'contenu', 'comment'],
  parentId: ['parentid', 'inreplyto', 'inreplytoid', 'inreplytostatusid', 'replyto', 'respondea', 'enreponsea', 'reponsea', 'respuestaa', 'enrespuestaa', 'parent'],
  parentUrl: ['parenturl', 'parentlink', 'enlacepadre', 'lienparent'],
  authorName: ['authorname', 'name', 'fullname', 'displayname', 'nombre', 'nom', 'nomdelauteur', 'nombredelautor', 'nombredeautor'],
  followers: ['followers', 'followerscount', 'seguidores', 'abonnes', 'reach'],
  url: ['url', 'link', 'permalink', 'enlace', 'lien'],
  language: ['language', 'lang', 'idioma', 'langue'],
  sentiment: ['sentiment', 'sentimiento', 'tone', 'tono', 'tonalite'],
  topic: ['topic', 'query', 'campaign', 'brand', 'campana', 'campagne', 'tema', 'sujet', 'marca', 'marque'],
  thread: ['thread', 'threadid', 'conversation', 'conversationid', 'conversacion'],
  inReplyToUser: ['inreplytouser', 'inreplytouserid', 'replytouser', 'answersuser', 'answeruser', 'answerstouser', 'respondeausuario'],
};

/**
 * Names that are a field's only as the whole header: inside a longer one they mean
 * something else ("Marca temporal" is a timestamp, "Tipo de cuenta" a kind of account,
 * "Respuesta automática" no parent, "Remarque" a note).
 */
const WHOLE_NAMES_ONLY = new Set(['marca', 'marque', 'cuenta', 'compte', 'reponsea', 'respuestaa']);

/** Exact names taken only when no usual name of the field is in the file: "Day" is the date beside no "Date", a weekday beside one. */
const WEAK_NAMES = new Set(['day']);

/**
 * Words that make a header something else than a field whose name it holds: "user_timezone" is no
 * author, "tweet_location" no text, "airline_sentiment_confidence" no sentiment. Whole words only:
 * "Account handle" holds no count.
 */
const QUALIFIERS = ['timezone', 'zone', 'location', 'coord', 'confidence', 'count', 'gold', 'country', 'city'];

/** Header names of a column that says the network of each row. */
const PLATFORM_NAMES = ['platform', 'network', 'socialnetwork', 'source', 'channel', 'red', 'redsocial', 'reseau', 'canal'];

/** The words of a header name, lower case and without accents: "user_timezone" is user and timezone, "Account handle" no count. */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
}

function plain(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.'’`]/g, '');
}

/**
 * The best guess of a column for each field of a generic mapping, from the header names
 * alone; a column feeds one field at most. Exact names first; then names that hold a
 * field's name, the longest held name first, so "Nombre d'abonnés" (French: number of
 * followers) goes to the followers for "abonnes", not to the author's name for "nombre".
 */
export function guessColumns(names: readonly string[]): Partial<Record<MappingField, string>> {
  const guesses: Partial<Record<MappingField, string>> = {};
  const taken = new Set<string>();
  const take = (field: MappingField, name: string) => {
    guesses[field] = name;
    taken.add(name);
  };
  // Exact names, first the usual ones, then those a file may use for something else when it has the usual one too.
  for (const weak of [false, true]) {
    for (const field of MAPPING_FIELDS) {
      if (guesses[field] !== undefined) continue;
      const found = names.find((name) => !taken.has(name) && NAMES[field].includes(plain(name)) && WEAK_NAMES.has(plain(name)) === weak);
      if (found !== undefined) take(field, found);
    }
  }
  const held = MAPPING_FIELDS.flatMap((field, fieldOrder) =>
    names.flatMap((name, nameOrder) => {
      const qualified = QUALIFIERS.some((word) => wordsOf(name).includes(word) && !NAMES[field].some((candidate) => candidate.includes(word)));
      const held = (candidate: string) => !qualified && candidate.length >= 4 && !WHOLE_NAMES_ONLY.has(candidate) && plain(name).includes(candidate);
      const longest = Math.max(0, ...NAMES[field].filter(held).map((candidate) => candidate.length));
      return longest > 0 ? [{ field, name, longest, fieldOrder, nameOrder }] : [];
    }),
  );
  held.sort((a, b) => b.longest - a.longest || a.fieldOrder - b.fieldOrder || a.nameOrder - b.nameOrder);
  for (const { field, name } of held) if (guesses[field] === undefined && !taken.has(name)) take(field, name);
  return guesses;
}

/**
 * A generic mapping with the best guesses: what --write-mapping writes and the page's column mapper starts from.
 * `rows`, the first rows of the file (cells in the order of `names`), let a column named like the network ("Source")
 * be taken for it only when most of its values there are networks replybench knows: Twitter's "source" is the app a
 * tweet was sent from ("Twitter for iPhone").
 */
export function guessedMapping(names: readonly string[], delimiter: string | null, rows: ReadonlyArray<readonly string[]> = []) {
  const guesses = namesUsers(guessColumns(names), names, rows);
  const columns: Partial<Record<MappingField, string>> = {};
  for (const field of MAPPING_FIELDS) {
    const guess = guesses[field];
    if (guess !== undefined) columns[field] = guess;
    else if (field === 'id' || field === 'author' || field === 'date') columns[field] = '';
  }
  const platformColumn = names.find((name, index) => PLATFORM_NAMES.includes(plain(name)) && !Object.values(guesses).includes(name) && namesNetworks(rows.map((row) => row[index] ?? '')));
  // Without a column naming the network, each row's link says it (instagram.com is Instagram): no platform is guessed
  // then, and without a link either, Twitter, the network most exports come from.
  const platform = platformColumn ? { column: platformColumn } : guesses.url === undefined ? 'twitter' : undefined;
  const time = columns.time === undefined ? timeOfDayColumn(names, rows, columns.date ?? '', [...Object.values(guesses), platformColumn]) : undefined;
  if (time !== undefined) columns.time = time;
  return {
    columns,
    date: { format: guessedDateFormat(rows.map((row) => row[names.indexOf(columns.date ?? '')] ?? '')) },
    ...(platform === undefined ? {} : { platform }),
    ...(delimiter && delimiter !== ',' ? { delimiter } : {}),
  };
}

/**
 * The guesses with a column named like the post a reply answers ("Respuesta a", "In reply to") taken for the user it
 * answers instead, when most of its values in the first rows are users: handles written with @, or authors of the
 * file. Read as post ids they would match no post, and every reply would answer a post that is not in the data.
 */
function namesUsers(guesses: Partial<Record<MappingField, string>>, names: readonly string[], rows: ReadonlyArray<readonly string[]>): Partial<Record<MappingField, string>> {
  const column = guesses.parentId;
  if (column === undefined || guesses.inReplyToUser !== undefined) return guesses;
  const user = (value: string) => value.trim().replace(/^@/, '').toLowerCase();
  // Without an author column, only handles written with @ say a user (names.indexOf('') would find an unnamed column).
  const authorAt = guesses.author === undefined ? -1 : names.indexOf(guesses.author);
  const authors = new Set(authorAt === -1 ? [] : rows.map((row) => user(row[authorAt] ?? '')).filter((value) => value !== ''));
  const values = rows.map((row) => (row[names.indexOf(column)] ?? '').trim()).filter((value) => value !== '');
  const users = values.filter((value) => value.startsWith('@') || authors.has(user(value)));
  if (values.length === 0 || users.length * 2 <= values.length) return guesses;
  const { parentId: _parent, ...others } = guesses;
  return { ...others, inReplyToUser: column };
}

/** A time of day as a time column is read (timeOfDay in formats/sql-helpers.ts): 20:05, 8:05:59, 8:05 PM, and a workbook's time cell (1899-12-30 20:05:00). */
const TIME_OF_DAY = /^(?:1899-12-30 )?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([ap]m))?$/i;

/** Words of a header whose values are spans of time, not times of day: a response time, a call's length. */
const DURATION_WORDS = ['respuesta', 'response', 'reponse', 'duracion', 'duration', 'duree', 'delai', 'espera', 'wait', 'attente', 'length', 'sla'];

/** Whether a value is a time of day a time column is read as: hours 0 to 23 (1 to 12 beside AM or PM), minutes and seconds 0 to 59. */
function isTimeOfDay(value: string): boolean {
  const match = TIME_OF_DAY.exec(value);
  if (!match) return false;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  const hours = match[4] ? hour >= 1 && hour <= 12 : hour <= 23;
  return hours && minute <= 59 && second <= 59;
}

/**
 * Whether a date value gives no time of day: a day alone, or one at 00:00 (00:00:00) without an offset. A date that
 * names its offset is read as its own instant and keeps no time column (generic.ts); a serial with a fraction holds one.
 */
function givesNoTime(date: string): boolean {
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(date) && /\d:\d{2}/.test(date)) return false;
  if (/^\d+\.\d*[1-9]/.test(date)) return false;
  const clock = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(date);
  return clock === null || (Number(clock[1]) === 0 && Number(clock[2]) === 0 && Number(clock[3] ?? 0) === 0);
}

/**
 * The column that holds the time of day of a date column whose first rows give none (every date a day, or at 00:00): a
 * column no other field took, not named as a span of time, whose values are times of day in at least half of the rows
 * and three of them ("Hora" and "Time" are found by name or by this; a "Tiempo" or "Heure d'envoi" only by this).
 * Without it every post would be stored at midnight.
 */
function timeOfDayColumn(names: readonly string[], rows: ReadonlyArray<readonly string[]>, dateColumn: string, taken: ReadonlyArray<string | undefined>): string | undefined {
  const valuesOf = (index: number) => rows.map((row) => (row[index] ?? '').trim()).filter((value) => value !== '');
  const dates = valuesOf(names.indexOf(dateColumn));
  if (dateColumn === '' || dates.length === 0 || !dates.every(givesNoTime)) return undefined;
  return names.find((name, index) => {
    if (taken.includes(name) || name === dateColumn || DURATION_WORDS.some((word) => wordsOf(name).includes(word))) return false;
    const values = valuesOf(index);
    return values.length >= 3 && values.length * 2 >= rows.length && values.every(isTimeOfDay);
  });
}

/**
 * The date.format the first rows' dates are written in (`31/10/2017 20:00` is
 * `%d/%m/%Y %H:%M`, day first unless a date says otherwise); `iso` for ISO
 * dates, serials, a column without values or of several shapes.
 */
function guessedDateFormat(values: readonly string[]): string {
  const given = values.filter((value) => value.trim() !== '');
  const hint = proposeDateFormat(given.slice(0, 5), given);
  return hint === null || hint.format.startsWith('%Y-%m-%d') ? 'iso' : hint.format;
}

/** Whether most of the values (blank ones left out) name networks replybench knows, as the import reads them (X, facebook.com); true without any value to judge by. */
function namesNetworks(values: readonly string[]): boolean {
  const given = values.map((value) => value.trim()).filter((value) => value !== '');
  return given.filter((value) => KNOWN_PLATFORMS.includes(storedPlatformName(value))).length * 2 > given.length || given.length === 0;
}

/** A mapping file to start from: the guessed columns, the required ones left to fill when not found, and the file's columns listed. */
export function mappingSkeleton(file: string, names: readonly string[], delimiter: string | null, rows: ReadonlyArray<readonly string[]> = []): string {
  const mapping = guessedMapping(names, delimiter, rows);
  const missing = (['id', 'author', 'date'] as const).filter((field) => mapping.columns[field] === '');
  return [
    `# Mapping for ${file}, written by replybench import --write-mapping with its best guesses.`,
    '# Check each column, date.format (read from the first dates of the file) and the platform,',
    '# then import with: replybench import --format generic --mapping <this file> <the export>',
    '# (docs/formats.md, "generic", explains every key).',
    ...(missing.length > 0 ? [`# Still to fill: ${missing.map((field) => `columns.${field}`).join(', ')} (no column looked like one).`] : []),
    `# The file's columns: ${names.map((name) => JSON.stringify(name)).join(', ')}`,
    stringify(mapping).trimEnd(),
    '',
  ].join('\n');
}

/** The header of an export (its first header candidate), as the import would read it, and the first rows after it. */
export async function exportHeader(path: string): Promise<{ names: string[]; delimiter: string | null; rows: string[][] }> {
  const prepared = await prepareSource(path);
  try {
    const [first] = headerCandidates(prepared.head.text, prepared.head.complete);
    if (!first) return { names: [], delimiter: null, rows: [] };
    const rows = parseHeadRecords(prepared.head.text, first.delimiter, 200, prepared.head.complete)
      .filter((record) => record.line > first.line)
      .map((record) => record.cells);
    return { names: [...first.cells], delimiter: prepared.encoding === 'xlsx' ? null : first.delimiter, rows };
  } finally {
    prepared.cleanup();
  }
}
