import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { closest } from '../closest.js';
import { canonicalPlatform, KNOWN_PLATFORMS } from '../store/platforms.js';
import { LANGUAGES } from '../report/i18n/language.js';
import { configSchema, type ParsedConfig } from './schema.js';
import type { Brand, Config } from './types.js';
import { readYamlFile } from './yaml-file.js';

/** The config file of a client project: what `init` and `replybench serve` write, and what the commands read by default. */
export const CONFIG_FILE = 'replybench.yaml';

/** A config value the schema refuses, with the key path it is at (["brands", 1, "businessHours", "de"]): the page words some of them itself. */
export class ConfigKeyError extends UserError {
  constructor(
    message: string,
    readonly path: ReadonlyArray<PropertyKey>,
  ) {
    super(message);
  }
}

/** A brand of the config lists no account: the one refusal a new client meets, which the local page words itself. */
export class BrandWithoutAccounts extends UserError {
  constructor(
    message: string,
    readonly index: number,
    readonly brandId: string,
    readonly brandName: string,
  ) {
    super(message);
  }
}

/** Reads and validates a replybench.yaml; every problem names its key path. */
export function loadConfig(path: string, options: { draft?: boolean } = {}): Config {
  return parseConfig(readYamlFile(path, 'config file not found. Run "replybench init" to create one, or pass --config.'), path, undefined, options);
}

/**
 * Validates an already-parsed config object; `source` names it in errors. `draft`: a brand may have no account yet
 * (a config the page saves before its handles are picked, as the new client's file already is); everything else is
 * checked as for a report, which refuses such a brand.
 */
export function parseConfig(raw: unknown, source = 'replybench.yaml', baseDir = dirname(resolve(source)), { draft = false }: { draft?: boolean } = {}): Config {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigKeyError(`${source}: ${describeIssue(result.error.issues[0], raw)}`, result.error.issues[0]?.path ?? []);
  return finish(result.data, source, baseDir, draft);
}

function finish(parsed: ParsedConfig, source: string, baseDir: string, draft: boolean): Config {
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  const brands: Brand[] = parsed.brands.map((brand, index) => {
    if (ids.has(brand.id)) throw new UserError(`${source}: brands.${index}.id: "${brand.id}" is listed twice; brand ids must be unique.`);
    ids.add(brand.id);
    const accounts = foldPlatforms(brand.accounts);
    for (const platform of Object.keys(accounts)) {
      if (KNOWN_PLATFORMS.includes(platform)) continue;
      const [near] = closest(platform, KNOWN_PLATFORMS, 1);
      throw new UserError(
        `${source}: brands.${index}.accounts.${platform}: not a platform replybench knows${near ? `; did you mean ${near}?` : ''} (use one of ${KNOWN_PLATFORMS.join(', ')}).`,
      );
    }
    for (const [platform, handles] of Object.entries(accounts)) {
      for (const handle of handles) {
        const owner = owners.get(`${platform}:${handle}`);
        if (owner !== undefined) {
          throw new UserError(`${source}: brands.${index}.accounts.${platform}: "${handle}" is also listed by brand "${owner}"; a handle belongs to one brand: remove it from one of them.`);
        }
        owners.set(`${platform}:${handle}`, brand.id);
      }
    }
    if (Object.keys(accounts).length === 0 && !draft) {
      throw new BrandWithoutAccounts(
        `${source}: brands.${index}.accounts: brand "${brand.id}" has no accounts; list its handles per platform, e.g. accounts: { twitter: [AcmeCares] }.`,
        index,
        brand.id,
        brand.name ?? brand.id,
      );
    }
    const base: Brand = { id: brand.id, name: brand.name ?? brand.id, role: brand.id === parsed.client ? 'client' : 'competitor', accounts, topics: brand.topics };
    return brand.businessHours ? { ...base, businessHours: brand.businessHours } : base;
  });
  if (!ids.has(parsed.client)) {
    throw new UserError(`${source}: client: "${parsed.client}" is not one of the brands (${[...ids].join(', ')}); set client to a brand id.`);
  }
  const themes = Object.fromEntries(Object.entries(parsed.themes).map(([key, entry]) => [key, Array.isArray(entry) ? entry : entry.words]));
  const themeNames = Object.fromEntries(Object.entries(parsed.themes).flatMap(([key, entry]) => (Array.isArray(entry) || Object.keys(entry.names).length === 0 ? [] : [[key, entry.names]])));
  refuseSharedThemeNames(themes, themeNames, source);
  return { ...parsed, brands, themes, ...(Object.keys(themeNames).length > 0 ? { themeNames } : {}), baseDir, source };
}

