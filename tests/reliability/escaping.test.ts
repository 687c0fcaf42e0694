import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { writeReport, type WrittenReport } from '../../src/report/index.js';
import type { Store } from '../../src/store/database.js';
import { FIXTURES, metricsFixtureStore } from '../report/fixtureStore.js';

/** Every character XML treats specially, and control characters XML 1.0 cannot hold at all. */
const HOSTILE = `Smith & Jones <"Q"> 'x' \u0001\u0007\u001b\u007f\ufffe end`;

const out = mkdtempSync(join(tmpdir(), 'replybench-escaping-'));
let store: Store;
let report: WrittenReport;

/** The report fixture's config with the hostile text in every free-text string: brand names, topics, the agency. */
function hostileConfig() {
  const raw = parse(readFileSync(join(FIXTURES, 'replybench.yaml'), 'utf8')) as { brands: Array<Record<string, unknown>>; report: Record<string, unknown> };
  raw.brands = raw.brands.map((brand, index) => ({ ...brand, name: `${HOSTILE} ${index}`, topics: [...((brand.topics as string[] | undefined) ?? []), HOSTILE] }));
  raw.report = { ...raw.report, agency: { name: HOSTILE, logo: 'logo.svg' } };
  return parseConfig(raw, join(FIXTURES, 'replybench.yaml'), FIXTURES);
}

/** Every XML part of an Office file, the parts of files embedded in it (a chart's workbook) included. */
async function xmlParts(bytes: Uint8Array, prefix = ''): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (/\.(xml|rels)$/.test(name)) parts.set(`${prefix}${name}`, await file.async('string'));
    else if (/\.(xlsx|pptx|docx)$/.test(name)) for (const [inner, xml] of await xmlParts(await file.async('uint8array'), `${prefix}${name}!`)) parts.set(inner, xml);
  }
  return parts;
}

/** The first error a strict XML parser finds in a part, or null. */
function xmlError(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (failure) => {
    error ??= failure.message;
  });
  parser.write(xml).close();
  return error;
}

beforeAll(async () => {
  store = await metricsFixtureStore();
  report = await writeReport({ config: hostileConfig(), store, period: '2017-10', outDir: out, formats: ['pptx', 'xlsx'], generatedAt: new Date('2017-11-03T10:00:00Z') });
}, 120_000);

afterAll(() => {
  store?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('config strings with & < > " \' and control characters', () => {
  for (const file of ['pptx', 'xlsx'] as const) {
    it(`leave every XML part of the ${file === 'pptx' ? 'deck' : 'workbook'} well-formed for a strict parser`, async () => {
      const parts = await xmlParts(readFileSync(report[file] ?? ''));
      expect(parts.size).toBeGreaterThan(5);
      const broken = [...parts].map(([name, xml]) => [name, xmlError(xml)] as const).filter(([, error]) => error !== null);
      expect(broken).toEqual([]);
    });
  }

  it('keep the agency name, escaped, in the deck\'s metadata (docProps/app.xml took it raw)', async () => {
    const parts = await xmlParts(readFileSync(report.pptx ?? ''));
    expect(parts.get('docProps/app.xml')).toContain('<Company>Smith &amp; Jones &lt;&quot;Q&quot;&gt; &apos;x&apos;');
    expect(parts.get('docProps/core.xml')).toContain('<dc:creator>Smith &amp; Jones');
  });
});
