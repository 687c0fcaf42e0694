import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { Analysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
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
  for (const brand of config.brands) {
    const names = [brand.name, brand.id, ...brand.topics, ...Object.values(brand.accounts).flat()];
    // A handle is one word to people ("AcmeCares"), but its parts are the brand's name too ("acme", "cares" when written acme_cares).
    for (const name of names) for (const word of themeWords(name.replace(/[_.-]/g, ' ')).split(' ')) if (word !== '') words.add(word);
    for (const handle of Object.values(brand.accounts).flat()) words.add(themeWords(handle.replace(/[_.-]/g, '')));
  }
  await analysis.sql('INSERT INTO rb_theme_stopwords SELECT unnest($words)', { words: listValue([...words]) });
}
