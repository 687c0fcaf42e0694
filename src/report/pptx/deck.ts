import { createRequire } from 'node:module';
import type * as Pptx from 'pptxgenjs';
import type { Translate } from '../i18n/strings.js';
import type { ReportModel } from '../model/types.js';
import { xmlText } from '../xmlText.js';
import { hexColour } from './colours.js';
import { plainText } from '../../plain-text.js';
import { fittedToBox } from './fit.js';
import { withPackageFixes } from './package-fixes.js';

/**
 * pptxgenjs's typings describe an ES module's default export, which Node ESM
 * (NodeNext) reads as CommonJS; its CommonJS build exports the class itself.
 */
const PptxGenJS = createRequire(import.meta.url)('pptxgenjs') as new () => Pptx.default;

export type Slide = Pptx.default.Slide;
export type TextRun = Pptx.default.TextProps;
export type TableRow = Pptx.default.TableRow;
export type TableCell = Pptx.default.TableCell;

/** LAYOUT_WIDE, in inches. */
export const SLIDE_W = 13.333;
export const LEFT = 0.5;
export const CONTENT_W = SLIDE_W - 2 * LEFT;
export const CONTENT_TOP = 1.2;
/** The bottom of the content area, above the footer. */
export const CONTENT_BOTTOM = 6.9;
const FOOTER_Y = 7.02;
/** A font every copy of PowerPoint, Google Slides and LibreOffice (as Liberation Sans) has. */
export const FONT = 'Arial';
export const INK = '1F2933';
export const MUTED = '616E7C';
export const RULE = 'D5DAE1';
/** Grid lines, and the grey bars behind the trend's lines (the PDF's #E4E7EB). */
export const PALE = 'E4E7EB';

const MASTER_TITLE = 'REPLYBENCH_TITLE';
const MASTER_CONTENT = 'REPLYBENCH_CONTENT';

/**
 * The deck being written: its slide masters in the agency's colours, and the
 * helpers every slide uses. Every string goes in as plain text (pptxgenjs
 * escapes XML; plainText drops what XML cannot hold).
 */
export class Deck {
  readonly pptx = new PptxGenJS();
  readonly primary: string;
  readonly accent: string;
  readonly lang: string;
  /** Spanish and French write a space before the percent sign, as the PDF does. */
  readonly percentCode: string;

  constructor(
    readonly model: ReportModel,
    readonly t: Translate,
  ) {
    this.primary = hexColour(model.colors.primary);
    this.accent = hexColour(model.colors.accent);
    this.lang = model.locale;
    this.percentCode = model.language === 'en' ? '0%' : '0\u00a0%';

    const pptx = this.pptx;
    pptx.layout = 'LAYOUT_WIDE';
    pptx.title = plainText(`${model.title} · ${model.client.name} · ${model.period.label}`);
    pptx.subject = plainText(model.title);
    // pptxgenjs writes the company into docProps/app.xml as it is given: escaped here, and only here.
    pptx.company = xmlText(model.agency.name ?? '');
    pptx.author = plainText(model.agency.name ?? '');
    pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

    const footer = plainText([model.agency.name, model.client.name, model.period.label].filter(Boolean).join(' · '));
    const titlePlaceholder = (options: Partial<Pptx.default.PlaceholderProps>) => ({
      placeholder: { options: { name: 'title', type: 'title' as const, fontFace: FONT, bold: true, align: 'left' as const, ...options }, text: '' },
    });
    pptx.defineSlideMaster({
      title: MASTER_TITLE,
      background: { color: 'FFFFFF' },
      objects: [
        { rect: { x: 0, y: 0, w: SLIDE_W, h: 4.55, fill: { color: this.primary }, line: { type: 'none' } } },
        { rect: { x: 0, y: 4.55, w: SLIDE_W, h: 0.09, fill: { color: this.accent }, line: { type: 'none' } } },
        titlePlaceholder({ x: LEFT, y: 0.9, w: CONTENT_W, h: 0.9, fontSize: 30, color: 'FFFFFF', valign: 'bottom' }),
      ],
    });
    pptx.defineSlideMaster({
      title: MASTER_CONTENT,
      background: { color: 'FFFFFF' },
      objects: [
        { rect: { x: 0, y: 0, w: SLIDE_W, h: 0.1, fill: { color: this.primary }, line: { type: 'none' } } },
        titlePlaceholder({ x: LEFT, y: 0.3, w: CONTENT_W, h: 0.75, fontSize: 26, color: INK, valign: 'middle' }),
        { line: { x: LEFT, y: 1.08, w: CONTENT_W, h: 0, line: { color: RULE, width: 1 } } },
        { text: { text: footer, options: { x: LEFT, y: FOOTER_Y, w: CONTENT_W - 1, h: 0.3, fontFace: FONT, fontSize: 9, color: MUTED } } },
      ],
      slideNumber: { x: SLIDE_W - LEFT - 0.6, y: FOOTER_Y, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 9, color: MUTED, align: 'right' },
    });
  }

