/**
 * Text set at the size at which it fits its box. pptxgenjs's `fit: 'shrink'`
 * stores no scale, so PowerPoint shows the text at its full size until someone
 * edits it, running over what is under the box (LibreOffice shrinks it on
 * opening, which hides that). The size is estimated from the text's length in
 * Arial; `fit: 'shrink'` stays on, for a viewer that measures the text itself.
 */
import type * as Pptx from 'pptxgenjs';

type TextRun = Pptx.default.TextProps;
type TextOptions = Pptx.default.TextPropsOptions;

/** Arial's mean advance per character of prose, in ems, with the room a line loses where it wraps at a word. */
const ADVANCE_EM = 0.53;
/** A line's height in ems at single spacing. */
const LINE_EM = 1.2;
/** Points per inch, as the deck's sizes are in inches. */
const PT = 72;
/** A bullet's indent (pptxgenjs's default), in points. */
const BULLET_INDENT_PT = 27;
/** The smallest size text is set at on a slide. */
export const SMALLEST_PT = 8;
/** pptxgenjs's size when neither the box nor the run names one. */
const DEFAULT_PT = 18;

/** The text and options of a text box, its sizes scaled down so that the text fits the box. */
export function fittedToBox(text: string | TextRun[], options: TextOptions): { text: string | TextRun[]; options: TextOptions } {
  const runs = typeof text === 'string' ? [{ text, options: {} }] : text;
  const scale = fitScale(runs, options);
  const size = (given: number | undefined) => Math.max(SMALLEST_PT, Math.floor((given ?? options.fontSize ?? DEFAULT_PT) * scale * 2) / 2);
  const scaled = typeof text === 'string' ? text : text.map((run) => (run.options?.fontSize === undefined ? run : { ...run, options: { ...run.options, fontSize: size(run.options.fontSize) } }));
  return { text: scaled, options: { ...options, fontSize: size(options.fontSize), fit: 'shrink' } };
}

/** The largest scale (at most 1) at which the runs' estimated height fits the box; none below the smallest size. */
export function fitScale(runs: readonly TextRun[], options: TextOptions): number {
  const room = boxRoom(options);
  const paragraphs = paragraphsOf(runs, options);
  if (paragraphs.length === 0) return 1;
  const floor = Math.min(1, SMALLEST_PT / Math.min(...paragraphs.map((paragraph) => paragraph.size)));
  for (let scale = 1; scale > floor; scale -= 0.02) {
    if (height(paragraphs, room.width, scale) <= room.height) return scale;
  }
  return floor;
}

interface Paragraph {
  characters: number;
  /** The largest size of its runs, in points. */
  size: number;
  bullet: boolean;
  spaceAfter: number;
}

function paragraphsOf(runs: readonly TextRun[], options: TextOptions): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open: Paragraph | null = null;
  for (const run of runs) {
    const own = run.options ?? {};
    open ??= { characters: 0, size: 0, bullet: false, spaceAfter: 0 };
    open.characters += (run.text ?? '').length;
    open.size = Math.max(open.size, own.fontSize ?? options.fontSize ?? DEFAULT_PT);
    open.bullet ||= own.bullet !== undefined && own.bullet !== false;
    open.spaceAfter = Math.max(open.spaceAfter, own.paraSpaceAfter ?? options.paraSpaceAfter ?? 0);
    if (own.breakLine) {
      paragraphs.push(open);
      open = null;
    }
  }
  if (open) paragraphs.push(open);
  return paragraphs;
}

/** The box's room for text, in points: its size less its margins (pptxgenjs's margin list is left, right, bottom, top, in points). */
function boxRoom(options: TextOptions): { width: number; height: number } {
  const w = Number(options.w ?? 0) * PT;
  const h = Number(options.h ?? 0) * PT;
  const margin = options.margin;
  // Without a margin, OOXML's insets: 0.1 in at the sides, 0.05 in at the top and bottom.
  const [left, right, bottom, top] = Array.isArray(margin) ? margin : typeof margin === 'number' ? [margin, margin, margin, margin] : [7.2, 7.2, 3.6, 3.6];
  return { width: w - left - right, height: h - top - bottom };
}

function height(paragraphs: readonly Paragraph[], width: number, scale: number): number {
  return paragraphs.reduce((sum, paragraph) => {
    const size = paragraph.size * scale;
    const perLine = Math.max(1, Math.floor((width - (paragraph.bullet ? BULLET_INDENT_PT : 0)) / (size * ADVANCE_EM)));
    const lines = Math.max(1, Math.ceil(paragraph.characters / perLine));
    return sum + lines * size * LINE_EM + paragraph.spaceAfter;
  }, 0);
}
