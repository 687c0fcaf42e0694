import { basename } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { z } from 'zod';
import { dateStyle } from '../report/i18n/dates.js';
import type { Language } from '../report/i18n/language.js';
import { counted } from '../report/i18n/plain-numbers.js';
import { EXCEL_DAMAGE_REASONS } from './formats/excel-damage.js';
import { DAY_WITHOUT_TIME_REASON } from './formats/meltwater.js';
import { UNREAD_FOLLOWERS_REASON } from './formats/sql-helpers.js';
import { DAYLIGHT_SAVING_REASON } from './formats/sql-helpers.js';
import { TWCS_WARNING_REASONS } from './formats/twcs.js';
import { MOJIBAKE_LOST_REASON, MOJIBAKE_REASON } from './mojibake.js';

const lineUnit = z.enum(['line', 'row']);
const count = z.number().int().positive();
const firstLine = z.number().int().positive().nullable();

/**
 * A warning of an import, as data: the CLI and `import --json` print its
 * English text (noticeText), the local page and the report its text in their
 * language. import_batches keeps a file's notices as JSON (`notices`); this
 * schema reads them back, and refuses what no import writes (a count of 0, an
 * empty list of lines).
 */
export const importNoticeSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('line-ends'), cause: z.enum(['mixed', 'crlf', 'doubled']) }),
  // The sheets' names: none in the notices of imports before they were recorded.
  z.object({ code: z.literal('extra-sheets'), read: z.string().optional(), skipped: z.array(z.string()).min(1).optional() }),
  z.object({ code: z.literal('damaged-sheets'), count }),
  z.object({ code: z.literal('unsaved-formulas'), count, line: firstLine }),
  /** Ranges of merged cells over two rows or more (`ranges`: the first NAMES_SHOWN, as "D7:D8"): the rows below the first read empty there. */
  z.object({ code: z.literal('merged-cells'), count, ranges: z.array(z.string()).min(1) }),
  z.object({ code: z.literal('windows-1252') }),
  z.object({ code: z.literal('macintosh') }),
  z.object({ code: z.literal('invalid-bytes'), count, lines: z.array(count).min(1), more: z.number().int().nonnegative() }),
  z.object({ code: z.literal('carriage-returns'), count }),
  z.object({ code: z.literal('nul-removed'), count, line: firstLine }),
  z.object({ code: z.literal('no-final-line-end'), line: count }),
  z.object({ code: z.literal('short-rows'), count, width: count, unit: lineUnit, line: firstLine }),
  z.object({ code: z.literal('skipped-members'), archive: z.string(), names: z.array(z.string()).min(1) }),
  z.object({ code: z.literal('earlier-import'), batchId: count, at: z.string() }),
  /** The same content was imported before with its times that name no offset read in another zone: its posts keep the earlier times. */
  z.object({ code: z.literal('earlier-timezone'), earlier: z.string(), now: z.string() }),
  z.object({ code: z.literal('no-rows') }),
  /** The file writes day and month the other way round from its layout's usual order: read so (day-month.ts). */
  z.object({ code: z.literal('day-month-swapped'), dayFirst: z.boolean(), failing: count, dates: count }),
  /** No date of the file says its order: `dates` read to other days the other way round; read as the layout writes them (day-month.ts). */
  z.object({ code: z.literal('dates-either-way'), dayFirst: z.boolean(), dates: count }),
  /** A column the layout reads that the header names more than once (1-based positions): the first is read. */
  z.object({ code: z.literal('repeated-column'), column: z.string(), positions: z.array(count).min(2) }),
  z.object({ code: z.literal('rows'), count, reason: z.string().min(1), unit: lineUnit, line: firstLine }),
  z.object({ code: z.literal('differing-copies'), count, example: z.string().nullable() }),
  /**
   * Copies of stored posts alike but for their time, a timezone's offset apart (`hours`, the copy's time minus the stored
   * one): the stored times kept. `offsets` when the file's times and the stored ones all name their offset: no zone
   * setting moved them, the export did (absent from notices recorded before it was told).
   */
  z.object({ code: z.literal('shifted-copies'), count, example: z.string().nullable(), hours: z.number().refine((hours) => hours !== 0), offsets: z.literal(true).optional() }),
  z.object({ code: z.literal('rescored-copies'), count, example: z.string().nullable() }),
  /** A warning an earlier import recorded (import_batches keeps its text), repeated as it was written. */
  z.object({ code: z.literal('recorded'), text: z.string() }),
]);
export type ImportNotice = z.infer<typeof importNoticeSchema>;

type LineUnit = z.infer<typeof lineUnit>;

/**
 * The notices import_batches keeps for a file (its `notices` JSON), or null
 * when it keeps none readable: an import by replybench before schema version
 * 5, or a row edited by hand. Then only the English text of `warnings` is known.
 */
