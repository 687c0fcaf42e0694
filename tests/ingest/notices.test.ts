import { describe, expect, it } from 'vitest';
import { EXCEL_DAMAGE_REASONS } from '../../src/ingest/formats/excel-damage.js';
import { DAY_WITHOUT_TIME_REASON } from '../../src/ingest/formats/meltwater.js';
import { DAYLIGHT_SAVING_REASON } from '../../src/ingest/formats/sql-helpers.js';
import { TWCS_WARNING_REASONS } from '../../src/ingest/formats/twcs.js';
import { MOJIBAKE_REASON } from '../../src/ingest/mojibake.js';
import { type ImportNotice, noticeText, storedNotices, withWarnings } from '../../src/ingest/notices.js';

/** One warning of each kind: a kind added without a sentence here does not compile. */
const ONE_OF_EACH: { [Code in ImportNotice['code']]: Extract<ImportNotice, { code: Code }> } = {
  'line-ends': { code: 'line-ends', cause: 'mixed' },
  'extra-sheets': { code: 'extra-sheets', read: 'Mentions', skipped: ['Lookup', 'Notes'] },
  'damaged-sheets': { code: 'damaged-sheets', count: 2 },
  'unsaved-formulas': { code: 'unsaved-formulas', count: 2, line: 3 },
  'merged-cells': { code: 'merged-cells', count: 7, ranges: ['D7:D8', 'B3:B4', 'C3:C4', 'A10:A12', 'E2:E3'] },
  'windows-1252': { code: 'windows-1252' },
  macintosh: { code: 'macintosh' },
  'invalid-bytes': { code: 'invalid-bytes', count: 3, lines: [4, 9], more: 1 },
  'carriage-returns': { code: 'carriage-returns', count: 1 },
  'nul-removed': { code: 'nul-removed', count: 1200, line: 2 },
  'no-final-line-end': { code: 'no-final-line-end', line: 101 },
  'short-rows': { code: 'short-rows', count: 5, width: 7, unit: 'row', line: 12 },
  'skipped-members': { code: 'skipped-members', archive: '/exports/october.zip', names: ['a.pdf', 'b.png', 'c.txt', 'd.doc', 'e.gif', 'f.gif', 'g.gif'] },
  'earlier-import': { code: 'earlier-import', batchId: 3, at: '2017-11-02 09:30 UTC' },
  'earlier-timezone': { code: 'earlier-timezone', earlier: 'UTC', now: 'Europe/Madrid' },
  'no-rows': { code: 'no-rows' },
  'repeated-column': { code: 'repeated-column', column: 'Full Text', positions: [6, 9] },
  'day-month-swapped': { code: 'day-month-swapped', dayFirst: true, failing: 2, dates: 4 },
  'dates-either-way': { code: 'dates-either-way', dayFirst: false, dates: 212 },
  rows: { code: 'rows', count: 1, reason: MOJIBAKE_REASON, unit: 'line', line: 95 },
  'differing-copies': { code: 'differing-copies', count: 12345, example: '881' },
  'shifted-copies': { code: 'shifted-copies', count: 93, example: '1220000000026501', hours: -5.5 },
  'rescored-copies': { code: 'rescored-copies', count: 107, example: '1220000000026501' },
  recorded: { code: 'recorded', text: 'a warning an earlier import wrote' },
};

/** The format's reasons a counted row warning names (each kept row with its warning). */
const ROW_REASONS = [DAYLIGHT_SAVING_REASON, EXCEL_DAMAGE_REASONS.parent, MOJIBAKE_REASON, DAY_WITHOUT_TIME_REASON, TWCS_WARNING_REASONS.parent, TWCS_WARNING_REASONS.responses];

/** English words no Spanish or French sentence of a warning holds (column names such as Date and Time aside). */
const ENGLISH = /\b(the|was|were|read|rows?|file|kept|with|first|and|not)\b/;

const translated = (notice: ImportNotice) => ({ es: noticeText(notice, 'es'), fr: noticeText(notice, 'fr') });

