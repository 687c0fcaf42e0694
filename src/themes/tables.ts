import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { Analysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
import { brandNameWords } from '../analysis/brand-words.js';
import { stopwordsFor } from './stopwords.js';
import { themeWords } from './words.js';

const languageRow = z.object({ language: z.string() });

/**
 * The config's theme phrases, and the words that never make a found theme:
 * the stop words of the languages present and the words of the tracked
 * brands' names, handles and topics.
 */
export async function fillThemeTables(analysis: Analysis): Promise<void> {
  const { config } = analysis;
  await analysis.run('themes/config');
  const phrases = Object.entries(config.themes).flatMap(([theme, list]) => list.map((phrase) => ({ theme, phrase: themeWords(phrase) })).filter((entry) => entry.phrase !== ''));
  if (phrases.length > 0) {
    await analysis.sql('INSERT INTO rb_theme_phrases SELECT unnest($themes), unnest($phrases)', {
      themes: listValue(phrases.map((entry) => entry.theme)),
      phrases: listValue(phrases.map((entry) => entry.phrase)),
    });
  }
  const languages = await analysis.sqlRows(
    'languages of the posts',
    languageRow,
    'SELECT DISTINCT language FROM posts WHERE language IS NOT NULL AND created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ',
    { from: iso(analysis.previous.start), end: iso(analysis.period.end) },
  );
  const words = stopwordsFor(languages.map((row) => row.language));
  for (const name of brandNameWords(config)) for (const word of themeWords(name).split(' ')) if (word !== '') words.add(word);
  await analysis.sql('INSERT INTO rb_theme_stopwords SELECT unnest($words)', { words: listValue([...words]) });
}
