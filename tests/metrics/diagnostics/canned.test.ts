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

  it('takes the earliest use as the example (the lowest post id of a tie), and lists the templates by uses', async () => {
    const waiting = (id: string, user: string, minute: number) => exchange(id, user, plus(T0, minute), { text: `@${user} Thanks for waiting, we are on it`, after: 5 });
    // b2 and b1 are answered in the same minute, the earliest; b2 comes first in the data.
    const posts = [...waiting('b2', 'u2', 0), ...waiting('b1', 'u1', 0), ...waiting('b3', 'u3', 60), ...waiting('b4', 'u4', 120), ...waiting('b5', 'u5', 180)];
    const sorry = Array.from({ length: 6 }, (_, i) => exchange(`c${i}`, `v${i}`, plus(T0, 300 + i * 60), { text: `@v${i} Sorry about the delay, a fix is coming`, after: 10 })).flat();
    store = await storeWith([...posts, ...sorry]);
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.canned.topTemplates).toEqual([
      { template: 'sorry about the delay a fix is coming', uses: 6, example: '@v0 Sorry about the delay, a fix is coming', exampleAuthor: 'acmecares', exampleUrl: null, firstUsedAt: '2017-10-02T15:10:00Z' },
      { template: 'thanks for waiting we are on it', uses: 5, example: '@u1 Thanks for waiting, we are on it', exampleAuthor: 'acmecares', exampleUrl: null, firstUsedAt: '2017-10-02T10:05:00Z' },
    ]);
  });

  it('gives null, not 0, to a brand without replies', async () => {
    store = await storeWith(replies(['one reply']));
    const rival = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'rival');
    expect(rival?.canned).toEqual({ replies: 0, cannedReplies: 0, cannedShare: null, reason: null, topTemplates: [] });
  });

  it('has no share under metrics.minReplies replies, so a small competitor is not a 0% that no template could reach', async () => {
    // Acme: 100 replies, a template 8 times (8%). Rival: 43 replies, the same template 3 times: 7%, but under the 5 uses that make it canned.
    const template = 'Hola, lamentamos las molestias, escríbenos por privado';
    // Free text: every word its own (letters only, as digits are dropped from templates).
    const word = (n: number) => `w${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26) % 26)}${String.fromCharCode(97 + Math.floor(n / 676))}`;
    const free = (brand: string, count: number) => Array.from({ length: count }, (_, i) => `${word(3 * i)} ${word(3 * i + 1)} ${word(3 * i + 2)} ${brand}`);
    const acme = replies([...Array.from({ length: 8 }, () => template), ...free('acme', 92)]);
    const rival = [...Array.from({ length: 3 }, () => template), ...free('rival', 40)].flatMap((text, index) =>
      exchange(`n${index}`, `fan${index}`, plus(T0, index * 60 + 30), { text: `@fan${index} ${text}`, after: 5 }).map((post) => ({
        ...post,
        author: post.author === 'acmecares' ? 'rivalhelp' : post.author,
        text: post.text?.replace('@AcmeCares', '@RivalHelp'),
      })),
    );
    store = await storeWith([...acme, ...rival]);
    const result = await computeDiagnostics(store, twoBrands({ metrics: { minReplies: 100 } }), '2017-10');
    const [acmeCanned, rivalCanned] = ['acme', 'rival'].map((id) => result.brands.find((b) => b.id === id)?.canned);
    expect(acmeCanned).toMatchObject({ replies: 100, cannedReplies: 8, cannedShare: 0.08, reason: null });
    expect(rivalCanned).toMatchObject({ replies: 43, cannedReplies: 0, cannedShare: null, reason: 'too-few-replies' });
    // No competitor is measured: no median, no rank for the client to be compared on.
    expect(result.benchmarks.find((b) => b.metric === 'cannedShare')).toMatchObject({ client: 0.08, competitorMedian: null, competitorsMeasured: 0 });
    expect(result.brands.find((b) => b.id === 'rival')?.rank.cannedShare).toBeNull();
  });
});
