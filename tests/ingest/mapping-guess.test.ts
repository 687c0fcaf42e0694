import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGenericMapping } from '../../src/ingest/formats/generic.js';
import { exportHeader, guessColumns, guessedMapping } from '../../src/ingest/mapping-guess.js';
import { allPosts, importOne, openStore, runCli, tempFile, tempFolder } from './helpers.js';

describe('a mapping skeleton for a layout replybench does not know', () => {
  it('guesses each field from English, Spanish and French header names, a column feeding one field at most', () => {
    expect(guessColumns(['Nº', 'Usuario', 'Fecha publicación', 'Texto', 'Responde a', 'Enlace', 'Seguidores'])).toEqual({
      id: 'Nº',
      author: 'Usuario',
      date: 'Fecha publicación',
      text: 'Texto',
      parentId: 'Responde a',
      url: 'Enlace',
      followers: 'Seguidores',
    });
    expect(guessColumns(['Identifiant', 'Auteur', 'Date', 'Heure', 'Contenu', 'Langue'])).toEqual({ id: 'Identifiant', author: 'Auteur', date: 'Date', time: 'Heure', text: 'Contenu', language: 'Langue' });
    // The Kaggle layout with its headers in Spanish, as a new user wrote them: the tweet's id among them.
    expect(guessColumns(['id_tuit', 'autor', 'entrante', 'fecha', 'texto', 'respuestas', 'en_respuesta_a']).id).toBe('id_tuit');
    // A conversation export of short English names: the day and the clock time apart, the user each reply answers.
    expect(guessColumns(['msg_id', 'user', 'day', 'clock', 'body', 'answers_user', 'conversation', 'link'])).toEqual({
      id: 'msg_id',
      author: 'user',
      date: 'day',
      time: 'clock',
      text: 'body',
      inReplyToUser: 'answers_user',
      thread: 'conversation',
      url: 'link',
    });
    // "Day" is the date only where no "Date" is: beside one it is a weekday, left alone.
    expect(guessColumns(['ID', 'Author', 'Day', 'Date', 'Text'])).toEqual({ id: 'ID', author: 'Author', date: 'Date', text: 'Text' });
    // "Message ID" is the id, not the text; "Sent" is the date.
    expect(guessColumns(['Message ID', 'From', 'Sent', 'Body'])).toEqual({ id: 'Message ID', author: 'From', date: 'Sent', text: 'Body' });
    // "ID mensaje" is the message's id, not its text, which the next column holds.
    expect(guessColumns(['ID mensaje', 'Usuario', 'Fecha', 'Mensaje'])).toEqual({ id: 'ID mensaje', author: 'Usuario', date: 'Fecha', text: 'Mensaje' });
    expect(guessColumns(['ID publication', 'Auteur', 'Date', 'Texte'])).toEqual({ id: 'ID publication', author: 'Auteur', date: 'Date', text: 'Texte' });
    // A name held in a longer one goes to the field whose name is the longer match: "Nombre d’abonnés" is a count of followers, not a name.
    expect(guessColumns(['ID', 'Compte', 'Nombre d’abonnés', 'Nom de l’auteur', 'Horodatage', 'Réponse à', 'Texte'])).toEqual({
      id: 'ID',
      author: 'Compte',
      authorName: 'Nom de l’auteur',
      followers: 'Nombre d’abonnés',
      date: 'Horodatage',
      parentId: 'Réponse à',
      text: 'Texte',
    });
    expect(guessColumns(['Cuenta', 'Nombre de la cuenta', 'Fecha y hora', 'Marca'])).toEqual({ author: 'Cuenta', authorName: 'Nombre de la cuenta', date: 'Fecha y hora', topic: 'Marca' });
    // Those short names count only as the whole header: inside a longer one they mean something else.
    expect(guessColumns(['ID', 'Usuario', 'Marca temporal', 'Tipo de cuenta', 'Respuesta automática', 'Remarque'])).toEqual({ id: 'ID', author: 'Usuario', date: 'Marca temporal' });
    // Kaggle's airline tweets: a header that holds a field's name beside a word that makes it something else is not that field.
    expect(guessColumns(['tweet_id', 'airline_sentiment', 'airline_sentiment_confidence', 'name', 'retweet_count', 'text', 'tweet_coord', 'tweet_created', 'tweet_location', 'user_timezone'])).toEqual({
      id: 'tweet_id',
      sentiment: 'airline_sentiment',
      authorName: 'name',
      text: 'text',
      date: 'tweet_created',
    });
    // A qualifier counts as a whole word only: "Account handle" holds no count, and is the author.
    expect(guessColumns(['ID', 'Account handle', 'Date'])).toEqual({ id: 'ID', author: 'Account handle', date: 'Date' });
  });

  it('guesses no platform when a link column says each row\'s network, a platform column when there is one, and Twitter without either', () => {
    expect(guessedMapping(['ID', 'Autor', 'Fecha', 'Enlace'], ';')).toEqual({ columns: { id: 'ID', author: 'Autor', date: 'Fecha', url: 'Enlace' }, date: { format: 'iso' }, delimiter: ';' });
    expect(guessedMapping(['ID', 'Autor', 'Fecha', 'Enlace', 'Red'], ',').platform).toEqual({ column: 'Red' });
    expect(guessedMapping(['ID', 'Autor', 'Fecha'], ',').platform).toBe('twitter');
  });

  it('takes the column of times of day for a date column that gives none, whatever its name, and none for dates with their time', () => {
    const names = ['Nº', 'Usuario', 'Fecha', 'Tiempo', 'Texto', 'Likes'];
    const days = [
      ['1', 'ana', '31/10/2017', '20:05', 'hola', '3'],
      ['2', 'bob', '31/10/2017', '8:15 PM', 'qué tal', '0'],
      ['3', 'cid', '01/11/2017', '', 'buenas', '12'],
      ['4', 'dan', '01/11/2017', '09:30:15', 'hey', '1'],
    ];
    expect(guessedMapping(names, ';', days).columns).toMatchObject({ date: 'Fecha', time: 'Tiempo' });
    const withDates = (dates: string[]) => days.map((row, index) => row.map((cell, column) => (column === 2 ? (dates[index] ?? cell) : cell)));
    // Days written at midnight are days too, and so is a workbook's date cell; its time cells are read as times.
    expect(guessedMapping(names, ';', withDates(days.map((row) => `${row[2]} 00:00`))).columns.time).toBe('Tiempo');
    const cells = ['1899-12-30 20:05:00', '1899-12-30 20:15:00', '', '1899-12-30 09:30:15'];
    const workbook = days.map((row, index) => [row[0] ?? '', row[1] ?? '', '2017-10-31 00:00:00', cells[index] ?? '', row[4] ?? '', row[5] ?? '']);
    expect(guessedMapping(names, ';', workbook).columns.time).toBe('Tiempo');
    // Dates that give their time, or name their offset (read as their own instant), or a serial with a fraction: none.
    expect(guessedMapping(names, ';', withDates(days.map((row) => `${row[2]} 09:30`))).columns.time).toBeUndefined();
    expect(guessedMapping(names, ';', withDates(['2017-10-31T00:00:00Z', '2017-10-31T00:00:00+02:00', '2017-11-01', '2017-11-01'])).columns.time).toBeUndefined();
    expect(guessedMapping(names, ';', withDates(['43039.84', '43039', '43040', '43040'])).columns.time).toBeUndefined();
    // Numbers, spans of time under their name, a column filled in one row of four, and clocks no day has: none.
    const only = (header: string, values: string[]) => guessedMapping(['Nº', 'Usuario', 'Fecha', header], ';', days.map((row, index) => [row[0] ?? '', row[1] ?? '', row[2] ?? '', values[index] ?? '']));
    expect(only('Likes', ['3', '0', '12', '1']).columns.time).toBeUndefined();
    expect(only('Tiempo de respuesta', ['0:45', '1:30', '0:20', '2:10']).columns.time).toBeUndefined();
    expect(only('Notas', ['10:30', '', '', '']).columns.time).toBeUndefined();
    expect(only('Marcador', ['45:12', '99:99', '2:1', '1:30']).columns.time).toBeUndefined();
    expect(only('Heure d\'envoi', ['10:30', '11:00', '23:59', '']).columns.time).toBe('Heure d\'envoi');
  });

  it('takes a column named like the network for it only when most of its values are networks', () => {
    const names = ['id', 'user', 'created_at', 'text', 'source'];
    // Twitter's "source" is the app a tweet was sent from.
    const apps = [['1', 'ana', '2017-10-01', 'hi', 'Twitter for iPhone'], ['2', 'bob', '2017-10-01', 'hi', 'Twitter Web App'], ['3', 'cid', '2017-10-01', 'hi', '']];
    expect(guessedMapping(names, ',', apps).platform).toBe('twitter');
    const networks = [['1', 'ana', '2017-10-01', 'hi', 'X'], ['2', 'bob', '2017-10-01', 'hi', 'Facebook'], ['3', 'cid', '2017-10-01', 'hi', 'a forum nobody knows']];
    expect(guessedMapping(names, ',', networks).platform).toEqual({ column: 'source' });
    // Domains name networks too, as the import reads them.
    const domains = [['1', 'ana', '2017-10-01', 'hi', 'twitter.com'], ['2', 'bob', '2017-10-01', 'hi', 'facebook.com'], ['3', 'cid', '2017-10-01', 'hi', 'instagram.com']];
    expect(guessedMapping(names, ',', domains).platform).toEqual({ column: 'source' });
  });

  it('takes a column named like the post a reply answers for the user it answers when its values are users', () => {
    const names = ['ID', 'Fecha', 'Usuario', 'Mensaje', 'Respuesta a'];
    // "Respuesta a" holds whom each reply answers: authors of the file, or handles with @.
    const users = [['1', '2017-10-05', 'clienta_ana', '@CafeSol ¿y mi pedido?', ''], ['2', '2017-10-05', 'cafesol', 'Lo sentimos', 'clienta_ana'], ['3', '2017-10-06', 'cafesol', 'Disculpa', '@pedro_m']];
    expect(guessedMapping(names, ',', users).columns).toMatchObject({ inReplyToUser: 'Respuesta a' });
    expect(guessedMapping(names, ',', users).columns.parentId).toBeUndefined();
    // Post ids there stay the post each answers.
    const ids = [['1', '2017-10-05', 'clienta_ana', '@CafeSol ¿y mi pedido?', ''], ['2', '2017-10-05', 'cafesol', 'Lo sentimos', '1'], ['3', '2017-10-06', 'cafesol', 'Disculpa', '7']];
    expect(guessedMapping(names, ',', ids).columns).toMatchObject({ parentId: 'Respuesta a' });
    expect(guessedMapping(names, ',', ids).columns.inReplyToUser).toBeUndefined();
    // No author column guessed: an unnamed column (a pandas index) is no list of users; only @handles say one.
    const unnamed = ['', 'when', 'text', 'in_reply_to'];
    expect(guessedMapping(unnamed, ',', [['0', '2017-10-05', 'hi', ''], ['1', '2017-10-05', 'hello', '0'], ['2', '2017-10-06', 'hey', '2']]).columns).toMatchObject({ parentId: 'in_reply_to' });
    expect(guessedMapping(unnamed, ',', [['0', '2017-10-05', 'hi', ''], ['1', '2017-10-05', 'hello', '@ana'], ['2', '2017-10-06', 'hey', '@ben']]).columns).toMatchObject({ inReplyToUser: 'in_reply_to' });
  });

  it('reads the first rows of the export to judge it by, and writes a skeleton without the app column as the platform', async () => {
    const folder = tempFolder();
    const csv = tempFile('tweets.csv', 'id,user,created_at,text,source\n1,ana,2017-10-01T10:00:00Z,hi,Twitter for iPhone\n2,bob,2017-10-01T11:00:00Z,"hi, again",Twitter for Android\n');
    expect((await exportHeader(csv)).rows).toEqual([
      ['1', 'ana', '2017-10-01T10:00:00Z', 'hi', 'Twitter for iPhone'],
      ['2', 'bob', '2017-10-01T11:00:00Z', 'hi, again', 'Twitter for Android'],
    ]);
    const mapping = join(folder, 'mapping.yaml');
    expect((await runCli(['import', '--write-mapping', mapping, csv], folder)).status).toBe(0);
    expect(loadGenericMapping(mapping)).toMatchObject({ platform: 'twitter' });
  });

  it('writes one with --write-mapping that imports the file as written, its date format read from the dates', async () => {
    const folder = tempFolder();
    const csv = tempFile('encuesta.csv', 'Nº;Usuario;Fecha;Texto\n1;ana;31/10/2017 20:00;@AcmeCares sin señal\n');
    const mapping = join(folder, 'mapping.yaml');
    const written = await runCli(['import', '--write-mapping', mapping, csv], folder);
    expect(written.status).toBe(0);
    // Run in a folder outside this checkout, the command is one that runs there (tests/config/init.test.ts runs one).
    expect(written.stdout).toMatch(/^Wrote .*: check each column and date\.format, then run\n {2}(node \S+\/bin\/replybench\.js|replybench) import /);
    expect(written.stdout).toContain(` import --format generic --mapping ${mapping} --dry-run ${csv}\n`);
    expect(loadGenericMapping(mapping)).toMatchObject({ columns: { id: 'Nº', author: 'Usuario', date: 'Fecha', text: 'Texto' }, date: { format: '%d/%m/%Y %H:%M' }, platform: 'twitter', delimiter: ';' });
    expect((await runCli(['import', '--write-mapping', mapping, csv], folder)).stderr).toBe(`replybench: --write-mapping "${mapping}": the file exists; choose another name, or remove it first.\n`);
    const store = await openStore();
    await importOne(store, csv, { format: 'generic', mapping });
    expect((await allPosts(store)).map((post) => [post.post_id, post.author, post.created_at])).toEqual([['1', 'ana', '2017-10-31T20:00:00Z']]);
  });
});
