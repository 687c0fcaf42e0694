import type { CanonicalSelect } from './formats/types.js';

/** The zone local times are read in when a layout reads any: a generic mapping's own date.timezone, else the import's --timezone. */
export function mappingZone(select: CanonicalSelect, timezone: string): string {
  return select.params?.generic_timezone ?? timezone;
}

/**
 * The zone a layout reads times that name no offset in (mappingZone); null
 * when every time of the layout names its own offset (the Kaggle layout), so
 * no zone applies.
 */
export function localTimesZone(select: CanonicalSelect, timezone: string): string | null {
  return /\$(generic_)?timezone\b/.test(select.columns.created_at) ? mappingZone(select, timezone) : null;
}
