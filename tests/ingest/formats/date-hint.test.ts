import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { dateFormatAdvice, proposeDateFormat } from '../../../src/ingest/formats/date-hint.js';

async function parses(value: string, format: string): Promise<string | null> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const reader = await connection.runAndReadAll('SELECT try_strptime($value, $format)::VARCHAR AS at', { value, format });
    return (reader.getRowObjectsJS()[0]?.at as string | null) ?? null;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('a date.format proposed from the file’s dates', () => {
  const cases: Array<{ samples: string[]; format: string; read: string }> = [
    { samples: ['31/10/2017 22:10 +0200', '01/11/2017 08:00 +0100'], format: '%d/%m/%Y %H:%M %z', read: '2017-10-31 20:10:00+00' },
    { samples: ['2017-10-31 22:10:47+02:00'], format: '%Y-%m-%d %H:%M:%S%z', read: '2017-10-31 20:10:47+00' },
    { samples: ['10/31/2017 10:10 PM'], format: '%m/%d/%Y %I:%M %p', read: '2017-10-31 22:10:00' },
    { samples: ['31.10.17 22:10:05,250'], format: '%d.%m.%y %H:%M:%S,%f', read: '2017-10-31 22:10:05.25' },
    { samples: ['13-Aug-2025 09:07AM'], format: '%d-%b-%Y %I:%M%p', read: '2025-08-13 09:07:00' },
    { samples: ['Oct 31, 2017 22:10'], format: '%b %d, %Y %H:%M', read: '2017-10-31 22:10:00' },
    { samples: ['2017-10-31T22:10:47'], format: '%Y-%m-%dT%H:%M:%S', read: '2017-10-31 22:10:47' },
    // Twitter's own way, as the Kaggle export writes it under any header, and the weekday before an e-mail's date.
    { samples: ['Wed Oct 11 06:55:44 +0000 2017', 'Tue Oct 31 22:10:47 +0000 2017'], format: '%a %b %d %H:%M:%S %z %Y', read: '2017-10-11 06:55:44+00' },
    { samples: ['Wed, 11 Oct 2017 06:55:44 +0200'], format: '%a, %d %b %Y %H:%M:%S %z', read: '2017-10-11 04:55:44+00' },
  ];
  test.each(cases)('$samples.0 -> $format, which reads it', async ({ samples, format, read }) => {
    expect(proposeDateFormat(samples)?.format).toBe(format);
    expect(await parses(samples[0] ?? '', format)).toBe(read);
  });

  test('an offset proposes %z and says so; day and month that cannot be told apart are flagged', () => {
    expect(proposeDateFormat(['31/10/2017 22:10 +0200'])).toEqual({ format: '%d/%m/%Y %H:%M %z', offset: true, dayMonthAmbiguous: false, utc: false });
    expect(dateFormatAdvice(['31/10/2017 22:10 +0200'])).toBe(
      'set date.format in the mapping (e.g. "%d/%m/%Y %H:%M %z": %z reads the UTC offset the dates carry, so no timezone setting applies to them)',
    );
    expect(proposeDateFormat(['03/04/2017 10:00'])?.dayMonthAmbiguous).toBe(true);
    expect(dateFormatAdvice(['31/10/2017 22:10'])).toBe('set date.format in the mapping (e.g. "%d/%m/%Y %H:%M")');
  });

  test('dates of several shapes, or of none it knows, get the generic example', () => {
    expect(proposeDateFormat(['31/10/2017 22:10', '2017-10-31'])).toBeNull();
    expect(proposeDateFormat(['yesterday'])).toBeNull();
    expect(proposeDateFormat(['31/12/2017', '12/31/2017'])).toBeNull();
    expect(dateFormatAdvice([])).toBe('set date.format in the mapping (e.g. "%d/%m/%Y %H:%M")');
  });
});
