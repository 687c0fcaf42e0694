import { z } from 'zod';
import { closest } from '../../closest.js';
import { isKnownTimezone } from '../../config/timezone.js';
import { readYamlFile } from '../../config/yaml-file.js';
import { UserError } from '../../errors.js';
import { canonicalPlatform, KNOWN_PLATFORMS } from '../../store/platforms.js';
import { POST_KINDS, type PostKind } from '../../store/schema.js';
import { hasAll, namedColumns } from './mapping-context.js';
import {
  answerKind,
  countValue,
  unreadFollowersWarning,
  daylightSavingWarning,
  excelSerialLocal,
  firstOf,
  handle,
  hasUtcOffset,
  idText,
  isoInstant,
  isoLocal,
  isRedditCommentUrl,
  isRetweetText,
  languageCode,
  localToInstant,
  NULL_TEXT,
  platformFallback,
  platformFromUrl,
  platformName,
  postIdFromUrl,
  redditThreadId,
  sentimentLabel,
  textCell,
  userReference,
  withTimeOfDay,
} from './sql-helpers.js';
import type { CanonicalSelect, ExportFormat, MappingContext } from './types.js';

const NAMED_DATE_FORMATS = ['iso', 'epoch', 'epoch_ms'] as const;

const columnName = z.string().trim().min(1, 'a column name cannot be empty');
const kindName = z.enum(POST_KINDS, { message: `use one of ${POST_KINDS.join(', ')}` });

const mappingColumns = z
  .object({
    id: columnName,
    author: columnName,
    date: columnName,
    time: columnName.optional(),
    text: columnName.optional(),
    parentId: columnName.optional(),
    parentUrl: columnName.optional(),
    authorName: columnName.optional(),
    followers: columnName.optional(),
    url: columnName.optional(),
    language: columnName.optional(),
    sentiment: columnName.optional(),
    topic: columnName.optional(),
    thread: columnName.optional(),
    inReplyToUser: columnName.optional(),
  })
  .strict();

/** The `columns` keys of a generic mapping, in the order a mapping file lists them. */
export type MappingField = keyof typeof mappingColumns.shape;
export const MAPPING_FIELDS = Object.keys(mappingColumns.shape) as MappingField[];
/** The fields every generic mapping names (id, author, date); the others may be left out. */
export const REQUIRED_MAPPING_FIELDS = MAPPING_FIELDS.filter((field) => !mappingColumns.shape[field].isOptional());

/** Why a row of a mapped export is rejected: no platform, from its cells, the mapping or --platform. */
export const GENERIC_NO_PLATFORM_REASON = 'no platform for this row; set platform in the mapping or pass --platform';

/** Why a row of a mapped export is rejected: its platform column holds a value no config can name an account on, so nothing would count it. */
export const GENERIC_UNKNOWN_PLATFORM_REASON = 'the platform column holds a value that is not a platform replybench knows; map its values to platforms in platform.values';

/**
 * The specifiers DuckDB 1.5's strptime reads (probed: every %x and %-x, x a letter, tried on it), the rest of a
 * pattern being literal text: another (%Q) stopped the import with DuckDB's own error instead of naming the mapping's key.
 */
const STRPTIME_SPECIFIERS = new Set([...'abcdfghjmnpuwxyzABGHIMSTUVWXYZ%', '-d', '-j', '-m', '-y', '-H', '-I', '-M', '-S']);

/** The first specifier of a strptime pattern DuckDB cannot read, or null. */
function unknownSpecifier(format: string): string | null {
  for (const [, specifier = ''] of format.matchAll(/%(-?.)/g)) if (!STRPTIME_SPECIFIERS.has(specifier)) return `%${specifier}`;
  return null;
}

/** A platform a mapping names: one a config can name accounts on (synonyms such as X folded), else the closest. */
const knownPlatform = z
  .string()
  .trim()
  .min(1, 'a platform cannot be empty')
  .superRefine((value, context) => {
    if (KNOWN_PLATFORMS.includes(canonicalPlatform(value))) return;
    const [near] = closest(canonicalPlatform(value), KNOWN_PLATFORMS, 1);
    context.addIssue({ code: 'custom', message: `"${value}" is not a platform replybench knows${near ? `; did you mean ${near}?` : ''} (use one of ${KNOWN_PLATFORMS.join(', ')})` });
  });

