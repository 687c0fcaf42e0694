import { afterEach, describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { Store } from '../../../src/store/database.js';
import { exchange, plus, storeWith, twoBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

const T0 = '2017-10-02T10:00:00Z';

function replies(texts: string[]): DiagPost[] {
  return texts.flatMap((text, index) => exchange(`m${index}`, `user${index}`, plus(T0, index * 60), { text: `@user${index} ${text}`, after: 5 }));
}

describe('canned replies', () => {
  it('merges Spanish near-duplicates that differ by a name, an order number, accents and a signature', async () => {
    const names = ['Juan', 'María', 'José', 'Lucía', 'Ángel'];
    const canned = names.map((name, i) => `Hola ${name}, tu pedido ${1000 + i} ya salió. Te llegará mañana ^${'JD'.slice(0, 1 + (i % 2))}`);
    // The same template with the accents typed differently and an agent signature: still the same.
    canned.push('hola Pedro, tu pedido 77 ya salio. te llegara manana -Ana');
    const free = ['Gracias por avisarnos del corte en Sevilla', 'Revisamos tu factura y está correcta', 'Te escribimos por privado para verlo'];
    store = await storeWith(replies([...canned, ...free]));
    const result = await computeDiagnostics(store, twoBrands(), '2017-10');
    const acme = result.brands.find((b) => b.id === 'acme');
    expect(acme?.canned.replies).toBe(9);
    expect(acme?.canned.cannedReplies).toBe(6);
    expect(acme?.canned.cannedShare).toBeCloseTo(6 / 9, 12);
    expect(acme?.canned.topTemplates).toEqual([
      { template: 'hola · tu pedido ya salio te llegara manana', uses: 6, example: '@user0 Hola Juan, tu pedido 1000 ya salió. Te llegará mañana ^J', exampleAuthor: 'acmecares', exampleUrl: null, firstUsedAt: '2017-10-02T10:05:00Z' },
    ]);
  });

  it('merges French near-duplicates (a name, an order code, a dash signature) and leaves a template used 4 times out', async () => {
    const french = ['Marie', 'Céline', 'Noël', 'Zoé', 'Hélène'].map((name, i) => `Bonjour ${name}, désolé pour le retard de la commande n°${500 + i}. Elle arrive demain ! – Ana M.`);
    const rare = [1, 2, 3, 4].map((i) => `Merci ${['Paul', 'Luc', 'Eve', 'Max'][i - 1]} de votre patience, nous regardons cela https://t.co/x${i}`);
    store = await storeWith(replies([...french, ...rare]));
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.canned.replies).toBe(9);
    expect(acme?.canned.cannedReplies).toBe(5);
    expect(acme?.canned.topTemplates.map((t) => [t.template, t.uses])).toEqual([['bonjour · desole pour le retard de la commande elle arrive demain', 5]]);
  });

  it('keeps a frequent first name from splitting a template, and keeps different templates apart', async () => {
    const maria = Array.from({ length: 6 }, () => 'Hola María, ya hemos revisado tu caso. Un saludo');
    const juan = Array.from({ length: 6 }, () => 'Hola Juan, ya hemos revisado tu caso. Un saludo');
    const other = Array.from({ length: 5 }, () => 'Gracias. Te llamamos esta tarde para revisarlo');
    store = await storeWith(replies([...maria, ...juan, ...other]));
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.canned.topTemplates.map((t) => [t.template, t.uses])).toEqual([
      ['hola · ya hemos revisado tu caso un saludo', 12],
      ['gracias te llamamos esta tarde para revisarlo', 5],
    ]);
    expect(acme?.canned.cannedReplies).toBe(17);
  });

  it('counts exact duplicates after normalisation, and never merges free text', async () => {
    const thanks = Array.from({ length: 5 }, (_, i) => `Thanks for reaching out! https://t.co/a${i} ^JD`);
    const free = Array.from({ length: 6 }, (_, i) => `${['Sorry', 'Oh no', 'Hmm', 'Great', 'Wow', 'Yikes'][i]} ${['about', 'that', 'this', 'news', 'really', 'indeed'][i]} ${i}`);
    store = await storeWith(replies([...thanks, ...free]));
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.canned.cannedReplies).toBe(5);
    expect(acme?.canned.topTemplates[0]?.template).toBe('thanks for reaching out');
  });

  it('gives null, not 0, to a brand without replies', async () => {
    store = await storeWith(replies(['one reply']));
    const rival = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'rival');
    expect(rival?.canned).toEqual({ replies: 0, cannedReplies: 0, cannedShare: null, topTemplates: [] });
  });
});
