/** The check of a period: the config against the data, and the coverage of each brand and platform, in sentences. */
import { api, type ClientSummary } from './api.js';
import { actFrom, el, refusalNote, table } from './dom.js';
import { labelOf, language, t } from './language.js';
import { periodInput, periodOf } from './periods.js';

export interface CheckJson {
  /** Set when the period holds no post at all: the days the data runs between (its one sentence says so). */
  dataSpan: { lastBefore: string | null; firstAfter: string | null; otherPosts: number } | null;
  configWarnings: Array<{ key: string; brand: string; platform: string | null; kind: 'handle' | 'topic' | 'answered-handle'; value: string; closest: Array<{ name: string; posts: number }>; message: string }>;
  accountsInData: Array<{ platform: string; repliers: Array<{ handle: string; n: number }>; mentioned: Array<{ handle: string; n: number }> }>;
  coverage: Array<{ brand: string; name: string; platform: string; inbound: number; coverage: { inboundMeasured: number; brandPosts: number; warnings: string[] } | null; noData: boolean }>;
  sentences: string[];
}

/**
 * The coverage rows to show: a brand's "all platforms" row is left out when one platform holds all its data and
 * says the same (the same counts and warnings), and its platform rows when it has no data at all, since the rows
 * would repeat each other.
 */
function withoutRepeatedTotals(rows: CheckJson['coverage']): CheckJson['coverage'] {
  const same = (a: CheckJson['coverage'][number], b: CheckJson['coverage'][number]) =>
    a.inbound === b.inbound && a.coverage?.inboundMeasured === b.coverage?.inboundMeasured && a.coverage?.brandPosts === b.coverage?.brandPosts && a.coverage?.warnings.join() === b.coverage?.warnings.join();
  return rows.filter((row) => {
    // A brand without data anywhere (a misspelt handle): its one "all platforms" row says so, not one more per platform.
    if (row.platform !== 'all') return !(row.noData && rows.some((other) => other.brand === row.brand && other.platform === 'all' && other.noData));
    const held = rows.filter((other) => other.brand === row.brand && other.platform !== 'all' && !other.noData);
    return !(held.length === 1 && held[0] !== undefined && same(held[0], row));
  });
}

/** On the all-platforms row, a brand with posts of its own lacks them only on some platforms: its no-brand-posts says so. */
function partly(row: CheckJson['coverage'][number], code: string): string {
  return code === 'no-brand-posts' && row.platform === 'all' && (row.coverage?.brandPosts ?? 0) > 0 ? 'no-brand-posts-somewhere' : code;
}

function accountsList({ platform, repliers, mentioned }: CheckJson['accountsInData'][number]): HTMLElement {
  const named = (accounts: Array<{ handle: string; n: number }>) => accounts.map(({ handle, n }) => `${handle} (${n.toLocaleString(language)})`).join(', ');
  const parts = [...(repliers.length > 0 ? [`${t('repliersMost')}${t('colon')}${named(repliers)}`] : []), ...(mentioned.length > 0 ? [`${t('mentionedMost')}${t('colon')}${named(mentioned)}`] : [])];
  return el('p', { class: 'accounts', 'data-platform': platform }, `${t('accountsInData').replace('{platform}', labelOf('platform', platform))}${t('colon')}${parts.join(' · ')}`);
}

export function checkSection(client: ClientSummary): HTMLElement {
  const period = periodInput(client, 'check', t('periodToCheck'));
  const result = el('div', {});
  const run = el('button', { type: 'button' }, t('runCheck'));
  run.addEventListener('click', () =>
    void actFrom(run, async () => {
      // The result of another period goes at once: a check that fails leaves no figures that look like its own.
      result.replaceChildren();
      let check: CheckJson;
      try {
        check = await api<CheckJson>('GET', `/api/clients/${client.id}/check?period=${encodeURIComponent(periodOf(period))}&language=${language}`);
      } catch (error) {
        // Said beside the button that asked, as a report's refusal is, not only in the status line at the top.
        result.replaceChildren(refusalNote('check-refused', error));
        throw error;
      }
      // A period without a post, or without one of the brands who post elsewhere: which period to pick, instead of every handle and brand blamed for it.
      if (check.dataSpan) {
        result.replaceChildren(el('p', { class: 'warning', 'data-note': 'empty-period' }, check.sentences.join(' ')));
        return;
      }
      result.replaceChildren(
        el('h3', {}, t('configWarnings')),
        check.configWarnings.length === 0
          ? el('p', {}, t('configMatches'))
          : el('ul', {}, ...check.configWarnings.map((warning) => el('li', { class: 'warning' }, `${warning.brand}${warning.platform ? `, ${labelOf('platform', warning.platform)}` : ''} — ${warning.message}`))),
        // A handle that matches nothing and spells like nothing: the accounts the data does hold there, as check prints them.
        ...check.accountsInData.map((entry) => accountsList(entry)),
        el('h3', {}, t('coverage')),
        table(
          [t('brand'), t('platform'), t('inbound'), t('measured'), t('ownPosts'), t('warnings')],
          withoutRepeatedTotals(check.coverage).map((row) => [row.name, row.platform === 'all' ? t('allPlatforms') : labelOf('platform', row.platform), row.inbound, row.coverage?.inboundMeasured ?? '-', row.coverage?.brandPosts ?? '-', row.coverage?.warnings.map((code) => labelOf('warning', partly(row, code))).join(', ') || (row.noData ? t('noData') : t('noWarning'))]),
        ),
        el('p', { class: 'note' }, t('measuredNote')),
        check.sentences.length === 0 ? el('p', {}, t('allMeasured')) : el('ul', { class: 'sentences' }, ...check.sentences.map((sentence) => el('li', {}, sentence))),
      );
    }),
  );
  return el('section', { id: 'check' }, el('h2', {}, t('check')), period, run, result);
}