  async write(): Promise<Uint8Array> {
    const output = await this.pptx.write({ outputType: 'nodebuffer', compression: true });
    if (!(output instanceof Uint8Array)) throw new Error('pptxgenjs did not return a buffer');
    return withPackageFixes(output);
  }

  titleSlide(): Slide {
    return this.pptx.addSlide({ masterName: MASTER_TITLE });
  }

  contentSlide(title: string): Slide {
    const slide = this.pptx.addSlide({ masterName: MASTER_CONTENT });
    // The size on the run: pptxgenjs lays the placeholder's own options over the text box's.
    slide.addText([{ text: plainText(title), options: { fontSize: titleSize(title) } }], { placeholder: 'title', lang: this.lang });
    return slide;
  }

  /** Text options every text box shares: the font, the ink colour and the language (for spell-checking). */
  text(): { fontFace: string; color: string; lang: string } {
    return { fontFace: FONT, color: INK, lang: this.lang };
  }

  /**
   * Adds a table whose every cell carries the report's language: pptxgenjs reads `lang` from each cell, not
   * from the table's options, and tags a cell without one as US English, which PowerPoint then spell-checks.
   */
  table(slide: Slide, rows: TableRow[], options: Pptx.default.TableProps): void {
    slide.addTable(
      rows.map((row) => row.map((cell) => ({ ...cell, options: { lang: this.lang, ...cell.options } }))),
      options,
    );
  }

  /** Text in a box, set at the size at which it fits the box (fit.ts). */
  fittedText(slide: Slide, text: string | TextRun[], options: Pptx.default.TextPropsOptions): void {
    const fitted = fittedToBox(text, options);
    slide.addText(fitted.text, fitted.options);
  }

  /** Lines of text, one paragraph each. */
  paragraphs(lines: readonly string[], options: Partial<Pptx.default.TextPropsOptions> = {}): TextRun[] {
    return lines.map((line) => ({ text: plainText(line), options: { breakLine: true, ...options } }));
  }

  /**
   * The title of one part of a section ("Response time: How long people waited"). Spanish and French write lower
   * case after a colon ("Tiempo de respuesta: cuánto esperó la gente"); a part that starts with an acronym keeps it.
   */
  sectionPart(section: string, title: string): string {
    const lower = this.model.language !== 'en' && /^\p{Lu}\p{Ll}/u.test(title);
    return this.t('deck.sectionPart', { section, title: lower ? title.charAt(0).toLocaleLowerCase(this.lang) + title.slice(1) : title });
  }

  /**
   * A table's notes under it when they fit at a readable size, else on a slide of their own after it ("Leaderboard: How
   * to read it"): a tag storm's leaderboard gathered seventeen notes, which PowerPoint shrank to 5 pt under the table.
   */
  tableNotes(slide: Slide, lines: readonly string[], y: number, section: string): void {
    const room = Math.floor((CONTENT_BOTTOM - y) / NOTE_LINE_H);
    const needed = lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / NOTE_CHARS_PER_LINE)), 0);
    if (needed <= room) {
      this.notes(slide, lines, y);
      return;
    }
    this.fittedText(this.contentSlide(this.sectionPart(section, this.t('deck.readingNotes'))), this.paragraphs(lines, { paraSpaceAfter: 6 }), {
      ...this.text(),
      x: LEFT,
      y: CONTENT_TOP,
      w: CONTENT_W,
      h: CONTENT_BOTTOM - CONTENT_TOP,
      fontSize: 12,
      color: MUTED,
      valign: 'top',
    });
  }

  /** Muted notes in a box at the bottom of the slide, from `y` down to the footer; `lead` goes above them in ink, under a bold heading. */
  notes(slide: Slide, lines: readonly string[], y: number, lead?: { title: string; lines: readonly string[] }): void {
    const leading = lead ? [{ text: plainText(lead.title), options: { bold: true, breakLine: true, color: INK, paraSpaceAfter: 2 } }, ...this.paragraphs(lead.lines, { color: INK, paraSpaceAfter: 6 })] : [];
    if (leading.length === 0 && lines.length === 0) return;
    this.fittedText(slide, [...leading, ...this.paragraphs(lines, { paraSpaceAfter: 2 })], { ...this.text(), x: LEFT, y, w: CONTENT_W, h: CONTENT_BOTTOM - y, fontSize: 10, color: MUTED, valign: 'bottom' });
  }
}

/** A line of 10 pt notes, with its spacing, in inches; and the characters one holds across the content width (about 150 of Arial). */
const NOTE_LINE_H = 0.2;
const NOTE_CHARS_PER_LINE = 150;

/** Groups of at most `size` items; one empty group for none. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result.length > 0 ? result : [[]];
}

/**
 * The title's size on a content slide: the title box has room for one line, which holds about 64 characters
 * at 26 pt (49 take 8.8 of its 12.3 inches); longer titles, French ones often, get smaller so that they stay on it.
 */
export function titleSize(title: string): number {
  return title.length <= 64 ? 26 : title.length <= 76 ? 22 : 19;
}
