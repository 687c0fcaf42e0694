import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { chartData } from '../../src/report/charts/chartData.js';
import { brandColours } from '../../src/report/charts/palette.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { translator } from '../../src/report/i18n/strings.js';
import { writeReport } from '../../src/report/index.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { buildThemes, themeFinding } from '../../src/report/model/themes.js';
import { INK } from '../../src/report/pptx/deck.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { BrandThemes, Theme, ThemeBenchmark } from '../../src/themes/types.js';
import { deckWords, workbookWords } from './clientText.js';
import { metricsFixtureConfig, metricsFixtureStore } from './fixtureStore.js';
import { fixtureMetrics, htmlText } from './helpers.js';

/*
 * The metrics fixture's October with subjects set by hand: Acme (the client)
 * answers 12 of its 40 billing mentions (30%) where its competitors' median
 * is 60% on 2 measured competitors, the theme it answers worst; 27 of 30
 * coverage mentions; 5 of 10 roaming ones, which went from 4 to 10.
 */
const template = ReportTemplate.open(undefined);
const t = translator(template.strings('en'), 'en');
const format = new Formatter('en', t, 'Europe/Madrid');
const out = mkdtempSync(join(tmpdir(), 'replybench-themes-section-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Entry = BrandThemes['themes'][number];

function theme(name: string, measured: number, answered: number, extra: Partial<Theme> = {}, benchmark?: ThemeBenchmark): Entry {
  const base: Theme = { name, source: 'config', mentions: measured, share: measured / 50, previousMentions: measured, change: 0, changeReason: null, measured, answered, listedMissing: 0, responseRate: answered / measured, responseRateEnd: null, responseTimeMedianMin: 95, sentiment: null, examples: [] };
  return benchmark ? { ...base, ...extra, benchmark } : { ...base, ...extra };
}

function withSubjects(billingMeasured = 40, billingAnswered = 12): MetricsReport {
  const metrics = fixtureMetrics();
  const acme: Entry[] = [
    theme('billing', billingMeasured, billingAnswered, {}, { competitorRate: 0.6, competitorRateEnd: null, competitorTimeMedianMin: 30, competitorsMeasured: 2, gap: billingAnswered / billingMeasured - 0.6, worstRank: 1 }),
    theme('coverage', 30, 27, {}, { competitorRate: 0.5, competitorRateEnd: null, competitorTimeMedianMin: 60, competitorsMeasured: 2, gap: 0.4, worstRank: 2 }),
    theme('roaming', 10, 5, { previousMentions: 4, change: 150, source: 'found', found: [{ kind: 'rising', z: 3.2 }] }),
    // Configured, and nobody wrote about it this month: not a subject of the page.
    { ...theme('refunds', 1, 0), mentions: 0, measured: 0, answered: 0, responseRate: null },
  ];
  return { ...metrics, brands: metrics.brands.map((brand) => ({ ...brand, themes: brand.id === 'acme' ? acme : [] })) };
}

describe('what people write about', () => {
  it('lists the client\'s subjects, most mentioned first, with a verdict only where 30 mentions need an answer', () => {
    const section = buildThemes(withSubjects(), format, t, 'September 2017');
    expect(section?.rows.map((row) => [row.name, row.rate, row.competitorRate, row.symbol])).toEqual([
      ['billing', '30% of 40', '60%', '✗'],
      ['coverage', '90% of 30', '50%', '✓'],
      ['roaming', '50% of 10 †', '—', null],
    ]);
    // Times rest on the answered mentions: 12, 27 and 5, each under 30, so each is marked; the note says what the mark means.
    expect(section?.rows.map((row) => row.time.endsWith(' †'))).toEqual([true, true, true]);
    expect(section?.notes).toContain('† A rate on fewer than 30 mentions needing an answer, or a time on fewer than 30 answered mentions: read it with care.');
    // roaming, found in Acme's mentions only, has no competitors' figures: the notes say why.
    expect(section?.notes.at(-1)).toBe('A subject found in the data is counted only for the brands whose mentions it stands out in (more than in the other brands’ or in the previous period’s): where the competitors’ figures of one are a dash, it does not stand out in theirs, though some of their customers may write it too.');
    expect(section?.rising).toEqual(['roaming: 10 mentions, +150% against September 2017 (4).']);
    // What makes a subject rising is said, so a subject up less and not listed is no puzzle.
    expect(section?.risingRule).toBe('Rising: a subject with at least twice its mentions of September 2017, or whose words the data makes distinctive of this period against September 2017.');
    // Every change shown: no word on dashes. A change left out on a thin month is a dash the notes explain.
    expect(section?.notes.some((note) => note.startsWith('— under'))).toBe(false);
    const metrics = withSubjects();
    const thinBefore: MetricsReport = {
      ...metrics,
      brands: metrics.brands.map((brand) => ({ ...brand, themes: (brand.themes ?? []).map((entry) => (entry.name === 'coverage' ? { ...entry, previousMentions: 12, change: null, changeReason: 'thin-previous-period' as const } : entry)) })),
    };
    const dashed = buildThemes(thinBefore, format, t, 'September 2017');
    expect(dashed?.rows.find((row) => row.name === 'coverage')?.change).toBe('—');
    expect(dashed?.notes.at(-1)).toBe('— under “Change”: fewer than 30 mentions of the subject in September 2017 or in this period, too few to compare.');
    // The client's own posts missing in September: the dash says so, not that the subject was thin.
    const unmeasured: MetricsReport = {
      ...metrics,
      brands: metrics.brands.map((brand) => ({ ...brand, themes: (brand.themes ?? []).map((entry) => ({ ...entry, change: null, changeReason: 'unmeasured-previous-period' as const })) })),
    };
    const section2 = buildThemes(unmeasured, format, t, 'September 2017');
    expect(section2?.rising).toEqual([]);
    expect(section2?.notes.at(-1)).toBe('— under “Change”: the data of September 2017 held mentions of Acme Telecom on a platform where it held none of its own posts, so its counts are not compared with this period’s.');
    // The other way round: this period's posts missing.
    const unmeasuredNow: MetricsReport = { ...unmeasured, brands: unmeasured.brands.map((brand) => ({ ...brand, themes: (brand.themes ?? []).map((entry) => ({ ...entry, changeReason: 'unmeasured-period' as const })) })) };
    const platformMissing: MetricsReport = { ...unmeasured, brands: unmeasured.brands.map((brand) => ({ ...brand, themes: (brand.themes ?? []).map((entry) => ({ ...entry, changeReason: 'platform-missing-previous' as const })) })) };
    expect(buildThemes(platformMissing, format, t, 'September 2017')?.notes.at(-1)).toBe('— under “Change”: on one of Acme Telecom’s platforms, the data of this period or of September 2017 holds none of its mentions and posts, where the other holds many, so its counts are not compared.');
    expect(buildThemes(unmeasuredNow, format, t, 'September 2017')?.notes.at(-1)).toBe('— under “Change”: on one of Acme Telecom’s platforms, the data of this period holds many mentions of it but none of its own posts, which it held in September 2017, so its counts are not compared with September 2017.');
  });

  it('names the subjects past the eight it shows, with their mentions, so the page says what the workbook lists besides', () => {
    const metrics = withSubjects();
    const many = (count: number): MetricsReport => ({
      ...metrics,
      brands: metrics.brands.map((brand) =>
        brand.id === 'acme' ? { ...brand, themes: [...(brand.themes ?? []), ...Array.from({ length: count }, (_, index) => ({ ...theme(`subject ${index + 1}`, 9 - (index % 9), 1), source: 'found' as const }))] } : brand,
      ),
    });
    // 3 subjects with mentions: all shown, no such note.
    expect(buildThemes(metrics, format, t, 'September 2017')?.notes.some((note) => note.startsWith('Other subjects'))).toBe(false);
    // 3 + 6: the ninth, fewest mentions (subject 6, 4), is named.
    const nine = buildThemes(many(6), format, t, 'September 2017');
    expect(nine?.rows).toHaveLength(8);
    expect(nine?.notes).toContain('Other subjects, with fewer mentions: subject 6 (4).');
    // 3 + 30: 25 past the eight, the first 12 named, then an ellipsis.
    const others = buildThemes(many(30), format, t, 'September 2017')?.notes.find((note) => note.startsWith('Other subjects')) ?? '';
    expect(others.match(/ \(\d+\)/g)).toHaveLength(12);
    expect(others.endsWith(', ….')).toBe(true);
  });

  it('marks a cell of the subjects chart whose rate rests on fewer than 30 mentions, a competitor’s too, and then says what the mark means', () => {
    const metrics = withSubjects();
    // Every figure of Acme's on 30 or more; RivalCo's billing rate on 12 mentions.
    const acme: Entry[] = [theme('billing', 40, 35), theme('coverage', 30, 27)].map((entry) => ({ ...entry, responseTimeMedianMin: null }));
    const rival: Entry[] = [theme('billing', 12, 6)];
    const thin: MetricsReport = { ...metrics, brands: metrics.brands.map((brand) => ({ ...brand, themes: brand.id === 'acme' ? acme : brand.id === 'rivalco' ? rival : [] })) };
    const gridOf = (report: MetricsReport) => chartData({ metrics: report, answeredWithin: null, format, t, palette: brandColours(report.brands, '#0B5FFF'), primary: '#0B5FFF' }).themes?.inputs;
    const cells = (gridOf(thin)?.datasets.cells ?? []) as Array<{ theme: string; brand: string; label: string }>;
    expect(cells.filter((cell) => cell.label !== '').map((cell) => [cell.theme, cell.brand, cell.label])).toEqual([
      ['billing', 'Acme Telecom', '88% · 40'],
      ['billing', 'RivalCo', '50% · 12 †'],
      ['coverage', 'Acme Telecom', '90% · 30'],
    ]);
    expect(buildThemes(thin, format, t, 'September 2017')?.notes.at(-1)).toBe('† A rate on fewer than 30 mentions needing an answer, or a time on fewer than 30 answered mentions: read it with care.');
    // The chart has a slide of its own and may fall on the page after the table: it says what its mark means, and only when a cell carries it.
    const blank = 'A blank cell: no mention of the subject to that brand needed an answer, or, for a subject found in the data, the subject does not stand out in that brand’s mentions.';
    expect(gridOf(thin)?.notes).toEqual(['† A rate on fewer than 30 mentions needing an answer: read it with care.', blank]);
    const others = [theme('billing', 30, 15), theme('coverage', 31, 20)];
    const full: MetricsReport = { ...thin, brands: thin.brands.map((brand) => ({ ...brand, themes: brand.id === 'acme' ? acme : others })) };
    expect(gridOf(full)?.notes).toEqual([]);
    const gaps: MetricsReport = { ...thin, brands: thin.brands.map((brand) => ({ ...brand, themes: brand.id === 'acme' ? acme : brand.id === 'rivalco' ? others : [] })) };
    expect(gridOf(gaps)?.notes).toEqual([blank]);
  });

  it('marks the rates of a client whose posts the data holds in part as lower bounds, but one answered in full, which cannot be higher', () => {
    const metrics = withSubjects();
    // The data may lack any of its answers: the rate could be anything up to 100% (responseRateEnd).
    const acme: Entry[] = [theme('billing', 40, 40), theme('coverage', 30, 27, { responseRateEnd: 1 })];
    const partial: MetricsReport = {
      ...metrics,
      brands: metrics.brands.map((brand) =>
        brand.id === 'acme' && brand.coverage ? { ...brand, themes: acme, coverage: { ...brand.coverage, warnings: ['brand-posts-partial'] } } : { ...brand, themes: [] },
      ),
    };
    const grid = chartData({ metrics: partial, answeredWithin: null, format, t, palette: brandColours(partial.brands, '#0B5FFF'), primary: '#0B5FFF' }).themes?.inputs;
    const cells = (grid?.datasets.cells ?? []) as Array<{ theme: string; label: string }>;
    expect(cells.filter((cell) => cell.label !== '').map((cell) => [cell.theme, cell.label])).toEqual([
      ['billing', '100% · 40'],
      ['coverage', '≥ 90% · 30'],
    ]);
    expect(buildThemes(partial, format, t, 'September 2017')?.rows.map((row) => row.rate)).toEqual(['100% of 40', '≥ 90% of 30']);
    // The note on the mark goes with it: with every rate answered in full, there is none.
    const whole: MetricsReport = { ...partial, brands: partial.brands.map((brand) => (brand.id === 'acme' ? { ...brand, themes: [theme('billing', 40, 40)] } : brand)) };
    const wholeGrid = chartData({ metrics: whole, answeredWithin: null, format, t, palette: brandColours(whole.brands, '#0B5FFF'), primary: '#0B5FFF' }).themes?.inputs;
    expect(wholeGrid?.notes?.some((note) => note.startsWith('≥'))).toBe(false);
    expect(grid?.notes?.some((note) => note.startsWith('≥'))).toBe(true);
    // Listed responses the data lacks make a subject's rate a lower bound where more than 5% of its measured mentions list
    // one (3 of 30 coverage mentions), said as such; billing, whose mentions list none, is exact though the brand's are not.
    const listed: MetricsReport = {
      ...partial,
      brands: partial.brands.map((brand) =>
        brand.id === 'acme' && brand.coverage ? { ...brand, themes: [theme('billing', 40, 36), theme('coverage', 30, 27, { listedMissing: 3, responseRateEnd: 1 })], coverage: { ...brand.coverage, warnings: ['responses-missing'] } } : brand,
      ),
    };
    const section = buildThemes(listed, format, t, 'September 2017');
    expect(section?.rows.map((row) => row.rate)).toEqual(['90% of 40', '≥ 90% of 30']);
    const listedNote = '≥ Responses the export lists are missing from the data for more than 5% of the subject’s mentions that need an answer: those mentions may have been answered, so its rate is a lower bound.';
    expect(section?.notes).toContain(listedNote);
    // No competitor measured on either subject: ○ says so of the bound too, as of the exact rate.
    expect(section?.rows.map((row) => row.symbol)).toEqual(['○', '○']);
    const listedGrid = chartData({ metrics: listed, answeredWithin: null, format, t, palette: brandColours(listed.brands, '#0B5FFF'), primary: '#0B5FFF' }).themes?.inputs;
    expect(((listedGrid?.datasets.cells ?? []) as Array<{ label: string }>).map((cell) => cell.label).filter((label) => label !== '')).toEqual(['90% · 40', '≥ 90% · 30']);
    expect(listedGrid?.notes).toContain(listedNote);
    expect(listedGrid?.notes?.some((note) => note.includes('on part of'))).toBe(false);
    // The worst subject is named on a lower bound only where it is 20% behind the median even at its other end: billing, 12 of
    // 40 (30%), up to 15 (37.5%) where 3 more list a response the data lacks, against 60%; not up to 22 (55%).
    expect(themeFinding(withSubjects(), format, t)).not.toBeNull();
    const subjects = withSubjects();
    const listedWorst = (listedMissing: number): MetricsReport => {
      const themes = (brand: MetricsReport['brands'][number]) => (brand.themes ?? []).map((entry) => (entry.name === 'billing' ? { ...entry, listedMissing, responseRateEnd: (12 + listedMissing) / 40 } : entry));
      return { ...subjects, brands: subjects.brands.map((brand) => (brand.id === 'acme' && brand.coverage ? { ...brand, themes: themes(brand), coverage: { ...brand.coverage, warnings: ['responses-missing'] } } : brand)) };
    };
    expect(themeFinding(listedWorst(3), format, t)).toMatch(/^On billing \(40 mentions that needed an answer\), Acme Telecom answered at least 30% in /);
    expect(themeFinding(listedWorst(10), format, t)).toBeNull();
  });

  it('marks the competitors’ time of a subject when a competitor it counts answered fewer than 30 mentions of it, and says so', () => {
    const metrics = withSubjects();
    const withRival = (rival: Entry[]): MetricsReport => ({ ...metrics, brands: metrics.brands.map((brand) => (brand.id === 'rivalco' ? { ...brand, themes: rival } : brand)) });
    // RivalCo counts on billing (40 measured mentions) but answered 10 of them: the median time rests on 10 answers.
    const thin = buildThemes(withRival([theme('billing', 40, 10)]), format, t, 'September 2017');
    expect(thin?.rows.map((row) => [row.name, row.competitorTime])).toEqual([
      ['billing', '30\u00a0min †'],
      ['coverage', '1.0\u00a0h'],
      ['roaming', '—'],
    ]);
    expect(thin?.notes).toContain('A † beside the competitors’ time: at least one of the competitors it rests on answered fewer than 30 mentions of the subject.');
    // 30 answers, or a competitor the median does not count (12 measured mentions), leave the time unmarked.
    for (const rival of [[theme('billing', 40, 30)], [theme('billing', 12, 3)]]) {
      const section = buildThemes(withRival(rival), format, t, 'September 2017');
      expect(section?.rows[0]?.competitorTime).toBe('30\u00a0min');
      expect(section?.notes.some((note) => note.includes('competitors’ time'))).toBe(false);
    }
  });

  it('marks the competitors’ rate of a subject that rests on their lower bounds, and judges against both its ends', async () => {
    // billing: 30% against 60% to 65%, behind at both: ✗. coverage: 90% against 50% to 89%: ahead of one end, about the same as the other: no verdict.
    const metrics = withSubjects();
    const ends: Record<string, number> = { billing: 0.65, coverage: 0.89 };
    const acme = (brand: MetricsReport['brands'][number]) => (brand.themes ?? []).map((entry) => (entry.benchmark && ends[entry.name] !== undefined ? { ...entry, benchmark: { ...entry.benchmark, competitorRateEnd: ends[entry.name] ?? null } } : entry));
    const bound: MetricsReport = { ...metrics, brands: metrics.brands.map((brand) => (brand.id === 'acme' ? { ...brand, themes: acme(brand) } : brand)) };
    const section = buildThemes(bound, format, t, 'September 2017');
    expect(section?.rows.slice(0, 2).map((row) => [row.name, row.competitorRate, row.symbol])).toEqual([
      ['billing', '≥ 60%', '✗'],
      ['coverage', '≥ 50%', null],
    ]);
    expect(section?.notes.some((note) => note.startsWith('≥ before the competitors’ rate of a subject'))).toBe(true);
    // The finding on the worst subject says the median as the bound it is.
    expect(themeFinding(bound, format, t)).toMatch(/answered 30% in .+, against at least 60% in .+ for its competitors’ median\.$/);
    expect(buildThemes(withSubjects(), format, t, 'September 2017')?.notes.some((note) => note.startsWith('≥'))).toBe(false);
    // The Subjects sheet gives both ends, as numbers: the median's, and a rate's where it is a bound.
    const listed: MetricsReport = { ...bound, brands: bound.brands.map((brand) => (brand.id === 'acme' ? { ...brand, themes: (brand.themes ?? []).map((entry) => (entry.name === 'coverage' ? { ...entry, responseRateEnd: 0.95 } : entry)) } : brand)) };
    const { model } = await buildReportModel({ metrics: listed, config: metricsFixtureConfig(), facts: null, template, language: 'en' });
    const sheet = model.workbook.sheets.find((candidate) => candidate.name === 'Subjects');
    const column = (header: string) => sheet?.headers.indexOf(header) ?? -1;
    const values = (name: string) => {
      const row = sheet?.rows.find((cells) => cells.some((entry) => entry.value === name) && cells[0]?.value === 'Acme Telecom');
      return [row?.[column('Rate, highest it could be (answers missing from the data)')]?.value, row?.[column('Competitor median rate, highest it could be (competitors’ answers missing from the data)')]?.value];
    };
    expect([values('billing'), values('coverage')]).toEqual([
      [null, 0.65],
      [0.95, 0.89],
    ]);
  });

  it('says when the competitors’ figure of a subject is one competitor’s or none’s, no median, and gives it no verdict', () => {
    const metrics = withSubjects();
    const outage = theme('outage', 51, 41, {}, { competitorRate: 0.51, competitorRateEnd: null, competitorTimeMedianMin: 210, competitorsMeasured: 1, gap: 0.29, worstRank: null });
    const one: MetricsReport = { ...metrics, brands: metrics.brands.map((brand) => ({ ...brand, themes: brand.id === 'acme' ? [outage] : [] })) };
    const row = buildThemes(one, format, t, 'September 2017')?.rows[0];
    expect([row?.competitorRate, row?.competitorTime, row?.symbol]).toEqual(['51% (one competitor)', '3.5\u00a0h (one competitor)', '○']);
    const fr = translator(template.strings('fr'), 'fr');
    expect(buildThemes(one, new Formatter('fr', fr, 'Europe/Madrid'), fr, 'septembre 2017')?.rows[0]?.competitorRate).toBe('51\u00a0% (un seul concurrent)');
    // No competitor with 30 mentions of a subject is fewer than 2 too: the same ○, and a dash for their figures.
    const coverage = theme('coverage', 50, 43, {}, { competitorRate: null, competitorRateEnd: null, competitorTimeMedianMin: null, competitorsMeasured: 0, gap: null, worstRank: null });
    const none: MetricsReport = { ...metrics, brands: metrics.brands.map((brand) => ({ ...brand, themes: brand.id === 'acme' ? [coverage] : [] })) };
    const alone = buildThemes(none, format, t, 'September 2017')?.rows[0];
    expect([alone?.competitorRate, alone?.symbol]).toEqual(['—', '○']);
  });

  it('judges a subject "about the same" by the scorecard\'s thresholds of the config', () => {
    // 30% against 60% is 30 points apart: worse by default, about the same within 30 points.
    const wide = buildThemes(withSubjects(), format, t, 'September 2017', { sameWithinPoints: 30, sameWithinPercent: 10 });
    expect(wide?.rows[0]?.symbol).toBe('≈');
    expect(buildThemes(withSubjects(), format, t, 'September 2017', { sameWithinPoints: 29.9, sameWithinPercent: 10 })?.rows[0]?.symbol).toBe('✗');
  });

  it('writes a finding on the worst-answered subject only with 30 mentions and a gap past the 20% rule', () => {
    expect(themeFinding(withSubjects(), format, t)).toBe('On billing (40 mentions that needed an answer), Acme Telecom answered 30% in 1.6\u00a0h, against 60% in 30\u00a0min for its competitors’ median.');
    // 29 mentions: too few to say.
    expect(themeFinding(withSubjects(29, 9), format, t)).toBeNull();
    // 55% against 60%: within 20% of the median, no finding.
    expect(themeFinding(withSubjects(40, 22), format, t)).toBeNull();
  });

  it('is in every output: the PDF\'s page, a slide and its chart, a workbook sheet, themes.csv and metrics.json', async () => {
    const written = await writeReport({ config: metricsFixtureConfig(), metrics: withSubjects(), outDir: out, formats: ['html', 'pptx', 'xlsx', 'csv'], generatedAt: new Date('2017-11-03T10:00:00Z') });
    const page = readFileSync(written.html, 'utf8');
    // The table is kept whole with its title and introduction; its notes flow on (kept with them, it left the page before three-quarters empty).
    expect(page).toMatch(/<div class="keep-whole">\s*<h2>What people write about<\/h2>\s*<p class="intro">[^<]*<\/p>\s*<table class="board theme-table">[\s\S]*?<\/table>\s*<\/div>\s*<p class="note">/);
    const html = htmlText(page);
    expect(html).toContain('What people write about');
    expect(html).toContain('30% of 40');
    expect(html).toContain('On billing (40 mentions that needed an answer)');
    expect(html).toContain('Rising: a subject with at least twice its mentions of September 2017');
    const deck = await deckWords(written.pptx ?? '');
    expect(deck).toContain('What people write about');
    expect(deck).toContain('How each brand answers these subjects');
    // The rising subjects read as a block of their own: a bold heading and lines in ink, not one more grey note.
    const slides = await JSZip.loadAsync(readFileSync(written.pptx ?? ''));
    const xml = (await Promise.all(Object.values(slides.files).filter((file) => /^ppt\/slides\/[^/]+\.xml$/.test(file.name)).map((file) => file.async('string')))).find((text) => text.includes('Rising subjects')) ?? '';
    // A text run's properties: from its <a:r> to its text.
    const run = (text: string) => {
      const at = xml.indexOf(`<a:t>${text}</a:t>`);
      return at < 0 ? '' : xml.slice(xml.lastIndexOf('<a:r>', at), at);
    };
    expect(run('Rising subjects')).toMatch(/ b="1"/);
    // The verdict and its figure share a line: no paragraph ends between them.
    const subjectSlide = (await Promise.all(Object.values(slides.files).filter((file) => /^ppt\/slides\/[^/]+\.xml$/.test(file.name)).map((file) => file.async('string')))).find((text) => text.includes('<a:t>30% of 40</a:t>')) ?? '';
    const verdict = subjectSlide.indexOf('<a:t>✗ </a:t>');
    expect([verdict > 0, subjectSlide.slice(verdict, subjectSlide.indexOf('<a:t>30% of 40</a:t>')).includes('</a:p>')]).toEqual([true, false]);
    expect(run('roaming: 10 mentions, +150% against September 2017 (4).')).toContain(`<a:srgbClr val="${INK}"/>`);
    expect((await workbookWords(written.xlsx ?? '')).get('Subjects')).toContain('billing');
    // Roaming's change (+150%) is signed, as the changes sheet signs relative changes.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(written.xlsx ?? '');
    const subjects = book.getWorksheet('Subjects');
    if (!subjects) throw new Error('no Subjects sheet');
    const roaming = subjects.getRows(2, subjects.rowCount - 1)?.find((row) => (row.values as unknown[]).includes('roaming'));
    const change = roaming?.getCell((subjects.getRow(1).values as unknown[]).indexOf('Change'));
    expect([change?.value, change?.numFmt]).toEqual([1.5, '+0.0%;-0.0%;0.0%']);
    const csv = readFileSync(join(out, 'themes.csv'), 'utf8').split('\r\n');
    expect(csv.filter((line) => line.startsWith('acme,')).map((line) => line.split(',')[1])).toEqual(['billing', 'coverage', 'roaming', 'refunds']);
    expect(JSON.parse(readFileSync(written.json, 'utf8')).brands.find((brand: { id: string }) => brand.id === 'acme').themes).toHaveLength(4);
  });

  it('calls a configured subject by the name the config gives it in the report\'s language, in every output; the data files keep its key', async () => {
    const config = { ...metricsFixtureConfig(), themeNames: { billing: { es: 'Facturación' }, roaming: { es: 'Itinerancia' } } };
    const folder = join(out, 'named');
    const written = await writeReport({ config, metrics: withSubjects(), outDir: folder, lang: 'es', formats: ['html', 'pptx', 'xlsx', 'csv'], generatedAt: new Date('2017-11-03T10:00:00Z') });
    const html = htmlText(readFileSync(written.html, 'utf8'));
    expect(html).toContain('Facturación');
    expect(html).not.toMatch(/\bbilling\b/);
    // roaming is a subject found in the data (its words): no configured name applies to it; coverage has none in Spanish.
    expect(html).toMatch(/\broaming\b/);
    expect(html).not.toContain('Itinerancia');
    expect(html).toMatch(/\bcoverage\b/);
    expect(await deckWords(written.pptx ?? '')).toContain('Facturación');
    const sheets = await workbookWords(written.xlsx ?? '');
    expect([...sheets.values()].join(' ')).toContain('Facturación');
    expect(readFileSync(join(folder, 'themes.csv'), 'utf8')).toContain('acme,billing,');
    expect(JSON.parse(readFileSync(written.json, 'utf8')).brands.find((brand: { id: string }) => brand.id === 'acme').themes.map((theme: { name: string }) => theme.name)).toContain('billing');
  });

  it('is left out with one line, not a failed report, when the mentions\' words need more memory than the analysis may use', async () => {
    const store = await metricsFixtureStore();
    const config = { ...metricsFixtureConfig(), themes: { outage: ['down'] } };
    try {
      const failing = (message: string) =>
        withAnalysis(store, config, '2017-10', async (analysis) => {
          const run = analysis.run.bind(analysis);
          // DuckDB's own words when a query outgrows the memory limit, on the themes' word table only.
          analysis.run = (async (name: string, params?: Record<string, unknown>) => {
            if (name === 'themes/terms') throw new Error(`queries/themes/terms.sql: ${message}`);
            return run(name, params as never);
          }) as typeof analysis.run;
          return writeReport({ config, analysis, outDir: join(out, message.slice(0, 3)), formats: ['html', 'csv'], generatedAt: new Date('2017-11-03T10:00:00Z') });
        });
      const written = await failing('Out of Memory Error: could not allocate block of size 256.0 KiB (2.3 GiB/2.3 GiB used)');
      expect(written.warnings).toHaveLength(1);
      expect(written.warnings[0]).toMatch(/^themes left out: not enough memory .*REPLYBENCH_MEMORY_LIMIT/);
      expect(htmlText(readFileSync(written.html, 'utf8'))).toContain('Subjects of the mentions: not computed for this report.');
      expect(existsSync(join(written.outDir, 'themes.csv'))).toBe(false);
      // Any other failure is the report's failure.
      await expect(failing('Binder Error: no such column')).rejects.toThrow(/Binder Error/);
    } finally {
      store.close();
    }
  });
});