export function storedNotices(json: string | null): ImportNotice[] | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = z.array(importNoticeSchema).safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Whether the client's report tells of the notice: what the import changed in
 * the file's rows, or did not read. Line ends read as LF, an earlier import of
 * the same file and an empty file change no stored value.
 */
export function changedTheData(notice: ImportNotice): boolean {
  return !['line-ends', 'earlier-import', 'earlier-timezone', 'no-rows', 'dates-either-way', 'recorded'].includes(notice.code);
}

type Notice<Code extends ImportNotice['code']> = Extract<ImportNotice, { code: Code }>;

/** Names of the archive's other files a warning lists; the rest are counted. */
export const NAMES_SHOWN = 5;

interface NoticePhrases {
  unit(unit: LineUnit): string;
  firstAt(unit: LineUnit, line: number | null): string;
  texts: { [Code in Exclude<ImportNotice['code'], 'recorded'>]: (notice: Notice<Code>) => string };
  /** The reasons of counted row warnings (a format's own), in this language; English ones are their own text. */
  reasons: Record<string, string>;
}

const PHRASES: Record<Language, NoticePhrases> = {
  en: {
    unit: (unit) => unit,
    firstAt: (unit, line) => (line === null ? '' : ` (first at ${unit} ${line})`),
    texts: {
      'line-ends': ({ cause }) =>
        cause === 'doubled'
          ? "the file's line ends are CR CR LF (a Windows line end written twice, as a program writing CSV on Windows can): each read as one line end"
          : `${cause === 'mixed' ? 'the file mixes Windows (CRLF) and Unix (LF) line ends' : "the reader stopped on the file's Windows (CRLF) line ends"}: read with every line end as LF`,
      'extra-sheets': ({ read, skipped }) =>
        read === undefined || skipped === undefined
          ? 'the workbook has more than one worksheet with data: only the first was read'
          : `the workbook has more than one worksheet with data: only "${read}" was read (the first tab shown), not ${shownNames(skipped.map((sheet) => `"${sheet}"`), (more) => ` and ${more} more`)}`,
      'damaged-sheets': ({ count }) => `${count === 1 ? 'another worksheet is' : `${count} other worksheets are`} damaged and could not be read; only the first worksheet is imported`,
      'unsaved-formulas': ({ count, line }) =>
        `${counted('en', count, 'cell holds', 'cells hold')} a formula without its result (the workbook was written by a program and never saved by a spreadsheet): read empty${line === null ? '' : ` (first on row ${line})`}; open it in Excel and save it, or export CSV`,
      'merged-cells': ({ count, ranges }) =>
        `${counted('en', count, 'range of merged cells spans', 'ranges of merged cells span')} two rows or more (${ranges.join(', ')}${count > ranges.length ? ` and ${count - ranges.length} more` : ''}): Excel keeps a merged range's value in its first cell only, so the cells below it were read empty; unmerge them in Excel, fill them in and save, or export CSV`,
      'windows-1252': () => "the file is not valid UTF-8: read as Windows-1252 (Excel's Western European encoding); check that accented letters look right",
      macintosh: () => 'the file is not valid UTF-8 and its lines end in CR, as Excel for Mac\'s "CSV (Macintosh)" writes: read as Mac Roman; check that accented letters look right',
      'invalid-bytes': ({ count, lines, more }) =>
        `${counted('en', count, 'byte', 'bytes')} not valid in UTF-8 (a character from another encoding?) stored as "\uFFFD" on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${more > 0 ? ` and ${counted('en', more, 'more byte', 'more bytes')}` : ''}; the rest of the file is read as UTF-8`,
      'carriage-returns': ({ count }) => `${count} carriage return${count === 1 ? '' : 's'} inside fields kept as text (not read as line breaks)`,
      'nul-removed': ({ count, line }) => `${counted('en', count, 'NUL character', 'NUL characters')} (0x00, never part of a text) removed${line === null ? '' : ` (first on line ${line})`}`,
      'no-final-line-end': ({ line }) => `the file does not end with a line end: if it was cut short (a download that stopped), its last row, on line ${line}, may have lost its end; compare it with the source`,
      'short-rows': ({ count, width, unit, line }) => `${counted('en', count, 'row', 'rows')} had fewer cells than the header (${width}); the missing cells were read as empty${en.firstAt(unit, line)}`,
      'skipped-members': ({ archive, names }) => {
        const [others, archives] = zipsApart(names);
        return [
          others.length === 0 ? '' : `${basename(archive)} also holds ${others.length} file${others.length === 1 ? '' : 's'} that ${others.length === 1 ? 'is' : 'are'} not a CSV, TSV or XLSX export, not read: ${shownNames(others, (more) => ` and ${more} more`)}`,
          archives.length === 0 ? '' : `${basename(archive)} holds ${counted('en', archives.length, 'zip archive', 'zip archives')} of its own, not read: ${shownNames(archives, (more) => ` and ${more} more`)}; unzip ${archives.length === 1 ? 'it and import its' : 'them and import their'} files`,
        ].filter((part) => part !== '').join('; ');
      },
      'earlier-import': ({ at }) => `the same content was already imported on ${at}: its posts are counted as duplicates`,
      'earlier-timezone': ({ earlier, now }) =>
        `that import read the times that name no timezone in ${earlier}, and its posts keep those times: they were not read in ${now}; to read them in ${now}, import the files into a new, empty database (a new client in the page)`,
      'no-rows': () => 'the file has a header but no data rows',
      'day-month-swapped': ({ dayFirst, failing, dates }) =>
        `the dates are written ${dayFirst ? 'day' : 'month'} first, not ${dayFirst ? 'month' : 'day'} first as this layout's usually are: read ${dayFirst ? 'day' : 'month'} first (${failing} of ${dates} cannot be read the other way)`,
      'dates-either-way': ({ dayFirst, dates }) =>
        `no date of the file has a day above 12, so none says whether it is written day or month first: read ${dayFirst ? 'day' : 'month'} first, as this layout writes them (the other way, ${counted('en', dates, 'date', 'dates')} would fall on other days); if the tool was set to write them ${dayFirst ? 'month' : 'day'} first, export the file again with ISO dates (2025-04-03)`,
      'repeated-column': ({ column, positions }) => `the header names "${column}" ${positions.length === 2 ? 'twice' : `${positions.length} times`} (columns ${positions.join(', ')}): the first is read, ${positions.length === 2 ? 'the other is' : 'the others are'} not`,
      rows: ({ count, reason, unit, line }) => `${counted('en', count, 'row', 'rows')}: ${reason}${en.firstAt(unit, line)}`,
      'differing-copies': ({ count, example }) =>
        `${counted('en', count, 'row', 'rows')} repeat${count === 1 ? 's' : ''} a post already stored by an earlier import with another author, date or text; the stored post was kept (e.g. post_id ${example ?? ''})`,
      'shifted-copies': ({ count, example, hours, offsets }) =>
        offsets
          ? `${counted('en', count, 'row repeats', 'rows repeat')} a post already stored with the same author and text, its time ${counted('en', Math.abs(hours), 'hour', 'hours')} ${hours > 0 ? 'later' : 'earlier'} than the stored post's: both times are written with their UTC offset, so no timezone setting moved them, the export did (a corrected export?); the stored times were kept (e.g. post_id ${example ?? ''}). To take this file's times, import the exports into a new, empty database (a new client in the page) with this file first, or without the export it corrects`
          : `${counted('en', count, 'row repeats', 'rows repeat')} a post already stored with the same author and text, its time ${counted('en', Math.abs(hours), 'hour', 'hours')} ${hours > 0 ? 'later' : 'earlier'} than the stored post's: a timezone's offset, as when times that name no timezone are read in another zone than at an earlier import (--timezone, or the config's timezone, changed); the stored times were kept (e.g. post_id ${example ?? ''}). If this file's zone is the right one, import the files into a new, empty database`,
      'rescored-copies': ({ count, example }) =>
        `${counted('en', count, 'row', 'rows')} rate${count === 1 ? 's' : ''} a post already stored with another sentiment (the tool rated it again); this file's sentiment was taken, so the export imported last counts (e.g. post_id ${example ?? ''})`,
    },
    reasons: {},
  },
  es: {
    unit: (unit) => (unit === 'line' ? 'línea' : 'fila'),
    firstAt: (unit, line) => (line === null ? '' : ` (la primera en la ${PHRASES.es.unit(unit)} ${line})`),
    texts: {
      'line-ends': ({ cause }) =>
        cause === 'doubled'
          ? 'los finales de línea del archivo son CR CR LF (un final de línea de Windows escrito dos veces, como puede hacerlo un programa que escribe CSV en Windows): cada uno se leyó como un solo final de línea'
          : `${cause === 'mixed' ? 'el archivo mezcla finales de línea de Windows (CRLF) y de Unix (LF)' : 'el lector se detuvo en los finales de línea de Windows (CRLF) del archivo'}: se leyó con todos los finales de línea como LF`,
      'extra-sheets': ({ read, skipped }) =>
        read === undefined || skipped === undefined
          ? 'el libro tiene más de una hoja con datos: solo se leyó la primera'
          : `el libro tiene más de una hoja con datos: solo se leyó «${read}» (la primera pestaña visible), no ${shownNames(skipped.map((sheet) => `«${sheet}»`), (more) => ` y ${more} más`)}`,
      'damaged-sheets': ({ count }) => `${count === 1 ? 'otra hoja está dañada y no se pudo leer' : `otras ${count} hojas están dañadas y no se pudieron leer`}; solo se importa la primera hoja`,
      'unsaved-formulas': ({ count, line }) =>
        `${counted('es', count, 'celda contiene', 'celdas contienen')} una fórmula sin su resultado (un programa escribió el libro y ninguna hoja de cálculo lo guardó): ${count === 1 ? 'se leyó vacía' : 'se leyeron vacías'}${line === null ? '' : ` (la primera en la fila ${line})`}; ábralo en Excel y guárdelo, o exporte CSV`,
      'merged-cells': ({ count, ranges }) =>
        `${counted('es', count, 'rango de celdas combinadas abarca', 'rangos de celdas combinadas abarcan')} dos filas o más (${ranges.join(', ')}${count > ranges.length ? ` y ${count - ranges.length} más` : ''}): Excel guarda el valor de un rango combinado solo en su primera celda, así que las celdas de debajo se leyeron vacías; separe las celdas en Excel, rellénelas y guarde, o exporte CSV`,
      'windows-1252': () => 'el archivo no es UTF-8 válido: se leyó como Windows-1252 (la codificación de Europa occidental de Excel); compruebe que las letras con tilde se vean bien',
      macintosh: () => 'el archivo no es UTF-8 válido y sus líneas terminan en CR, como las escribe el «CSV (Macintosh)» de Excel para Mac: se leyó como Mac Roman; compruebe que las letras con tilde se vean bien',
      'invalid-bytes': ({ count, lines, more }) =>
        `${counted('es', count, 'byte no válido', 'bytes no válidos')} en UTF-8 (¿un carácter de otra codificación?) guardado${count === 1 ? '' : 's'} como «\uFFFD» en la${lines.length === 1 ? '' : 's'} línea${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${more > 0 ? ` y ${counted('es', more, 'byte más', 'bytes más')}` : ''}; el resto del archivo se lee como UTF-8`,
      'carriage-returns': ({ count }) =>
        `${counted('es', count, 'retorno de carro dentro de un campo se conservó', 'retornos de carro dentro de campos se conservaron')} como texto (no como saltos de línea)`,
      'nul-removed': ({ count, line }) => `${counted('es', count, 'carácter NUL', 'caracteres NUL')} (0x00, nunca forma parte de un texto) eliminado${count === 1 ? '' : 's'}${line === null ? '' : ` (el primero en la línea ${line})`}`,
      'no-final-line-end': ({ line }) => `el archivo no termina con un salto de línea: si se cortó (una descarga interrumpida), su última fila, en la línea ${line}, puede haber perdido su final; compárela con el original`,
      'short-rows': ({ count, width, unit, line }) =>
        `${counted('es', count, 'fila tenía', 'filas tenían')} menos celdas que el encabezado (${width}); las celdas que faltan se leyeron vacías${es.firstAt(unit, line)}`,
      'skipped-members': ({ archive, names }) => {
        const [others, archives] = zipsApart(names);
        return [
          others.length === 0 ? '' : `${basename(archive)} también contiene ${counted('es', others.length, 'archivo que no es', 'archivos que no son')} una exportación CSV, TSV o XLSX, sin leer: ${shownNames(others, (more) => ` y ${more} más`)}`,
          archives.length === 0 ? '' : `${basename(archive)} contiene ${counted('es', archives.length, 'archivo zip propio', 'archivos zip propios')}, sin leer: ${shownNames(archives, (more) => ` y ${more} más`)}; ${archives.length === 1 ? 'descomprímalo e importe sus' : 'descomprímalos e importe sus'} archivos`,
        ].filter((part) => part !== '').join('; ');
      },
      'earlier-import': ({ at }) => `el mismo contenido ya se importó el ${at}: sus publicaciones cuentan como duplicadas`,
      'earlier-timezone': ({ earlier, now }) =>
        `esa importación leyó las horas que no indican zona horaria en ${earlier}, y sus publicaciones conservan esas horas: no se leyeron en ${now}; para leerlas en ${now}, importe los archivos en una base de datos nueva y vacía (un cliente nuevo en la página)`,
      'no-rows': () => 'el archivo tiene encabezado pero ninguna fila de datos',
      'day-month-swapped': ({ dayFirst, failing, dates }) =>
        `las fechas están escritas con ${dayFirst ? 'el día' : 'el mes'} primero, no como suele este formato: leídas así (${failing} de ${dates} no se leen al revés)`,
      'dates-either-way': ({ dayFirst, dates }) =>
        `ninguna fecha del archivo tiene un día mayor que 12, así que ninguna dice si se escribe con el día o con el mes primero: leídas con ${dayFirst ? 'el día' : 'el mes'} primero, como las escribe este formato (al revés, ${counted('es', dates, 'fecha caería', 'fechas caerían')} en otros días); si la herramienta las escribe con ${dayFirst ? 'el mes' : 'el día'} primero, exporte de nuevo el archivo con fechas ISO (2025-04-03)`,
      'repeated-column': ({ column, positions }) => `el encabezado nombra «${column}» ${positions.length} veces (columnas ${positions.join(', ')}): se lee la primera, ${positions.length === 2 ? 'la otra' : 'las demás'} no`,
      rows: ({ count, reason, unit, line }) => `${counted('es', count, 'fila', 'filas')}: ${reasonIn('es', reason)}${es.firstAt(unit, line)}`,
      'differing-copies': ({ count, example }) =>
        `${counted('es', count, 'fila repite', 'filas repiten')} una publicación ya guardada por una importación anterior con otro autor, fecha o texto; se conservó la publicación guardada (p. ej. post_id ${example ?? ''})`,
      'shifted-copies': ({ count, example, hours, offsets }) =>
        offsets
          ? `${counted('es', count, 'fila repite', 'filas repiten')} una publicación ya guardada con el mismo autor y texto, con su hora ${counted('es', Math.abs(hours), 'hora', 'horas')} ${hours > 0 ? 'más tarde' : 'antes'} que la guardada: ambas horas se escriben con su desfase UTC, así que no las movió ningún ajuste de zona horaria sino la exportación (¿una exportación corregida?); se conservaron las horas guardadas (p. ej. post_id ${example ?? ''}). Para tomar las horas de este archivo, importe las exportaciones en una base de datos nueva y vacía (un cliente nuevo en la página) empezando por este archivo, o sin la exportación que corrige`
          : `${counted('es', count, 'fila repite', 'filas repiten')} una publicación ya guardada con el mismo autor y texto, con su hora ${counted('es', Math.abs(hours), 'hora', 'horas')} ${hours > 0 ? 'más tarde' : 'antes'} que la guardada: el desfase de una zona horaria, como cuando las horas que no indican zona se leen en una zona distinta de la de una importación anterior (cambió --timezone o la zona horaria de la configuración); se conservaron las horas guardadas (p. ej. post_id ${example ?? ''}). Si la zona de este archivo es la correcta, importe los archivos en una base de datos nueva y vacía`,
      'rescored-copies': ({ count, example }) =>
        `${counted('es', count, 'fila da', 'filas dan')} otro sentimiento a una publicación ya guardada (la herramienta la volvió a valorar); se tomó el sentimiento de este archivo, así que cuenta la exportación importada en último lugar (p. ej. post_id ${example ?? ''})`,
    },
    reasons: {
      [DAYLIGHT_SAVING_REASON]:
        'la hora local cae en un cambio de horario (una hora que se salta o se repite en la zona horaria); las horas saltadas se leyeron con el desfase anterior al cambio, las repetidas como su segunda vez',
      [EXCEL_DAMAGE_REASONS.parent]: 'el id de la publicación original está en notación científica o aparece como ##### (Excel lo dañó): la respuesta se conservó sin su publicación original',
      [MOJIBAKE_REASON]: 'texto dañado por una hoja de cálculo que leyó UTF-8 como Windows-1252 (p. ej. «Letâ€™s» por «Let’s», «Ã©» por «é»); se reparó',
      [MOJIBAKE_LOST_REASON]: 'texto dañado por una hoja de cálculo sin reparación posible: los caracteres que no pudo leer se perdieron (se ven como «\uFFFD»); el resto se conserva',
      [DAY_WITHOUT_TIME_REASON]: 'Date no tiene hora del día y Time está vacío: la publicación se guardó a las 00:00 hora local',
      [UNREAD_FOLLOWERS_REASON]: 'número de seguidores que no es un número entero de seguidores (como «1.5K», «-5» o «n/a»): se guardó como desconocido, así que el autor no cuenta en ningún grupo de audiencia',
      [TWCS_WARNING_REASONS.parent]: 'in_response_to_tweet_id está en notación científica (Excel lo redondeó): la respuesta se conservó sin su publicación original',
      [TWCS_WARNING_REASONS.responses]:
        'Excel dañó response_tweet_id al convertir su lista de ids en un solo número (155,157 como 1,55,157, redondeado a 15 cifras, escrito como 1.55E+5 o como #####): la lista se perdió, las filas se conservan y cada una cuenta como una publicación cuyas respuestas indicadas faltan en los datos (los vínculos de las respuestas vienen de in_response_to_tweet_id, que está intacto); para conservar las listas, exporte de nuevo sin abrir el archivo en Excel',
    },
  },
  fr: {
    // A spreadsheet's row is a « ligne » in French as a text file's line is.
    unit: () => 'ligne',
    firstAt: (unit, line) => (line === null ? '' : ` (la première à la ${PHRASES.fr.unit(unit)} ${line})`),
    texts: {
      'line-ends': ({ cause }) =>
        cause === 'doubled'
          ? 'les fins de ligne du fichier sont CR CR LF (une fin de ligne Windows écrite deux fois, comme peut le faire un programme qui écrit du CSV sous Windows)\u00a0: chacune lue comme une seule fin de ligne'
          : `${cause === 'mixed' ? 'le fichier mélange des fins de ligne Windows (CRLF) et Unix (LF)' : 'le lecteur s’est arrêté sur les fins de ligne Windows (CRLF) du fichier'}\u00a0: lu avec toutes les fins de ligne en LF`,
      'extra-sheets': ({ read, skipped }) =>
        read === undefined || skipped === undefined
          ? 'le classeur a plus d’une feuille avec des données\u00a0: seule la première a été lue'
          : `le classeur a plus d’une feuille avec des données\u00a0: seule «\u00a0${read}\u00a0» a été lue (le premier onglet affiché), pas ${shownNames(skipped.map((sheet) => `«\u00a0${sheet}\u00a0»`), (more) => ` et ${more} autres`)}`,
      'damaged-sheets': ({ count }) => `${count === 1 ? 'une autre feuille est endommagée et n’a pas pu être lue' : `${count} autres feuilles sont endommagées et n’ont pas pu être lues`}\u00a0; seule la première feuille est importée`,
      'unsaved-formulas': ({ count, line }) =>
        `${counted('fr', count, 'cellule contient', 'cellules contiennent')} une formule sans son résultat (un programme a écrit le classeur et aucun tableur ne l’a enregistré)\u00a0: ${count === 1 ? 'lue vide' : 'lues vides'}${line === null ? '' : ` (la première à la ligne ${line})`}\u00a0; ouvrez-le dans Excel et enregistrez-le, ou exportez en CSV`,
      'merged-cells': ({ count, ranges }) =>
        `${counted('fr', count, 'plage de cellules fusionnées couvre', 'plages de cellules fusionnées couvrent')} deux lignes ou plus (${ranges.join(', ')}${count > ranges.length ? ` et ${count - ranges.length} autres` : ''})\u00a0: Excel ne garde la valeur d’une plage fusionnée que dans sa première cellule, les cellules du dessous ont donc été lues vides\u00a0; annulez la fusion dans Excel, remplissez-les et enregistrez, ou exportez en CSV`,
      'windows-1252': () => 'le fichier n’est pas en UTF-8 valide\u00a0: lu en Windows-1252 (l’encodage d’Europe occidentale d’Excel)\u00a0; vérifiez que les lettres accentuées s’affichent bien',
      macintosh: () => 'le fichier n’est pas en UTF-8 valide et ses lignes finissent par CR, comme les écrit le «\u00a0CSV (Macintosh)\u00a0» d’Excel pour Mac\u00a0: lu en Mac Roman\u00a0; vérifiez que les lettres accentuées s’affichent bien',
      'invalid-bytes': ({ count, lines, more }) =>
        `${counted('fr', count, 'octet non valide', 'octets non valides')} en UTF-8 (un caractère d’un autre encodage\u00a0?) enregistré${count === 1 ? '' : 's'} comme «\u00a0\uFFFD\u00a0» ${lines.length === 1 ? 'à la ligne' : 'aux lignes'} ${lines.join(', ')}${more > 0 ? ` et ${counted('fr', more, 'octet de plus', 'octets de plus')}` : ''}\u00a0; le reste du fichier est lu en UTF-8`,
      'carriage-returns': ({ count }) =>
        counted('fr', count, 'retour chariot dans un champ conservé comme texte (non lu comme saut de ligne)', 'retours chariot dans des champs conservés comme texte (non lus comme sauts de ligne)'),
      'nul-removed': ({ count, line }) => `${counted('fr', count, 'caractère NUL', 'caractères NUL')} (0x00, jamais dans un texte) supprimé${count === 1 ? '' : 's'}${line === null ? '' : ` (le premier à la ligne ${line})`}`,
      'no-final-line-end': ({ line }) => `le fichier ne se termine pas par un saut de ligne\u00a0: s’il a été coupé (un téléchargement interrompu), sa dernière ligne, la ${line}, a pu perdre sa fin\u00a0; comparez-la avec l’original`,
      'short-rows': ({ count, width, unit, line }) =>
        `${counted('fr', count, 'ligne avait', 'lignes avaient')} moins de cellules que l’en-tête (${width})\u00a0; les cellules manquantes ont été lues vides${fr.firstAt(unit, line)}`,
      'skipped-members': ({ archive, names }) => {
        const [others, archives] = zipsApart(names);
        return [
          others.length === 0 ? '' : `${basename(archive)} contient aussi ${counted('fr', others.length, 'fichier qui n’est pas', 'fichiers qui ne sont pas')} un export CSV, TSV ou XLSX, non lu${others.length === 1 ? '' : 's'}\u00a0: ${shownNames(others, (more) => ` et ${more} autres`)}`,
          archives.length === 0 ? '' : `${basename(archive)} contient ${counted('fr', archives.length, 'archive zip', 'archives zip')}, non lue${archives.length === 1 ? '' : 's'}\u00a0: ${shownNames(archives, (more) => ` et ${more} autres`)}\u00a0; ${archives.length === 1 ? 'décompressez-la et importez ses' : 'décompressez-les et importez leurs'} fichiers`,
        ].filter((part) => part !== '').join('\u00a0; ');
      },
      'earlier-import': ({ at }) => `le même contenu a déjà été importé le ${at}\u00a0: ses publications comptent comme doublons`,
      'earlier-timezone': ({ earlier, now }) =>
        `cette importation a lu les heures qui n’indiquent pas de fuseau en ${earlier}, et ses publications gardent ces heures\u00a0: elles n’ont pas été lues en ${now}\u00a0; pour les lire en ${now}, importez les fichiers dans une base de données nouvelle et vide (un nouveau client dans la page)`,
      'no-rows': () => 'le fichier a un en-tête mais aucune ligne de données',
      'day-month-swapped': ({ dayFirst, failing, dates }) =>
        `les dates sont écrites ${dayFirst ? 'jour' : 'mois'} d’abord, et non comme ce format d’habitude\u00a0: lues ainsi (${failing} sur ${dates} ne se lisent pas dans l’autre sens)`,
      'dates-either-way': ({ dayFirst, dates }) =>
        `aucune date du fichier n’a un jour au-delà de 12, donc aucune ne dit si elle s’écrit jour ou mois d’abord\u00a0: lues ${dayFirst ? 'jour' : 'mois'} d’abord, comme ce format les écrit (dans l’autre sens, ${counted('fr', dates, 'date tomberait', 'dates tomberaient')} sur d’autres jours)\u00a0; si l’outil les écrit ${dayFirst ? 'mois' : 'jour'} d’abord, exportez de nouveau le fichier avec des dates ISO (2025-04-03)`,
      'repeated-column': ({ column, positions }) => `l’en-tête nomme «\u00a0${column}\u00a0» ${positions.length}\u00a0fois (colonnes ${positions.join(', ')})\u00a0: la première est lue, ${positions.length === 2 ? 'l’autre' : 'les autres'} non`,
      rows: ({ count, reason, unit, line }) => `${counted('fr', count, 'ligne', 'lignes')}\u00a0: ${reasonIn('fr', reason)}${fr.firstAt(unit, line)}`,
      'differing-copies': ({ count, example }) =>
        `${counted('fr', count, 'ligne répète', 'lignes répètent')} une publication déjà enregistrée par un import antérieur avec un autre auteur, une autre date ou un autre texte\u00a0; la publication enregistrée a été gardée (p. ex. post_id ${example ?? ''})`,
      'shifted-copies': ({ count, example, hours, offsets }) =>
        offsets
          ? `${counted('fr', count, 'ligne répète', 'lignes répètent')} une publication déjà enregistrée avec le même auteur et le même texte, son heure ${counted('fr', Math.abs(hours), 'heure', 'heures')} plus ${hours > 0 ? 'tard' : 'tôt'} que celle enregistrée\u00a0: les deux heures sont écrites avec leur décalage UTC, aucun réglage de fuseau ne les a donc déplacées, c’est l’export qui l’a fait (un export corrigé\u00a0?)\u00a0; les heures enregistrées ont été gardées (p. ex. post_id ${example ?? ''}). Pour prendre les heures de ce fichier, importez les exports dans une base de données nouvelle et vide (un nouveau client dans la page) en commençant par ce fichier, ou sans l’export qu’il corrige`
          : `${counted('fr', count, 'ligne répète', 'lignes répètent')} une publication déjà enregistrée avec le même auteur et le même texte, son heure ${counted('fr', Math.abs(hours), 'heure', 'heures')} plus ${hours > 0 ? 'tard' : 'tôt'} que celle enregistrée\u00a0: le décalage d’un fuseau horaire, comme lorsque les heures qui n’indiquent pas de fuseau sont lues dans un autre fuseau que lors d’un import précédent (--timezone ou le fuseau de la configuration a changé)\u00a0; les heures enregistrées ont été gardées (p. ex. post_id ${example ?? ''}). Si le fuseau de ce fichier est le bon, importez les fichiers dans une base de données nouvelle et vide`,
      'rescored-copies': ({ count, example }) =>
        `${counted('fr', count, 'ligne donne', 'lignes donnent')} un autre sentiment à une publication déjà enregistrée (l’outil l’a réévaluée)\u00a0; le sentiment de ce fichier a été pris, donc l’export importé en dernier compte (p. ex. post_id ${example ?? ''})`,
    },
    reasons: {
      [DAYLIGHT_SAVING_REASON]:
        'l’heure locale tombe dans un changement d’heure (une heure sautée ou répétée dans le fuseau)\u00a0; les heures sautées ont été lues avec le décalage d’avant le changement, les heures répétées comme leur seconde occurrence',
      [EXCEL_DAMAGE_REASONS.parent]: 'l’id de la publication d’origine est en notation scientifique ou affiché ##### (Excel l’a abîmé)\u00a0: la réponse a été gardée sans sa publication d’origine',
      [MOJIBAKE_REASON]: 'texte abîmé par un tableur qui a lu l’UTF-8 comme du Windows-1252 (p. ex. «\u00a0Letâ€™s\u00a0» pour «\u00a0Let’s\u00a0», «\u00a0Ã©\u00a0» pour «\u00a0é\u00a0»)\u00a0; il a été réparé',
      [MOJIBAKE_LOST_REASON]: 'texte abîmé par un tableur sans réparation possible\u00a0: les caractères qu’il n’a pas su lire sont perdus (ils s’affichent «\u00a0\uFFFD\u00a0»)\u00a0; le reste est conservé',
      [DAY_WITHOUT_TIME_REASON]: 'Date n’a pas d’heure et Time est vide\u00a0: la publication a été enregistrée à 00:00 heure locale',
      [UNREAD_FOLLOWERS_REASON]: 'nombre d’abonnés qui n’est pas un nombre entier d’abonnés (comme «\u00a01.5K\u00a0», «\u00a0-5\u00a0» ou «\u00a0n/a\u00a0»)\u00a0: enregistré comme inconnu, l’auteur ne compte donc dans aucun groupe d’audience',
      [TWCS_WARNING_REASONS.parent]: 'in_response_to_tweet_id est en notation scientifique (Excel l’a arrondi)\u00a0: la réponse a été gardée sans sa publication d’origine',
      [TWCS_WARNING_REASONS.responses]:
        'Excel a abîmé response_tweet_id en faisant un seul nombre de sa liste d’ids (155,157 affiché 1,55,157, arrondi à 15 chiffres, écrit 1.55E+5 ou #####)\u00a0: la liste est perdue, les lignes sont gardées et chacune compte comme une publication dont les réponses indiquées manquent aux données (les liens des réponses viennent de in_response_to_tweet_id, intact)\u00a0; pour garder les listes, exportez de nouveau sans ouvrir le fichier dans Excel',
    },
  },
};

