import type { Language } from '../report/i18n/language.js';
import type { BusinessShift, ParsedConfig } from './schema.js';

/** A brand's weekly opening hours after validation (see docs/diagnostics.md, "Business hours"). */
export interface BusinessHours {
  /** IANA zone of the schedule; absent = the config's timezone. */
  timezone?: string | undefined;
  /** Dates ("YYYY-MM-DD") with no opening, besides the config's top-level holidays. */
  holidays: string[];
  shifts: BusinessShift[];
}

export type Role = 'client' | 'competitor';

/** A tracked brand after validation: handles are lower case without `@`. */
export interface Brand {
  id: string;
  name: string;
  role: Role;
  /** platform (lower case) -> owned handles */
  accounts: Record<string, string[]>;
  topics: string[];
  /** Weekly schedule, when the config gives one (business-hours diagnostics). */
  businessHours?: BusinessHours;
}

export interface Config extends Omit<ParsedConfig, 'brands' | 'themes'> {
  brands: Brand[];
  /** Each theme's words or phrases, by the theme's key. */
  themes: Record<string, string[]>;
  /** The names a theme takes in a report of a language, where the config gives them (the key otherwise). */
  themeNames?: Record<string, Partial<Record<Language, string>>>;
  /** Folder of the config file: relative paths in it resolve from here. */
  baseDir: string;
  /** The config file as the user named it, for messages ("replybench.yaml: report.agency.logo: ..."). */
  source: string;
}
