/**
 * Diagnostics bench: computeDiagnostics for one month next to the base
 * computeMetrics, on the metrics bench's 1,000,000-post database
 * (.cache/bench/metrics-1000000.duckdb; run `npm run bench -- metrics` once to
 * create it), and the near-duplicate template detection timed on its own:
 * normalising the brands' replies, then grouping them into templates.
 * Nothing is asserted; figures are printed.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { Analysis, withAnalysis } from '../src/analysis/analysis.js';
import { parseConfig } from '../src/config/load.js';
import { computeMetrics } from '../src/metrics/compute.js';
import { diagnosticsOf } from '../src/metrics/diagnostics/index.js';
import { Store } from '../src/store/database.js';
import { themesOf } from '../src/themes/index.js';
import { themesShare } from './themes-share.js';
import { medianOf as medianOfRuns, show } from './timing.js';

const PATH = new URL('../.cache/bench/metrics-1000000.duckdb', import.meta.url).pathname;
const BRANDS = 10;
const PERIOD = '2018-01';
const RUNS = 3;

const raw = {
  client: 'brand0',
  timezone: 'Europe/Madrid',
  holidays: ['2018-01-01', '2018-01-06'],
  brands: Array.from({ length: BRANDS }, (_, index) => ({
    id: `brand${index}`,
    name: `Brand ${index}`,
    accounts: { twitter: [`brand${index}`] },
    // Every brand gets a schedule, half of them with a night shift across midnight.
    businessHours: index % 2 === 0 ? { 'mon-fri': '08:00-20:00', sat: '10:00-14:00' } : { 'mon-sun': '07:00-15:00', 'fri-sat': '22:00-03:00' },
  })),
};
const config = parseConfig(raw, 'bench.yaml', '/tmp');
const medianOf = (work: () => Promise<unknown>) => medianOfRuns(work, RUNS);

/** The same brands with a few configured themes, as an agency's config holds them. */
const themedConfig = parseConfig(
  { ...raw, themes: { billing: ['bill', 'invoice', 'charged', 'factura'], outage: ['down', 'outage', 'no signal'], delivery: ['order', 'delivery', 'package'] } },
  'bench.yaml',
  '/tmp',
);

export async function run(): Promise<void> {
  if (!existsSync(PATH)) {
    console.log(`no bench database at ${PATH}: run \`npm run bench -- metrics\` first, then this section again.`);
    return;
  }
  const store = await Store.open(PATH, { readOnly: true });
  const [{ posts } = { posts: 0 }] = await store.rows('posts', z.object({ posts: z.number() }), 'SELECT count(*)::DOUBLE AS posts FROM posts');
  const metrics = await medianOf(() => computeMetrics(store, config, PERIOD, { cache: false }).then((report) => JSON.stringify(report)));
  const diagnostics = await medianOf(() => withAnalysis(store, config, PERIOD, (analysis) => diagnosticsOf(analysis), { cache: false }).then((result) => JSON.stringify(result)));
  // What people write about, found and configured (issue 20: at most 25% of the metrics time). What they add to a
  // metrics run is their own time after the metrics of the same analysis (its base already built); `replybench themes`
  // alone also builds the base.
  const themes = await medianOf(() => withAnalysis(store, themedConfig, PERIOD, (analysis) => themesOf(analysis), { cache: false }).then((result) => JSON.stringify(result)));
  const share = await themesShare(store, themedConfig, PERIOD, RUNS);

  // The base tables and macros are in place after diagnosticsOf: time the template steps alone.
  const analysis = await Analysis.build(store, config, PERIOD, { cache: false });
  const result = await diagnosticsOf(analysis);
  const range = analysis.range;
  const normalise = await medianOf(() => analysis.run('diagnostics/canned_input', range));
  const group = await medianOf(() => analysis.run('diagnostics/template_keys', { min_group: 5 }));
  const [{ replies } = { replies: 0 }] = await analysis.sqlRows('replies', z.object({ replies: z.number() }), 'SELECT count(*)::DOUBLE AS replies FROM diag_template_input');

  // Scale check: the same two steps on every brand reply of the 13 months (the analysis's base spans them for the trend).
  const all = { start: '2017-01-01T00:00:00Z', end: '2018-02-01T00:00:00Z' };
  const normaliseAll = await medianOf(() => analysis.run('diagnostics/canned_input', all));
  const groupAll = await medianOf(() => analysis.run('diagnostics/template_keys', { min_group: 5 }));
  const [{ repliesAll } = { repliesAll: 0 }] = await analysis.sqlRows('all replies', z.object({ repliesAll: z.number() }), 'SELECT count(*)::DOUBLE AS repliesAll FROM diag_template_input');
  // Worst case for the normalisation: every reply text distinct (the bench's replies are very repetitive).
  const distinctAll = await medianOf(() =>
    analysis.sql(
      `SELECT count(DISTINCT rb_template_text(p.text || ' #' || p.post_id))::DOUBLE AS n
       FROM brand_posts b JOIN posts p ON p.platform = b.platform AND p.post_id = b.post_id WHERE b.post_type = 'reply'`,
    ),
  );
  analysis.close();
  store.close();

  console.log(`${posts.toLocaleString('en')} posts, month ${PERIOD}, ${BRANDS} brands with business hours`);
  console.log(`  computeMetrics      ${show(metrics)}`);
  console.log(`  computeDiagnostics  ${show(diagnostics)}`);
  console.log(`  ratio diagnostics / metrics: ${(diagnostics.median / metrics.median).toFixed(2)}x`);
  console.log(`  themes (found, and ${Object.keys(themedConfig.themes ?? {}).length} configured) on an analysis of their own  ${show(themes)}`);
  console.log(`  the same metrics, then the themes on the same analysis: metrics ${show(share.metrics)}, themes ${show(share.themes)}`);
  console.log(`  ratio themes / metrics, what the themes add to a metrics run: ${share.ratio.toFixed(2)}x (target ≤ 0.25x)`);
  console.log(`  near-duplicate templates on ${replies.toLocaleString('en')} brand replies: normalise ${show(normalise)}, group ${show(group)}`);
  console.log(`  the same on all ${repliesAll.toLocaleString('en')} brand replies of the 13 months: normalise ${show(normaliseAll)}, group ${show(groupAll)}`);
  console.log(`  worst case, normalising all ${repliesAll.toLocaleString('en')} replies as distinct texts: ${show(distinctAll)}`);
  const client = result.brands.find((brand) => brand.role === 'client');
  console.log(
    `  check: client canned share ${client?.canned.cannedShare?.toFixed(3)}, top template "${client?.canned.topTemplates[0]?.template}" x${client?.canned.topTemplates[0]?.uses}, ` +
      `follow-ups answered ${client?.followThrough.answeredShare?.toFixed(3)}, business-hours median ${client?.businessHours?.businessTimeMedianMin?.toFixed(1)} min`,
  );
}
