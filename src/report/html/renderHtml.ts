import type { Eta } from 'eta';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '../i18n/strings.js';
import { shortenText } from '../model/examples.js';
import type { ReportModel } from '../model/types.js';
import { DEFAULT_TEMPLATE_DIR, type ReportTemplate } from '../template.js';
import { newEngine } from './engine.js';

export type PageSize = 'A4' | 'Letter';

/**
 * Renders the template with an auto-escaping engine: `<%= %>` escapes, and the
 * template uses raw output (`<%~ %>`) only for CSS, chart SVG and includes.
 * Templates are loaded by name, so nothing outside the template folder is read.
 */
export function renderReportHtml(model: ReportModel, template: ReportTemplate, t: Translate, pageSize: PageSize = 'A4'): string {
  const eta = templateEngine(template);
  const css = `${template.text('style.css')}\n@page { size: ${pageSize}; }\n`;
  return eta.render('@layout', { model, t, css, shorten: shortenText });
}

/** The footer Chromium prints on every page: a separate document, so it carries its own styles. */
export function renderFooterHtml(template: ReportTemplate, t: Translate, left: string): string {
  const eta = newEngine();
  eta.loadTemplate('@footer', template.text('footer.eta'));
  const [before = '', middle = '', after = ''] = t('footer.page', { page: '\u0000', pages: '\u0001' }).split(/[\u0000\u0001]/);
  const escapeHtml = (text: string) => eta.config.escapeFunction(text);
  const pageLabel = `${escapeHtml(before)}<span class="pageNumber"></span>${escapeHtml(middle)}<span class="totalPages"></span>${escapeHtml(after)}`;
  return eta.render('@footer', { left, pageLabel });
}

/** The page's engine: the layout and every section (the manifest picks which ones print). */
function templateEngine(template: ReportTemplate): Eta {
  const eta = newEngine();
  eta.loadTemplate('@layout', template.text('layout.eta'));
  for (const name of sectionNames(template)) eta.loadTemplate(`@sections/${name}`, template.text(`sections/${name}.eta`));
  return eta;
}

function sectionNames(template: ReportTemplate): string[] {
  const names = new Set<string>();
  for (const dir of [DEFAULT_TEMPLATE_DIR, template.dir]) {
    try {
      for (const file of readdirSync(join(dir, 'sections'))) if (file.endsWith('.eta')) names.add(file.slice(0, -'.eta'.length));
    } catch {
      // An agency copy may have no sections folder of its own.
    }
  }
  return [...names];
}
