import * as vega from 'vega';
import type { BucketKey } from '../../metrics/types.js';

/*
 * The report's one palette, read by the PDF's charts and the deck's alike:
 * the client in the agency's primary colour, each competitor in a muted
 * colour of its own (the same brand the same colour in every chart of every
 * output), the response-time buckets from fast green to slow red, and the
 * heat maps' colour schemes.
 */

export const DEFAULT_PRIMARY = '#0B5FFF';
export const DEFAULT_ACCENT = '#F59E0B';

/** Competitors get muted, distinct colours so the client's primary colour stands out. */
const COMPETITOR_COLOURS = ['#7B8794', '#D9822B', '#8E6CBF', '#2F9E8F', '#C2547A', '#A0855B', '#4C6A92', '#9AAE3A', '#B86E5A', '#5F9EA0'];

/** Dark slate: the part of a split that stands out (replies, influencers), in no brand's colour, so no reader credits it to the client. */
export const FOREGROUND = '#3E4C59';

/** Light grey: what stays in the background (broadcasts, other authors, unanswered, neutral). */
export const BACKGROUND_GREY = '#C9CED6';

/**
 * The deck's replies and broadcasts: PowerPoint writes every figure of a chart in one colour; ink does not read on the
 * dark slate, nor white on the light grey, but ink reads on both of these tones.
 */
export const DECK_FOREGROUND = '#9AA5B1';
export const DECK_BACKGROUND_GREY = '#E4E7EB';

/** Response-time buckets, fastest first; unanswered in grey. */
export const BUCKET_COLOURS: Record<BucketKey, string> = {
  '0-1h': '#1B7F5B',
  '1-4h': '#5FAE7E',
  '4-8h': '#B8D58A',
  '8-24h': '#F2C66D',
  '24h+': '#E08A4F',
  unanswered: BACKGROUND_GREY,
};

/** Negative, neutral and positive: dark, light and middle in black and white, so the bars stay apart when printed without colour. */
export const SENTIMENT_COLOURS = { negative: '#B42318', neutral: BACKGROUND_GREY, positive: '#2F855A' } as const;

/** The scorecard's verdicts: a light fill and the symbol's colour (the PDF's CSS reads them as variables). */
export const TONE_COLOURS = {
  better: { fill: '#DDF2E6', ink: '#1B7F5B' },
  same: { fill: '#EEF1F4', ink: '#52606D' },
  worse: { fill: '#FCE3D6', ink: '#B93815' },
  incomparable: { fill: '#FFFFFF', ink: '#7B8794' },
} as const;

/** The heat maps' schemes (Vega's names): volume in blues, waiting time in orange-reds, a response rate from red (none answered) through yellow to green (all), so a poor rate never looks good. themes.vl.json names the same scheme. */
export const HEAT_SCHEMES = { volume: 'blues', time: 'orangered', rate: 'redyellowgreen' } as const;

export interface BrandPalette {
  /** Brand names, and their colours at the same positions (a Vega scale's domain and range). */
  domain: string[];
  range: string[];
}

/** Brand name -> colour: the client in the primary colour, competitors in config order, skipping the colours of a hue close to the primary's. */
export function brandColours(brands: ReadonlyArray<{ name: string; role: 'client' | 'competitor' }>, primary: string): BrandPalette {
  const apart = COMPETITOR_COLOURS.filter((colour) => !closeHues(colour, primary));
  const colours = apart.length > 0 ? apart : COMPETITOR_COLOURS;
  let next = 0;
  const range = brands.map((brand) => (brand.role === 'client' ? primary : (colours[next++ % colours.length] ?? '#7B8794')));
  return { domain: brands.map((brand) => brand.name), range };
}

/** Two colours a reader takes for one: both clearly coloured (not greys) and of hues within 30°, such as a teal primary and a teal competitor. */
function closeHues(a: string, b: string): boolean {
  const one = hueOf(a);
  const other = hueOf(b);
  if (one === null || other === null || one.saturation < 0.25 || other.saturation < 0.25) return false;
  const apart = Math.abs(one.hue - other.hue) % 360;
  return Math.min(apart, 360 - apart) < 30;
}

/** The HSL hue (degrees) and saturation (0..1) of "#RRGGBB"; null for another form. */
function hueOf(colour: string): { hue: number; saturation: number } | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return null;
  const [r, g, b] = match.slice(1, 4).map((channel) => Number.parseInt(channel, 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const range = max - min;
  if (range === 0) return { hue: 0, saturation: 0 };
  const lightness = (max + min) / 2;
  const saturation = range / (1 - Math.abs(2 * lightness - 1));
  const sector = max === r ? ((g - b) / range + 6) % 6 : max === g ? (b - r) / range + 2 : (r - g) / range + 4;
  return { hue: sector * 60, saturation };
}

/** A brand's colour in the palette (grey for a name it does not hold). */
export function colourOf(palette: BrandPalette, name: string): string {
  return palette.range[palette.domain.indexOf(name)] ?? COMPETITOR_COLOURS[0] ?? '#7B8794';
}

/**
 * The colour a heat map gives a value, as the PDF's Vega scheme does: a
 * linear scale from the lowest value shown (`low`) to the highest.
 */
export function heatColour(scheme: (typeof HEAT_SCHEMES)[keyof typeof HEAT_SCHEMES], value: number, low: number, high: number): string {
  const interpolate = vega.scheme(scheme) as ((t: number) => string) | undefined;
  if (!interpolate) throw new Error(`no Vega colour scheme "${scheme}"`);
  const t = high > low ? Math.min(1, Math.max(0, (value - low) / (high - low))) : 0;
  return hex(interpolate(t));
}

/** "rgb(8, 48, 107)" or "#08306b" as "#08306B". */
function hex(colour: string): string {
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (!rgb) return colour.toUpperCase();
  return `#${rgb
    .slice(1, 4)
    .map((channel) => Number(channel).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}
