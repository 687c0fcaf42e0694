/** A French elided article or pronoun before its word: "l'", "d'", "qu'", "jusqu'" (rb_theme_apostrophes in queries/base/acknowledgement.sql). */
const ELISION = /(^|[^\p{L}\p{N}])(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’`](?=\p{L})/giu;

/**
 * A text as themes compare it (queries/themes/posts.sql does the same to every
 * mention): elided articles set apart, other apostrophes removed, lower case,
 * accents removed, cut into runs of letters and digits, joined by single
 * spaces. "Factura," and "factura" are one word; "l'itinérance" is "l
 * itinerance", "don't" is "dont".
 * @example themeWords("Roaming en l'Été") // "roaming en l ete"
 */
export function themeWords(text: string): string {
  const plain = text
    .replace(ELISION, '$1$2 ')
    .replace(/['’`]/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  return (plain.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