/** Why a row of a mapped export is rejected: the column the mapping names for the author is empty. */
export function emptyAuthorReason(column: string): string {
  return `the author column "${column}" is empty`;
}

const mappingSchema = z
  .object({
    columns: mappingColumns,
    date: z
      .object({
        format: z
          .string()
          .min(1)
          .refine((format) => (NAMED_DATE_FORMATS as readonly string[]).includes(format) || format.includes('%'), {
            message: 'use iso, epoch, epoch_ms or a strptime pattern such as "%d/%m/%Y %H:%M"',
          })
          .superRefine((format, context) => {
            const unknown = unknownSpecifier(format);
            if (unknown === null) return;
            context.addIssue({
              code: 'custom',
              message: `"${unknown}" is not a specifier dates are read with; use those of a strptime pattern such as "%d/%m/%Y %H:%M" (%d day, %m month, %Y year, %H hour, %M minute, %S second, %b month name, %p AM/PM, %z offset)`,
            });
          })
          .default('iso'),
        timezone: z.string().refine(isKnownTimezone, { message: 'not a known IANA timezone (e.g. UTC, Europe/Madrid)' }).optional(),
      })
      .strict()
      .default({ format: 'iso' }),
    kind: z
      .object({
        column: columnName,
        values: z.record(z.string(), kindName),
        default: kindName.optional(),
      })
      .strict()
      .optional(),
    platform: z.union([knownPlatform, z.object({ column: columnName, values: z.record(z.string(), knownPlatform).optional() }).strict()]).optional(),
    delimiter: z.enum([',', ';', '\t', '|'], { message: 'use ",", ";", "|" or a TAB' }).optional(),
  })
  .strict()
  .superRefine((mapping, context) => {
    if (mapping.columns.time !== undefined && (mapping.date.format === 'epoch' || mapping.date.format === 'epoch_ms')) {
      context.addIssue({ code: 'custom', path: ['columns', 'time'], message: `a separate time column cannot be read with date.format ${mapping.date.format}; use iso or a strptime pattern for the date column` });
    }
  });

/** A validated generic mapping file. */
export type GenericMapping = z.infer<typeof mappingSchema>;

/** Validates a parsed mapping; `source` names it in errors, each of which gives the key path. */
export function parseGenericMapping(raw: unknown, source: string): GenericMapping {
  const result = mappingSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new UserError(`${source}: invalid mapping.`);
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    throw new UserError(`${source}: ${path === '(top level)' ? '' : `${path}: `}unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}; see docs/formats.md, "generic".`);
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) throw new UserError(`${source}: ${path}: is required (expected ${issue.expected}).`);
  throw new UserError(`${source}: ${path}: ${issue.message}.`);
}

/** Reads and validates a mapping YAML file. */
export function loadGenericMapping(path: string): GenericMapping {
  return parseGenericMapping(readYamlFile(path, 'mapping file not found. Check the path given to --mapping.'), path);
}

/** A validated kind as this file's own constant, so no mapping text reaches the SQL. */
function knownKind(value: string): PostKind {
  const kind = POST_KINDS.find((known) => known === value);
  if (!kind) throw new Error(`unvalidated kind ${value}`);
  return kind;
}

/**
 * Whether a mapping saved for one export reads another, whose header is `header` and delimiter `delimiter` (null for
 * a workbook): every column it names is there, as the import finds them, and it splits the file the same way.
 */
export function mappingFits(mapping: GenericMapping, header: readonly string[], delimiter: string | null): boolean {
  return hasAll(header, mappedColumns(mapping).map(({ column }) => column)) && (mapping.delimiter ?? ',') === (delimiter ?? ',');
}

/** Every column the mapping names, with the key path that names it. */
function mappedColumns(mapping: GenericMapping): Array<{ key: string; column: string }> {
  const named: Array<{ key: string; column: string }> = Object.entries(mapping.columns)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, column]) => ({ key: `columns.${key}`, column }));
  if (mapping.kind) named.push({ key: 'kind.column', column: mapping.kind.column });
  if (mapping.platform && typeof mapping.platform !== 'string') named.push({ key: 'platform.column', column: mapping.platform.column });
  return named;
}

