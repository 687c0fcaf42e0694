import { closest } from '../closest.js';

/** What a config key or field holding an unknown zone is told. */
export const UNKNOWN_TIMEZONE = 'not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York)';

/** True for an IANA zone name this Node (ICU) knows, such as "Europe/Madrid". */
export function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** UNKNOWN_TIMEZONE, with the known zone closest to what was given: "Europe/Madird" is told "did you mean Europe/Madrid?". */
export function unknownTimezoneMessage(given: unknown): string {
  // No guess for an offset: "UTC+1" is two edits from "UTC", an hour off.
  const [near] = typeof given === 'string' && !/[+-]\d/.test(given) ? closest(given, ['UTC', ...Intl.supportedValuesOf('timeZone')], 1) : [];
  return near === undefined ? UNKNOWN_TIMEZONE : `${UNKNOWN_TIMEZONE}; did you mean ${near}?`;
}

let zoneNames: Map<string, string> | null = null;

/**
 * The zone with the case of its IANA name ("europe/madrid" is Europe/Madrid),
 * what reports print; any other name is kept as given. Only the case changes:
 * ICU's own resolution would rename valid zones (Europe/Kyiv to Europe/Kiev,
 * EST to America/Panama).
 */
export function canonicalTimezone(zone: string): string {
  zoneNames ??= new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((name) => [name.toLowerCase(), name]));
  return zoneNames.get(zone.toLowerCase()) ?? zone;
}