const en = PHRASES.en;
const es = PHRASES.es;
const fr = PHRASES.fr;

/** An archive's members that are not exports, and apart those that are zip archives themselves (read by no import: unzipped by the user). */
function zipsApart(names: readonly string[]): [string[], string[]] {
  const zip = (name: string) => /\.zip$/i.test(name);
  return [names.filter((name) => !zip(name)), names.filter(zip)];
}

/** The first names of a list, and how many more there are. */
function shownNames(names: string[], more: (count: number) => string): string {
  return `${names.slice(0, NAMES_SHOWN).join(', ')}${names.length > NAMES_SHOWN ? more(names.length - NAMES_SHOWN) : ''}`;
}

/** A row warning's reason in `language`; a reason the language has no text for is left in English. */
function reasonIn(language: Language, reason: string): string {
  const reasons = PHRASES[language].reasons;
  // Own keys only: a reason read back from the store ("constructor") is data, not a key of Object's.
  return Object.hasOwn(reasons, reason) ? (reasons[reason] as string) : reason;
}

/**
 * The sentence of an import warning, in English (the CLI, `import --json`, import_batches) or the page's language.
 * Given the client's `timezone` (the page), the time of an earlier import is written as the page writes times, in
 * that zone and language, instead of the stored UTC minute.
 */
export function noticeText(notice: ImportNotice, language: Language = 'en', timezone?: string): string {
  if (notice.code === 'recorded') return notice.text;
  const text = PHRASES[language].texts[notice.code] as (notice: ImportNotice) => string;
  if (notice.code === 'earlier-import' && timezone !== undefined) return text({ ...notice, at: localMinute(notice.at, language, timezone) });
  return text(notice);
}

/** A stored "2017-10-11 08:55 UTC" as "11 oct 2017, 10:55 (Europe/Madrid)"; as stored when it is not that shape. */
function localMinute(at: string, language: Language, timezone: string): string {
  const instant = new Date(at.replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC$/, '$1T$2:00Z'));
  if (Number.isNaN(instant.getTime())) return at;
  return `${format(new TZDate(instant.getTime(), timezone), 'PPp', { locale: dateStyle(language).locale })} (${timezone})`;
}

/** A result's warnings: as data, and in English (what the CLI prints and import_batches keeps). */
export function withWarnings(notices: ImportNotice[]): { notices: ImportNotice[]; warnings: string[] } {
  return { notices, warnings: notices.map((notice) => noticeText(notice)) };
}
