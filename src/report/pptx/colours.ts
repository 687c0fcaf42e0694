/** "#0b5fff" or "#0bf" -> "0B5FFF", as pptxgenjs takes colours. */
export function hexColour(colour: string): string {
  const digits = colour.replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return /^[0-9a-f]{6}$/i.test(full) ? full.toUpperCase() : '7B8794';
}

/** The colour mixed with white: 0 = the colour, 1 = white. */
export function tint(colour: string, amount: number): string {
  const value = Number.parseInt(hexColour(colour), 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(c + (255 - c) * amount);
  };
  return [16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** Black or white text, whichever reads better on the fill (WCAG relative luminance). */
export function textOn(fill: string): string {
  const value = Number.parseInt(hexColour(fill), 16);
  const linear = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(16) + 0.7152 * linear(8) + 0.0722 * linear(0);
  return luminance > 0.4 ? '1F2933' : 'FFFFFF';
}
