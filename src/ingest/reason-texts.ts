import type { Language } from '../report/i18n/language.js';
import { POST_KINDS } from '../store/schema.js';
import { PIPELINE_REASONS } from './canonical.js';
import { EXCEL_DAMAGE_REASONS } from './formats/excel-damage.js';
import { emptyAuthorReason, GENERIC_NO_PLATFORM_REASON, GENERIC_UNKNOWN_PLATFORM_REASON } from './formats/generic.js';
import { EARLIEST_OTHER, FUTURE_REASON, PLATFORM_BEGINNINGS, tooEarlyReason } from './plausible-dates.js';
import { FIELD_TOO_LONG_REASON, tooManyCellsReason } from './source/recover.js';

/**
 * Why rows are rejected, in the local page's language. A reason is recorded
 * (import_rejects, `rejectedByReason`) in English; these are the texts of the
 * pipeline's own reasons, which every layout shares, and those of a layout
 * mapped in the page (the generic format's). Another format's own reason
 * quotes that export's column names, and stays as it is written.
 */
interface ReasonPhrases {
  fixed: Record<string, string>;
  emptyAuthor(column: string): string;
  tooEarly(platform: string | null, since: string): string;
  tooManyCells(columns: string, delimiter: string): string;
  delimiters: Record<string, string>;
}

const PHRASES: Record<Exclude<Language, 'en'>, ReasonPhrases> = {
  es: {
    fixed: {
      [PIPELINE_REASONS.missingId]: 'sin id de publicación',
      [PIPELINE_REASONS.missingDate]: 'sin fecha',
      [PIPELINE_REASONS.badDate]: 'fecha no leída',
      [PIPELINE_REASONS.badOffset]: 'desfase horario de más de ±14:00 (ningún lugar de la Tierra está más lejos de UTC)',
      [PIPELINE_REASONS.missingAuthor]: 'sin autor',
      [PIPELINE_REASONS.missingPlatform]: 'ninguna plataforma para esta fila; indique --platform',
      [PIPELINE_REASONS.badKind]: `el tipo no es uno de ${POST_KINDS.join(', ')}`,
      [PIPELINE_REASONS.repeatedHeader]: 'una copia de la línea de encabezado (¿exportaciones unidas en un solo archivo?), no una publicación',
      [EXCEL_DAMAGE_REASONS.id]:
        'el id de la publicación está en notación científica (p. ej. 1.23E+17) o aparece como #####: Excel lo redondeó y el id real se perdió; exporte los datos de nuevo sin abrirlos en Excel',
      [EXCEL_DAMAGE_REASONS.author]:
        'el autor es un número en notación científica o aparece como #####: Excel lo dañó y se mezclarían autores; exporte los datos de nuevo sin abrirlos en Excel',
      [FUTURE_REASON]: 'fecha en el futuro (más de un día después de la importación)',
      [FIELD_TOO_LONG_REASON]: 'un campo ocupa más de 64 MB, lo máximo que lee replybench',
      [GENERIC_NO_PLATFORM_REASON]: 'ninguna plataforma para esta fila; indíquela en la correspondencia de columnas o con --platform',
      [GENERIC_UNKNOWN_PLATFORM_REASON]: 'la columna de la plataforma contiene un valor que no es una plataforma que replybench conozca; asigne sus valores a plataformas en la correspondencia de columnas',
    },
    emptyAuthor: (column) => `la columna del autor «${column}» está vacía`,
    tooEarly: (platform, since) => (platform ? `fecha anterior a la existencia de ${platform} (antes del ${since})` : `fecha anterior al ${since} (demasiado antigua para una publicación en redes sociales)`),
    tooManyCells: (columns, delimiter) => `más celdas que las ${columns} del encabezado (¿${delimiter} dentro de un texto sin comillas?): sus valores caerían en otras columnas`,
    delimiters: { TAB: 'un TAB', semicolon: 'un punto y coma', comma: 'una coma' },
  },
  fr: {
    fixed: {
      [PIPELINE_REASONS.missingId]: 'sans identifiant de publication',
      [PIPELINE_REASONS.missingDate]: 'sans date',
      [PIPELINE_REASONS.badDate]: 'date non lue',
      [PIPELINE_REASONS.badOffset]: 'décalage horaire au-delà de ±14:00 (aucun lieu sur Terre n’est plus loin d’UTC)',
      [PIPELINE_REASONS.missingAuthor]: 'sans auteur',
      [PIPELINE_REASONS.missingPlatform]: 'aucune plateforme pour cette ligne\u00a0; indiquez --platform',
      [PIPELINE_REASONS.badKind]: `le type n’est pas l’un de ${POST_KINDS.join(', ')}`,
      [PIPELINE_REASONS.repeatedHeader]: 'une copie de la ligne d’en-tête (exports réunis dans un seul fichier\u00a0?), pas une publication',
      [EXCEL_DAMAGE_REASONS.id]:
        'l’identifiant de la publication est en notation scientifique (p. ex. 1.23E+17) ou affiché #####\u00a0: Excel l’a arrondi et le vrai identifiant est perdu\u00a0; exportez de nouveau les données sans les ouvrir dans Excel',
      [EXCEL_DAMAGE_REASONS.author]:
        'l’auteur est un nombre en notation scientifique ou affiché #####\u00a0: Excel l’a abîmé et des auteurs seraient confondus\u00a0; exportez de nouveau les données sans les ouvrir dans Excel',
      [FUTURE_REASON]: 'date dans le futur (plus d’un jour après l’import)',
      [FIELD_TOO_LONG_REASON]: 'un champ dépasse 64 Mo, le plus que lit replybench',
      [GENERIC_NO_PLATFORM_REASON]: 'aucune plateforme pour cette ligne\u00a0; indiquez-la dans la correspondance des colonnes ou avec --platform',
      [GENERIC_UNKNOWN_PLATFORM_REASON]: 'la colonne de la plateforme contient une valeur qui n’est pas une plateforme connue de replybench\u00a0; associez ses valeurs à des plateformes dans la correspondance des colonnes',
    },
    emptyAuthor: (column) => `la colonne de l’auteur «\u00a0${column}\u00a0» est vide`,
    tooEarly: (platform, since) => (platform ? `date antérieure aux débuts de la plateforme ${platform} (avant le ${since})` : `date d’avant le ${since} (trop ancienne pour une publication sur les réseaux sociaux)`),
    tooManyCells: (columns, delimiter) => `plus de cellules que les ${columns} de l’en-tête (${delimiter} dans un texte sans guillemets\u00a0?)\u00a0: ses valeurs tomberaient dans d’autres colonnes`,
    delimiters: { TAB: 'un TAB', semicolon: 'un point-virgule', comma: 'une virgule' },
  },
};

