import { z } from 'zod';
import { LANGUAGES } from '../report/i18n/language.js';
import { HANDLE_LINK, HANDLE_LINK_STEPS, HANDLE_TRIMMED } from '../store/handles.js';
import { canonicalPlatform } from '../store/platforms.js';
import { themeWords } from '../themes/words.js';
import { canonicalTimezone, isKnownTimezone, unknownTimezoneMessage } from './timezone.js';

// Trimmed as the import trims an author (HANDLE_TRIMMED), not of every Unicode space: "acme\u3000" is refused for its space, where trimmed it matched no post.
const handle = z
  .string()
  .transform((text) => trimmedHandle(text))
  .pipe(z.string().min(1, 'a handle cannot be empty'));

/**
 * A handle as the config is matched: as the import stores an author (src/ingest/formats/sql-helpers.ts, `handle`),
 * lower case, without its leading @, a profile URL around it or the word a site puts before the account
 * (`https://twitter.com/AcmeCares/`, `u/acme`, `bsky.app/profile/acme.bsky.social`), so that a handle pasted from a
 * profile matches the posts the data holds of it.
 */
export function matchedHandle(written: string): string {
  const lowered = lowerAsStored(trimmedHandle(written));
  if (!new RegExp(HANDLE_LINK).test(lowered)) return lowered.replace(/^@+/, '');
  const account = HANDLE_LINK_STEPS.reduce((text, step) => text.replace(new RegExp(step.pattern), step.keep ? '$1' : ''), lowered);
  return trimmedHandle((account.split('?')[0] ?? '').split('/')[0] ?? '').replace(/^@+/, '');
}

const TRIMMED_ENDS = new RegExp(`^[${HANDLE_TRIMMED}]+|[${HANDLE_TRIMMED}]+$`, 'g');

function trimmedHandle(text: string): string {
  return text.replace(TRIMMED_ENDS, '');
}

/**
 * Lower case as DuckDB's `lower` makes it, one character at a time: JavaScript's `toLowerCase` of a whole text
 * writes "İ" as "i" and a combining dot, and a final "Σ" as "ς", where the store has "i" and "σ".
 */
function lowerAsStored(text: string): string {
  return Array.from(text, (character) => (character === '\u0130' ? 'i' : character.toLowerCase())).join('');
}

/** Platforms whose handles are one word (a Facebook page or a YouTube channel may be named by words, commas and all). */
const ONE_WORD_HANDLES = new Set(['twitter', 'instagram', 'tiktok', 'threads', 'bluesky', 'mastodon', 'reddit']);

/**
 * Why a handle as written (its leading @ left out) is no one account of `platform`, or null: "@Telbo @Zentel" or
 * "Telbo, Zentel" in one entry is two handles, which as one would match nothing. A Mastodon handle keeps its
 * instance (user@mastodon.social).
 */
function handleProblem(written: string, platform: string): string | null {
  const value = written.replace(/^@/, '');
  if (/\s@/.test(value)) return 'holds more than one handle';
  if (!ONE_WORD_HANDLES.has(platform)) return null;
  if (/[\s,;]/.test(value)) return `holds a space, "," or ";", which no ${platform} handle does`;
  const inner = (value.match(/@/g) ?? []).length;
  if (inner > (platform === 'mastodon' ? 1 : 0)) return `holds an "@" inside, which no ${platform} handle does`;
  return null;
}

const accounts = z
  // An empty list is a platform without handles (a script that took the last one away): left out, as if not written.
  .record(z.string().min(1), z.array(handle))
  .default({})
  // Checked as written, so the message quotes what the user typed.
  .superRefine((byPlatform, context) => {
    for (const [platform, handles] of Object.entries(byPlatform)) {
      handles.forEach((value, index) => {
        const problem = handleProblem(value, canonicalPlatform(platform));
        if (problem) context.addIssue({ code: 'custom', path: [platform, index], message: `"${value}" ${problem}: list each handle on its own` });
        else if (matchedHandle(value) === '') context.addIssue({ code: 'custom', path: [platform, index], message: `"${value}" names no account (a link to a site, not a profile): list the handle itself` });
      });
    }
  })
  .transform((byPlatform) => Object.fromEntries(Object.entries(byPlatform).flatMap(([platform, handles]) => (handles.length === 0 ? [] : [[platform, handles.map(matchedHandle)]]))));

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'use letters, digits, "-" or "_" (e.g. acme)');

const timezone = z
  .string()
  .refine(isKnownTimezone, { error: (issue) => unknownTimezoneMessage(issue.input) })
  .transform(canonicalTimezone);

