/**
 * A brand's weekly opening hours (its config's businessHours) as one line the
 * brands form edits, with the days in the page's language: "lun-vie
 * 09:00-18:00; sáb 10:00-14:00" is the config's mon-fri and sat. A day or a
 * range of days, then one or more openings, as the config writes them; the
 * config checks the days and times when it is saved, and names what is wrong.
 */
import type { Language } from './strings.js';

/** The keys of a schedule the line does not show, kept as the config has them. */
const KEPT = ['timezone', 'holidays'];

const CONFIG_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAYS: Record<Language, string[]> = {
  en: CONFIG_DAYS,
  es: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
  fr: ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'],
};
/** Every day name the line may use (any of the page's languages, accents or not), to the config's. */
const CONFIG_DAY_OF = new Map<string, string>(
  Object.values(DAYS).flatMap((names) => names.flatMap((name, index) => [[name, CONFIG_DAYS[index] ?? name] as [string, string], [name.normalize('NFD').replace(/\p{M}/gu, ''), CONFIG_DAYS[index] ?? name] as [string, string]])),
);

/** An example line in the page's language. */
export function hoursExample(language: Language): string {
  const day = DAYS[language];
  return `${day[0]}-${day[4]} 09:00-18:00; ${day[5]} 10:00-14:00`;
}

/** The line for a schedule read from the config ('' without one), its days in the page's language. */
export function hoursText(schedule: unknown, language: Language): string {
  if (schedule === null || typeof schedule !== 'object') return '';
  const shown = (days: string) => days.replace(/[a-z]+/g, (day) => DAYS[language][CONFIG_DAYS.indexOf(day)] ?? day);
  return Object.entries(schedule as Record<string, unknown>)
    .filter(([key]) => !KEPT.includes(key))
    .map(([days, openings]) => `${shown(days)} ${Array.isArray(openings) ? openings.join(', ') : String(openings)}`)
    .join('; ');
}

/**
 * The schedule a line says, with the timezone and holidays the config had kept; undefined for an empty line (no
 * schedule, its timezone and holidays with it). A day named twice gets the openings of both parts. Spaces around a
 * dash and an en dash are read as the config's "-". Days it does not know, and a part without openings, are sent as
 * they are: the config's check says why.
 */
export function hoursValue(line: string, before: unknown): Record<string, unknown> | undefined {
  const parts = line
    .normalize('NFC')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  const kept = before !== null && typeof before === 'object' ? Object.fromEntries(Object.entries(before as Record<string, unknown>).filter(([key]) => KEPT.includes(key))) : {};
  const openingsOf = new Map<string, string[]>();
  for (const part of parts) {
    // The days are what comes before the first digit: "lun - vie 09:00 - 13:00, 15:00-18:00".
    const at = part.search(/\d/);
    const days = (at === -1 ? part : part.slice(0, at)).replace(/\u2013/g, '-').replace(/\s+/g, '').toLowerCase();
    const key = days.replace(/\p{L}+/gu, (day) => CONFIG_DAY_OF.get(day) ?? day);
    const openings = (at === -1 ? '' : part.slice(at))
      .split(',')
      .map((opening) => opening.replace(/\s+/g, '').replace(/\u2013/g, '-'))
      .filter((opening) => opening !== '');
    openingsOf.set(key, [...(openingsOf.get(key) ?? []), ...openings]);
  }
  const schedule: Record<string, unknown> = {};
  for (const [key, openings] of openingsOf) schedule[key] = openings.length === 1 ? openings[0] : openings;
  return { ...schedule, ...kept };
}
