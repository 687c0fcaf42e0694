/** Languages a report can be written in. */
export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tags used for Intl formatting (decimal comma in es and fr). */
export const LOCALE_TAGS: Record<Language, string> = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR' };

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
