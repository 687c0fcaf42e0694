import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type Document, isMap, isSeq, parseDocument, stringify, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { BrandWithoutAccounts, CONFIG_FILE, ConfigKeyError, loadConfig, parseConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { type LocalDate, parsePeriod } from '../analysis/period.js';
import { canonicalTimezone, isKnownTimezone } from '../config/timezone.js';
import { readYamlFile } from '../config/yaml-file.js';
import { isInside, isLink, isRealFolder, realPath } from '../paths.js';
import { DEFAULT_DATABASE, NothingImported, openDatabaseToRead } from '../cli/database.js';
import { DatabaseHeld } from '../store/held.js';
import { UnfinishedImport } from '../store/orphans.js';
import { REPORT_FILE_NAMES } from '../report/report-folder.js';
import { databaseFileProblem, type Store } from '../store/database.js';
import { logoDataUrl } from '../report/html/logo.js';
import { UserError } from '../errors.js';
import { replaceWhole } from '../output-file.js';
import { HttpError, requestLanguage, unknownTimezone, withoutServerPath } from './http.js';

/** A client's id is its folder's name: lower-case letters, digits, - and _, as brand ids. */
const CLIENT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** What the page lists for a client: its config's name and settings, and its reports, the most recent period first. */
export interface ClientSummary {
  id: string;
  name: string;
  timezone: string;
  language: string;
  reports: string[];
  /**
   * The config's first problem, as the CLI would say it, naming the file as replybench.yaml (never its place on the
   * server); null when it passes, or when its only lack is handles not given yet.
   */
  problem: string | null;
  /** True while no brand has a handle yet (a new client): the next step, not an error. */
  needsHandles: boolean;
  /** The name of a brand that has no handle yet while others have (a competitor just added): the next step, said by the page in its language. */
  withoutAccounts: string | null;
}

/**
 * The workspace: a folder of client projects, each the folder `replybench
 * init` makes (replybench.yaml, exports/, data/, reports/). Every path the
 * server reads or writes is built here from a checked id, inside the
 * workspace; a client folder that is a symbolic link is not followed.
 */
export class Workspace {
  constructor(readonly root: string) {}

  folderOf(id: string): string {
    if (!CLIENT_ID.test(id)) throw new HttpError(400, `"${id}" is not a client id: use lower-case letters, digits, - and _ (at most 64).`);
    const folder = join(this.root, id);
    if (!isRealFolder(folder) || !existsSync(join(folder, CONFIG_FILE))) throw new HttpError(404, `no client "${id}" in ${this.root}.`);
    return folder;
  }

  configPath(id: string): string {
    return this.pathIn(id, CONFIG_FILE);
  }

  /**
   * The path of `parts` in the client's folder, refused when a link takes it out of the folder (a replybench.yaml,
   * exports/ or reports/ that points elsewhere, as a project unpacked from someone else's archive may hold): the server
   * reads and writes nothing outside its clients' folders.
   */
  pathIn(id: string, ...parts: string[]): string {
    const folder = this.folderOf(id);
    const inside = realPath(folder);
    const path = join(folder, ...parts);
    if (!insideClient(inside, realPath(path))) {
      // The link named is the first part of the path that leads out (exports/, not the upload under it).
      throw linkedOut(firstLink(folder, parts, (link) => !insideClient(inside, realPath(link))) ?? parts.join('/'));
    }
    return path;
  }

  /**
   * `pathIn` where no part may be a link at all, even one that stays inside: the reports the page writes are the
   * ones it lists and serves, which it reads only from folders of their own.
   */
  unlinkedPathIn(id: string, ...parts: string[]): string {
    const folder = this.folderOf(id);
    const link = firstLink(folder, parts, () => true);
    if (link !== null) throw linkedOut(link);
    return join(folder, ...parts);
  }

  /** The client's reports, as its summary lists them: the most recent period first. */
  reportsOf(id: string): string[] {
    return reportFolders(join(this.folderOf(id), 'reports'));
  }

  clients(): ClientSummary[] {
    if (!isRealFolder(this.root)) return [];
    return readdirSync(this.root)
      .filter((name) => CLIENT_ID.test(name) && isRealFolder(join(this.root, name)) && existsSync(join(this.root, name, CONFIG_FILE)))
      .sort()
      .map((id) => this.summary(id));
  }

  summary(id: string): ClientSummary {
    const reports = this.reportsOf(id);
    try {
      const config = loadConfig(this.configPath(id));
      const client = config.brands.find((brand) => brand.id === config.client);
      return { id, name: client?.name ?? id, timezone: config.timezone, language: config.report.language, reports, problem: null, needsHandles: false, withoutAccounts: null };
    } catch (error) {
      // Shown as the file says until it passes the checks (a new client has no handles yet).
      const raw = (this.configIfReadable(id) ?? {}) as { client?: unknown; timezone?: unknown; brands?: Array<{ id?: unknown; name?: unknown }>; report?: { language?: unknown } };
      const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
      const client = Array.isArray(raw.brands) ? raw.brands.find((brand) => brand?.id === raw.client) : undefined;
      const brands = Array.isArray(raw.brands) ? raw.brands : [];
      const needsHandles = brands.length > 0 && brands.every((brand) => Object.keys((brand as { accounts?: object })?.accounts ?? {}).length === 0);
      const withoutAccounts = !needsHandles && error instanceof BrandWithoutAccounts ? error.brandName : null;
      const message = error instanceof Error ? error.message : String(error);
      // Where the file is, not checked as configPath checks it: a linked-out replybench.yaml is this client's problem, said here.
      const path = join(this.folderOf(id), CONFIG_FILE);
      const problem = needsHandles || withoutAccounts !== null ? null : message.startsWith(`${path}:`) ? `${CONFIG_FILE}${message.slice(path.length)}` : message;
      return { id, name: text(client?.name, id), timezone: this.timezoneOf(id), language: text(raw.report?.language, 'en'), reports, problem, needsHandles, withoutAccounts };
    }
  }

  /**
   * The client's config, checked as the CLI checks it, to check or report with. A brand without an account yet (a new
   * client, a competitor just added) is refused (400) with the brand named, for the page to say in its language, and
   * no path.
   */
  private loadedConfig(id: string): Config {
    try {
      return loadConfig(this.configPath(id));
    } catch (error) {
      // Named as the page names the file, never by its place on the server.
      if (!(error instanceof BrandWithoutAccounts)) throw withoutServerPath(error, this.folderOf(id));
      throw new HttpError(400, `${CONFIG_FILE}: brands.${error.index}.accounts: brand "${error.brandId}" has no accounts yet; pick its handles in the brands form and save.`, {
        code: 'no-accounts',
        values: { brand: error.brandName },
      });
    }
  }

  /**
   * loadedConfig for a check or a report, which read the data. A brand without handles before the client's first
   * import is not the next step: the import is, and the handles are picked from its data.
   */
  configToRead(id: string): Config {
    try {
      return this.loadedConfig(id);
    } catch (error) {
      if (error instanceof HttpError && error.coded?.code === 'no-accounts' && !existsSync(this.databaseOf(id))) throw new NothingImported(`${CONFIG_FILE}: no post of this client is imported yet.`);
      throw error;
    }
  }

  /** A new client project: the folders `init` makes and a config naming the client as its only brand so far. */
  create(fields: { id?: unknown; name?: unknown; timezone?: unknown; language?: unknown }): ClientSummary {
    const id = typeof fields.id === 'string' ? fields.id : '';
    if (!CLIENT_ID.test(id)) throw new HttpError(400, 'id: use lower-case letters, digits, - and _ (at most 64), such as "acme".');
    const name = typeof fields.name === 'string' && fields.name.trim() !== '' ? fields.name.trim() : null;
    if (name === null) throw new HttpError(400, 'name: give the client\'s name as its reports should show it.');
    const language = requestLanguage(fields.language);
    const folder = join(this.root, id);
    if (existsSync(join(folder, CONFIG_FILE))) throw new HttpError(409, `id: a client "${id}" already exists.`, { code: 'client-exists', values: { id } });
    // A folder of the workspace that is no client (no replybench.yaml): not listed, so not said to be one.
    if (existsSync(folder)) {
      throw new HttpError(409, `id: the workspace has a folder "${id}" that is not a client (it holds no ${CONFIG_FILE}); choose another id, or move that folder away.`, {
        code: 'client-exists',
        values: { id, problem: 'not-a-client' },
      });
    }
    const zone = fields.timezone ?? 'UTC';
    if (typeof zone !== 'string' || !isKnownTimezone(zone)) throw unknownTimezone('timezone', zone);
    const timezone = canonicalTimezone(zone);
    // The client's handles come next, in the brands form (or the file): until then the config says what is missing.
    const config = { client: id, timezone, database: 'data/replybench.duckdb', brands: [{ id, name, accounts: {} }], report: { language } };
    const text = `# replybench project of ${name}. Every key is explained in docs/config.md.\n${stringify(config)}`;
    mkdirSync(this.root, { recursive: true });
    const staging = join(this.root, `.${id}.${process.pid}.new`);
    try {
      for (const sub of ['exports', 'reports', 'data']) mkdirSync(join(staging, sub), { recursive: true });
      writeFileSync(join(staging, CONFIG_FILE), text);
      renameSync(staging, folder);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    return this.summary(id);
  }

  /** The client's timezone as its config names it; UTC when it names none the page can use. */
  timezoneOf(id: string): string {
    const raw = this.configIfReadable(id) as { timezone?: unknown } | null;
    return typeof raw?.timezone === 'string' && isKnownTimezone(raw.timezone) ? raw.timezone : 'UTC';
  }

  /**
   * The client's database: the config's `database`, from the client's folder
   * (without one, replybench.duckdb there, as the terminal reads it), read even
   * before the brands are complete so that exports can be imported first and
   * their handles picked from them.
   */
  databaseOf(id: string): string {
    const raw = this.config(id) as { database?: unknown } | null;
    const path = resolve(this.folderOf(id), typeof raw?.database === 'string' ? raw.database : DEFAULT_DATABASE);
    if (!this.holds(id, path)) throw new HttpError(400, `database: ${path} is outside the client's folder; the page works only on a database inside it.`);
    const problem = databaseFileProblem(path);
    if (problem) throw new HttpError(400, `database: ${path} ${problem}.`);
    // What DuckDB and replybench write beside it, through a link, would land wherever the link points.
    const linked = ['.wal', '.spare', '.cache', `.tmp-${process.pid}`].map((suffix) => `${path}${suffix}`).find(isLink);
    if (linked !== undefined) throw new HttpError(403, `database: ${basename(linked)} beside it is a link; the page writes nothing through a link: remove it.`);
    return path;
  }

  /**
   * `work` on the client's imported database, opened read-only and closed
   * after; `none` before its first import (nothing to offer yet). With
   * `offered` (suggestions the page opens a client with), `none` too while
   * the database is held by an import in a terminal or holds rows of an
   * import cut short: the client's page still opens (its exports section is
   * where the second is cleared); the lists that say what is imported (months,
   * files) refuse instead, since empty they would say nothing is.
   */
  async readData<T>(id: string, none: T, work: (store: Store) => Promise<T>, offered = false): Promise<T> {
    const database = this.databaseOf(id);
    if (!existsSync(database)) return none;
    let store: Store | null;
    try {
      store = await openDatabaseToRead(database);
    } catch (error) {
      if (offered && (error instanceof DatabaseHeld || error instanceof UnfinishedImport)) return none;
      throw error;
    }
    if (store === null) return none;
    try {
      return await work(store);
    } finally {
      store.close();
    }
  }

  /** The config as JSON, or null when the file cannot be read as YAML (the summary then says why, for that client only). */
  private configIfReadable(id: string): unknown {
    try {
      return this.config(id);
    } catch {
      return null;
    }
  }

  /** The config file's version: a hash of its text, which the page's save names so that a change made meanwhile is not overwritten. */
  configVersion(id: string): string {
    return createHash('sha256').update(readFileSync(this.configPath(id))).digest('hex').slice(0, 32);
  }

  /** The config as the file holds it (before defaults), as JSON. */
  config(id: string): unknown {
    return readYamlFile(this.configPath(id), 'config file not found.');
  }

  /** The agency logo the client's config names as it stands (report.agency.logo), if any. */
  agencyLogo(id: string): string | null {
    // A file that is not YAML names none (a save with If-Match: * replaces it).
    const logo = (this.configIfReadable(id) as { report?: { agency?: { logo?: unknown } } } | null)?.report?.agency?.logo;
    return typeof logo === 'string' && logo !== '' ? logo : null;
  }

  /** Whether `file`, relative to the client's folder, is inside it, links resolved: a folder inside that links elsewhere does not keep it inside. */
  holds(id: string, file: string): boolean {
    const folder = this.folderOf(id);
    return insideClient(realPath(folder), realPath(resolve(folder, file)));
  }

  /**
   * Replaces the config with `value` once it passes the checks the CLI makes
   * (an error names the key); the file keeps its comments and key order where
   * the values did not change, and is replaced whole. Given the versions it
   * may have been read at (If-Match), a file changed since (in a terminal,
   * another window) is left as it is and the save refused.
   */
  saveConfig(id: string, value: unknown, readVersions: readonly string[] | null = null): unknown {
    const path = this.configPath(id);
    if (readVersions !== null && !readVersions.includes(this.configVersion(id))) {
      throw new HttpError(412, `${CONFIG_FILE} changed since the page read it (in a terminal or another window); nothing was saved: open the client again to see the file as it is now, then make the change again.`, {
        code: 'config-changed',
      });
    }
    const config = parseSaved(value, this.folderOf(id));
    // Through the page, every file a config names stays in the client's folder.
    const named: Array<[string, string | undefined]> = [
      ['database', config.database],
      ['report.template', config.report.template],
      ['report.agency.logo', config.report.agency?.logo],
    ];
    for (const [key, file] of named) {
      if (file !== undefined && !this.holds(id, file)) {
        throw new HttpError(400, `${CONFIG_FILE}: ${key}: "${file}" is outside the client's folder; name a file inside it.`);
      }
    }
    // A logo named anew must be an image there now (an upload another window replaced is not): the report would fail on it.
    const logo = config.report.agency?.logo;
    if (logo !== undefined && logo !== this.agencyLogo(id)) {
      try {
        logoDataUrl(logo, this.folderOf(id));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        throw new HttpError(400, `${CONFIG_FILE}: report.agency.logo: "${logo}" cannot be read as an image now; send the logo again.`, { code: 'bad-logo', values: { problem: 'unreadable' } });
      }
    }
    const source = readFileSync(path, 'utf8');
    const document = parseDocument(source);
    // A file that is not YAML any more (an edit gone wrong) keeps no comments to keep: it is written anew.
    if (document.errors.length > 0) replaceWhole(path, stringify(value));
    else {
      keepOneLineLists(document, source);
      applyValue(document, [], value);
      // No line is folded at a width: a line written long by hand (a list of handles on one line) stays one line.
      replaceWhole(path, document.toString({ lineWidth: 0 }));
    }
    return this.config(id);
  }
}

/**
 * The config the page sends, checked as the CLI checks it. The fields the page's users type freely are refused in
 * words the page says in its language: a timezone it does not know, opening hours it cannot read (the brand named).
 */
function parseSaved(value: unknown, folder: string): Config {
  try {
    // A brand without handles yet is saved (the timezone or the language of a new client can be set before them); check and report say it is missing.
    return parseConfig(value, CONFIG_FILE, folder, { draft: true });
  } catch (error) {
    if (!(error instanceof ConfigKeyError)) throw error;
    const [key, index, field, day] = error.path;
    const sent = (value ?? {}) as { timezone?: unknown; brands?: Array<{ id?: unknown; name?: unknown }> };
    if (key === 'timezone' && error.path.length === 1) throw unknownTimezone(`${CONFIG_FILE}: timezone`, sent.timezone);
    // The days and hours of the form's line; its timezone and holidays are the file's, which the page does not show.
    const inLine = field === 'businessHours' && day !== 'timezone' && day !== 'holidays';
    const brand = key === 'brands' && typeof index === 'number' && inLine ? sent.brands?.[index] : undefined;
    if (brand === undefined) throw error;
    throw new HttpError(400, error.message, { code: 'bad-hours', values: { brand: String(brand.name ?? brand.id) } });
  }
}

/**
 * Each list or map the file writes on one line in brackets (`twitter: [acme, acme_help]`) is written back as it was
 * when its value did not change, and on one line in brackets, spaced inside as it was, when it did: the library would
 * space every one of them alike (`[ acme, acme_help ]`). Set on the document as read, before it is edited.
 */
function keepOneLineLists(document: Document, source: string): void {
  const keep = (node: YAMLMap | YAMLSeq) => {
    const [start, end] = node.range ?? [];
    if (!node.flow || start === undefined || end === undefined) return;
    const text = source.slice(start, end);
    if (text.includes('\n')) return;
    const read = node.toJSON();
    const spaced = /^[[{]\s/.test(text) ? ' ' : '';
    const write = node.toString.bind(node);
    node.toString = (ctx, onComment, onChompKeep) => {
      // Written out as block lines since (an empty `{}` filled): left to the library.
      if (ctx === undefined || !node.flow) return write(ctx, onComment, onChompKeep);
      if (isDeepStrictEqual(node.toJSON(), read)) return text;
      return write({ ...ctx, flowCollectionPadding: spaced }, onComment, onChompKeep);
    };
  };
  visit(document, {
    Map: (_, node) => keep(node),
    Seq: (_, node) => keep(node),
  });
}

/** Sets `value` at `path` in the document, touching only what differs: unchanged keys keep their comments and order. */
function applyValue(document: Document, path: Array<string | number>, value: unknown): void {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  // An empty `{}` or `[]` (a new client's accounts) filled here is written as the block lists around it, not as one long
  // line; one that stays empty stays as it is written.
  const filled = value !== null && typeof value === 'object' && Object.keys(value).length > 0;
  if ((isMap(node) || isSeq(node)) && node.flow && node.items.length === 0 && filled) {
    node.flow = false;
    // Its comment ("accounts: {}   # to fill") goes above the items: after them it would read as the next brand's.
    if (node.comment) {
      node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${node.comment}` : node.comment;
      node.comment = undefined;
    }
  }
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject && isMap(node)) {
    const entries = value as Record<string, unknown>;
    for (const item of [...node.items]) {
      const key = String((item.key as { value?: unknown } | null)?.value ?? item.key);
      if (!(key in entries)) document.deleteIn([...path, key]);
    }
    for (const [key, child] of Object.entries(entries)) applyValue(document, [...path, key], child);
    return;
  }
  if (Array.isArray(value) && isSeq(node)) {
    // Item by item: a brand edited keeps the comments of the others.
    for (let index = node.items.length - 1; index >= value.length; index -= 1) document.deleteIn([...path, index]);
    for (const [index, child] of value.entries()) {
      if (index < node.items.length) applyValue(document, [...path, index], child);
      else document.addIn(path, child);
    }
    return;
  }
  const current = path.length === 0 ? document.toJS() : document.getIn(path);
  const plain = current !== null && typeof current === 'object' && 'toJSON' in current ? (current as { toJSON(): unknown }).toJSON() : current;
  if (isDeepStrictEqual(plain, value)) return;
  if (path.length === 0) document.contents = document.createNode(value);
  else document.setIn(path, value);
}

/**
 * The report folders of a client that hold a report: the most recent period first (the one ending last; of two ending
 * the same day, the shorter), and of one period, the report written last first. A folder whose name names no period
 * comes after them. A folder a report is being written into for the first time (by a terminal), or one a killed
 * report left with its lock and nothing else, holds none of a report's files yet, and is not listed.
 */
function reportFolders(folder: string): string[] {
  if (!isRealFolder(folder)) return [];
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.') && isRealFolder(join(folder, name)) && REPORT_FILE_NAMES.some((file) => existsSync(join(folder, name, file))))
    .map((name) => ({ name, period: periodOfFolder(name), at: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => (b.period?.end ?? -1) - (a.period?.end ?? -1) || (b.period?.first ?? -1) - (a.period?.first ?? -1) || b.at - a.at)
    .map((entry) => entry.name);
}

/** The days a report folder's name spans ("2017-10-es", "2017-Q4-en", "2017-10-01-to-2017-10-15-fr"), as yyyymmdd numbers; null for another name. */
function periodOfFolder(name: string): { first: number; end: number } | null {
  const label = /^(.+)-[a-z]{2}$/.exec(name)?.[1];
  if (label === undefined) return null;
  try {
    const period = parsePeriod(label.replace('-to-', '..'), 'UTC');
    const number = ({ year, month, day }: LocalDate) => year * 10_000 + month * 100 + day;
    return { first: number(period.firstDay), end: number(period.endDay) };
  } catch {
    return null;
  }
}

/** The first of `parts` under `folder`, as the path up to it, that is a link `counts` (null when none is). */
function firstLink(folder: string, parts: readonly string[], counts: (link: string) => boolean): string | null {
  for (let index = 0; index < parts.length; index += 1) {
    const link = join(folder, ...parts.slice(0, index + 1));
    if (isLink(link) && counts(link)) return parts.slice(0, index + 1).join('/');
  }
  return null;
}

/** The refusal of a path of the client's folder that is a link (`link`: the part that is). */
function linkedOut(link: string): HttpError {
  return new HttpError(403, `${link} in the client's folder is a link; the page reads and writes the folder's own files and folders, never through a link: put the file or folder itself there instead of the link.`, {
    code: 'linked-out',
    values: { path: link },
  });
}

/** A file the client's config names: under its folder, not the folder itself. */
function insideClient(folder: string, path: string): boolean {
  return path !== folder && isInside(path, folder);
}
