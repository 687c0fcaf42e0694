import { plainText } from '../plain-text.js';

/**
 * The one escaping function for text that goes into an XML part of the deck
 * or the workbook: what XML cannot hold is dropped (plainText), then `&`,
 * `<`, `>`, `"` and `'` become entities. pptxgenjs and exceljs escape the
 * text they are given, so they get plainText; this is for the places where
 * a library writes a string into XML as it is (pptxgenjs's Company in
 * docProps/app.xml, which made "Smith & Jones" a deck PowerPoint refused).
 * tests/reliability/escaping.test.ts reads every part with a strict parser.
 */
export function xmlText(text: string): string {
  return plainText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
