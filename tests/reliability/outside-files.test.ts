import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileChart, renderSvg, type JsonValue } from '../../src/report/charts/renderChart.js';
import { logoDataUrl } from '../../src/report/html/logo.js';
import { ReportFolder } from '../../src/report/report-folder.js';
import { SpareRoom } from '../../src/store/spare-room.js';
import { png } from '../png.js';
import { ROOT, scratch } from './helpers.js';

function logoError(folder: string, logo: string): string {
  try {
    logoDataUrl(logo, folder, join(folder, 'replybench.yaml'));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'accepted';
}

describe('a logo', () => {
  it('is read as an image: PNG, JPEG or SVG by its first bytes, whatever its name', () => {
    const folder = scratch();
    writeFileSync(join(folder, 'logo.png'), png(40, 20));
    copyFileSync(join(ROOT, 'tests/fixtures/report/logo.svg'), join(folder, 'brand.bin'));
    expect(logoDataUrl('logo.png', folder)).toMatch(/^data:image\/png;base64,/);
    expect(logoDataUrl('brand.bin', folder)).toMatch(/^data:image\/svg\+xml;base64,/);
    writeFileSync(join(folder, 'notes.png'), 'not an image at all');
    expect(logoError(folder, 'notes.png')).toBe(`${join(folder, 'replybench.yaml')}: report.agency.logo: "${join(folder, 'notes.png')}" is not a PNG, JPEG or SVG image (by its content); convert the logo to one of these.`);
  });

  it('is whole: a PNG cut short or with a byte changed, a JPEG without its end, an SVG that is not well-formed XML are refused as damaged', () => {
    const folder = scratch();
    const whole = png(20, 10);
    // Start of image, a frame of 20 x 10 pixels, end of image: the markers a JPEG's reader needs.
    const frame = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x0a, 0x00, 0x14, 0x01, 0x01, 0x11, 0x00]);
    const cases: Array<[string, Buffer | string, string]> = [
      ['cut.png', whole.subarray(0, whole.length - 20), 'is a damaged PNG (cut short, or with bytes changed)'],
      ['changed.png', Buffer.from(whole.map((byte, index) => (index === whole.length - 30 ? byte ^ 0xff : byte))), 'is a damaged PNG (cut short, or with bytes changed)'],
      ['cut.jpg', frame, 'is a damaged JPEG (cut short, or with bytes changed)'],
      ['open.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect', 'is a damaged SVG (cut short, or with bytes changed)'],
    ];
    for (const [name, bytes, said] of cases) {
      writeFileSync(join(folder, name), bytes);
      expect(logoError(folder, name)).toContain(`"${join(folder, name)}" ${said}; export the logo again.`);
    }
    writeFileSync(join(folder, 'whole.jpg'), Buffer.concat([frame, Buffer.from([0xff, 0xd9])]));
    expect(logoDataUrl('whole.jpg', folder)).toMatch(/^data:image\/jpeg;base64,/);
    writeFileSync(join(folder, 'whole.png'), whole);
    expect(logoDataUrl('whole.png', folder)).toMatch(/^data:image\/png;base64,/);
  });

  it('that is a symbolic link out of the config\'s folder is refused (it would embed /etc/hostname); one inside it is read', () => {
    const folder = scratch();
    symlinkSync('/etc/hostname', join(folder, 'logo.svg'));
    expect(logoError(folder, 'logo.svg')).toMatch(/"[^"]*logo\.svg" leads, through a symbolic link, to \/etc\/hostname, outside the config's folder \(.*\); copy the logo into that folder and name the copy\.$/);
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'assets', 'real.png'), png(10, 10));
    symlinkSync(join(folder, 'assets', 'real.png'), join(folder, 'inside.png'));
    expect(logoDataUrl('inside.png', folder)).toMatch(/^data:image\/png;base64,/);
    // A linked folder leads out just the same.
    symlinkSync('/etc', join(folder, 'etc'));
    expect(logoError(folder, 'etc/hostname')).toContain('leads, through a symbolic link, to /etc/hostname');
  });

  it('that is a named pipe or a device is refused at once, not read for ever', () => {
    const folder = scratch();
    execFileSync('mkfifo', [join(folder, 'pipe.png')]);
    // Opened for reading, the pipe (nobody writes to it) or /dev/zero would hold this test for ever.
    expect(logoError(folder, 'pipe.png')).toContain('is not a regular file (a named pipe); name an image file.');
    expect(logoError(folder, '/dev/zero')).toContain('"/dev/zero" is not a regular file (a device)');
  });

  it('over 2 MB or over 4,000 pixels a side is refused', () => {
    const folder = scratch();
    writeFileSync(join(folder, 'big.png'), Buffer.concat([png(10, 10), Buffer.alloc(2 * 1024 * 1024)]));
    expect(logoError(folder, 'big.png')).toContain('is larger than 2 MB; use a smaller image.');
    writeFileSync(join(folder, 'wide.png'), png(5000, 10));
    expect(logoError(folder, 'wide.png')).toContain('is 5000 × 10 pixels, more than 4,000 a side');
    writeFileSync(join(folder, 'tall.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="90000px"></svg>');
    expect(logoError(folder, 'tall.svg')).toContain('is 100 × 90000 pixels, more than 4,000 a side');
  });
});

