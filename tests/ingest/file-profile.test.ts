import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunFile, dryRunText } from '../../src/ingest/dry-run.js';
import { supportSentences } from '../../src/ingest/file-profile.js';
import { FIXTURES, tempFile } from './helpers.js';

describe('what a dry run says a file can support', () => {
  it('gives the span, the kinds, the most frequent authors and handles of the Kaggle sample, and that it covers three days', async () => {
    const { profile } = await dryRunFile(join(FIXTURES, 'twcs_kaggle_sample.csv'), {});
    // Counted by hand from the file: 93 rows, 68 of them answer another tweet, on 10, 11 and 12 October 2017.
    expect(profile).toMatchObject({
      first: '2017-10-10T10:13:19Z',
      last: '2017-10-12T12:09:13Z',
      daysWithPosts: 3,
      kinds: { post: 25, reply: 68 },
    });
    expect(profile.topAuthors.slice(0, 3)).toEqual([
      { handle: 'applesupport', n: 13 },
      { handle: 'spotifycares', n: 8 },
      { handle: 'tesco', n: 8 },
    ]);
    expect(profile.topMentioned[0]).toEqual({ handle: 'applesupport', n: 11 });
    // The authors of the rows that answer another tweet, counted from the file.
    expect(profile.topRepliers.slice(0, 4)).toEqual([
      { handle: 'applesupport', n: 13 },
      { handle: 'spotifycares', n: 8 },
      { handle: 'tesco', n: 8 },
      { handle: 'virgintrains', n: 4 },
    ]);
    expect(profile.supports).toEqual([
      'it covers 3 days (2017-10-10 to 2017-10-12): a monthly report on it alone describes those days, not the month.',
      'it holds 68 replies or comments: response rate and time can be measured for the brands whose accounts wrote them.',
    ]);
  });

  it('says when its replies can be matched to no mention: they name no post or conversation, or only posts of another file', async () => {
    const header = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
    // A care export: the brand's replies, whose mentions are in the listening export.
    const care = tempFile('care.csv', `${header}\n10,acmecares,False,Tue Oct 31 20:05:00 +0000 2017,@ana sorry,,1\n11,acmecares,False,Tue Oct 31 21:05:00 +0000 2017,@ben sorry,,2\n`);
    const { profile } = await dryRunFile(care, {});
    expect(profile).toMatchObject({ repliesNamingParent: 2, repliesAnsweringFile: 0, repliesUnlinked: 0 });
    expect(profile.supports.slice(1)).toEqual([
      'it holds 2 replies or comments: response rate and time can be measured for the brands whose accounts wrote them.',
      'none of the 2 replies that name the post they answer answers a post of this file: the mentions they answer must come from another export, imported beside it; if none holds them, check the column mapped to the post each answers.',
    ]);
    // With its mentions, nothing more is said.
    const both = tempFile('both.csv', `${header}\n1,ana,True,Tue Oct 31 20:00:00 +0000 2017,@AcmeCares hi,10,\n10,acmecares,False,Tue Oct 31 20:05:00 +0000 2017,@ana sorry,,1\n`);
    expect((await dryRunFile(both, {})).profile.supports.slice(1)).toEqual(['it holds 1 reply or comment: response rate and time can be measured for the brands whose accounts wrote it.']);
    // Replies that name only the user they answer (a mapping's reply_to_user, no conversation): no figure can count them.
    const folder = dirname(care);
    const mapped = join(folder, 'respuestas.csv');
    writeFileSync(mapped, 'ID,Fecha,Usuario,Mensaje,Respuesta a\n1,2017-10-05T09:00:00Z,ana,@CafeSol ¿y mi pedido?,\n2,2017-10-05T10:00:00Z,cafesol,Lo sentimos,ana\n3,2017-10-06T11:00:00Z,cafesol,Disculpa,pedro\n');
    writeFileSync(join(folder, 'respuestas.yaml'), 'columns: { id: ID, author: Usuario, date: Fecha, text: Mensaje, inReplyToUser: Respuesta a }\ndate: { format: iso }\nplatform: twitter\n');
    const unlinked = (await dryRunFile(mapped, { mapping: join(folder, 'respuestas.yaml') })).profile;
    expect(unlinked).toMatchObject({ kinds: { post: 1, reply: 2 }, repliesNamingParent: 0, repliesUnlinked: 2 });
    expect(supportSentences(unlinked, 'es').slice(1)).toEqual([
      'sus 2 respuestas o comentarios no indican ni la publicación ni la conversación a la que responden: no se puede encontrar su mención, así que no cuentan en ninguna cifra de respuesta; asigne la columna de la publicación (o conversación) a la que responde cada una, si la exportación la tiene.',
    ]);
    // A care export whose one reply answers a reply of the brand's own (a thread it goes on with) still says its others answer posts elsewhere.
    const selfThread = tempFile('care-thread.csv', `${header}\n10,acmecares,False,Tue Oct 31 20:05:00 +0000 2017,@ana sorry,,1\n11,acmecares,False,Tue Oct 31 21:05:00 +0000 2017,@ben sorry,,2\n12,acmecares,False,Tue Oct 31 21:06:00 +0000 2017,and a DM,,11\n`);
    expect((await dryRunFile(selfThread, {})).profile.supports.at(-1)).toBe(
      '2 of the 3 replies that name the post they answer answer no post of this file: the mentions they answer must come from another export, imported beside it; if none holds them, check the column mapped to the post each answers.',
    );
  });

  it('says a one-day export of mentions without replies supports volume and share of voice only', async () => {
    const path = tempFile(
      'mentions.csv',
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
        '1,ana,True,Tue Oct 31 20:00:00 +0000 2017,@AcmeCares no signal,,\n' +
        '2,ben,True,Tue Oct 31 21:00:00 +0000 2017,@AcmeCares @RivalHelp both down?,,\n',
    );
    const report = await dryRunFile(path, {});
    expect(report.profile.supports).toEqual([
      'it covers one day (2017-10-31): a monthly report on it alone describes that day, not the month.',
      "it holds no replies: volume and share of voice only; import the brands' own posts (their care or publishing export) to measure how they answer.",
    ]);
    // The same in the local web page's other languages.
    expect(supportSentences(report.profile, 'es')).toEqual([
      'abarca un día (el 2017-10-31): un informe mensual basado solo en él describe ese día, no el mes.',
      'no contiene respuestas: solo volumen y cuota de voz; importe las publicaciones propias de las marcas (su exportación de atención al cliente o de publicación) para medir cómo responden.',
    ]);
    expect(supportSentences({ ...report.profile, posts: 4, kinds: { post: 1, repost: 3 } }, 'fr')).toEqual([
      'il couvre un jour (le 2017-10-31)\u00a0: un rapport mensuel fondé sur lui seul décrit ce jour, pas le mois.',
      '75\u00a0% de ses publications sont des partages\u00a0: ils sont conservés, mais ne comptent dans aucune métrique.',
      'il ne contient aucune réponse\u00a0: volume et part de voix seulement\u00a0; importez les publications des marques elles-mêmes (leur export de service client ou de publication) pour mesurer leurs réponses.',
    ]);
    expect(report.profile.topMentioned).toEqual([
      { handle: 'acmecares', n: 2 },
      { handle: 'rivalhelp', n: 1 },
    ]);
    expect(dryRunText(report)).toContain('  spans 2017-10-31T20:00:00Z .. 2017-10-31T21:00:00Z (1 day with posts, days in UTC): 2 posts\n');
  });

  it('reads a mentioned handle with dots inside it as one account, except on Twitter, where a dot ends it', async () => {
    const instagram = tempFile(
      'comments.csv',
      'id,who,when,text\n1,ana,2025-10-02 10:00,@vireo.telecom sin cobertura.\n2,ben,2025-10-02 11:00,hola @vireo.telecom\n3,eva,2025-10-02 12:00,ping @zentel...\n' +
        // An e-mail address and a Mastodon server are no mentions; a time is no handle.
        '4,leo,2025-10-02 13:00,escriban a ayuda@vireo.com o @ana@mastodon.social a las @10.30\n',
    );
    const mapping = tempFile('mapping.yaml', 'columns: { id: id, author: who, date: when, text: text }\nplatform: instagram\n');
    const read = await dryRunFile(instagram, { mapping });
    expect(read.profile.topMentioned).toEqual([
      { handle: 'vireo.telecom', n: 2 },
      { handle: 'ana', n: 1 },
      { handle: 'zentel', n: 1 },
    ]);
    const twitter = tempFile(
      'tweets.csv',
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
        '1,ana,True,Tue Oct 31 20:00:00 +0000 2017,Thanks @AcmeCares.,,\n' +
        '2,ben,True,Tue Oct 31 21:00:00 +0000 2017,@AcmeCares.help is not you,,\n' +
        '3,eva,True,Tue Oct 31 22:00:00 +0000 2017,mail help@acmecares.com,,\n',
    );
    expect((await dryRunFile(twitter, {})).profile.topMentioned).toEqual([{ handle: 'acmecares', n: 2 }]);
  });

  it('counts the calendar days the dates beside the count name: an evening and the next morning are two days, not one', async () => {
    const path = tempFile(
      'evening.csv',
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
        '1,ana,True,Thu Oct 05 22:00:00 +0000 2017,@AcmeCares no signal,,\n' +
        '2,ben,True,Fri Oct 06 09:00:00 +0000 2017,@AcmeCares still down,,\n',
    );
    const report = await dryRunFile(path, {});
    expect(report.profile.supports[0]).toBe('it covers 2 days (2017-10-05 to 2017-10-06): a monthly report on it alone describes those days, not the month.');
    // Counted in the client's zone (the page's, or the config's for the terminal): in Madrid both fall on 6 October;
    // in New York, on 5 October. The span's days and the sentence agree.
    const madrid = await dryRunFile(path, {}, { daysIn: 'Europe/Madrid' });
    expect(madrid.profile).toMatchObject({ timezone: 'Europe/Madrid', firstDay: '2017-10-06', lastDay: '2017-10-06', daysWithPosts: 1 });
    expect(madrid.profile.supports[0]).toBe('it covers one day (2017-10-06): a monthly report on it alone describes that day, not the month.');
    const newYork = await dryRunFile(path, {}, { daysIn: 'America/New_York' });
    expect(newYork.profile).toMatchObject({ firstDay: '2017-10-05', lastDay: '2017-10-06', daysWithPosts: 2 });
  });
});
