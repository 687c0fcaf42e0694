import type { BrandMetrics } from '../../metrics/types.js';

export const DEFAULT_PRIMARY = '#0B5FFF';
export const DEFAULT_ACCENT = '#F59E0B';

/** Competitors get muted, distinct colours so the client's primary colour stands out. */
const COMPETITOR_COLOURS = ['#7B8794', '#D9822B', '#8E6CBF', '#2F9E8F', '#C2547A', '#A0855B', '#4C6A92', '#9AAE3A', '#B86E5A', '#5F9EA0'];

/** Brand name -> colour: the client in the primary colour, competitors in config order. */
export function brandColours(brands: readonly BrandMetrics[], primary: string): { domain: string[]; range: string[] } {
  let next = 0;
  const range = brands.map((brand) => (brand.role === 'client' ? primary : (COMPETITOR_COLOURS[next++ % COMPETITOR_COLOURS.length] ?? '#7B8794')));
  return { domain: brands.map((brand) => brand.name), range };
}