describe('the warnings of an import in the page language', () => {
  it('writes each kind of warning in Spanish and French, with the numbers as each language writes them', () => {
    // Copies shifted where every time names its offset (a corrected re-export) have a sentence of their own.
    const corrected = { ...ONE_OF_EACH['shifted-copies'], offsets: true as const };
    for (const notice of [...Object.values(ONE_OF_EACH).filter((notice) => notice.code !== 'recorded'), corrected]) {
      const { es, fr } = translated(notice);
      expect(es, notice.code).not.toMatch(ENGLISH);
      expect(fr, notice.code).not.toMatch(ENGLISH);
      // French typography: a no-break space before the colon and the semicolon, never a plain one.
      expect(fr, notice.code).not.toMatch(/ [:;?]/);
    }
    expect(noticeText(ONE_OF_EACH['differing-copies'], 'es')).toMatch(/^12\.345 filas repiten/);
    expect(noticeText(corrected, 'fr')).toContain('c’est l’export qui l’a fait (un export corrigé\u00a0?)');
    expect(storedNotices(JSON.stringify([corrected]))).toEqual([corrected]);
    // One and many agree: lines, bytes and carriage returns.
    expect(noticeText(ONE_OF_EACH['invalid-bytes'], 'fr')).toBe(
      '3 octets non valides en UTF-8 (un caractère d’un autre encodage\u00a0?) enregistrés comme «\u00a0\uFFFD\u00a0» aux lignes 4, 9 et 1 octet de plus\u00a0; le reste du fichier est lu en UTF-8',
    );
    expect(noticeText({ code: 'invalid-bytes', count: 1, lines: [7], more: 0 }, 'es')).toBe(
      '1 byte no válido en UTF-8 (¿un carácter de otra codificación?) guardado como «\uFFFD» en la línea 7; el resto del archivo se lee como UTF-8',
    );
    expect(noticeText({ code: 'invalid-bytes', count: 1, lines: [7], more: 0 }, 'fr')).toContain('enregistré comme «\u00a0\uFFFD\u00a0» à la ligne 7\u00a0;');
    expect(noticeText(ONE_OF_EACH['carriage-returns'], 'fr')).toBe('1 retour chariot dans un champ conservé comme texte (non lu comme saut de ligne)');
    expect(noticeText(ONE_OF_EACH['nul-removed'], 'fr')).toBe('1\u202f200 caractères NUL (0x00, jamais dans un texte) supprimés (le premier à la ligne 2)');
    expect(noticeText(ONE_OF_EACH['skipped-members'], 'es')).toBe(
      'october.zip también contiene 7 archivos que no son una exportación CSV, TSV o XLSX, sin leer: a.pdf, b.png, c.txt, d.doc, e.gif y 2 más',
    );
    // A zip inside the zip is no "file that is not an export": it is said apart, with what to do.
    const nested = { code: 'skipped-members' as const, archive: '/exports/october.zip', names: ['README.txt', 'more.zip'] };
    expect(noticeText(nested, 'en')).toBe(
      'october.zip also holds 1 file that is not a CSV, TSV or XLSX export, not read: README.txt; october.zip holds 1 zip archive of its own, not read: more.zip; unzip it and import its files',
    );
    expect(noticeText({ ...nested, names: ['a.zip', 'b.ZIP'] }, 'es')).toBe('october.zip contiene 2 archivos zip propios, sin leer: a.zip, b.ZIP; descomprímalos e importe sus archivos');
    expect(noticeText({ ...nested, names: ['more.zip'] }, 'fr')).toBe('october.zip contient 1 archive zip, non lue\u00a0: more.zip\u00a0; décompressez-la et importez ses fichiers');
  });

  it('translates the reason of every counted row warning of the formats', () => {
    for (const reason of ROW_REASONS) {
      const { es, fr } = translated({ code: 'rows', count: 2, reason, unit: 'line', line: 10 });
      expect(es).not.toContain(reason);
      expect(fr).not.toContain(reason);
      expect(es).toMatch(/^2 filas: .+ \(la primera en la línea 10\)$/);
      expect(fr).toMatch(/^2 lignes\u00a0: .+ \(la première à la ligne 10\)$/);
    }
  });

  it('keeps the English text of the CLI, and repeats a recorded warning as it was written', () => {
    expect(withWarnings([ONE_OF_EACH['short-rows'], ONE_OF_EACH.recorded]).warnings).toEqual([
      '5 rows had fewer cells than the header (7); the missing cells were read as empty (first at row 12)',
      'a warning an earlier import wrote',
    ]);
    expect(noticeText(ONE_OF_EACH.recorded, 'fr')).toBe('a warning an earlier import wrote');
    expect(noticeText(ONE_OF_EACH['invalid-bytes'])).toBe('3 bytes not valid in UTF-8 (a character from another encoding?) stored as "\uFFFD" on lines 4, 9 and 1 more byte; the rest of the file is read as UTF-8');
  });
});

describe('the notices import_batches keeps, read back', () => {
  it('reads back every kind of notice as it was written', () => {
    const all = Object.values(ONE_OF_EACH);
    expect(storedNotices(JSON.stringify(all))).toEqual(all);
    expect(storedNotices('[]')).toEqual([]);
  });

  it('refuses notices no import writes, and text that is not a list of notices, instead of printing them', () => {
    const edited = [
      'not json',
      '{"code":"rows"}',
      JSON.stringify([{ code: 'nonsense' }]),
      JSON.stringify([{ ...ONE_OF_EACH.rows, count: 0 }]),
      JSON.stringify([{ ...ONE_OF_EACH.rows, count: -3.5 }]),
      JSON.stringify([{ ...ONE_OF_EACH['invalid-bytes'], lines: [] }]),
      JSON.stringify([{ ...ONE_OF_EACH['skipped-members'], names: [] }]),
      JSON.stringify([ONE_OF_EACH.rows, { ...ONE_OF_EACH['short-rows'], line: 0 }]),
    ];
    for (const json of edited) expect(storedNotices(json), json).toBeNull();
    expect(storedNotices(null)).toBeNull();
  });

  it('leaves a reason it has no text for as it is, even one named like a property of every object', () => {
    for (const reason of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(noticeText({ code: 'rows', count: 2, reason, unit: 'line', line: 10 }, 'es')).toBe(`2 filas: ${reason} (la primera en la línea 10)`);
      expect(noticeText({ code: 'rows', count: 2, reason, unit: 'line', line: 10 }, 'fr')).toBe(`2 lignes\u00a0: ${reason} (la première à la ligne 10)`);
    }
  });
});
