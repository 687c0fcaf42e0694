import { basename, isAbsolute, normalize, relative } from 'node:path';
import { archiveOfMember, memberPath } from '../../ingest/archive.js';
import type { MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import type { StoreFacts } from './storeFacts.js';
import { printableName } from './examples.js';
import { importNotes } from './methodology.js';
import type { LabelledValue } from './types.js';

/**
 * What the analyst needs and the client does not: where the numbers came
 * from (the files by their place in the project folder, and what the import
 * corrected or set aside in each, in its own words), which config keys and
 * export columns would fill what the report leaves out, and where rejected
 * rows are kept. analyst-notes.xlsx, beside the report, is the only file that
 * carries config keys, JSON fields and file paths; the client's never do.
 */
export function analystNotes(metrics: MetricsReport, facts: StoreFacts | null, absent: ReadonlySet<string>, projectDir: string, format: Formatter, t: Translate): LabelledValue[] {
  const notes: LabelledValue[] = [];
  for (const batch of facts?.imports ?? []) {
    const file = printableName(projectPath(batch.file, projectDir));
    notes.push({ label: t('analyst.file'), value: t(batch.imported === 1 ? 'analyst.fileValueOne' : 'analyst.fileValue', { file, format: batch.format, imported: format.count(batch.imported) }) });
  }
  for (const note of importNotes(facts, format, t)) notes.push({ label: t('analyst.importWarning'), value: note });
  if (facts && facts.rejectedRows > 0) notes.push({ label: t('analyst.rejected'), value: t(facts.rejectedRows === 1 ? 'analyst.rejectedValueOne' : 'analyst.rejectedValue', { count: format.count(facts.rejectedRows) }) });
  if (absent.has('sentiment')) notes.push({ label: t('analyst.sentiment'), value: t('analyst.sentimentValue') });
  if (absent.has('influencers')) notes.push({ label: t('analyst.followers'), value: t('analyst.followersValue') });
  const withoutHours = new Set((metrics.diagnostics?.notes ?? []).filter((note) => note.code === 'no-business-hours').map((note) => note.brandId));
  if (withoutHours.size > 0) {
    // Said of the brands it is true of: a client with hours beside competitors without them is not "no brand".
    const named = metrics.brands.filter((brand) => withoutHours.has(brand.id));
    const value = named.length === metrics.brands.length ? t('analyst.businessHoursValue') : t('analyst.businessHoursSomeValue', { brands: format.list(named.map((brand) => printableName(brand.name))) });
    notes.push({ label: t('analyst.businessHours'), value });
  }
  notes.push({ label: t('analyst.settings'), value: t('analyst.settingsValue') });
  return notes;
}

/**
 * A file as imported, relative to the project folder (exports/october.csv); one outside it by its name alone: no path
 * of this machine goes to the client. A relative path is kept as the import was given it. An archive's member is its
 * archive's place and its own name (exports/q4.zip:october/mentions.csv).
 */
function projectPath(file: string, projectDir: string): string {
  const split = archiveOfMember(file);
  if (split) return memberPath(projectPath(split.archive, projectDir), split.member);
  if (!isAbsolute(file)) return normalize(file).startsWith('..') ? basename(file) : normalize(file);
  const inside = relative(projectDir, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : basename(file);
}
