import type { ParsedConfig } from './schema.js';

export type Role = 'client' | 'competitor';

/** A tracked brand after validation: handles are lower case without `@`. */
export interface Brand {
  id: string;
  name: string;
  role: Role;
  /** platform (lower case) -> owned handles */
  accounts: Record<string, string[]>;
  topics: string[];
}

export interface Config extends Omit<ParsedConfig, 'brands'> {
  brands: Brand[];
  /** Folder of the config file: relative paths in it resolve from here. */
  baseDir: string;
}
