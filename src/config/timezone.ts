/** True for an IANA zone name this Node (ICU) knows, such as "Europe/Madrid". */
export function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