/** Two themes a report would call by one name would read as one, their figures side by side: each needs its own in every language. */
function refuseSharedThemeNames(themes: Record<string, string[]>, names: NonNullable<Config['themeNames']>, source: string): void {
  for (const language of LANGUAGES) {
    const taken = new Map<string, string>();
    for (const key of Object.keys(themes)) {
      const name = names[key]?.[language] ?? key;
      // "averías" and "Averias" read as one theme: compared case and accents aside ("C++" and "C#" stay two).
      const said = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const holder = taken.get(said);
      if (holder !== undefined) {
        const other = names[holder]?.[language] ?? holder;
        const as = other === name ? `as it calls theme "${holder}"` : `which differs only in case or accents from "${other}", its name of theme "${holder}"`;
        throw new UserError(`${source}: themes.${key}: a report in ${language} would call it "${name}", ${as}; give each theme its own name (names.${language}).`);
      }
      taken.set(said, key);
    }
  }
}

/** Account keys as the store names platforms (`X` -> twitter); handles of two keys that fold together are merged. */
function foldPlatforms(accounts: Record<string, string[]>): Record<string, string[]> {
  const folded: Record<string, string[]> = {};
  for (const [platform, handles] of Object.entries(accounts)) {
    const key = canonicalPlatform(platform);
    folded[key] = [...new Set([...(folded[key] ?? []), ...handles])];
  }
  return folded;
}

function describeIssue(issue: z.core.$ZodIssue | undefined, raw: unknown): string {
  if (!issue) return 'invalid config.';
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(configSchema, issue.path);
    // A short list of keys is given whole where no guess is made.
    const near = issue.keys.length === 1 ? guess(issue.keys[0], known) : undefined;
    const advice = near !== undefined ? `did you mean "${near}"?` : known.length > 0 && known.length <= 6 ? `use ${known.join(', ')}` : 'check the spelling against docs/config.md';
    return sentence(`${path === '(top level)' ? '' : `${path}: `}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; ${advice}`);
  }
  if (issue.code === 'invalid_union') {
    // Said as the form the user wrote fails: an object by the object's rules, a list by the list's.
    const branch = issue.errors.find((issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0)) ?? issue.errors[0];
    const [first] = branch ?? [];
    if (first) return describeIssue({ ...first, path: [...issue.path, ...first.path] }, raw);
  }
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
    if (valueAt(raw, issue.path) === undefined) return `${path}: is required: give ${expected}.`;
    return `${path}: should be ${expected}.`;
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const given = valueAt(raw, issue.path);
    const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
    const side = issue.code === 'too_big' ? (issue.inclusive ? 'at most' : 'under') : issue.inclusive ? 'at least' : 'over';
    return `${path}: ${String(given)} is out of range; give a number ${side} ${String(bound)}.`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return `${path}: cannot be empty.`;
  if (issue.code === 'invalid_value') {
    const given = valueAt(raw, issue.path);
    const allowed = issue.values.map(String);
    const near = guess(given, allowed);
    return sentence(`${path}: ${given === undefined ? 'is' : `"${String(given)}" is`} not one of ${allowed.join(', ')}${near === undefined ? '' : `; did you mean ${near}?`}`);
  }
  return sentence(`${path}: ${issue.message}`);
}

/** What a key of each type takes, in the words of the message that asks for it. */
const EXPECTED: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list, e.g. [a, b]',
  object: 'keys with values, e.g. { key: value }',
  record: 'keys with values, e.g. { key: value }',
};

/** The candidate closest to what was written, for a "did you mean"; none for a short code ("de" is two edits from "en", and means German). */
function guess(given: unknown, candidates: readonly string[]): string | undefined {
  return typeof given === 'string' && given.length > 3 ? closest(given, candidates, 1)[0] : undefined;
}

/** A message ended with a full stop, unless it ends with a question. */
function sentence(text: string): string {
  return text.endsWith('?') ? text : `${text}.`;
}

/** The value at a key path of the raw config (what the user wrote), or undefined. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const step of path) node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[step] : undefined;
  return node;
}

/** The keys the schema knows at a key path ("metrics" -> inbound, responseWindow, ...), for a "did you mean" on a misspelt key. */
function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = schema;
  for (const step of path) {
    node = unwrapped(node);
    const def = node?._zod.def;
    if (def?.type === 'object') node = (def as z.core.$ZodObjectDef).shape[String(step)];
    else if (def?.type === 'array') node = (def as z.core.$ZodArrayDef).element;
    else if (def?.type === 'record') node = (def as z.core.$ZodRecordDef).valueType;
    else return [];
  }
  const def = unwrapped(node)?._zod.def;
  if (def?.type === 'object') return Object.keys((def as z.core.$ZodObjectDef).shape);
  // A record whose keys are a fixed list (a theme's names, by language).
  const keys = def?.type === 'record' ? (def as z.core.$ZodRecordDef).keyType._zod.def : undefined;
  return keys?.type === 'enum' ? Object.values((keys as z.core.$ZodEnumDef).entries).map(String) : [];
}

/** The schema under its wrappers (optional, default, a transform's pipe; of a union, its object form). */
function unwrapped(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = node;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; options?: z.core.$ZodType[] };
    const inner = def.type === 'pipe' ? def.in : def.type === 'union' ? def.options?.find((option) => unwrapped(option)?._zod.def.type === 'object') : def.innerType;
    if (inner === undefined) return current;
    current = inner;
  }
  return current;
}
