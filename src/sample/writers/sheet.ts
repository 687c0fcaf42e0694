/**
 * Instagram as the spreadsheet a community manager keeps (Spanish column
 * names, saved by Excel as "CSV UTF-8": byte-order mark, semicolons, CRLF),
 * read with the generic format and sample-data/instagram-mapping.yaml.
 * Dates are Madrid local "dd/mm/yyyy HH:MM"; followers use Spanish grouping
 * ("45.000"); replies name their parent's id.
 */
import { madridParts } from '../clock.js';
import type { SamplePost } from '../model.js';
import type { BrandBehaviour } from '../spec.js';
import { delimitedLine } from './csv.js';

export const SHEET_COLUMNS = ['ID', 'Cuenta', 'Fecha', 'Texto', 'Responde a', 'Tipo', 'Seguidores', 'Enlace', 'Sentimiento', 'Marca'] as const;

const SENTIMENTS = { negative: 'Negativo', neutral: 'Neutro', positive: 'Positivo' } as const;

export function writeSheet(posts: readonly SamplePost[], brands: readonly BrandBehaviour[]): { text: string; rows: number } {
  const rows = posts.filter((post) => post.platform === 'instagram');
  const lines = [SHEET_COLUMNS.join(';')];
  for (const post of rows) {
    lines.push(
      delimitedLine(
        [
          post.id,
          post.author,
          sheetDate(post.createdAt),
          post.text,
          post.parent?.id ?? '',
          !post.parent ? 'Publicación' : post.parent.parent ? 'Respuesta' : 'Comentario',
          groupThousands(post.followers),
          post.url,
          SENTIMENTS[post.sentiment],
          brands.find((brand) => brand.id === post.topicBrandId)?.topic ?? '',
        ],
        ';',
      ),
    );
  }
  return { text: `\ufeff${lines.join('\r\n')}\r\n`, rows: rows.length };
}

function sheetDate(utcMs: number): string {
  const p = madridParts(utcMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 45000 -> "45.000", without the machine's locale data. */
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
