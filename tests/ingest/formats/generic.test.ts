import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { genericFormat, loadGenericMapping, parseGenericMapping } from '../../../src/ingest/formats/generic.js';
import { UNREAD_FOLLOWERS_REASON } from '../../../src/ingest/formats/sql-helpers.js';
import { column, runFormat } from './run-format.js';

const FIXTURES = 'tests/fixtures/formats';
const MAPPING = `${FIXTURES}/generic_semicolon.mapping.yaml`;
const DATA = `${FIXTURES}/generic_semicolon.csv`;

function mappingFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'replybench-mapping-')), 'mapping.yaml');
  writeFileSync(path, text);
  return path;
}

function errorOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('generic: follower counts', () => {
  test('a cell that is no whole number of followers is stored as unknown, with a warning on its row, and an empty one as unknown without', async () => {
    const cells = ['1250', '45.000', '', '1.5K', '-5', 'n/a', '12.7', '99999999999999999999'];
    const csv = `id,author,date,followers\n${cells.map((cell, index) => `${index + 1},ana,2025-10-01 10:00,${cell.includes(',') ? `"${cell}"` : cell}`).join('\n')}\n`;
    const path = join(mkdtempSync(join(tmpdir(), 'replybench-followers-')), 'followers.csv');
    writeFileSync(path, csv);
    const mapping = parseGenericMapping({ columns: { id: 'id', author: 'author', date: 'date', followers: 'followers' }, date: { format: '%Y-%m-%d %H:%M' } }, 'inline.yaml');
    const mapped = await runFormat(genericFormat(mapping, 'inline.yaml'), path, { delimiter: ',', platform: 'twitter', timezone: 'UTC' });
    expect(column(mapped, 'author_followers')).toEqual(['1250', '45000', null, null, null, null, null, null]);
    expect(mapped.rows.map((row) => row.warnings)).toEqual(cells.map((_, index) => (index >= 3 ? [UNREAD_FOLLOWERS_REASON] : [])));
  });
});

describe('generic: a semicolon-delimited Spanish export with a custom date format', () => {
  test('maps every column as the mapping says', async () => {
    const mapping = loadGenericMapping(MAPPING);
    expect(mapping.delimiter).toBe(';');
    const mapped = await runFormat(genericFormat(mapping, MAPPING), DATA, { delimiter: ';', timezone: 'UTC' });
    expect(column(mapped, 'post_id')).toEqual(['9001', '9002', '9003', '9004']);
    expect(column(mapped, 'author')).toEqual(['clienteuno', 'acmees', 'clientedos', 'clientetres']);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'repost', 'post']);
    expect(column(mapped, 'parent_id')).toEqual([null, '9001', null, null]);
    expect(column(mapped, 'platform')).toEqual(['twitter', 'twitter', 'twitter', 'twitter']);
    expect(column(mapped, 'author_followers')).toEqual(['1250', '45000', null, null]);
    expect(mapped.rows[0]?.text).toBe('@AcmeES ¿hay corte en Madrid?; llevo 2h');
  });

  test("dates use the mapping's format and timezone (not --timezone), with the daylight-saving rules", async () => {
    const mapping = loadGenericMapping(MAPPING);
    const mapped = await runFormat(genericFormat(mapping, MAPPING), DATA, { delimiter: ';', timezone: 'America/New_York' });
    expect(column(mapped, 'created_at')).toEqual([
      '2025-03-30T01:30:00Z', // 02:30 skipped in Madrid
      '2025-03-30T01:45:00Z', // 03:45 CEST
      '2025-10-26T01:30:00Z', // 02:30 repeated: the second (CET)
      null, // written in another format: unparseable, rejected by the pipeline with this example
    ]);
    expect(column(mapped, 'raw_date')[3]).toBe('15/07/2025 10:00');
    expect(mapped.rows.map((row) => row.warnings.length)).toEqual([1, 0, 1, 0]);
  });

  test('without kind and platform: replies from the parent column, platform from --platform', async () => {
    const mapping = parseGenericMapping({ columns: { id: 'Nº', author: 'Usuario', date: 'Fecha publicación', parentId: 'Responde a' }, date: { format: '%d.%m.%Y %H:%M' } }, 'inline.yaml');
    const mapped = await runFormat(genericFormat(mapping, 'inline.yaml'), DATA, { delimiter: ';', platform: 'Facebook', timezone: 'UTC' });
    expect(column(mapped, 'kind')).toEqual(['post', 'comment', 'post', 'post']);
    expect(column(mapped, 'platform')).toEqual(['facebook', 'facebook', 'facebook', 'facebook']);
    expect(column(mapped, 'created_at')[1]).toBe('2025-03-30T03:45:00Z');
  });

  test('a row without any platform is rejected with a reason that says what to do', async () => {
    const mapping = parseGenericMapping({ columns: { id: 'Nº', author: 'Usuario', date: 'Fecha publicación' }, date: { format: '%d.%m.%Y %H:%M' } }, 'inline.yaml');
    const mapped = await runFormat(genericFormat(mapping, 'inline.yaml'), DATA, { delimiter: ';' });
    expect(mapped.rows[2]?.rejected).toBe('no platform for this row; set platform in the mapping or pass --platform');
  });

  test('a platform column value no config can name is rejected, not stored where nothing would count it', async () => {
    const csv = mappingFile(['id,who,when,net', '1,a,2025-03-30T14:05:00Z,X', '2,b,2025-03-30T14:06:00Z,Zentel', '3,c,2025-03-30T14:07:00Z,Instagram'].join('\n'));
    const mapped = await runFormat(genericFormat(parseGenericMapping({ columns: { id: 'id', author: 'who', date: 'when' }, platform: { column: 'net' } }, 'm.yaml'), 'm.yaml'), csv);
    expect(mapped.rows.map((row) => [row.platform, row.rejected])).toEqual([
      ['twitter', null],
      ['zentel', 'the platform column holds a value that is not a platform replybench knows; map its values to platforms in platform.values'],
      ['instagram', null],
    ]);
  });

  test('user values reach the SQL only as bound parameters', () => {
    const mapping = parseGenericMapping(
      {
        columns: { id: 'id', author: 'a', date: 'd' },
        date: { format: "%Y'; DROP TABLE posts; --" },
        kind: { column: 'k', values: { "x' OR 1=1": 'reply' } },
        platform: { column: 'p', values: { "tw'itter": 'twitter' } },
      },
      'inline.yaml',
    );
    const format = genericFormat(mapping, 'inline.yaml');
    const header = ['id', 'a', 'd', 'k', 'p'];
    const select = format.select({ header, has: (name) => header.includes(name), col: (name) => `"${name}"`, timezoneParam: '$timezone', platformParam: null, dayMonthSwapped: false });
    const sql = [...Object.values(select.columns), ...(select.rejectWhen ?? []).map((rule) => rule.when)].join('\n');
    expect(sql).not.toContain('DROP TABLE');
    expect(sql).not.toContain('OR 1=1');
    expect(sql).not.toContain("tw'itter");
    expect(select.params).toMatchObject({ generic_date_format: "%Y'; DROP TABLE posts; --", generic_kind_key_0: "x' or 1=1", generic_platform_key_0: "tw'itter" });
  });
});