/** Where the column's name sits in emptyAuthorReason's English text. */
const EMPTY_AUTHOR = new RegExp(`^${escapeRegExp(emptyAuthorReason('\u0000')).replace('\u0000', '(.*)')}$`);

/** Where the column count and the delimiter's name sit in tooManyCellsReason's English text. */
const TOO_MANY_CELLS = new RegExp(`^${escapeRegExp(tooManyCellsReason(1234567, '|')).replace('1234567', '(\\d+)').replace('"\\|"', '(TAB|semicolon|comma|"[^"]*")')}$`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A reject reason in `language`; one without a text there is given as it is written. */
export function reasonText(reason: string, language: Language): string {
  if (language === 'en') return reason;
  const phrases = PHRASES[language];
  const fixed = phrases.fixed[reason];
  if (fixed !== undefined) return fixed;
  for (const { platform, since } of [...PLATFORM_BEGINNINGS, { platform: null, since: EARLIEST_OTHER }]) {
    if (reason === tooEarlyReason(platform, since)) return phrases.tooEarly(platform, since);
  }
  const author = EMPTY_AUTHOR.exec(reason);
  if (author?.[1] !== undefined) return phrases.emptyAuthor(author[1]);
  const cells = TOO_MANY_CELLS.exec(reason);
  if (cells?.[1] && cells[2]) return phrases.tooManyCells(cells[1], phrases.delimiters[cells[2]] ?? cells[2]);
  return reason;
}

/** Counts per reason with each reason in `language` (two reasons written alike there are counted together). */
export function reasonCountsIn(counts: Record<string, number>, language: Language): Record<string, number> {
  const shown: Record<string, number> = {};
  for (const [reason, count] of Object.entries(counts)) {
    const text = reasonText(reason, language);
    shown[text] = (shown[text] ?? 0) + count;
  }
  return shown;
}
