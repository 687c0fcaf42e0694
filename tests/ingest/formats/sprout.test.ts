import { describe, expect, test } from 'vitest';
import { dryRunFile } from '../../../src/ingest/dry-run.js';
import { sproutFormat } from '../../../src/ingest/formats/sprout.js';
import { allPosts, importOne, openStore, tempFile } from '../helpers.js';
import { column, runFormat } from './run-format.js';

// Hand-written rows: no real Sprout Social export was available, the columns follow public descriptions of its message data.
const FILE = 'tests/fixtures/formats/sprout_rows.csv';

describe('sprout', () => {
  test('kinds from Message Type, parents by id or URL, platforms from Network', async () => {
    const mapped = await runFormat(sproutFormat, FILE, { timezone: 'America/Chicago' });
    expect(column(mapped, 'post_id')).toEqual(['1764600000000000001', '1764600000000000002', '10160', 'C4abc_DEF12']);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'comment', 'repost']);
    expect(column(mapped, 'parent_id')).toEqual([null, '1764600000000000001', '10155', null]);
    expect(column(mapped, 'parent_url')).toEqual([null, null, 'https://www.facebook.com/acme.telecom/posts/10155', null]);
    expect(column(mapped, 'platform')).toEqual(['twitter', 'twitter', 'facebook', 'instagram']);
    expect(column(mapped, 'author')).toEqual(['janedoe', 'acmecares', 'luis.perez', 'bob_r']);
    expect(column(mapped, 'topic')).toEqual(['Acme Telecom', 'Acme Telecom', 'Acme Telecom', 'Acme Telecom']);
    expect(column(mapped, 'sentiment')).toEqual(['negative', null, 'neutral', null]);
  });

  test('local timestamps read in --timezone, explicit offsets kept', async () => {
    const mapped = await runFormat(sproutFormat, FILE, { timezone: 'America/Chicago' });
    expect(column(mapped, 'created_at')).toEqual(['2024-03-04T15:15:00Z', '2024-03-04T15:20:30Z', '2024-03-04T16:00:00Z', '2024-03-04T10:30:00Z']);
  });

  test('a day-first file (an account set to European dates) is read day first, with a warning, not stored on swapped days', async () => {
    const header = 'Timestamp,Network,Message Type,Profile,From Screen Name,Message,Permalink,Message ID';
    const row = (date: string, id: number) => `${date},Twitter,@Mention,Acme,@JaneDoe,hello,https://twitter.com/JaneDoe/status/${id},${id}`;
    // 13/10 and 25/10 fail month first; month first, 10/11 and 02/11 would be stored as 11 October and 11 February.
    // A date in ISO text (a workbook's date cell) is read apart, and is no evidence either way.
    const rows = [header, row('13/10/2017 06:55', 1), row('25/10/2017 07:55', 2), row('10/11/2017 06:55', 3), row('02/11/2017 08:00', 4), row('2017-11-03 09:00:00', 5)];
    const path = tempFile('sprout-day-first.csv', `${rows.join('\n')}\n`);
    const store = await openStore();
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 5, imported: 5, rejected: 0 });
    expect((await allPosts(store)).map((post) => post.created_at)).toEqual(['2017-10-13T06:55:00Z', '2017-10-25T07:55:00Z', '2017-11-10T06:55:00Z', '2017-11-02T08:00:00Z', '2017-11-03T09:00:00Z']);
    const warning = 'the dates are written day first, not month first as this layout\'s usually are: read day first (2 of 4 cannot be read the other way)';
    expect(result.warnings).toContain(warning);
    // Its dry run (the page's preview) reads it the same way, and says so.
    const preview = await dryRunFile(path, {});
    expect(preview).toMatchObject({ wouldImport: 5, rejected: 0 });
    expect(preview.warnings).toContain(warning);
  });

  test('a file whose dates all read both ways is read month first, as Sprout writes, and the analyst is told', async () => {
    const header = 'Timestamp,Network,Message Type,Profile,From Screen Name,Message,Permalink,Message ID';
    const row = (date: string, id: number) => `${date},Twitter,@Mention,Acme,@JaneDoe,hello,https://twitter.com/JaneDoe/status/${id},${id}`;
    // A week's export, 1 to 7 October: no day above 12. 10/05 would be 10 May or 5 October; 10/10 is the same day either way.
    const rows = [header, row('10/05/2017 06:55', 1), row('10/10/2017 07:55', 2), row('10/07/2017 06:55', 3), row('2017-10-03 09:00:00', 4)];
    const path = tempFile('sprout-either-way.csv', `${rows.join('\n')}\n`);
    const store = await openStore();
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 4, imported: 4, rejected: 0 });
    expect((await allPosts(store)).map((post) => post.created_at)).toEqual(['2017-10-05T06:55:00Z', '2017-10-10T07:55:00Z', '2017-10-07T06:55:00Z', '2017-10-03T09:00:00Z']);
    const warning = expect.stringMatching(/^no date of the file has a day above 12, .*: read month first, as this layout writes them \(the other way, 2 dates would fall on other days\)/);
    expect(result.warnings).toContainEqual(warning);
    const preview = await dryRunFile(path, {});
    expect(preview.warnings).toContainEqual(warning);

    // One date past the 12th says the order: no warning.
    const said = tempFile('sprout-said.csv', `${[...rows, row('10/13/2017 10:00', 5)].join('\n')}\n`);
    expect((await importOne(await openStore(), said)).warnings ?? []).not.toContainEqual(warning);
    // A date neither order reads (a typo, rejected) says nothing of the order: the others still read both ways.
    const typo = tempFile('sprout-typo.csv', `${[...rows, row('10/3x/2017 10:00', 6)].join('\n')}\n`);
    expect((await importOne(await openStore(), typo)).warnings).toContainEqual(warning);
  });
});