describe('generic: named date formats and a platform column', () => {
  test('iso (with and without offset), epoch, epoch_ms; platform values translated', async () => {
    const csv = mappingFile(
      [
        'id,who,when,secs,ms,net',
        '1,@A,2025-03-30 14:05,1743343500,1743343500000,X',
        '2,b,2025-03-30T14:05:00Z,1743343500,1743343500000,FB',
        '3,c,2025-03-30T14:05:00+02:00,,,Instagram',
        '4,d,2025-03-30,,,',
        '5,e,2025-03-30 02:30,,,X',
      ].join('\n'),
    );
    const base = { columns: { id: 'id', author: 'who', date: 'when' }, platform: { column: 'net', values: { FB: 'facebook' } } };
    const iso = await runFormat(genericFormat(parseGenericMapping(base, 'm.yaml'), 'm.yaml'), csv, { timezone: 'Europe/Madrid', platform: 'tiktok' });
    expect(column(iso, 'created_at')).toEqual(['2025-03-30T12:05:00Z', '2025-03-30T14:05:00Z', '2025-03-30T12:05:00Z', '2025-03-29T23:00:00Z', '2025-03-30T01:30:00Z']);
    expect(column(iso, 'platform')).toEqual(['twitter', 'facebook', 'instagram', 'tiktok', 'twitter']);
    // Only the local time in the skipped hour is warned about; text with its own offset never is.
    expect(iso.rows.map((row) => row.warnings.length)).toEqual([0, 0, 0, 0, 1]);
    const epoch = await runFormat(genericFormat(parseGenericMapping({ ...base, columns: { ...base.columns, date: 'secs' }, date: { format: 'epoch' } }, 'm.yaml'), 'm.yaml'), csv);
    expect(column(epoch, 'created_at').slice(0, 2)).toEqual(['2025-03-30T14:05:00Z', '2025-03-30T14:05:00Z']);
    const epochMs = await runFormat(genericFormat(parseGenericMapping({ ...base, columns: { ...base.columns, date: 'ms' }, date: { format: 'epoch_ms' } }, 'm.yaml'), 'm.yaml'), csv);
    expect(column(epochMs, 'created_at').slice(0, 2)).toEqual(['2025-03-30T14:05:00Z', '2025-03-30T14:05:00Z']);
  });
});