/** "7d", "48h", "90m" or a number of minutes; stored as minutes. */
const duration = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?\s*[dhm]$/i, 'use e.g. 7d, 48h or 90m')]).transform(toMinutes);

/** A calendar date "YYYY-MM-DD" (a holiday, in the business-hours timezone). */
const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'use a date such as "2026-12-25"')
  .refine(isCalendarDate, { message: 'not a calendar date (e.g. "2026-12-25")' });

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One opening of a weekly schedule: ISO weekday (1 = Monday) and minutes from that day's midnight; `endMin` > 1440 crosses midnight. */
export interface BusinessShift {
  weekday: number;
  startMin: number;
  endMin: number;
}

/**
 * Weekly business hours of a brand: day keys (mon..sun or ranges such as
 * mon-fri) map to "HH:MM-HH:MM" or a list of them; an end at or before the
 * start crosses midnight. `timezone` and `holidays` are optional extras.
 */
const businessHours = z
  .record(z.string(), z.unknown())
  .transform((raw, ctx) => {
    const shifts: BusinessShift[] = [];
    let zone: string | undefined;
    let holidays: string[] = [];
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'timezone') {
        if (typeof value === 'string' && isKnownTimezone(value)) zone = canonicalTimezone(value);
        else ctx.addIssue({ code: 'custom', path: [key], message: unknownTimezoneMessage(value) });
        continue;
      }
      if (key === 'holidays') {
        const parsed = z.array(isoDate).safeParse(value);
        if (parsed.success) holidays = parsed.data;
        else ctx.addIssue({ code: 'custom', path: [key], message: 'use a list of dates such as ["2026-12-25"]' });
        continue;
      }
      const days = weekdaysOf(key);
      if (!days) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'use a day (mon..sun), a range such as mon-fri, timezone or holidays' });
        continue;
      }
      const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [null];
      for (const text of texts) {
        const shift = typeof text === 'string' ? parseShift(text) : 'use "HH:MM-HH:MM" or a list of them, e.g. "09:00-18:00"';
        if (typeof shift === 'string') {
          ctx.addIssue({ code: 'custom', path: [key], message: shift });
          continue;
        }
        for (const weekday of days) shifts.push({ weekday, ...shift });
      }
    }
    return { timezone: zone, holidays, shifts };
  });

const brand = z
  .object({
    id,
    name: z.string().min(1).optional(),
    accounts,
    topics: z.array(z.string().min(1)).default([]),
    businessHours: businessHours.optional(),
  })
  .strict();

/**
 * A theme's word or phrase: matched on word boundaries, case and accents aside, in the mentions' words (src/themes/),
 * which hold no @handle nor link: one that is only those, or holds no letter or digit, would match nothing.
 */
const themePhrase = z
  .string()
  .trim()
  .min(1, 'a word or phrase cannot be empty')
  .superRefine((phrase, context) => {
    const handle = /(?:^|\s)(@[A-Za-z0-9_]*[A-Za-z0-9])/.exec(phrase)?.[1];
    const problem = handle !== undefined
      ? `"${phrase}" holds the handle ${handle}, and themes read mentions without their @handles; write words instead (${themeWords(handle)}), or track the account as a brand`
      : /^(https?:\/\/|www\.)/i.test(phrase)
        ? `"${phrase}" is a link, and themes read mentions without their links; write the words the mentions use`
        : themeWords(phrase) === ''
          ? `"${phrase}" has no letter or digit, so it matches nothing; write a word or phrase`
          : null;
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** A theme's words or phrases. */
const themePhrases = z.array(themePhrase).min(1, 'list at least one word or phrase, e.g. [bill, invoice, factura]');

/**
 * A theme: its words or phrases, or those and the name a report in each language gives it
 * (`{ words: [bill, factura], names: { es: Facturación, fr: Facturation } }`); the theme's key names it otherwise.
 */
const theme = z.union([
  themePhrases,
  z
    .object({
      words: themePhrases,
      names: z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1, 'a name cannot be empty')).default({}),
    })
    .strict(),
]);

