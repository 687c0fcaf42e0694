/**
 * Proposes a generic mapping's `date.format` from the date texts of a file,
 * for the messages that say no date could be read.
 */

/** A proposed strptime pattern and what the user should know about it. */
export interface DateFormatHint {
  format: string;
  /** The values end with a UTC offset, which `%z` reads (so `--timezone` does not apply). */
  offset: boolean;
  /** Day and month could not be told apart (no day above 12): the pattern reads day first. */
  dayMonthAmbiguous: boolean;
  /** The values end in `Z`: the pattern reads them as local time, so the timezone must be UTC. */
  utc: boolean;
}

const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)/;
const DAY_MONTH_NAME = /^(\d{1,2})([- ])([A-Za-z]{3})\2(\d{4}|\d{2})(?!\d)/;
const MONTH_NAME_DAY = /^([A-Za-z]{3}) (\d{1,2})(,?) (\d{4})(?!\d)/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:([.,])\d+)?(?:(\s*)([AaPp][Mm]))?/;
const OFFSET = /^(\s*)(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})$/;
/** Twitter's own way: "Wed Oct 11 06:55:44 +0000 2017", the year after the offset. */
const TWITTER = /^[A-Za-z]{3} [A-Za-z]{3} \d{1,2} \d{1,2}:\d{2}:\d{2} [+-]\d{4} \d{4}$/;
/** A weekday's name before the date ("Wed, 11 Oct 2017 06:55:44 +0000", as e-mail and RSS write it). */
const WEEKDAY = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(,?) (?=\d|[A-Za-z]{3} \d)/i;

interface Shape {
  format: string;
  offset: boolean;
  utc: boolean;
  /** For day/month/year dates: the first two numbers, to decide which is the day. */
  pair: [number, number] | null;
}

/** The pattern of one value, with `%D1`/`%D2` standing for the two numbers of a numeric date until their order is known. */
function shapeOf(value: string): Shape | null {
  let rest = value.trim();
  let format = '';
  let pair: [number, number] | null = null;
  const take = (match: RegExpExecArray): void => {
    rest = rest.slice(match[0].length);
  };
  let match: RegExpExecArray | null;
  if (TWITTER.test(rest)) return { format: '%a %b %d %H:%M:%S %z %Y', offset: true, utc: false, pair: null };
  if ((match = WEEKDAY.exec(rest))) {
    format += `%a${match[2]} `;
    take(match);
  }
  if ((match = YEAR_FIRST.exec(rest))) {
    format += `%Y${match[2]}%m${match[2]}%d`;
    take(match);
  } else if ((match = NUMERIC_DATE.exec(rest))) {
    pair = [Number(match[1]), Number(match[3])];
    format += `%D1${match[2]}%D2${match[2]}${match[4]?.length === 4 ? '%Y' : '%y'}`;
    take(match);
  } else if ((match = DAY_MONTH_NAME.exec(rest))) {
    format += `%d${match[2]}%b${match[2]}${match[4]?.length === 4 ? '%Y' : '%y'}`;
    take(match);
  } else if ((match = MONTH_NAME_DAY.exec(rest))) {
    format += `%b %d${match[3]} %Y`;
    take(match);
  } else return null;

  const separator = /^(T|,?\s+)/.exec(rest);
  const afterSeparator = separator ? rest.slice(separator[0].length) : rest;
  if ((match = TIME.exec(afterSeparator))) {
    const twelveHour = match[6] !== undefined;
    format += `${separator?.[0] ?? ''}${twelveHour ? '%I' : '%H'}:%M${match[3] !== undefined ? ':%S' : ''}${match[4] !== undefined ? `${match[4]}%f` : ''}`;
    if (twelveHour) format += `${match[5] ?? ''}%p`;
    rest = afterSeparator.slice(match[0].length);
  }
  let offset = false;
  let utc = false;
  if ((match = OFFSET.exec(rest))) {
    if (match[2] === 'Z') {
      utc = true;
      format += `${match[1] ?? ''}Z`;
    } else {
      offset = true;
      format += `${match[1] ?? ''}%z`;
    }
    rest = '';
  }
  return rest.trim() === '' ? { format, offset, utc, pair } : null;
}

/**
 * A strptime pattern that reads every sample (empty ones ignored), or null
 * when they do not share one shape this knows. Numeric dates read day first
 * unless a sample has a second number above 12. `evidence` (more values of
 * the same column) of the samples' shape also decides which number is the
 * day: five samples of the first days of a month cannot tell.
 * @example proposeDateFormat(['31/10/2017 22:10 +0200']) // { format: '%d/%m/%Y %H:%M %z', offset: true, ... }
 */
export function proposeDateFormat(samples: readonly string[], evidence: readonly string[] = []): DateFormatHint | null {
  const shapes = samples.filter((sample) => sample.trim() !== '').map(shapeOf);
  const first = shapes[0];
  if (!first || shapes.some((shape) => shape === null || shape.format !== first.format)) return null;
  const alike = evidence.map(shapeOf).filter((shape) => shape !== null && shape.format === first.format);
  const pairs = [...shapes, ...alike].flatMap((shape) => (shape?.pair ? [shape.pair] : []));
  const dayFirst = pairs.some(([a]) => a > 12) || !pairs.some(([, b]) => b > 12);
  if (pairs.some(([a]) => a > 12) && pairs.some(([, b]) => b > 12)) return null;
  const format = first.format.replace('%D1', dayFirst ? '%d' : '%m').replace('%D2', dayFirst ? '%m' : '%d');
  return {
    format,
    offset: shapes.some((shape) => shape?.offset),
    dayMonthAmbiguous: pairs.length > 0 && !pairs.some(([a, b]) => a > 12 || b > 12),
    utc: shapes.some((shape) => shape?.utc),
  };
}

/**
 * The advice a "no date could be read" message gives: a `date.format` for
 * dates like the samples, or a generic example when none fits.
 */
export function dateFormatAdvice(samples: readonly string[], hint: DateFormatHint | null = proposeDateFormat(samples)): string {
  if (!hint) return 'set date.format in the mapping (e.g. "%d/%m/%Y %H:%M")';
  const notes: string[] = [];
  if (hint.offset) notes.push('%z reads the UTC offset the dates carry, so no timezone setting applies to them');
  if (hint.utc) notes.push('the dates end in Z (UTC): also set date.timezone: UTC');
  if (hint.dayMonthAmbiguous) notes.push('no day above 12 in the examples: check that %d (day) comes where the day is');
  return `set date.format in the mapping (e.g. "${hint.format}"${notes.length ? `: ${notes.join('; ')}` : ''})`;
}
