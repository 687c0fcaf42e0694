import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMeltwaterDates, formatTalkwalkerDate, madridParts } from '../../src/sample/clock.js';
import { generateSampleData, type SampleData } from '../../src/sample/generate.js';
import { renderSampleExports, SAMPLE_FILES } from '../../src/sample/index.js';
import { SAMPLE_DATA_DIR } from '../../src/sample/paths.js';
import { SHEET_COLUMNS } from '../../src/sample/writers/sheet.js';
import { loadGenericMapping } from '../../src/ingest/formats/generic.js';

type Rendered = ReturnType<typeof renderSampleExports>;

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../fixtures/sample', name));
const sha = (content: Buffer): string => createHash('sha256').update(content).digest('hex');
const parse = (text: string, delimiter: string): string[][] => Papa.parse<string[]>(text, { delimiter, newline: delimiter === '\t' ? '\n' : '\r\n', skipEmptyLines: true }).data;
const byName = (files: Rendered, name: string) => {
  const file = files.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`no ${name}`);
  return file;
};

let data: SampleData;
let files: Rendered;
beforeAll(() => {
  data = generateSampleData();
  files = renderSampleExports(data);
});

describe('sample exports are deterministic', () => {
  it('have the row counts docs/demo.md shows the demo printing', () => {
    const shown = readFileSync(join(import.meta.dirname, '../../docs/demo.md'), 'utf8');
    for (const file of files) expect(shown).toContain(`demo:       ${file.name}: ${file.rows.toLocaleString('en-US')} rows`);
  });


  it('gives byte-identical files for the same seed, whatever the machine timezone', () => {
    const again = renderSampleExports(generateSampleData());
    expect(again.map((file) => sha(file.content))).toEqual(files.map((file) => sha(file.content)));
  });

  it('matches the checksums committed in sample-data/SHA256SUMS (after a deliberate change: npx tsx tests/sample/update-sums.ts)', () => {
    const pinned = Object.fromEntries(
      readFileSync(join(SAMPLE_DATA_DIR, 'SHA256SUMS'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const [hash, name] = line.split(/\s+/);
          return [name, hash];
        }),
    );
    expect(Object.fromEntries(files.map((file) => [file.name, sha(file.content)]))).toEqual(pinned);
  });

  it('gives other files for another seed', () => {
    const other = renderSampleExports(generateSampleData('another seed'));
    for (const [index, file] of other.entries()) expect(sha(file.content)).not.toBe(sha(files[index]?.content ?? Buffer.alloc(0)));
  });
});

