import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { Language } from './i18n/language.js';
import { parseCatalogue, type Catalogue } from './i18n/strings.js';

/** The template shipped with replybench; agency copies fall back to it file by file. */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../report-templates/default/', import.meta.url));

export interface TemplateManifest {
  /** Section partials in print order (names of files in sections/, without .eta). */
  sections: string[];
}

/**
 * A report template folder: manifest.json, layout.eta, sections/*.eta,
 * style.css, charts/*.vl.json and strings/<lang>.json. A file missing from an
 * agency's copy is taken from the default template, so a copy can hold only
 * what it changes.
 */
export class ReportTemplate {
  private constructor(readonly dir: string) {}

  /** `source`: the config file that names the folder, for the message. */
  static open(dir: string | undefined, baseDir = process.cwd(), source?: string): ReportTemplate {
    if (!dir) return new ReportTemplate(DEFAULT_TEMPLATE_DIR);
    const path = isAbsolute(dir) ? dir : resolve(baseDir, dir);
    if (!existsSync(path)) {
      throw new UserError(`${source ? `${source}: ` : ''}report.template: folder "${path}" not found; copy report-templates/default there, or remove the key to use the default template.`);
    }
    return new ReportTemplate(path);
  }

  /** Path of a template file, from the agency folder when it has it. */
  path(relative: string): string {
    const own = join(this.dir, relative);
    if (existsSync(own)) return own;
    const fallback = join(DEFAULT_TEMPLATE_DIR, relative);
    if (existsSync(fallback)) return fallback;
    throw new UserError(`${own}: template file not found; copy it from report-templates/default/${relative}.`);
  }

  has(relative: string): boolean {
    return existsSync(join(this.dir, relative)) || existsSync(join(DEFAULT_TEMPLATE_DIR, relative));
  }

  text(relative: string): string {
    return readFileSync(this.path(relative), 'utf8');
  }

  json(relative: string): unknown {
    const path = this.path(relative);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (error) {
      throw new UserError(`${path}: invalid JSON (${error instanceof Error ? error.message : String(error)}); fix the file or copy it again from the default template.`);
    }
  }

  manifest(): TemplateManifest {
    const raw = this.json('manifest.json');
    const source = this.path('manifest.json');
    const sections = typeof raw === 'object' && raw !== null && 'sections' in raw ? raw.sections : undefined;
    if (!Array.isArray(sections) || !sections.every((name): name is string => typeof name === 'string' && /^[a-z0-9-]+$/.test(name))) {
      throw new UserError(`${source}: "sections" must be a list of section names such as ["cover", "summary"].`);
    }
    for (const name of sections) {
      if (!this.has(`sections/${name}.eta`)) throw new UserError(`${source}: section "${name}" has no file sections/${name}.eta; fix the name or add the file.`);
    }
    return { sections };
  }

  /** The strings of one language (every language file must hold every key: tests check it). */
  strings(language: Language): Catalogue {
    return parseCatalogue(this.json(`strings/${language}.json`), this.path(`strings/${language}.json`));
  }
}