describe('generic: mapping errors name the file and the key path', () => {
  test('a missing required key', () => {
    expect(errorOf(() => parseGenericMapping({ columns: { author: 'a', date: 'd' } }, 'm.yaml'))).toBe('m.yaml: columns.id: is required (expected string).');
  });

  test('a platform no config can name, fixed or in a value map, with the closest known one', () => {
    // A specifier DuckDB does not read stopped the import with its own error; refused naming the key, those it reads kept.
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, date: { format: '%d/%m/%Y %Q' } }, 'm.yaml'))).toMatch(/^m\.yaml: date\.format: "%Q" is not a specifier dates are read with;/);
    expect(parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, date: { format: '%-d/%-m/%y %-I:%M %p 100%%' } }, 'm.yaml').date.format).toBe('%-d/%-m/%y %-I:%M %p 100%%');
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, platform: 'instagrm' }, 'm.yaml'))).toMatch(
      /^m\.yaml: platform: "instagrm" is not a platform replybench knows; did you mean instagram\? \(use one of twitter, facebook, instagram, /,
    );
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, platform: { column: 'net', values: { Zentel: 'twiter' } } }, 'm.yaml'))).toMatch(
      /^m\.yaml: platform\.values\.Zentel: "twiter" is not a platform replybench knows; did you mean twitter\?/,
    );
    // A synonym is a platform: X is Twitter.
    expect(parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, platform: 'X' }, 'm.yaml').platform).toBe('X');
  });

  test('a kind that is not one of the five', () => {
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, kind: { column: 'k', values: { RT: 'retweet' } } }, 'm.yaml'))).toBe(
      'm.yaml: kind.values.RT: use one of post, reply, repost, quote, comment.',
    );
  });

  test('an unknown key, a bad timezone, a date format without directives', () => {
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd', txt: 't' } }, 'm.yaml'))).toBe(
      `m.yaml: columns: unknown key "txt"; see docs/formats.md, "generic".`,
    );
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, date: { timezone: 'Madrid' } }, 'm.yaml'))).toBe(
      'm.yaml: date.timezone: not a known IANA timezone (e.g. UTC, Europe/Madrid).',
    );
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd' }, date: { format: 'dd/mm/yyyy' } }, 'm.yaml'))).toBe(
      'm.yaml: date.format: use iso, epoch, epoch_ms or a strptime pattern such as "%d/%m/%Y %H:%M".',
    );
  });

  test('a mapped column the file does not have', () => {
    const mapping = parseGenericMapping({ columns: { id: 'Nº', author: 'Usuario', date: 'Fecha', parentUrl: 'Padre' } }, 'm.yaml');
    expect(errorOf(() => genericFormat(mapping, 'm.yaml').requiredColumns(['Nº', 'Usuario', 'Fecha', 'Texto']))).toBe(
      'm.yaml: columns.parentUrl: column "Padre" is not in the file\'s header (it has: Nº, Usuario, Fecha, Texto). Fix the column name in the mapping.',
    );
  });

  test('YAML syntax errors give line and column; a missing file says so', () => {
    const path = mappingFile('columns:\n  id: Nº\n  author: [unclosed\n');
    expect(errorOf(() => loadGenericMapping(path))).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML: `));
    expect(errorOf(() => loadGenericMapping('/nonexistent/mapping.yaml'))).toBe('/nonexistent/mapping.yaml: mapping file not found. Check the path given to --mapping.');
  });

  test('generic is never detected from a header', () => {
    const mapping = parseGenericMapping({ columns: { id: 'id', author: 'a', date: 'd' } }, 'm.yaml');
    expect(genericFormat(mapping, 'm.yaml').matches(['id', 'a', 'd'])).toBe(false);
  });
});

describe('generic: a separate time column, the user replied to, the conversation', () => {
  const THREADS = `${FIXTURES}/generic_threads.mapping.yaml`;
  const THREAD_DATA = `${FIXTURES}/generic_threads.csv`;

  test('date + time read in the mapping timezone; inReplyToUser makes a reply with reply_to_user; thread kept', async () => {
    const mapping = loadGenericMapping(THREADS);
    const mapped = await runFormat(genericFormat(mapping, THREADS), THREAD_DATA, { delimiter: ';' });
    expect(column(mapped, 'created_at')).toEqual(['2024-10-09T12:00:00Z', '2024-10-09T12:20:00Z', '2024-10-09T12:45:00Z', '2024-10-09T12:50:00Z', '2024-10-09T13:05:00Z']);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'reply', 'reply', 'reply']);
    expect(column(mapped, 'reply_to_user')).toEqual([null, 'jane_doe', 'acmehelp', 'jane_doe', 'bystander_bo']);
    expect(column(mapped, 'thread_id')).toEqual(['501', '501', '501', '501', '501']);
    expect(column(mapped, 'parent_id')).toEqual([null, null, null, null, null]);
    expect(column(mapped, 'raw_date')[4]).toBe('2024-10-09 3:05 PM');
  });

  test('Excel serial dates (numbers in a date column) read as local time, with or without a pattern', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'replybench-serial-')), 'serial.csv');
    writeFileSync(data, 'id,who,when,at\n1,a,45882.75,\n2,a,45882,09:30\n3,a,13/08/2025,09:30\n');
    for (const format of ['iso', '%d/%m/%Y']) {
      const mapping = parseGenericMapping({ columns: { id: 'id', author: 'who', date: 'when', time: 'at' }, date: { format }, platform: 'twitter' }, 'inline.yaml');
      const mapped = await runFormat(genericFormat(mapping, 'inline.yaml'), data, { timezone: 'Europe/Madrid' });
      expect(column(mapped, 'created_at')).toEqual(['2025-08-13T16:00:00Z', '2025-08-13T07:30:00Z', format === 'iso' ? null : '2025-08-13T07:30:00Z']);
    }
  });

  test('a Reddit comment URL in the url column makes a comment in the post’s thread', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'replybench-reddit-')), 'reddit.csv');
    writeFileSync(data, 'id,who,when,link\nabc,jane,2025-08-13 10:00,https://www.reddit.com/r/acme/comments/1mp2x7q/comment/n8k2a1b/\n');
    const mapping = parseGenericMapping({ columns: { id: 'id', author: 'who', date: 'when', url: 'link' } }, 'inline.yaml');
    const mapped = await runFormat(genericFormat(mapping, 'inline.yaml'), data);
    expect(mapped.rows.map((row) => [row.platform, row.kind, row.thread_id, row.parent_id])).toEqual([['reddit', 'comment', '1mp2x7q', null]]);
  });

  test('without a kind column, an old-style retweet ("RT @brand: ...") is a repost, not a mention to answer; a kind column still decides', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'replybench-rt-')), 'rt.csv');
    writeFileSync(
      data,
      'id,who,when,text,type\n1,ana,2025-08-13 10:00,@AcmeCares my bill is wrong,Tweet\n2,bo,2025-08-13 10:05,"RT @ana: @AcmeCares my bill is wrong",Tweet\n3,cai,2025-08-13 10:06,"RT this if you agree @AcmeCares",Tweet\n',
    );
    const plain = parseGenericMapping({ columns: { id: 'id', author: 'who', date: 'when', text: 'text' }, platform: 'twitter' }, 'inline.yaml');
    expect(column(await runFormat(genericFormat(plain, 'inline.yaml'), data), 'kind')).toEqual(['post', 'repost', 'post']);
    // A row that answers a post is a reply, whatever its text starts with.
    const replies = join(mkdtempSync(join(tmpdir(), 'replybench-rt-')), 'replies.csv');
    writeFileSync(replies, 'id,who,when,text,parent\n1,ana,2025-08-13 10:00,@AcmeCares my bill,\n2,acmecares,2025-08-13 10:05,"RT @ana: sorry, DM us",1\n');
    const threaded = parseGenericMapping({ columns: { id: 'id', author: 'who', date: 'when', text: 'text', parentId: 'parent' }, platform: 'twitter' }, 'inline.yaml');
    expect(column(await runFormat(genericFormat(threaded, 'inline.yaml'), replies), 'kind')).toEqual(['post', 'reply']);
    const typed = parseGenericMapping({ columns: { id: 'id', author: 'who', date: 'when', text: 'text' }, platform: 'twitter', kind: { column: 'type', values: { Tweet: 'post' } } }, 'inline.yaml');
    expect(column(await runFormat(genericFormat(typed, 'inline.yaml'), data), 'kind')).toEqual(['post', 'post', 'post']);
  });

  test('a separate time column cannot go with epoch dates', () => {
    expect(errorOf(() => parseGenericMapping({ columns: { id: 'i', author: 'a', date: 'd', time: 't' }, date: { format: 'epoch' } }, 'm.yaml'))).toBe(
      'm.yaml: columns.time: a separate time column cannot be read with date.format epoch; use iso or a strptime pattern for the date column.',
    );
  });
});