const hex = z.string().regex(/^#[0-9a-f]{3}([0-9a-f]{3})?$/i, 'use a hex colour such as "#0B5FFF"');

export const configSchema = z
  .object({
    client: id,
    timezone: timezone.default('UTC'),
    database: z.string().min(1).optional(),
    brands: z.array(brand).min(1, 'list the client and its competitors'),
    /** Dates without business hours for every brand ("YYYY-MM-DD"). */
    holidays: z.array(isoDate).optional(),
    /** What customers write about: a theme's name and the words or phrases that mark it, in any language. */
    themes: z.record(z.string().trim().min(1), theme).default({}),
    metrics: z
      .object({
        inbound: z.enum(['all', 'questions']).default('all'),
        responseWindow: duration.default(7 * 24 * 60),
        sla: z.array(z.number().positive()).min(1).default([60, 1440]),
        /** Authors with at least this many followers are influencers (diagnostics); default 1000. */
        influencerFollowers: z.number().int().nonnegative().optional(),
        /** Response-time clock: from the customer's first message (METRICS.md, default) or latest unanswered one. */
        clockStart: z.enum(['first', 'latest']).optional(),
        /** Mentions that need no answer (mass mentions, closers) are left out of response metrics; false counts every mention. */
        needsAnswer: z.boolean().default(true),
        /** An inbound post that tags this many distinct handles or more, and does not reply to the brand, is a mass mention. */
        massMentionHandles: z.number().int().min(2).default(5),
        /** Words or phrases that acknowledge, added to the built-in closer vocabulary (src/analysis/acknowledgements.ts). */
        closers: z.array(z.string().trim().min(1)).default([]),
        /** Canned-reply share needs at least this many replies in the period. */
        minReplies: z.number().int().min(1).default(100),
        /** Follow-through needs at least this many follow-ups in the period. */
        minFollowUps: z.number().int().min(1).default(30),
        /** Influencer and sentiment response rates need at least this many mentions in the group. */
        minGroupMentions: z.number().int().min(1).default(30),
        /** A word or phrase found in the data is a theme only when this many distinct authors wrote it. */
        themeAuthors: z.number().int().min(1).default(5),
        /** Coverage warning thresholds (shares in [0, 1]); defaults 0.05 and 0.2. */
        coverage: z
          .object({ responsesMissing: z.number().min(0).max(1).optional(), parentsMissing: z.number().min(0).max(1).optional() })
          .strict()
          .optional(),
      })
      .strict()
      .default({
        inbound: 'all',
        responseWindow: 7 * 24 * 60,
        sla: [60, 1440],
        needsAnswer: true,
        massMentionHandles: 5,
        closers: [],
        minReplies: 100,
        minFollowUps: 30,
        minGroupMentions: 30,
        themeAuthors: 5,
      }),
    report: z
      .object({
        language: z.enum(LANGUAGES).default('en'),
        template: z.string().min(1).optional(),
        pageSize: z.enum(['A4', 'Letter']).default('A4'),
        // Printed on the cover and in every page's footer: a longer name fills the footer's line.
        agency: z.object({ name: z.string().min(1).max(80, 'at most 80 characters: the cover and every page\'s footer print it'), logo: z.string().min(1).optional() }).strict().optional(),
        colors: z.object({ primary: hex.optional(), accent: hex.optional() }).strict().default({}),
        /** When a scorecard cell counts as "about the same" as the competitor median: within these points (shares) or percent (times); defaults 2 and 10. */
        scorecard: z
          .object({ sameWithinPoints: z.number().nonnegative().optional(), sameWithinPercent: z.number().nonnegative().optional() })
          .strict()
          .optional(),
      })
      .strict()
      .default({ language: 'en', pageSize: 'A4', colors: {} }),
  })
  .strict();

export type ParsedConfig = z.output<typeof configSchema>;

function toMinutes(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*([dhm])$/i.exec(value);
  const amount = Number(match?.[1]);
  const unit = match?.[2]?.toLowerCase();
  return unit === 'd' ? amount * 1440 : unit === 'h' ? amount * 60 : amount;
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function weekdaysOf(key: string): number[] | null {
  const match = /^(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?$/i.exec(key.trim());
  if (!match?.[1]) return null;
  const first = WEEKDAYS.indexOf(match[1].toLowerCase() as (typeof WEEKDAYS)[number]);
  const last = match[2] ? WEEKDAYS.indexOf(match[2].toLowerCase() as (typeof WEEKDAYS)[number]) : first;
  const days: number[] = [];
  for (let day = first; ; day = (day + 1) % 7) {
    days.push(day + 1);
    if (day === last) return days;
  }
}

function parseShift(text: string): Omit<BusinessShift, 'weekday'> | string {
  const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return `"${text}" is not a time range; use "HH:MM-HH:MM", e.g. "09:00-18:00" or "22:00-06:00"`;
  const [startH, startM, endH, endM] = match.slice(1).map(Number) as [number, number, number, number];
  if (startH > 23 || endH > 24 || startM > 59 || endM > 59 || (endH === 24 && endM > 0)) return `"${text}" has an impossible time; hours go from 00:00 to 24:00`;
  const startMin = startH * 60 + startM;
  const end = endH * 60 + endM;
  if (end === startMin) return `"${text}" starts and ends at the same time; use "00:00-24:00" for a whole day`;
  return { startMin, endMin: end > startMin ? end : end + 1440 };
}