/** The platforms a config can name, bound as parameters: a list for `x IN (...)`. */
function knownPlatformParams(params: Record<string, string>): string {
  return KNOWN_PLATFORMS.map((name, index) => {
    params[`generic_known_platform_${index}`] = name;
    return `$generic_known_platform_${index}`;
  }).join(', ');
}

/** Binds a value map as `CASE lower(trim(x)) WHEN $k0 THEN ... END`; keys are bound, results are whatever `result` writes. */
function valueMap(
  expr: string,
  entries: Array<[string, string]>,
  prefix: string,
  params: Record<string, string>,
  result: (value: string, index: number) => string,
): string {
  if (entries.length === 0) return NULL_TEXT;
  const whens = entries.map(([key, value], index) => {
    params[`${prefix}_key_${index}`] = key.trim().toLowerCase();
    return `WHEN $${prefix}_key_${index} THEN ${result(value, index)}`;
  });
  return `CASE lower(trim(${expr})) ${whens.join(' ')} ELSE NULL END`;
}

/**
 * Builds the `generic` format from a mapping. `source` (the mapping file)
 * names the key path of a mapped column that the data file lacks.
 */
export function genericFormat(mapping: GenericMapping, source: string): ExportFormat {
  return {
    id: 'generic',
    label: `generic CSV mapped by ${source}`,
    // The report names a mapped file by its mapping instead (methodology.ownMapping): this is for messages only.
    tool: 'CSV',
    // Never detected: a generic file is read only with --format generic --mapping.
    matches: () => false,
    layouts: [],
    requiredColumns: (header) => {
      const named = namedColumns(header);
      for (const { key, column } of mappedColumns(mapping)) {
        if (!named.has(column.toLowerCase())) {
          const found = header.filter((name) => name.trim() !== '').join(', ');
          throw new UserError(`${source}: ${key}: column "${column}" is not in the file's header (it has: ${found}). Fix the column name in the mapping.`);
        }
      }
      return mappedColumns(mapping).map(({ column }) => column);
    },
    select: (context) => genericSelect(mapping, context, source),
  };
}

