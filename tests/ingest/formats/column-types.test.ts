import { describe, expect, test } from 'vitest';
import { brandwatchFormat } from '../../../src/ingest/formats/brandwatch.js';
import { genericFormat, loadGenericMapping, parseGenericMapping } from '../../../src/ingest/formats/generic.js';
import { meltwaterFormat } from '../../../src/ingest/formats/meltwater.js';
import { sproutFormat } from '../../../src/ingest/formats/sprout.js';
import { talkwalkerFormat } from '../../../src/ingest/formats/talkwalker.js';
import { twarc2Format } from '../../../src/ingest/formats/twarc2.js';
import { twcsFormat } from '../../../src/ingest/formats/twcs.js';
import type { ExportFormat } from '../../../src/ingest/formats/types.js';
import { runFormat } from './run-format.js';

const FIXTURES = 'tests/fixtures/formats';
const MAPPING = `${FIXTURES}/generic_semicolon.mapping.yaml`;

// The canonical types of `posts`: an untyped NULL (INTEGER) would break the merge into existing rows.
const EXPECTED = {
  platform: 'VARCHAR',
  post_id: 'VARCHAR',
  created_at: 'TIMESTAMP WITH TIME ZONE',
  author: 'VARCHAR',
  author_name: 'VARCHAR',
  author_followers: 'BIGINT',
  kind: 'VARCHAR',
  parent_id: 'VARCHAR',
  parent_url: 'VARCHAR',
  thread_id: 'VARCHAR',
  text: 'VARCHAR',
  url: 'VARCHAR',
  language: 'VARCHAR',
  sentiment: 'VARCHAR',
  topic: 'VARCHAR',
  response_ids: 'VARCHAR',
  reply_to_user: 'VARCHAR',
};

const CASES: Array<{ name: string; format: ExportFormat; file: string; delimiter?: string }> = [
  { name: 'twcs', format: twcsFormat, file: `${FIXTURES}/twcs_kaggle_sample.csv` },
  { name: 'twarc2', format: twarc2Format, file: `${FIXTURES}/twarc2_rows.csv` },
  { name: 'talkwalker', format: talkwalkerFormat, file: `${FIXTURES}/talkwalker.csv` },
  { name: 'meltwater', format: meltwaterFormat, file: `${FIXTURES}/meltwater.utf8.tsv`, delimiter: '\t' },
  { name: 'brandwatch', format: brandwatchFormat, file: `${FIXTURES}/brandwatch_rows.csv` },
  { name: 'sprout', format: sproutFormat, file: `${FIXTURES}/sprout_rows.csv` },
  { name: 'generic (full mapping)', format: genericFormat(loadGenericMapping(MAPPING), MAPPING), file: `${FIXTURES}/generic_semicolon.csv`, delimiter: ';' },
  {
    name: 'generic (minimal mapping)',
    format: genericFormat(parseGenericMapping({ columns: { id: 'Nº', author: 'Usuario', date: 'Fecha publicación' }, platform: 'twitter' }, 'm.yaml'), 'm.yaml'),
    file: `${FIXTURES}/generic_semicolon.csv`,
    delimiter: ';',
  },
];

describe('every format writes the canonical column types', () => {
  test.each(CASES)('$name', async ({ format, file, delimiter }) => {
    const mapped = await runFormat(format, file, delimiter ? { delimiter } : {});
    expect(mapped.types).toEqual(EXPECTED);
  });
});
