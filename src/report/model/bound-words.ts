import type { Translate } from '../i18n/strings.js';

/**
 * A printed figure said as the bound it is, where `end` (its other end) is set: "at least 58%" below that end,
 * "at most 12%" above it; as printed where it is exact.
 */
export function saidAsBound(t: Translate, printed: string, value: number, end: number | null | undefined): string {
  if (end == null) return printed;
  return t(end > value ? 'finding.atLeast' : 'finding.atMost', { value: printed });
}
