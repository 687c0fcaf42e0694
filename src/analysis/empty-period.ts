import { z } from 'zod';
import type { Language } from '../report/i18n/language.js';
import { plainNumbers } from '../report/i18n/plain-numbers.js';
import type { Store } from '../store/database.js';
import type { Analysis } from './analysis.js';
import { hasNoData } from '../metrics/coverage.js';
import type { MetricsReport } from '../metrics/types.js';
import type { Period } from './period.js';
import { queryText } from './queries.js';

/**
 * The calendar days (in the config's timezone) of the store's last post before a period and first post after it; and
 * `otherPosts`, the posts the period holds when none is by or mentions a brand of the config (0 when it holds none).
 */
export interface DataSpan {
  lastBefore: string | null;
  firstAfter: string | null;
  otherPosts: number;
}

const dataSpanRow = z.object({ last_before: z.string().nullable(), first_after: z.string().nullable() });
const countRow = z.object({ n: z.number() });

/** How many posts the store holds in a period. */
async function postsInPeriod(store: Store, period: Period): Promise<number> {
  const [row] = await store.rows('posts in the period', countRow, 'SELECT count(*)::DOUBLE AS n FROM posts WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ', {
    start: period.start.toISOString(),
    end: period.end.toISOString(),
  });
  return row?.n ?? 0;
}

/** Where the store's data lies around a period that holds no post (queries/check/data_span.sql). */
export async function dataSpanAround(store: Store, period: Period, timezone: string): Promise<DataSpan> {
  const bounds = { start: period.start.toISOString(), end: period.end.toISOString(), tz: timezone };
  const [span] = await store.rows('data around the period', dataSpanRow, queryText('check/data_span'), bounds);
  return { lastBefore: span?.last_before ?? null, firstAfter: span?.first_after ?? null, otherPosts: 0 };
}

/**
 * Where the data is, for a period it cannot report on: one that holds no post (queries/check/data_span.sql), or
 * posts none of which is by or mentions a brand while the brands' own accounts post in other periods
 * (queries/check/brand_span.sql; `otherPosts` counts the period's posts). Null for a period with a brand's data,
 * and when the brands post nowhere in the data, where their handles, not the period, are what to look at.
 */
export async function whereTheDataIs(analysis: Analysis, metrics: MetricsReport): Promise<DataSpan | null> {
  const posts = metrics.dataQuality.posts;
  if (posts === 0) return dataSpanAround(analysis.store, analysis.period, analysis.config.timezone);
  if (!metrics.brands.every(hasNoData)) return null;
  const [span] = await analysis.rows('check/brand_span', dataSpanRow, { ...analysis.range, tz: analysis.config.timezone });
  if (!span || (span.last_before === null && span.first_after === null)) return null;
  return { lastBefore: span.last_before, firstAfter: span.first_after, otherPosts: posts };
}

interface Words {
  none: string;
  /** The period holds posts, none of them by or mentioning a brand: then the nearest are the brands' own, said as theirs (`brandsBefore`, `brandsAfter`). */
  noneOfBrands: (posts: string) => string;
  brandsBefore: string;
  brandsAfter: string;
  before: string;
  after: string;
  pick: string;
  separator: string;
  and: string;
}

const WORDS: Record<Language, (period: string, span: DataSpan) => Words> = {
  en: (period, { lastBefore, firstAfter }) => ({
    none: `The data holds no post in ${period}`,
    noneOfBrands: (posts) => `The data holds no post by or mentioning the config's brands in ${period}, only ${posts} of other accounts`,
    before: `its last post before it is on ${lastBefore}`,
    after: `its first post after it is on ${firstAfter}`,
    brandsBefore: `the brands' last post before it is on ${lastBefore}`,
    brandsAfter: `the brands' first post after it is on ${firstAfter}`,
    pick: 'Pick a period with data.',
    separator: ': ',
    and: '; ',
  }),
  es: (period, { lastBefore, firstAfter }) => ({
    none: `Los datos no contienen ninguna publicación en ${period}`,
    noneOfBrands: (posts) => `Los datos no contienen ninguna publicación de las marcas de la configuración ni que las mencione en ${period}, solo ${posts} de otras cuentas`,
    before: `su última publicación anterior es del ${lastBefore}`,
    after: `su primera publicación posterior es del ${firstAfter}`,
    brandsBefore: `la última publicación de las marcas antes de este periodo es del ${lastBefore}`,
    brandsAfter: `la primera publicación de las marcas después de este periodo es del ${firstAfter}`,
    pick: 'Elija un periodo con datos.',
    separator: ': ',
    and: '; ',
  }),
  fr: (period, { lastBefore, firstAfter }) => ({
    none: `Les données ne contiennent aucune publication en ${period}`,
    noneOfBrands: (posts) => `Les données ne contiennent aucune publication des marques de la configuration ni qui les mentionne en ${period}, seulement ${posts} d’autres comptes`,
    before: `leur dernière publication avant cette période date du ${lastBefore}`,
    after: `leur première publication après cette période date du ${firstAfter}`,
    brandsBefore: `la dernière publication des marques avant cette période date du ${lastBefore}`,
    brandsAfter: `la première publication des marques après cette période date du ${firstAfter}`,
    pick: 'Choisissez une période qui a des données.',
    separator: '\u00a0: ',
    and: '\u00a0; ',
  }),
};

/**
 * What `check`, `metrics` and `report` say of a period without a single post (and `check` of one without a post of
 * the brands, who post elsewhere), instead of blaming each handle, topic and brand for it: where the nearest data is.
 */
export function emptyPeriodSentence(period: Period, span: DataSpan, language: Language = 'en'): string {
  const words = WORDS[language](period.label, span);
  const brands = span.otherPosts > 0;
  const before = brands ? words.brandsBefore : words.before;
  const after = brands ? words.brandsAfter : words.after;
  const where = [...(span.lastBefore !== null ? [before] : []), ...(span.firstAfter !== null ? [after] : [])];
  const none = brands ? words.noneOfBrands(plainNumbers(language).count(span.otherPosts)) : words.none;
  return `${none}${where.length > 0 ? `${words.separator}${where.join(words.and)}` : ''}. ${words.pick}`;
}

/** The sentence a report of a period without a single post is refused with (in English, as the CLI and the API word refusals), or null when the period holds posts. */
export async function noPostsSentence(store: Store, period: Period, timezone: string): Promise<string | null> {
  if ((await postsInPeriod(store, period)) > 0) return null;
  return emptyPeriodSentence(period, await dataSpanAround(store, period, timezone));
}
