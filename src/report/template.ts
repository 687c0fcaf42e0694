import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { Language } from './i18n/language.js';
import { parseCatalogue, type Catalogue } from './i18n/strings.js';
import { jsonSyntaxError } from './json-syntax.js';

/** The template shipped with replybench; agency copies fall back to it file by file. */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../report-templates/default/', import.meta.url));

/** What a message about a broken file of an agency's template tells the user to do. */
export const FIX_OR_REMOVE = "fix the file or remove it to use the default template's";

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

  /**
   * The files ending in `extension` that the agency's copy has of its own in
   * `folder` ('' for the top one), as paths in the template, in order: what it
   * changes of the default template. None for the default template itself.
   */
  ownFiles(folder: string, extension: string): string[] {
    if (resolve(this.dir) === resolve(DEFAULT_TEMPLATE_DIR)) return [];
    try {
      return readdirSync(join(this.dir, folder))
        .filter((file) => file.endsWith(extension))
        .sort()
        .map((file) => (folder ? `${folder}/${file}` : file));
    } catch {
      // A copy may have no such folder: it takes them all from the default template.
      return [];
    }
  }

  has(relative: string): boolean {
    return existsSync(join(this.dir, relative)) || existsSync(join(DEFAULT_TEMPLATE_DIR, relative));
  }

  text(relative: string): string {
    return readFileSync(this.path(relative), 'utf8');
  }

  /** A JSON file of the template; one that is not JSON is a one-line UserError with the line and column of the first mistake. */
  json(relative: string): unknown {
    const path = this.path(relative);
    // An editor on Windows may start the file with a byte-order mark, which JSON.parse refuses.
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const syntax = jsonSyntaxError(text);
      const where = syntax ? ` (line ${syntax.line}, column ${syntax.column}): ${syntax.problem}` : `: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      throw new UserError(`${path}: not valid JSON${where}; ${FIX_OR_REMOVE}.`);
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

  /** The strings of one language: the default template's (each of its files holds every key: tests check it), with a copy's own texts over them. */
  strings(language: Language): Catalogue {
    const relative = `strings/${language}.json`;
    const own = parseCatalogue(this.json(relative), this.path(relative));
    if (resolve(this.path(relative)) === resolve(DEFAULT_TEMPLATE_DIR, relative)) return own;
    // A copy's file may hold only the texts it changes, and keeps working when a later version adds texts: the others are the default's.
    return { ...ReportTemplate.open(undefined).strings(language), ...own };
  }
}
