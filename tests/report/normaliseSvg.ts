/**
 * An SVG as its golden file stores it (tests/fixtures/charts/), so that a
 * golden changes only when the drawing does: ids renumbered in order of
 * appearance (Vega numbers clip paths from a counter shared by every chart
 * the process has drawn), numbers in attributes rounded to one decimal, one
 * element per line, indented by depth.
 */
export function normaliseSvg(svg: string): string {
  return indent(roundNumbers(renumberIds(svg)));
}

/** `c-trend-clip17` becomes `c-trend-clip1` when it is the first id of the SVG, and so on; references follow. */
function renumberIds(svg: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1] ?? '';
    if (!renamed.has(id)) renamed.set(id, `${id.replace(/\d+$/, '')}${renamed.size + 1}`);
  }
  const rename = (id: string) => renamed.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_whole, start: string, id: string) => `${start}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_whole, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]+)"/g, (_whole, start: string, id: string) => `${start}#${rename(id)}"`);
}

/** Every decimal number inside an attribute value, to one decimal (text content is left as drawn). */
function roundNumbers(svg: string): string {
  return svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_whole, start: string, value: string) => `${start}${value.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/gi, roundOne)}"`);
}

function roundOne(number: string): string {
  const rounded = Math.round(Number(number) * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** One tag per line, indented two spaces a level; an element holding only text stays on one line; runs of spaces become one. */
function indent(svg: string): string {
  const tokens = svg
    .split(/(<[^>]+>)/)
    .map((token) => token.replace(/\s+/g, ' '))
    .filter((token) => token.trim() !== '');
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const text = tokens[i + 1];
    const close = tokens[i + 2];
    if (isOpening(token) && text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
      lines.push(`${'  '.repeat(depth)}${token}${text.trim()}${close}`);
      i += 2;
    } else if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push(`${'  '.repeat(depth)}${token}`);
    } else {
      lines.push(`${'  '.repeat(depth)}${token.trim()}`);
      if (isOpening(token)) depth += 1;
    }
  }
  return `${lines.join('\n')}\n`;
}

function isOpening(token: string): boolean {
  return token.startsWith('<') && !token.startsWith('</') && !token.startsWith('<?') && !token.startsWith('<!') && !token.endsWith('/>');
}
