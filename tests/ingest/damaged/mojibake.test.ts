/**
 * Issue 15, damaged text: UTF-8 that Excel read as Windows-1252 ("Letâ€™s")
 * is repaired row by row, counted with its first line, and a damaged copy of
 * a post is the same post as its clean copy (the clean text is kept, no
 * conflict is reported). The store is compared row by row with the clean
 * file parsed by papaparse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOJIBAKE_LOST_REASON, MOJIBAKE_REASON, repairMojibake, spreadsheetDamage } from '../../../src/ingest/mojibake.js';
import { noticeText } from '../../../src/ingest/notices.js';
import { importOne, openStore, rejects, tempFile } from '../helpers.js';
import { DAMAGED, expectedTwcsPosts, SAMPLE, SAMPLE_TEXT, storedTwcsPosts } from './expected.js';

const DAMAGED_FILE = join(DAMAGED, 'excel-mojibake.csv');
const DAMAGED_TEXT = readFileSync(DAMAGED_FILE, 'utf8');

/** The file line that starts the record of `id` (the sample has no line break inside a record before it). */
function lineOf(csv: string, id: string): number {
  return csv.split('\n').findIndex((line) => line.startsWith(`${id},`)) + 1;
}

describe('text damaged by a spreadsheet (mojibake)', () => {
  it('is repaired row by row and counted in one warning with its first line', async () => {
    expect(DAMAGED_TEXT).toContain('Iâ€™ve a concern');
    const store = await openStore();
    const result = await importOne(store, DAMAGED_FILE);
    // 15 texts of the sample have characters beyond ASCII; 119237 is the first of them in the file.
    expect(result).toMatchObject({ rowsRead: 93, imported: 93, rejected: 0, conflicts: 0 });
    expect(result.warnings).toEqual([`15 rows: ${MOJIBAKE_REASON} (first at line ${lineOf(DAMAGED_TEXT, '119237')})`]);
    expect(await storedTwcsPosts(store)).toEqual(expectedTwcsPosts(SAMPLE_TEXT));
  });

  it('keeps the clean copy, with no conflict, whichever of the two copies comes first', async () => {
    const cleanFirst = await openStore();
    await importOne(cleanFirst, SAMPLE);
    const damagedAfter = await importOne(cleanFirst, DAMAGED_FILE);
    expect(damagedAfter).toMatchObject({ imported: 0, duplicates: 93, conflicts: 0 });
    expect(damagedAfter.warnings.some((warning) => warning.includes('another author, date or text'))).toBe(false);
    expect(await storedTwcsPosts(cleanFirst)).toEqual(expectedTwcsPosts(SAMPLE_TEXT));

    // A store that holds the damaged text (imported before the repair existed) takes the clean copy's text.
    const old = await openStore();
    await importOne(old, DAMAGED_FILE);
    const damagedTexts = expectedTwcsPosts(DAMAGED_TEXT);
    for (const post of damagedTexts) await old.run("UPDATE posts SET text = $text WHERE platform = 'twitter' AND post_id = $id", { text: post.text, id: post.post_id });
    // The clean export, but with one ASCII text really changed.
    const clean = await importOne(old, tempFile('clean-again.csv', SAMPLE_TEXT.replace('I wish Amazon', 'I really wish Amazon')));
    expect(clean.warnings.some((warning) => warning.includes('another author, date or text'))).toBe(true);
    const stored = await storedTwcsPosts(old);
    // Every damaged text was healed to the clean one; the real difference is reported and the stored text kept.
    expect(stored).toEqual(expectedTwcsPosts(SAMPLE_TEXT));
  });

  it('merges a damaged and a clean copy inside one file into one post, the clean text kept', async () => {
    const lines = SAMPLE_TEXT.split('\n');
    const damagedLine = DAMAGED_TEXT.split('\n')[lineOf(DAMAGED_TEXT, '119250') - 1] ?? '';
    const both = [...lines.slice(0, -1), damagedLine, ''].join('\n');
    const store = await openStore();
    const result = await importOne(store, tempFile('both.csv', both));
    expect(result).toMatchObject({ rowsRead: 94, imported: 93, duplicates: 1, conflicts: 0 });
    expect(await rejects(store)).toEqual([]);
    expect(await storedTwcsPosts(store)).toEqual(expectedTwcsPosts(SAMPLE_TEXT));
  });

  it('says which texts hold characters the spreadsheet lost, beyond repair, apart from those it repaired', async () => {
    // "Á" is C3 81; Windows-1252 has no character for 0x81, so Excel kept "Ã" and lost the rest ("\uFFFD").
    const rows = [
      ['1', 'ana', 'Tue Oct 10 10:00:00 +0000 2017', '@AcmeCares Letâ€™s talk, ÃNGEL here'],
      ['2', 'bob', 'Tue Oct 10 11:00:00 +0000 2017', '@AcmeCares Ã\uFFFDngel again'],
      ['3', 'cid', 'Tue Oct 10 12:00:00 +0000 2017', '@AcmeCares it\u2019s a � in the original'],
    ];
    const csv = `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n${rows.map(([id, author, at, text]) => `${id},${author},True,${at},"${text}",,`).join('\n')}\n`;
    const store = await openStore();
    const result = await importOne(store, tempFile('lost.csv', csv));
    expect(result.warnings).toEqual([`1 row: ${MOJIBAKE_LOST_REASON} (first at line 3)`, `1 row: ${MOJIBAKE_REASON} (first at line 2)`]);
    expect(result.notices.map((notice) => noticeText(notice, 'es'))[0]).toMatch(/^1 fila: texto dañado por una hoja de cálculo sin reparación posible: /);
    // The repairable part is repaired, the lost character is left as the file has it: nothing is invented.
    const texts = (await storedTwcsPosts(store)).map((post) => post.text);
    expect(texts).toEqual(['@AcmeCares Let’s talk, ÃNGEL here', '@AcmeCares Ã\uFFFDngel again', '@AcmeCares it’s a � in the original']);
  });

  it('takes the clean copy of a text damaged beyond repair, whichever comes first, with no conflict', async () => {
    const clean = [['1', 'ana', 'Tue Oct 10 10:00:00 +0000 2017', '@AcmeCares ÁNGEL y Éric, ¿qué tal?']];
    const file = (rows: string[][], name: string) =>
      tempFile(name, `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n${rows.map(([id, author, at, text]) => `${id},${author},True,${at},"${text}",,`).join('\n')}\n`);
    const damaged = clean.map(([id, author, at, text]) => [id ?? '', author ?? '', at ?? '', spreadsheetDamage(text ?? '')]);
    expect(damaged[0]?.[3]).toBe('@AcmeCares Ã\uFFFDNGEL y Ã‰ric, Â¿quÃ© tal?');
    for (const order of [[damaged, clean], [clean, damaged]]) {
      const store = await openStore();
      await importOne(store, file(order[0] ?? [], 'first.csv'));
      const second = await importOne(store, file(order[1] ?? [], 'second.csv'));
      expect(second.warnings.filter((warning) => warning.includes('another author, date or text'))).toEqual([]);
      expect((await storedTwcsPosts(store)).map((post) => post.text)).toEqual(['@AcmeCares ÁNGEL y Éric, ¿qué tal?']);
    }
  });

  it('keeps the clean copy of a post the same file also holds damaged beyond repair, as one post, in either order', async () => {
    const clean = '@AcmeCares ÁNGEL y Éric, ¿qué tal?';
    for (const texts of [[spreadsheetDamage(clean), clean], [clean, spreadsheetDamage(clean)]]) {
      const store = await openStore();
      const csv = `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n${texts.map((text) => `1,ana,True,Tue Oct 10 10:00:00 +0000 2017,"${text}",,`).join('\n')}\n`;
      const result = await importOne(store, tempFile('both.csv', csv));
      expect(result).toMatchObject({ imported: 1, duplicates: 1, repeatedInFile: 1, conflicts: 0 });
      expect((await storedTwcsPosts(store)).map((post) => post.text)).toEqual([clean]);
    }
  });

  it('leaves text alone that only looks like it: a run that is not UTF-8', () => {
    for (const text of ['NÃO', 'voilà…', 'Â', '£5 and ±2', 'ÀÉÎÕÜ ß', 'plain ASCII']) expect(repairMojibake(text)).toBe(text);
    expect(repairMojibake('Letâ€™s go, cafÃ©, ðŸ˜Š, Â¿quÃ©?')).toBe('Let’s go, café, 😊, ¿qué?');
  });

  // Each of these is valid UTF-8 and also matches the pattern: "ß“" are the bytes of a NKo letter read as Windows-1252.
  const VALID = ['„Viel Spaß“ beim Warten', 'Grüß…', 'COLIS LIVRÉ\u00a0!', 'NO PASÓ…', 'un «\u00a0café…»', 'ATÉ AMANHÃ…', 'IRMÃ“', 'HYVÄÄ PÄIVÄ…', 'VI SES PÅ…'];

  it('leaves valid text alone that a lone sequence would turn into a letter no damaged text comes from, and repairs the same letters damaged', () => {
    for (const text of VALID) expect(repairMojibake(text)).toBe(text);
    for (const text of [...VALID, 'Привет, złoty, 日本, ✅, ß“', 'Việt Nam, phở, cà phê sữa', 'Șef, ţară, İstanbul', 'ACCIÓN', 'Espan\u0303a, ə, ǎ', '\ufeffhola']) {
      expect(repairMojibake(spreadsheetDamage(text))).toBe(text);
    }
    // The price: a lone damaged capital at a word's end before such punctuation is left as written, as valid "AMANHÃ…" is;
    // beside other damage in the text it is repaired.
    expect(repairMojibake('PÃ…')).toBe('PÃ…');
    expect(repairMojibake('PÃ… cafÃ©')).toBe('PÅ café');
  });

  it('imports such valid text as it is, with no warning', async () => {
    const csv = `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n${VALID.map((text, index) => `${index + 1},ana,True,Tue Oct 10 10:00:00 +0000 2017,"${text}",,`).join('\n')}\n`;
    const store = await openStore();
    const result = await importOne(store, tempFile('valid.csv', csv));
    expect(result).toMatchObject({ imported: VALID.length, rejected: 0, warnings: [] });
    expect((await storedTwcsPosts(store)).map((post) => post.text)).toEqual(VALID);
  });
});
