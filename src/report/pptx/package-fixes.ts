/**
 * The deck's file as PowerPoint and Excel open it without a repair: pptxgenjs
 * (4.0.1) writes four faults into every deck, which PowerPoint, Excel (a
 * chart's "Edit Data") and Keynote repair, refuse or drop the chart for
 * (gitbrent/PptxGenJS #1444, #1531, #1532). Each is mended in the package's XML
 * after pptxgenjs has written it; nothing else of the file changes.
 */
import JSZip from 'jszip';

const SLIDE = /^ppt\/slides\/slide\d+\.xml$/;
const EMBEDDED_WORKBOOK = /^ppt\/embeddings\/[^/]+\.xlsx$/;
const CHART = /^ppt\/charts\/chart\d+\.xml$/;

export async function withPackageFixes(deck: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(deck);
  await rewrite(zip, '[Content_Types].xml', (xml) => withoutMissingParts(xml, zip));
  for (const name of Object.keys(zip.files)) {
    if (SLIDE.test(name)) await rewrite(zip, name, withUniqueShapeIds);
    else if (CHART.test(name)) await rewrite(zip, name, withoutEmptyPoints);
    else if (EMBEDDED_WORKBOOK.test(name)) {
      const workbook = await zip.file(name)?.async('uint8array');
      if (workbook !== undefined) zip.file(name, await chartWorkbookWithoutTable(workbook));
    }
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function rewrite(zip: JSZip, name: string, change: (xml: string) => string): Promise<void> {
  const xml = await zip.file(name)?.async('string');
  if (xml !== undefined) zip.file(name, change(xml));
}

/** Content types declared for parts the package does not hold: pptxgenjs declares a slide master per slide, of which there is one. */
function withoutMissingParts(xml: string, zip: JSZip): string {
  return xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) => (zip.file(part) === null ? '' : override));
}

/**
 * Shape ids are unique on a slide: pptxgenjs numbers tables apart from the other shapes, so a table took the id of a
 * text or of the slide number. A repeated id is given the next free one.
 */
function withUniqueShapeIds(xml: string): string {
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => Number(match[1]));
  let next = Math.max(0, ...ids) + 1;
  const taken = new Set<number>();
  return xml.replace(/<p:cNvPr id="(\d+)"/g, (whole, id: string) => {
    if (!taken.has(Number(id))) {
      taken.add(Number(id));
      return whole;
    }
    taken.add(next);
    return `<p:cNvPr id="${next++}"`;
  });
}

/** A point without a value is left out of a chart's cache (a gap), not written as an empty value. */
function withoutEmptyPoints(xml: string): string {
  return xml.replace(/<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g, '');
}

/**
 * The workbook of a chart's data, as "Edit Data" opens it. pptxgenjs writes a table over the data whose range ends
 * in a stray quote ("A1:D6'") and whose first column's name is not its header cell's (empty), which Excel repairs
 * and Keynote drops the chart for; the chart reads the cells, not the table, so the table goes. An empty value
 * (no figure: a gap) is written as an empty number, which Excel refuses: the cell is left without a value.
 */
async function chartWorkbookWithoutTable(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = await JSZip.loadAsync(bytes);
  workbook.remove('xl/tables');
  await rewrite(workbook, '[Content_Types].xml', (xml) => xml.replace(/<Override PartName="\/xl\/tables\/[^"]+"[^>]*\/>/g, ''));
  for (const name of Object.keys(workbook.files)) {
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name)) await rewrite(workbook, name, (xml) => xml.replace(/<Relationship [^>]*Target="[^"]*tables\/[^"]+"[^>]*\/>/g, ''));
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      await rewrite(workbook, name, (xml) => xml.replace(/<tableParts[^>]*\/>|<tableParts[^>]*>.*?<\/tableParts>/s, '').replace(/(<c [^>]*)><v><\/v><\/c>/g, '$1/>'));
    }
  }
  return workbook.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
