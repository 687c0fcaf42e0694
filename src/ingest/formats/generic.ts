import { z } from 'zod';
import { isKnownTimezone } from '../../config/timezone.js';
import { readYamlFile } from '../../config/yaml-file.js';
import { UserError } from '../../errors.js';
import { POST_KINDS, type PostKind } from '../../store/schema.js';
import { namedColumns } from './mapping-context.js';
import {
  answerKind,
  countValue,
  daylightSavingWarning,
  handle,
  idText,
  isoInstant,
  isoLocal,
  languageCode,
  localToInstant,
  NULL_TEXT,
  platformFallback,
  platformFromUrl,
  platformName,
  postIdFromUrl,
  sentimentLabel,
  textCell,
} from './sql-helpers.js';
import type { CanonicalSelect, ExportFormat, MappingContext } from './types.js';

const NAMED_DATE_FORMATS = ['iso', 'epoch', 'epoch_ms'] as const;

const columnName = z.string().trim().min(1, 'a column name cannot be empty');
const kindName = z.enum(POST_KINDS, { message: `use one of ${POST_KINDS.join(', ')}` });

const mappingSchema = z
  .object({
    columns: z
      .object({
        id: columnName,
        author: columnName,
        date: columnName,
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
      })
      .strict(),
    date: z
      .object({
        format: z
          .string()
          .min(1)
          .refine((format) => (NAMED_DATE_FORMATS as readonly string[]).includes(format) || format.includes('%'), {
            message: 'use iso, epoch, epoch_ms or a strptime pattern such as "%d/%m/%Y %H:%M"',
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
    platform: z
      .union([
        z.string().trim().min(1, 'a platform cannot be empty'),
        z.object({ column: columnName, values: z.record(z.string(), z.string().trim().min(1)).optional() }).strict(),
      ])
      .optional(),
    delimiter: z.enum([',', ';', '\t', '|'], { message: 'use ",", ";", "|" or a TAB' }).optional(),
  })
  .strict();

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
    throw new UserError(`${source}: ${path === '(top level)' ? '' : `${path}: `}unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}; see the README's generic mapping reference.`);
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

/** Every column the mapping names, with the key path that names it. */
function mappedColumns(mapping: GenericMapping): Array<{ key: string; column: string }> {
  const named: Array<{ key: string; column: string }> = Object.entries(mapping.columns)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, column]) => ({ key: `columns.${key}`, column }));
  if (mapping.kind) named.push({ key: 'kind.column', column: mapping.kind.column });
  if (mapping.platform && typeof mapping.platform !== 'string') named.push({ key: 'platform.column', column: mapping.platform.column });
  return named;
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
    select: (context) => genericSelect(mapping, context),
  };
}

function genericSelect(mapping: GenericMapping, context: MappingContext): CanonicalSelect {
  const params: Record<string, string> = {};
  const { columns } = mapping;
  const optional = (name: string | undefined): string => (name === undefined ? NULL_TEXT : context.col(name));
  const timezone = mapping.date.timezone === undefined ? context.timezoneParam : '$generic_timezone';
  if (mapping.date.timezone !== undefined) params.generic_timezone = mapping.date.timezone;

  const dateCell = context.col(columns.date);
  const format = mapping.date.format;
  let createdAt: string;
  let localTime: string | null = null;
  if (format === 'iso') {
    createdAt = isoInstant(dateCell, timezone);
    localTime = isoLocal(dateCell);
  }
  else if (format === 'epoch') createdAt = `to_timestamp(TRY_CAST(trim(${dateCell}) AS DOUBLE))`;
  else if (format === 'epoch_ms') createdAt = `(epoch_ms(TRY_CAST(trim(${dateCell}) AS BIGINT)) AT TIME ZONE 'UTC')`;
  else {
    params.generic_date_format = format;
    const parsed = `try_strptime(trim(${dateCell}), $generic_date_format)`;
    // With an offset in the pattern the text says its own instant; without one it is local time.
    if (/%[zZ]/.test(format)) createdAt = parsed;
    else {
      localTime = parsed;
      createdAt = localToInstant(parsed, timezone);
    }
  }

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

  const parentUrl = textCell(optional(columns.parentUrl));
  const parentId = `COALESCE(${idText(optional(columns.parentId))}, ${postIdFromUrl(parentUrl)})`;
  const derivedKind = `CASE WHEN ${parentId} IS NOT NULL OR ${parentUrl} IS NOT NULL THEN ${answerKind(platform)} ELSE 'post' END`;
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
      thread_id: idText(optional(columns.thread)),
      text: optional(columns.text),
      url: textCell(optional(columns.url)),
      language: languageCode(optional(columns.language)),
      sentiment: sentimentLabel(optional(columns.sentiment)),
      topic: textCell(optional(columns.topic)),
      response_ids: NULL_TEXT,
      reply_to_user: NULL_TEXT,
    },
    rawDate: dateCell,
    rejectWhen: [
      { when: `${platform} IS NULL`, reason: 'no platform for this row; set platform in the mapping or pass --platform' },
      { when: `${author} IS NULL`, reason: `the author column "${columns.author}" is empty` },
    ],
    warnWhen: localTime ? [daylightSavingWarning(localTime, timezone, format === 'iso' ? dateCell : undefined)] : [],
    params,
  };
}
