import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPosts, DATE, FIXTURES, importOne, openStore, rejects, tempFile, twcsCsv } from './helpers.js';
import { fileSummary } from '../../src/cli/commands/import-summary.js';
import { headerCandidates } from '../../src/ingest/source/layout.js';
import { lineEndsChangeAtHeader } from '../../src/ingest/staging.js';
import { refuseUnreadRecords } from '../../src/ingest/import-file.js';
import { SAMPLE_TEXT, storedTwcsPosts } from './damaged/expected.js';

const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

describe('layouts', () => {
  it.each([
    [';', 'semicolon'],
    ['\t', 'TAB'],
  ])('detects the %s delimiter (%s)', async (delimiter) => {
    const store = await openStore();
    const text = [HEADER, `1,Cliente,True,${DATE},"hola, qué tal; bien",,`, `2,Acme,False,${DATE},gracias,,1`].map((line) => line.replace(/,/g, delimiter)).join('\n');
    // The quoted text keeps its delimiter characters as text.
    const path = tempFile('delimited.csv', text);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    const posts = await allPosts(store);
    expect(posts[0]?.text).toBe(`hola${delimiter} qué tal; bien`);
    expect(posts[1]?.parent_id).toBe('1');
  });

  it.each([
    [';', ','],
    [',', ';'],
    ['|', ','],
  ])('reads the delimiter Excel names on a first line sep=%s, the header on the line after it', async (delimiter, other) => {
    const store = await openStore();
    // The text holds the other delimiter more often than the named one: only the sep= line says which splits the file.
    const rows = [HEADER.split(','), ['1', 'Cliente', 'True', DATE, `a${other}b${other}c${other}d`, '', ''], ['2', 'Acme', 'False', DATE, 'ok', '', '1'], ['3', 'Cliente', 'True', 'not a date', 'x', '', '']];
    const text = `\uFEFFsep=${delimiter}\r\n${rows.map((cells) => cells.join(delimiter)).join('\r\n')}\r\n`;
    const result = await importOne(store, tempFile('sep.csv', text));
    expect(result).toMatchObject({ rowsRead: 3, imported: 2, rejected: 1 });
    expect((await allPosts(store)).map((post) => [post.post_id, post.text, post.parent_id])).toEqual([
      ['1', `a${other}b${other}c${other}d`, null],
      ['2', 'ok', '1'],
    ]);
    // Line 1 is sep=, line 2 the header.
    expect((await rejects(store)).map((reject) => reject.line)).toEqual([5]);
  });

  it('judges the delimiter on the header, not on rows of data after empty lines that hold another one', async () => {
    const text = ['id,user,when,body', '1,ana,2017-10-11 06:55:00,hello', '', '2,bea,2017-10-11 06:56:00,ok', '', '3,cid,2017-10-11 06:57:00,"a; b; c; d; e; f; g"'].join('\n');
    const [first] = headerCandidates(text, true);
    expect(first).toEqual({ delimiter: ',', line: 1, cells: ['id', 'user', 'when', 'body'] });
  });

  it('keeps a bare carriage return inside an unquoted field as text', async () => {
    const store = await openStore();
    const path = tempFile('cr.csv', `${HEADER}\n1,Cliente,True,${DATE},first\rsecond,,\n2,Acme,False,${DATE},ok,,1\n`);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    expect(result.warnings.join(' ')).toContain('1 carriage return inside fields kept as text');
    expect((await allPosts(store))[0]?.text).toBe('first\rsecond');
  });

  it('keeps in a rejected row\'s raw text the bare carriage return its file holds', async () => {
    const store = await openStore();
    const row = `2,b,True,${DATE},"has a CR\rinside",,1,EXTRA`;
    const result = await importOne(store, tempFile('cr-rejected.csv', `${HEADER}\n1,a,True,${DATE},ok,,\n${row}\n`));
    expect(result).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1 });
    expect((await rejects(store)).map((reject) => [reject.line, reject.raw])).toEqual([[3, row]]);
  });

  it('reads a file whose line ends are bare carriage returns (old Mac)', async () => {
    const store = await openStore();
    const result = await importOne(store, tempFile('mac.csv', twcsCsv([['1', 'a', DATE, 'x', ''], ['2', 'b', DATE, 'y', '1']], '\r')));
    expect(result).toMatchObject({ rowsRead: 2, imported: 2 });
  });

  it('reads a file whose line ends are CR CR LF (a CSV writer on Windows through a text-mode file) as it reads the same file with CRLF, with a note', async () => {
    // The Kaggle sample: its row ends become CR CR LF, and the line breaks inside its quoted texts CR LF, as such a writer leaves them.
    const doubled = SAMPLE_TEXT.replace(/\r?\n/g, '\r\n').replace(/\r\n/g, '\r\r\n');
    const store = await openStore();
    const result = await importOne(store, tempFile('doubled.csv', doubled));
    expect(result).toMatchObject({ rowsRead: 93, imported: 93, rejected: 0 });
    expect(result.warnings).toContain("the file's line ends are CR CR LF (a Windows line end written twice, as a program writing CSV on Windows can): each read as one line end");
    const plain = await openStore();
    await importOne(plain, tempFile('plain.csv', SAMPLE_TEXT.replace(/\r?\n/g, '\r\n')));
    // Row by row the same posts, parents linked; no id ends in a carriage return.
    expect(await storedTwcsPosts(store)).toEqual(await storedTwcsPosts(plain));
    expect((await storedTwcsPosts(store)).filter((post) => /\r/.test(`${post.post_id}${post.parent_id ?? ''}`))).toEqual([]);
  });

  it('tells CR CR LF row ends from CR CR LF inside texts, and keeps a bare CR of a text in a CR CR LF file', async () => {
    // CR CR LF row ends, one text holding a bare CR: read as CR CR LF, not as an old Mac file; the text keeps its CR.
    const rows = [HEADER, `1,a,True,${DATE},"bare\rcr",,`, `2,b,True,${DATE},y,,1`];
    const doubled = await openStore();
    expect(await importOne(doubled, tempFile('doubled-cr.csv', `${rows.join('\r\r\n')}\r\r\n`))).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    expect((await allPosts(doubled)).map((post) => [post.text, post.parent_id])).toEqual([
      ['bare\rcr', null],
      ['y', '1'],
    ]);
    // CRLF row ends, and texts each holding CR CR LF line breaks, more of them than rows: the texts are kept as they are.
    const texts = [HEADER, `1,a,True,${DATE},"one\r\r\ntwo\r\r\nthree",,`, `2,b,True,${DATE},"x\r\r\ny\r\r\nz",,1`];
    const crlf = await openStore();
    const result = await importOne(crlf, tempFile('crlf-texts.csv', `${texts.join('\r\n')}\r\n`));
    expect(result).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    expect(result.warnings.join(' ')).not.toContain('CR CR LF');
    expect((await allPosts(crlf)).map((post) => post.text)).toEqual(['one\r\r\ntwo\r\r\nthree', 'x\r\r\ny\r\r\nz']);
  });

  it('reads an old Mac file whose texts hold more line breaks (LF) than it has rows', async () => {
    const rows = [HEADER, `1,a,True,${DATE},"a\nb\nc\nd",,`, `2,b,True,${DATE},"e\nf\ng\nh",,1`];
    const store = await openStore();
    expect(await importOne(store, tempFile('mac-many-lf.csv', `${rows.join('\r')}\r`))).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['a\nb\nc\nd', 'e\nf\ng\nh']);
  });

  it('reads an old Mac file (CR line ends) whose quoted texts keep a line break as LF, and one in UTF-16', async () => {
    // Excel for Mac's "CSV (Macintosh)": rows end in CR, a cell's line break stays LF.
    const rows = [HEADER, `1,a,True,${DATE},"two\nlines",,`, `2,b,True,${DATE},y,,1`, `3,c,True,${DATE},z,,`];
    const store = await openStore();
    const result = await importOne(store, tempFile('mac-lf.csv', `${rows.join('\r')}\r`));
    expect(result).toMatchObject({ rowsRead: 3, imported: 3, rejected: 0 });
    expect((await allPosts(store)).map((post) => [post.post_id, post.text, post.parent_id])).toEqual([
      ['1', 'two\nlines', null],
      ['2', 'y', '1'],
      ['3', 'z', null],
    ]);
    // UTF-16 with its byte-order mark and CR line ends only; the emoji's second half holds a 0x0A byte (DE0A), which is no line feed.
    const utf16 = await openStore();
    const plain = [HEADER, `1,a,True,${DATE},café 😊,,`, `2,b,True,${DATE},y,,1`].join('\r');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${plain}\r`, 'utf16le')]);
    expect(await importOne(utf16, tempFile('mac-utf16.csv', bytes))).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    expect((await allPosts(utf16)).map((post) => post.text)).toEqual(['café 😊', 'y']);
  });

  it('reads a file with a title line right above its header, ending in LF above CRLF lines, whole', async () => {
    // DuckDB's reader returned no row of such a file, without an error, when told to skip the title.
    const store = await openStore();
    const crlf = SAMPLE_TEXT.replace(/\r?\n/g, '\r\n');
    const result = await importOne(store, tempFile('titled.csv', `Customer care export - October 2017\n${crlf}`));
    expect(result).toMatchObject({ rowsRead: 93, imported: 93, rejected: 0 });
    // Row by row as the same file without its title, the texts' CRLF line breaks kept: only the title's line end changed.
    const plain = await openStore();
    await importOne(plain, tempFile('untitled.csv', crlf));
    expect(await storedTwcsPosts(store)).toEqual(await storedTwcsPosts(plain));
    expect(result.warnings.join(' ')).not.toContain('line ends');
    expect(lineEndsChangeAtHeader('Title\nid,text\r\n1,a\r\n', 2)).toBe(true);
    expect(lineEndsChangeAtHeader('Title\r\nid,text\r\n1,a\r\n', 2)).toBe(false);
    expect(lineEndsChangeAtHeader('id,text\r\n1,a\n', 1)).toBe(false);
    // Should the reader return no row of a file whose records the shape pass counted, the file is refused, not imported empty.
    const shape = (records: number) => Promise.resolve({ records, longRecords: 0, maxRecordBytes: 10, maxRecordOffset: 0 });
    await expect(refuseUnreadRecords('x.csv', shape(93), 0)).rejects.toThrow('x.csv: none of the 93 records after its header could be read.');
    await expect(refuseUnreadRecords('x.csv', shape(0), 0)).resolves.toBeUndefined();
    await expect(refuseUnreadRecords('x.csv', shape(93), 93)).resolves.toBeUndefined();
  });

  it('reads an Excel for Mac "CSV (Macintosh)" file, CR line ends and Mac Roman letters, as Mac Roman, and says so', async () => {
    // Mac Roman: é 0x8E, ñ 0x96, ’ 0xD5, ¿ 0xC0; each would be another letter in Windows-1252.
    const macRoman: Record<string, number> = { é: 0x8e, ñ: 0x96, '’': 0xd5, '¿': 0xc0 };
    const encode = (text: string) => Buffer.from([...text].map((char) => macRoman[char] ?? char.charCodeAt(0)));
    const rows = [HEADER, `1,a,True,${DATE},¿qué tal? año,,`, `2,b,True,${DATE},you’re welcome,,1`];
    const store = await openStore();
    const result = await importOne(store, tempFile('mac-roman.csv', encode(`${rows.join('\r')}\r`)));
    expect(result).toMatchObject({ encoding: 'macintosh', rowsRead: 2, imported: 2, rejected: 0 });
    expect(result.warnings).toContain('the file is not valid UTF-8 and its lines end in CR, as Excel for Mac\'s "CSV (Macintosh)" writes: read as Mac Roman; check that accented letters look right');
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['¿qué tal? año', 'you’re welcome']);
  });

  it('reads a file that mixes CRLF and LF line ends', async () => {
    const store = await openStore();
    const path = tempFile('mixed.csv', `${HEADER}\n1,a,True,${DATE},x,,\r\n2,b,True,${DATE},y,,1\n3,c,True,${DATE},z,,\r\n`);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 3, imported: 3 });
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['x', 'y', 'z']);
  });

  it('reads a Windows (CRLF) file past a run of blank lines longer than the 2 MB line limit of the CSV reader, and says how it read it', async () => {
    const store = await openStore();
    const rows = [`1,a,True,${DATE},x,,`, `2,b,True,${DATE},y,,1`];
    const path = tempFile('blank-run.csv', `${HEADER}\r\n${rows[0]}\r\n${'\r\n'.repeat(1_100_000)}${rows[1]}\r\n`);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    expect(result.warnings).toContain("the reader stopped on the file's Windows (CRLF) line ends: read with every line end as LF");
    expect((await allPosts(store)).map((post) => [post.post_id, post.text, post.parent_id])).toEqual([
      ['1', 'x', null],
      ['2', 'y', '1'],
    ]);
  });

  it('reads a Windows-1252 file that mixes line ends and has a carriage return inside a field', async () => {
    const store = await openStore();
    const text = `${HEADER}\n1,a,True,${DATE},caf\xe9\rcr\xe8me,,\r\n2,b,True,${DATE},ni\xf1o,,1\n`;
    const result = await importOne(store, tempFile('legacy.csv', Buffer.from(text, 'latin1')));
    expect(result).toMatchObject({ encoding: 'windows-1252', rowsRead: 2, imported: 2 });
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['café\rcrème', 'niño']);
  });

  it('gives rejected rows their real line, counting quoted multi-line texts and empty lines', async () => {
    const store = await openStore();
    const lines = [
      HEADER, // 1
      `1,a,True,${DATE},"two`, // 2
      `lines",,`, // 3
      ``, // 4 (empty line)
      `,b,True,${DATE},no id,,`, // 5: missing id
      `3,c,True,${DATE},"three`, // 6
      ``, // 7 (inside the quotes: part of the text)
      `lines",,`, // 8
      `4,d,True,31/10/2017,bad date,,`, // 9: unparseable date
    ];
    const result = await importOne(store, tempFile('multiline.csv', `${lines.join('\n')}\n`));
    expect(result).toMatchObject({ rowsRead: 4, imported: 2, rejected: 2, rejectedByReason: { 'missing post id': 1, 'unparseable date': 1 } });
    const rows = await rejects(store);
    expect(rows.map((row) => [row.line, row.reason])).toEqual([
      [5, 'missing post id'],
      [9, 'unparseable date'],
    ]);
    expect(rows[1]?.raw).toBe(`4,d,True,31/10/2017,bad date,,`);
    // The summary quotes the first date it could not read, with its line, as docs/formats.md says.
    expect(result.firstUnreadDate).toEqual({ line: 9, raw: '31/10/2017' });
    expect(fileSummary(result)).toContain('2 rows rejected (missing post id (line 5); unparseable date (line 9: "31/10/2017"); listed in import_rejects, batch 1)');
    expect((await allPosts(store)).find((post) => post.post_id === '3')?.text).toBe('three\n\nlines');
  });

  it('skips and counts rows of only empty cells (Excel padding)', async () => {
    const store = await openStore();
    const padding = ',,,,,,\n'.repeat(1000);
    const path = tempFile('padded.csv', `${HEADER}\n1,a,True,${DATE},x,,\n,,,,,,\n2,b,True,${DATE},y,,1\n${padding} , ,,,,,\n`);
    const result = await importOne(store, path);
    // 2 posts, 1 padding row between them, 1000 after, and one of blanks and commas.
    expect(result).toMatchObject({ rowsRead: 1004, imported: 2, skippedBlank: 1002, rejected: 0 });
  });

  it('reads pandas re-saves: unnamed index columns, True/False, ids written as 3.0', async () => {
    const store = await openStore();
    const text = [
      `Unnamed: 0.1,Unnamed: 0,${HEADER}`,
      `0,0,119237,105834,True,${DATE},hello,119236.0,`,
      `1,1,119236,AppleSupport,False,${DATE},hi,,119237.0`,
    ].join('\n');
    const result = await importOne(store, tempFile('pandas.csv', text));
    expect(result).toMatchObject({ format: 'twcs', imported: 2 });
    const posts = await allPosts(store);
    expect(posts.map((post) => [post.post_id, post.parent_id])).toEqual([
      ['119236', '119237'],
      ['119237', null],
    ]);
  });

  it.each([
    ['a line of commas', []],
    ['an empty line, after another inside the metadata', ['', 'Downloaded:,2017-11-02']],
  ])('finds the header after metadata lines ended by %s (Brandwatch)', async (_, more) => {
    const store = await openStore();
    const header = 'Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,Author,Full Text,Thread Entry Type';
    const text = [
      'Report:,Acme mentions',
      'Brand:,Acme',
      '"Date range:","2017-10-01 - 2017-10-31"',
      ...more,
      more.length > 0 ? '' : ',,,,,,,,,,',
      header,
      '1,Acme,2017-10-31 22:10:47.0,,https://twitter.com/jane/status/111,twitter.com,neutral,twitter,jane,@Acme hello,post',
    ].join('\n');
    const result = await importOne(store, tempFile('brandwatch.csv', text));
    expect(result).toMatchObject({ format: 'brandwatch', rowsRead: 1, imported: 1 });
    expect((await allPosts(store))[0]).toMatchObject({ created_at: '2017-10-31T22:10:47Z', author: 'jane' });
  });

  it('pads rows shorter than the header and says how many', async () => {
    const store = await openStore();
    const path = tempFile('short.csv', `${HEADER}\n1,a,True,${DATE},x,,\n2,b,True,${DATE},y\n`);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 2, imported: 2 });
    expect(result.warnings).toContain('1 row had fewer cells than the header (7); the missing cells were read as empty (first at line 3)');
  });

  it('reads the real data in place (no rewrite) when it needs none', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twcs_kaggle_sample.csv'));
    expect(result.warnings).toEqual([]);
  });
});
