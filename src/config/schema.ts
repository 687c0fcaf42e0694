import { z } from 'zod';

const handle = z
  .string()
  .trim()
  .min(1, 'a handle cannot be empty')
  .transform((value) => value.replace(/^@/, '').toLowerCase());

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'use letters, digits, "-" or "_" (e.g. acme)');

const timezone = z.string().refine(isKnownTimezone, {
  message: 'not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York)',
});

/** "7d", "48h", "90m" or a number of minutes; stored as minutes. */
const duration = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?\s*[dhm]$/i, 'use e.g. 7d, 48h or 90m')]).transform(toMinutes);

const brand = z
  .object({
    id,
    name: z.string().min(1).optional(),
    accounts: z.record(z.string().min(1), z.array(handle).min(1, 'list at least one handle')).default({}),
    topics: z.array(z.string().min(1)).default([]),
  })
  .strict();

const hex = z.string().regex(/^#[0-9a-f]{3}([0-9a-f]{3})?$/i, 'use a hex colour such as "#0B5FFF"');

export const configSchema = z
  .object({
    client: id,
    timezone: timezone.default('UTC'),
    database: z.string().min(1).optional(),
    brands: z.array(brand).min(1, 'list the client and its competitors'),
    metrics: z
      .object({
        inbound: z.enum(['all', 'questions']).default('all'),
        responseWindow: duration.default(7 * 24 * 60),
        sla: z.array(z.number().positive()).min(1).default([60, 1440]),
      })
      .strict()
      .default({ inbound: 'all', responseWindow: 7 * 24 * 60, sla: [60, 1440] }),
    report: z
      .object({
        language: z.enum(['en', 'es', 'fr']).default('en'),
        template: z.string().min(1).optional(),
        pageSize: z.enum(['A4', 'Letter']).default('A4'),
        agency: z.object({ name: z.string().min(1), logo: z.string().min(1).optional() }).strict().optional(),
        colors: z.object({ primary: hex.optional(), accent: hex.optional() }).strict().default({}),
      })
      .strict()
      .default({ language: 'en', pageSize: 'A4', colors: {} }),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;

function toMinutes(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*([dhm])$/i.exec(value);
  const amount = Number(match?.[1]);
  const unit = match?.[2]?.toLowerCase();
  return unit === 'd' ? amount * 1440 : unit === 'h' ? amount * 60 : amount;
}

function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
