/**
 * From posts to advice: computeMetrics and computeDiagnostics on one store,
 * then "What to improve" built from both. Every number in the evidence must
 * be a number of the two JSON outputs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import { buildImprovements } from '../../../src/report/advice/index.js';
import type { Store } from '../../../src/store/database.js';
import { plus, storeWith, threeBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

const T0 = '2017-10-02T08:00:00Z';

/**
 * 60 mentions per brand; Acme answers 36 of them after 3 hours with one
 * template, Rival 54 after 20 minutes and Other 48 after 40 minutes, each of
 * their replies worded differently. The unanswered mentions are spread over
 * the month, so each brand posts until its end, as a whole export of its posts
 * holds.
 */
function month(): DiagPost[] {
  const posts: DiagPost[] = [];
  for (let i = 0; i < 60; i++) {
    const at = plus(T0, i * 600);
    posts.push({ id: `a${i}`, author: `ca${i}`, at, text: `@AcmeCares problem number ${i}`, sentiment: i % 2 ? 'negative' : 'neutral' });
    if (i % 5 < 3) posts.push({ id: `a${i}r`, author: 'acmecares', at: plus(at, 180), text: `@ca${i} Hola ${['Ana', 'Luis', 'Eva'][i % 3]}, lamentamos las molestias, escríbenos por privado ^JD`, parent: `a${i}` });
    posts.push({ id: `b${i}`, author: `cb${i}`, at, text: `@RivalHelp issue ${i}`, sentiment: i % 2 ? 'negative' : 'neutral' });
    const words = `${['ya lo miramos', 'te llamamos', 'revisado', 'reiniciamos la línea', 'cambiamos el router', 'abrimos una incidencia', 'lo escalamos'][i % 7]} ${['esta tarde', 'mañana', 'ahora', 'hoy mismo', 'en breve'][i % 5]} ${['gracias', 'perdona', 'un saludo'][i % 3]}`;
    if (i % 10 < 9) posts.push({ id: `b${i}r`, author: 'rivalhelp', at: plus(at, 20), text: `@cb${i} ${words}`, parent: `b${i}` });
    posts.push({ id: `c${i}`, author: `cc${i}`, at, text: `@OtherHelp fault ${i}`, sentiment: i % 2 ? 'negative' : 'neutral' });
    if (i % 5 < 4) posts.push({ id: `c${i}r`, author: 'otherhelp', at: plus(at, 40), text: `@cc${i} ${words} ${i}`, parent: `c${i}` });
  }
  posts.push({ id: 'late', author: 'x', at: '2017-11-20T00:00:00Z', text: 'x' });
  return posts;
}

function shownNumbers(input: unknown): Set<string> {
  const shown = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'number') for (const v of [value, value * 100, value / 60, value / 1440, value * 60]) {
      shown.add((Math.round(v * 10) / 10).toFixed(1));
      shown.add(Math.round(v).toFixed(1));
    }
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(input);
  return shown;
}

describe('from posts to advice', () => {
  it('ranks the client’s weak points with numbers from the metrics and diagnostics', async () => {
    store = await storeWith(month());
    const config = threeBrands();
    const metrics = await computeMetrics(store, config, '2017-10');
    metrics.diagnostics = await computeDiagnostics(store, config, '2017-10');
    const items = buildImprovements(metrics, 'es');
    expect(items.map((item) => item.id)).toEqual(['canned-replies', 'slow', 'unanswered', 'negative-mentions']);
    const allowed = shownNumbers(metrics);
    for (const sentence of items.flatMap((item) => item.evidence)) {
      for (const [match] of sentence.matchAll(/\d+(?:,\d+)?/g)) expect(allowed.has(Number(match.replace(',', '.')).toFixed(1)), sentence).toBe(true);
    }
    expect(items[0]?.evidence[0]).toBe('Respuestas enlatadas: Acme 100\u00a0%; mediana de 2 competidores medidos 0\u00a0%.');
    expect(items.find((item) => item.id === 'unanswered')?.evidence).toContain('Se respondieron 36 de 60 menciones.');
  });
});
