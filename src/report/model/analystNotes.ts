import type { MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import type { StoreFacts } from './storeFacts.js';
import type { LabelledValue } from './types.js';

/**
 * What the analyst needs and the client does not: where the numbers came
 * from on this machine (file paths as imported), which config keys and export
 * columns would fill what the report leaves out, and where rejected rows are
 * kept. The workbook's "Analyst notes" sheet is the only deliverable that
 * carries config keys, JSON fields and paths; client pages never do.
 */
export function analystNotes(metrics: MetricsReport, facts: StoreFacts | null, absent: ReadonlySet<string>, format: Formatter, t: Translate): LabelledValue[] {
  const notes: LabelledValue[] = [];
  for (const batch of facts?.imports ?? []) notes.push({ label: t('analyst.file'), value: t(batch.imported === 1 ? 'analyst.fileValueOne' : 'analyst.fileValue', { file: batch.file, format: batch.format, imported: format.count(batch.imported) }) });
  if (facts && facts.rejectedRows > 0) notes.push({ label: t('analyst.rejected'), value: t('analyst.rejectedValue', { count: format.count(facts.rejectedRows) }) });
  if (absent.has('sentiment')) notes.push({ label: t('analyst.sentiment'), value: t('analyst.sentimentValue') });
  if (absent.has('influencers')) notes.push({ label: t('analyst.followers'), value: t('analyst.followersValue') });
  if ((metrics.diagnostics?.notes ?? []).some((note) => note.code === 'no-business-hours')) notes.push({ label: t('analyst.businessHours'), value: t('analyst.businessHoursValue') });
  notes.push({ label: t('analyst.settings'), value: t('analyst.settingsValue') });
  return notes;
}
