/** True for an IANA zone name this Node (ICU) knows, such as "Europe/Madrid". */
export function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone as the IANA database spells it ("europe/madrid" is Europe/Madrid): what reports print. */
export function canonicalTimezone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}
