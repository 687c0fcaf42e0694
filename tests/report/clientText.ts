import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/*
 * Every word a client reads in the deliverables: the PDF's text, every
 * slide's and chart's text in the deck, every cell of the workbook but the
 * analyst's own sheet. Client pages name no config key, JSON field, CLI flag
 * or path of the analyst's machine.
 */

/** What must never reach a client page, each with the name the failure prints. */
export const ANALYST_WORDS: Array<[string, RegExp]> = [
  ['config or JSON key', /\b(?:metrics|report|brands)\.[a-z][A-Za-z]*/],
  ['businessHours', /businessHours/],
  ['a …Min field', /\b[a-z]+[A-Z][a-zA-Z]*Min\b/],
  ['CLI flag', /(?:^|\s)--[a-z][a-z-]+/],
  ['absolute path', /(?:^|[\s(])(?:\/(?:tmp|home|work|Users|var|etc|root)\/|[A-Z]:\\)/],
  ['a store table', /import_rejects|import_batches/],
  ['"would show it here"', /would show it here|lo mostraría aquí|l’afficherait ici/],
];

export function pdfWords(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
}

export async function deckWords(pptx: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(pptx));
  const parts = Object.values(zip.files).filter((file) => /^ppt\/(slides|charts|notesSlides)\/[^/]+\.xml$/.test(file.name));
  const texts = await Promise.all(parts.map((file) => file.async('string')));
  return texts
    .flatMap((xml) => [...xml.matchAll(/<(?:a:t|c:v)>([^<]*)<\/(?:a:t|c:v)>/g)].map((match) => match[1] ?? ''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The workbook's text by sheet name. */
export async function workbookWords(xlsx: string): Promise<Map<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheets = new Map<string, string>();
  for (const sheet of book.worksheets) {
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    sheets.set(sheet.name, cells.join('\n'));
  }
  return sheets;
}

/** The camelCase field names of a metrics.json ("responseTimeMedianMin", "inboundMeasured"): none may be printed for the client. */
export function jsonFields(json: unknown): Set<string> {
  const fields = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (/^[a-z]+[A-Z]/.test(key)) fields.add(key);
        walk(inner);
      }
    }
  };
  walk(json);
  return fields;
}

/** Each forbidden word found, with a little of the text around it. */
export function analystWordsIn(text: string, fields: ReadonlySet<string> = new Set()): string[] {
  const words = [...ANALYST_WORDS, ...[...fields].map((field): [string, RegExp] => [`JSON field ${field}`, new RegExp(`\\b${field}\\b`)])];
  return words.flatMap(([name, pattern]) => {
    const match = new RegExp(pattern.source, `${pattern.flags}g`).exec(text);
    return match ? [`${name}: …${text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 20).replace(/\s+/g, ' ')}…`] : [];
  });
}
