import type { CanonicalSelect } from './formats/types.js';

/**
 * The zone a layout reads times that name no offset in: a generic mapping's
 * own date.timezone, else the import's --timezone; null when every time of
 * the layout names its own offset (the Kaggle layout), so no zone applies.
 */
export function localTimesZone(select: CanonicalSelect, timezone: string): string | null {
  if (!/\$(generic_)?timezone\b/.test(select.columns.created_at)) return null;
  return select.params?.generic_timezone ?? timezone;
}
