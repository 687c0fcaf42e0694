/** How the page writes an instant, as the client's reports write it. */
import type { Language } from './strings.js';

/**
 * `instant` in `zone`, as a medium date with the time unless `withTime` is false, in `language`; French writes the first
 * of a month "1er", as the reports do ("1er oct. 2025"), where Intl writes "1". Throws on a zone Intl does not know.
 */
export function instantText(instant: Date, language: Language, zone: string, withTime: boolean): string {
  const parts = new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}) }).formatToParts(instant);
  return parts.map((part) => (language === 'fr' && part.type === 'day' && Number(part.value) === 1 ? `${part.value}er` : part.value)).join('');
}
