/**
 * A fall of the client's response rate while mentions still wait for an answer (METRICS.md, "Pending": they stay in the
 * denominator, so the rate may still rise). Acme's rate falls from 80% in October to 75% in November, 5 points; at the
 * end of the data 8 of its 100 November mentions are still inside the 7-day answer window (8 points, enough to make the
 * fall up), or 1 (1 point, not enough). Every number is worked out by hand from the posts below.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute.js';
import { changeNotSettled, pendingPoints } from '../../src/metrics/pending.js';
import type { Language } from '../../src/report/i18n/language.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import type { ReportModel } from '../../src/report/model/types.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { Store } from '../../src/store/database.js';
import { brandOf, configWith, storeWith, type TestPost } from '../metrics/helpers.js';

const template = ReportTemplate.open(undefined);
const config = configWith([
  { id: 'acme', name: 'Acme Telecom', handles: ['AcmeCares'] },
  { id: 'rival', name: 'RivalCo', handles: ['RivalHelp'] },
]);

const day = (month: number, date: number, hour: number) => `2017-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
const later = (at: string, minutes: number) => new Date(new Date(at).getTime() + minutes * 60_000).toISOString();

/** One mention of `handle`, answered ten minutes later by `account` when `answered`. */
function mention(id: string, handle: string, account: string, at: string, answered: boolean): TestPost[] {
  const asked: TestPost = { id, author: `c${id}`, at, text: `@${handle} no signal at home, can you check?` };
  return answered ? [asked, { id: `${id}r`, author: account, at: later(at, 10), text: `@c${id} on it`, parent: id }] : [asked];
}

/**
 * Acme: 100 mentions a month, four a day on days 1 to 25 (09:00, 11:00, 13:00, 15:00); 80 answered in October, 75 in
 * November, where the last `pending` of the unanswered fall on 24 and 25 November. RivalCo: 40 mentions a month, all
 * answered. Each brand posts every day at noon, and Acme last on 30 November at 23:00, the end of the data: a mention
 * of 24 November or later is still inside its window then, one of 23 November or before is not.
 */
function posts(pending: number): TestPost[] {
  const all: TestPost[] = [];
  for (const month of [10, 11]) {
    for (let i = 0; i < 100; i++) {
      const at = day(month, 1 + Math.floor(i / 4), 9 + 2 * (i % 4));
      // October: every fifth unanswered (20). November: the last `pending` of the 8 mentions of days 24-25, and 25 - pending of the 92 before.
      const answered = month === 10 ? i % 5 !== 4 : i >= 92 ? i < 100 - pending : i >= 25 - pending;
      all.push(...mention(`a${month}-${i}`, 'AcmeCares', 'acmecares', at, answered));
    }
    for (let i = 0; i < 40; i++) all.push(...mention(`r${month}-${i}`, 'RivalHelp', 'rivalhelp', day(month, 1 + Math.floor(i / 2), 10 + i % 2), true));
    for (let date = 1; date <= (month === 10 ? 31 : 30); date++) {
      all.push({ id: `a${month}-news${date}`, author: 'acmecares', at: day(month, date, 12), text: 'Our news of the day' }, { id: `r${month}-news${date}`, author: 'rivalhelp', at: day(month, date, 12), text: 'Offers of the day' });
    }
  }
  all.push({ id: 'last', author: 'acmecares', at: day(11, 30, 23), text: 'Good night' });
  return all;
}

let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

async function reportOf(pending: number, language: Language = 'en'): Promise<ReportModel> {
  store = await storeWith(posts(pending));
  const metrics = await computeMetrics(store, config, '2017-11');
  return (await buildReportModel({ metrics, config, facts: null, template, language })).model;
}

/** The notes of the workbook's changes sheet for the client's response rate. */
function rateChangeNote(model: ReportModel): unknown {
  const sheet = model.workbook.sheets.find((entry) => entry.name === 'Changes' || entry.name === 'Variaciones' || entry.name === 'Variations');
  const metric = sheet?.headers.indexOf(sheet.headers.find((header) => /Metric|Métrica|Indicateur/.test(header)) ?? '') ?? -1;
  const row = sheet?.rows.find((cells) => cells[0]?.value === 'Acme Telecom' && /Response rate|Tasa de respuesta|Taux de réponse/.test(String(cells[metric]?.value)));
  return row?.at(-1)?.value;
}