describe('sample exports are in the formats they claim', () => {
  it('writes the four files of SAMPLE_FILES, each with data', () => {
    expect(files.map((file) => [file.name, file.format])).toEqual(SAMPLE_FILES.map((file) => [file.name, file.format]));
    for (const file of files) expect(file.rows).toBeGreaterThan(3000);
  });

  it('twcs: the Kaggle header, 7 cells a row, CRLF, Twitter API dates and escaped text', () => {
    const file = byName(files, 'vireo-twitter-care.csv');
    const text = file.content.toString('utf8');
    const realHeader = fixture('twcs_kaggle.csv').toString('utf8').split('\r\n')[0];
    expect(text.split('\r\n')[0]).toBe(realHeader);
    const rows = parse(text, ',');
    expect(rows.length - 1).toBe(file.rows);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(7);
      expect(row[0]).toMatch(/^\d{18,19}$/);
      expect(row[2]).toMatch(/^(True|False)$/);
      expect(row[3]).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0000 20\d{2}$/);
      expect(row[5]).toMatch(/^(\d+(,\d+)*)?$/);
      expect(row[6]).toMatch(/^(\d+)?$/);
    }
    expect(text).toContain('My Line &gt; Settings');
    expect(text).not.toContain('My Line > Settings');
  });

  it('Talkwalker: the real 93-column header, local dd/mm/yy dates, parent_url, flags and the profile', () => {
    const file = byName(files, 'facebook-talkwalker.csv');
    const text = file.content.toString('utf8');
    const realHeader = fixture('talkwalker.csv').toString('utf8').split('\r\n')[0];
    expect(text.split('\r\n')[0]).toBe(realHeader);
    const [header = [], ...rows] = parse(text, ',');
    expect(header).toHaveLength(93);
    expect(rows.length).toBe(file.rows);
    const column = (name: string) => header.indexOf(name);
    const tags = new Set<string>();
    for (const row of rows) {
      expect(row).toHaveLength(93);
      expect(row[column('published')]).toMatch(/^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(row[column('url')]).toMatch(/^https:\/\/www\.facebook\.com\//);
      expect(row[column('parent_url')]).toMatch(/^https:\/\/www\.facebook\.com\//);
      expect(row[column('matched_profile')]).toMatch(/^SEARCH \/ {2}\/ (Vireo Telecom|Telbo|Ondanet|Kwikly Mobile|Zentel)$/);
      expect(row[column('source_type')]).toBe('SOCIALMEDIA,SOCIALMEDIA_FACEBOOK');
      tags.add(row[column('tags_internal')] ?? '');
    }
    const allowed = ['', 'isQuestion', 'isComment', 'isComment,isQuestion', 'isComment,isRepost', 'isComment,isRepost,isQuestion'];
    for (const tag of tags) expect(allowed).toContain(tag);
    for (const tag of ['', 'isComment', 'isComment,isRepost']) expect(tags).toContain(tag);
    expect(text).toContain('My Line > Settings');
  });

  it('Meltwater: UTF-16LE with a byte-order mark, TAB separated, the real 52 columns, quoted ids, Parent URL', () => {
    const file = byName(files, 'competitors-twitter-meltwater.tsv');
    expect([...file.content.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const real = fixture('meltwater.tsv');
    expect([...real.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = file.content.subarray(2).toString('utf16le');
    expect(text.split('\n')[0]).toBe(real.subarray(2).toString('utf16le').split('\n')[0]);
    const lines = text.split('\n').filter(Boolean);
    expect(lines.length - 1).toBe(file.rows);
    const header = (lines[0] ?? '').split('\t');
    const column = (name: string) => header.indexOf(name);
    let replies = 0;
    for (const line of lines.slice(1)) {
      const cells = line.split('\t');
      expect(cells).toHaveLength(52);
      expect(cells[column('Date')]).toMatch(/^\d{2}-[A-Z][a-z]{2}-20\d{2} (0\d|1[0-2]):\d{2}(AM|PM)$/);
      expect(cells[column('Tweet Id')]).toMatch(/^"""\d{18,19}"""$/);
      expect(cells[column('Document ID')]).toMatch(/^"""\d{13}_[A-Za-z0-9]{28}"""$/);
      expect(cells[column('Source')]).toBe('Twitter');
      expect(cells[column('Influencer')]).toMatch(/^@[a-z0-9_]+$/);
      if (cells[column('Parent URL')]) replies++;
    }
    expect(replies).toBeGreaterThan(1000);
  });

  it('Instagram sheet: Excel\'s CSV UTF-8 (BOM, semicolons, CRLF) with the columns its mapping names', () => {
    const file = byName(files, 'instagram-sheet.csv');
    expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = parse(file.content.subarray(3).toString('utf8'), ';');
    expect(header).toEqual([...SHEET_COLUMNS]);
    expect(rows.length).toBe(file.rows);
    const mapping = loadGenericMapping(join(SAMPLE_DATA_DIR, file.mapping ?? ''));
    for (const column of Object.values(mapping.columns)) expect(header).toContain(column);
    const ids = new Set(rows.map((row) => row[0]));
    for (const row of rows) {
      expect(row).toHaveLength(10);
      expect(row[2]).toMatch(/^\d{2}\/\d{2}\/20\d{2} \d{2}:\d{2}$/);
      expect(Object.keys(mapping.kind?.values ?? {})).toContain(row[5]);
      expect(row[6]).toMatch(/^\d{1,3}(\.\d{3})*$/);
      expect(['Negativo', 'Neutro', 'Positivo']).toContain(row[8]);
      if (row[4]) expect(ids.has(row[4])).toBe(true);
    }
    // Texts holding the separator are quoted, so every row above kept its 10 cells.
    expect(rows.some((row) => (row[3] ?? '').includes(';'))).toBe(true);
  });

  it('never writes a local time that the autumn clock change makes ambiguous', () => {
    const onChangeDay = data.posts.map((post) => madridParts(post.createdAt)).filter((p) => p.month === 10 && p.day > 24 && p.weekday === 6);
    // The sample does have posts on that Sunday, so the check is not made on nothing.
    expect(onChangeDay.length).toBeGreaterThan(10);
    expect(onChangeDay.filter((p) => p.hour === 2)).toEqual([]);
    // The formatters round-trip a known instant on that day.
    expect(formatTalkwalkerDate(Date.parse('2025-10-26T02:00:00Z'))).toBe('26/10/25 03:00:00');
    expect(formatMeltwaterDates(Date.parse('2025-10-26T02:00:00Z')).date).toBe('26-Oct-2025 03:00AM');
  });
});