describe('a chart spec', () => {
  const t = (key: string) => key;
  async function render(spec: JsonValue): Promise<string> {
    const { vegaSpec } = compileChart(spec, { datasets: {}, values: {}, t, language: 'en' });
    return renderSvg(vegaSpec, 'c-leaderboard');
  }

  for (const url of ['file:///etc/hostname', '/etc/hostname', 'http://127.0.0.1:9/secret']) {
    it(`that names ${url} for its data is refused, and nothing of it reaches the SVG`, async () => {
      const spec = { data: { url, format: { type: 'csv' } }, mark: 'text', encoding: { text: { field: 'x' } }, width: 100, height: 50 };
      await expect(render(spec)).rejects.toThrow(
        `chart leaderboard: its spec asks for ${url}; a chart may only use the data the report gives it: remove every "url" from the template's chart spec.`,
      );
    });
  }

  it('that draws an image from a URL is refused too', async () => {
    const spec = { data: { values: [{ u: 'file:///etc/hostname' }] }, mark: 'image', encoding: { url: { field: 'u' } }, width: 100, height: 50 };
    await expect(render(spec)).rejects.toThrow('chart leaderboard: its spec asks for file:///etc/hostname');
  });

  it('with inline data still renders', async () => {
    const svg = await render({ data: { values: [{ a: 'x', b: 2 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } }, width: 100, height: 50 });
    expect(svg).toContain('<svg');
  });
});

describe('a link beside what replybench writes', () => {
  it('in place of the spare room of a store is replaced, not written through', () => {
    const folder = scratch();
    const outside = join(folder, 'outside.txt');
    writeFileSync(outside, 'kept');
    const spare = join(folder, 'replybench.duckdb.spare');
    symlinkSync(outside, spare);
    const room = new SpareRoom(spare);
    room.claim();
    expect(readFileSync(outside, 'utf8')).toBe('kept');
    expect(lstatSync(spare).isFile()).toBe(true);
    expect(room.release()).toBe(true);
  });

  it("in place of a report's charts folder is replaced, and the files it points to are neither written nor removed", () => {
    const folder = scratch();
    const elsewhere = join(folder, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'victim.svg'), '<svg/>');
    const out = join(folder, 'report');
    mkdirSync(out);
    symlinkSync(elsewhere, join(out, 'charts'));
    const report = ReportFolder.open(out);
    try {
      report.write('charts/volume.svg', '<svg/>');
      report.commit();
    } finally {
      report.release();
    }
    expect(readdirSync(elsewhere)).toEqual(['victim.svg']);
    expect(lstatSync(join(out, 'charts')).isDirectory()).toBe(true);
    expect(readdirSync(join(out, 'charts'))).toEqual(['volume.svg']);
  });
});