function genericSelect(mapping: GenericMapping, context: MappingContext, source: string): CanonicalSelect {
  const params: Record<string, string> = {};
  const { columns } = mapping;
  const optional = (name: string | undefined): string => (name === undefined ? NULL_TEXT : context.col(name));
  const timezone = mapping.date.timezone === undefined ? context.timezoneParam : '$generic_timezone';
  if (mapping.date.timezone !== undefined) params.generic_timezone = mapping.date.timezone;

  const dateCell = context.col(columns.date);
  const timeCell = columns.time === undefined ? null : context.col(columns.time);
  // A separate time column sets the time of day of the date column's day.
  const withTime = (local: string): string => (timeCell === null ? local : withTimeOfDay(local, timeCell));
  const format = mapping.date.format;
  let createdAt: string;
  let localTime: string | null = null;
  if (format === 'iso') {
    // A number where a date should be is an Excel serial date (a workbook cell without a date format).
    localTime = withTime(`COALESCE(${isoLocal(dateCell)}, ${excelSerialLocal(dateCell)})`);
    createdAt = `CASE WHEN ${hasUtcOffset(dateCell)} THEN ${isoInstant(dateCell, timezone)} ELSE ${localToInstant(localTime, timezone)} END`;
  }
  else if (format === 'epoch') createdAt = `to_timestamp(TRY_CAST(trim(${dateCell}) AS DOUBLE))`;
  else if (format === 'epoch_ms') createdAt = `(epoch_ms(TRY_CAST(trim(${dateCell}) AS BIGINT)) AT TIME ZONE 'UTC')`;
  else {
    params.generic_date_format = format;
    const parsed = `try_strptime(trim(${dateCell}), $generic_date_format)`;
    // With an offset in the pattern the text says its own instant; without one it is local time.
    if (/%[zZ]/.test(format)) createdAt = parsed;
    else {
      // A workbook's date cell arrives as ISO text (2017-10-12 07:00:00) whatever the pattern the sheet's text dates take;
      // ISO text naming its zone is left to the pattern, never read as local time.
      const workbookDate = `CASE WHEN NOT ${hasUtcOffset(dateCell)} THEN ${isoLocal(dateCell)} END`;
      localTime = withTime(`COALESCE(${parsed}, ${workbookDate}, ${excelSerialLocal(dateCell)})`);
      createdAt = localToInstant(localTime, timezone);
    }
  }
  const rawDate = timeCell === null ? dateCell : `CASE WHEN ${textCell(timeCell)} IS NULL OR ${textCell(dateCell)} IS NULL THEN ${dateCell} ELSE trim(${dateCell}) || ' ' || trim(${timeCell}) END`;

  let platform: string;
  const fallbackPlatform = platformFallback(context.platformParam)[0] ?? NULL_TEXT;
  if (typeof mapping.platform === 'string') {
    params.generic_platform = mapping.platform;
    platform = platformName('$generic_platform');
  } else if (mapping.platform) {
    const cell = context.col(mapping.platform.column);
    const mapped = valueMap(cell, Object.entries(mapping.platform.values ?? {}), 'generic_platform', params, (value, index) => {
      params[`generic_platform_value_${index}`] = value;
      return `$generic_platform_value_${index}`;
    });
    platform = `COALESCE(${platformName(mapped)}, ${platformName(cell)}, ${fallbackPlatform})`;
  } else {
    platform = `COALESCE(${platformFromUrl(optional(columns.url))}, ${fallbackPlatform})`;
  }

  const url = optional(columns.url);
  const parentUrl = textCell(optional(columns.parentUrl));
  const parentId = `COALESCE(${idText(optional(columns.parentId))}, ${postIdFromUrl(parentUrl)})`;
  const replyToUser = columns.inReplyToUser === undefined ? NULL_TEXT : userReference(context.col(columns.inReplyToUser));
  const answers = [`${parentId} IS NOT NULL`, `${parentUrl} IS NOT NULL`, `${replyToUser} IS NOT NULL`, isRedditCommentUrl(url)].join(' OR ');
  // An old-style retweet ("RT @brand: ...") that answers nothing repeats a post: counted as a mention it would be one
  // no brand answers. A row that answers a post stays a reply, whatever its text starts with (as twitter-v2 reads them).
  const derivedKind = `CASE WHEN ${answers} THEN ${answerKind(platform)} WHEN ${isRetweetText(optional(columns.text))} THEN 'repost' ELSE 'post' END`;
  const kind = mapping.kind
    ? `COALESCE(${valueMap(context.col(mapping.kind.column), Object.entries(mapping.kind.values), 'generic_kind', params, (value) => `'${knownKind(value)}'`)}, ${
        mapping.kind.default ? `'${knownKind(mapping.kind.default)}'` : derivedKind
      })`
    : derivedKind;

  const author = handle(context.col(columns.author));
  return {
    columns: {
      platform,
      post_id: idText(context.col(columns.id)),
      created_at: createdAt,
      author,
      author_name: textCell(optional(columns.authorName)),
      author_followers: countValue(optional(columns.followers)),
      kind,
      parent_id: parentId,
      parent_url: parentUrl,
      thread_id: firstOf(idText(optional(columns.thread)), redditThreadId(url)),
      text: optional(columns.text),
      url: textCell(url),
      language: languageCode(optional(columns.language)),
      sentiment: sentimentLabel(optional(columns.sentiment)),
      topic: textCell(optional(columns.topic)),
      response_ids: NULL_TEXT,
      reply_to_user: replyToUser,
    },
    rawDate,
    rejectWhen: [
      { when: `${platform} IS NULL`, reason: GENERIC_NO_PLATFORM_REASON },
      ...(typeof mapping.platform === 'object' ? [{ when: `${platform} NOT IN (${knownPlatformParams(params)})`, reason: GENERIC_UNKNOWN_PLATFORM_REASON }] : []),
      { when: `${author} IS NULL`, reason: emptyAuthorReason(columns.author) },
    ],
    warnWhen: [...(localTime ? [daylightSavingWarning(localTime, timezone, format === 'iso' ? dateCell : undefined)] : []), unreadFollowersWarning(optional(columns.followers))],
    ...(/%d/.test(format) && /%m/.test(format) ? { dayMonth: { cell: dateCell, format, source } } : {}),
    params,
  };
}
