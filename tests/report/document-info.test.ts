/** The PDF's properties name the report and the agency, never the browser that printed it (a white-labelled report). */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDocumentInfo } from '../../src/report/pdf/document-info.js';
import { tempFolder } from '../ingest/helpers.js';

/** A one-page PDF as a browser writes one: a classic cross-reference table, and its Info naming the browser. */
function printedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    '<< /Creator (Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 \\(KHTML\\) HeadlessChrome/156.0.0.0) /Producer <536B69612F504446> /Title (Old) >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R\n/Info 4 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function info(pdf: Uint8Array): string {
  const path = join(tempFolder(), 'report.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

describe('the PDF document properties', () => {
  it('name the report and the agency, in any script, in place of the browser that printed it', () => {
    expect(info(printedPdf())).toContain('HeadlessChrome');
    const signed = info(withDocumentInfo(printedPdf(), { title: 'Acme · Benchmark · Octobre 2017', agency: 'Agencia «Norte» (Madrid) \\', created: new Date('2017-11-03T10:00:00Z') }));
    expect(signed).toMatch(/^Title:\s+Acme · Benchmark · Octobre 2017$/m);
    expect(signed).toMatch(/^Author:\s+Agencia «Norte» \(Madrid\) \\$/m);
    expect(signed).toMatch(/^Creator:\s+Agencia «Norte» \(Madrid\) \\$/m);
    expect(signed).toMatch(/^Producer:\s+Agencia «Norte» \(Madrid\) \\$/m);
    expect(signed).toMatch(/^CreationDate:\s+Fri Nov\s+3 10:00:00 2017 UTC$/m);
    expect(signed).toMatch(/^Pages:\s+1$/m);
    expect(signed).not.toMatch(/HeadlessChrome|Skia/);
    // Nor anywhere in the file: the browser's own Info, which the update leaves behind, is blanked where it stands.
    const bytes = Buffer.from(withDocumentInfo(printedPdf(), { title: 'Acme', agency: 'Norte', created: new Date() })).toString('latin1');
    expect(bytes).not.toMatch(/HeadlessChrome|Mozilla|536B6961/);
    expect(bytes).toContain('/Title (Old)');
    // Signed twice, the second update follows the first: a new object after the last trailer's, every offset still true.
    const twice = info(withDocumentInfo(withDocumentInfo(printedPdf(), { title: 'First', agency: null, created: new Date() }), { title: 'Second', agency: 'Norte', created: new Date() }));
    expect(twice).toMatch(/^Title:\s+Second$/m);
    expect(twice).toMatch(/^Pages:\s+1$/m);
    // Without an agency, nobody is named, not even the browser.
    const unsigned = info(withDocumentInfo(printedPdf(), { title: 'Acme', agency: null, created: new Date('2017-11-03T10:00:00Z') }));
    expect(unsigned).not.toMatch(/^(Author|Creator|Producer):/m);
  });

  it('leaves a file it cannot read the trailer of as it is', () => {
    const odd = Buffer.from('%PDF-1.7\n(no classic trailer)\n');
    expect(withDocumentInfo(odd, { title: 'x', agency: 'y', created: new Date() })).toBe(odd);
  });
});