describe('a fall of the response rate while mentions still wait for an answer', () => {
  it('computes the points the pending mentions could still add, and which falls they could make up', async () => {
    for (const [pending, notSettled] of [[8, true], [1, false]] as const) {
      store = await storeWith(posts(pending));
      const acme = brandOf(await computeMetrics(store, config, '2017-11'), 'acme');
      expect([acme.inbound, acme.answered, acme.pending, acme.previous?.responseRate]).toEqual([100, 75, pending, 0.8]);
      expect(acme.change?.responseRate).toBeCloseTo(-5, 9);
      expect(pendingPoints(acme)).toBeCloseTo(pending, 9);
      expect(changeNotSettled(acme, 'responseRate')).toBe(notSettled);
      // Only the response rate: its reply share and the rest keep their changes as they are.
      expect(changeNotSettled(acme, 'replyShare')).toBe(false);
      store.close();
      store = null;
    }
  });

  it('with 8% of the mentions pending, says the fall of 5 points may still be made up, wherever the change is printed', async () => {
    const model = await reportOf(8);
    expect(model.findings).toContain(
      'For now the response rate is 5.0\u00a0pts below October 2017: 8 of the 100 mentions that needed an answer were still inside the answer window when the data ends, enough to make up the difference if they are answered.',
    );
    expect(model.findings.join(' ')).not.toContain('fell by');
    const [rate] = model.kpis;
    expect(rate?.change).toEqual({ text: '-5.0\u00a0pts vs October 2017, for now', tone: 'neutral' });
    // 8% is under the tenth past which pending mentions are always named: they are named here because they could overturn the fall.
    const note = '8 mentions of Acme Telecom were still inside the answer window when the data ends: its response rate may still rise.';
    expect(model.kpiNotes).toContain(note);
    expect(model.leaderboardNotes).toContain(note);
    expect(rateChangeNote(model)).toBe('May still change: 8 of the 100 mentions that needed an answer were still inside the answer window when the data ends; answered, they would add up to 8\u00a0pts.');
  });

  it('says it in Spanish and French too', async () => {
    const es = await reportOf(8, 'es');
    expect(es.findings).toContain(
      'Por ahora la tasa de respuesta está 5,0\u00a0p.\u00a0p. por debajo de octubre de 2017: 8 de las 100 menciones que pedían respuesta seguían dentro del plazo de respuesta al final de los datos, suficientes para compensar la diferencia si se responden.',
    );
    expect(es.kpis[0]?.change?.text).toBe('-5,0\u00a0p.\u00a0p. frente a octubre de 2017, por ahora');
    expect(rateChangeNote(es)).toMatch(/^Aún puede cambiar: 8 de las 100 menciones .* sumarían hasta 8\u00a0p\.\u00a0p\.$/);
    store?.close();
    store = null;
    const fr = await reportOf(8, 'fr');
    expect(fr.findings).toContain(
      'Pour l’instant, le taux de réponse est inférieur de 5,0\u00a0pts à octobre 2017\u00a0: 8 des 100 mentions appelant une réponse étaient encore dans la fenêtre de réponse à la fin des données, assez pour combler l’écart si elles reçoivent une réponse.',
    );
    expect(fr.kpis[0]?.change?.text).toBe('-5,0\u00a0pts par rapport à octobre 2017, pour l’instant');
    expect(rateChangeNote(fr)).toMatch(/^Peut encore changer\u00a0: 8 des 100 mentions .* jusqu’à 8\u00a0pts\.$/);
  });

  it('with 1% pending, says the fall plainly, and names no pending mention beside the figures', async () => {
    const model = await reportOf(1);
    expect(model.findings).toContain('The response rate fell by 5.0\u00a0pts compared with October 2017.');
    expect(model.kpis[0]?.change).toEqual({ text: '-5.0\u00a0pts vs October 2017', tone: 'bad' });
    expect([...model.kpiNotes, ...model.leaderboardNotes].filter((note) => note.includes('answer window'))).toEqual([]);
    expect(rateChangeNote(model)).toBeNull();
    // The methodology still counts it, as every pending mention.
    expect(model.warnings).toContain('1 mention of Acme Telecom was still inside the answer window when the data ends: its response rate may still rise.');
  });
});
