import { describe, expect, it } from 'vitest';
import { PIPELINE_REASONS } from '../../src/ingest/canonical.js';
import { EXCEL_DAMAGE_REASONS } from '../../src/ingest/formats/excel-damage.js';
import { emptyAuthorReason, GENERIC_NO_PLATFORM_REASON } from '../../src/ingest/formats/generic.js';
import { EARLIEST_OTHER, FUTURE_REASON, PLATFORM_BEGINNINGS, tooEarlyReason } from '../../src/ingest/plausible-dates.js';
import { reasonCountsIn, reasonText } from '../../src/ingest/reason-texts.js';
import { FIELD_TOO_LONG_REASON, tooManyCellsReason } from '../../src/ingest/source/recover.js';

/** English words no Spanish or French reason holds. */
const ENGLISH = /\b(the|date in|before|missing|cells|not|is|would|existed)\b/;

describe('why rows are rejected, in the page language', () => {
  it("writes every reason of the pipeline's own checks in Spanish and French", () => {
    const { conflict: _recordedApart, reorderedHeader: _fileRefused, ...checked } = PIPELINE_REASONS;
    const reasons = [
      ...Object.values(checked),
      EXCEL_DAMAGE_REASONS.id,
      EXCEL_DAMAGE_REASONS.author,
      FUTURE_REASON,
      FIELD_TOO_LONG_REASON,
      ...PLATFORM_BEGINNINGS.map(({ platform, since }) => tooEarlyReason(platform, since)),
      tooEarlyReason(null, EARLIEST_OTHER),
      ...['\t', ';', ',', '|'].map((delimiter) => tooManyCellsReason(12, delimiter)),
      GENERIC_NO_PLATFORM_REASON,
      emptyAuthorReason('Autor'),
    ];
    for (const reason of reasons) {
      for (const language of ['es', 'fr'] as const) {
        const text = reasonText(reason, language);
        expect(text, reason).not.toBe(reason);
        expect(text.replace(/\b(post|reply|repost|quote|comment)\b/g, ''), `${language}: ${reason}`).not.toMatch(ENGLISH);
      }
    }
    expect(reasonText(tooManyCellsReason(7, ';'), 'es')).toBe('más celdas que las 7 del encabezado (¿un punto y coma dentro de un texto sin comillas?): sus valores caerían en otras columnas');
    expect(reasonText(emptyAuthorReason('Nombre de usuario'), 'es')).toBe('la columna del autor «Nombre de usuario» está vacía');
    expect(reasonText(tooEarlyReason('instagram', '2010-10-06'), 'fr')).toBe('date antérieure aux débuts de la plateforme instagram (avant le 2010-10-06)');
  });

  it("keeps English, and a format's own reason, as written", () => {
    expect(reasonText(PIPELINE_REASONS.badDate, 'en')).toBe('unparseable date');
    expect(reasonText('author_id is empty', 'fr')).toBe('author_id is empty');
    expect(reasonCountsIn({ 'missing date': 2, 'author_id is empty': 1 }, 'es')).toEqual({ 'sin fecha': 2, 'author_id is empty': 1 });
  });
});
