/**
 * A text as themes compare it (queries/themes/posts.sql does the same to every
 * mention): apostrophes removed, lower case, accents removed, cut into runs of
 * letters and digits, joined by single spaces. "Factura," and "factura" are one
 * word; "d'accord" is "daccord".
 * @example themeWords("Roaming en l'Été") // "roaming en lete"
 */
export function themeWords(text: string): string {
  const plain = text
    .replace(/['’`]/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  return (plain.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
