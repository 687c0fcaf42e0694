import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { checkJson, checkOf } from '../cli/commands/check.js';
import type { ReportPrinter } from '../report/pdf/printer.js';
import { Activities } from './activity.js';
import { importPreviewed, previewAgain, receiveExport } from './exports.js';
import { guard } from './guard.js';
import { platformsWithData, suggestedHandles } from './handles.js';
import { importedFiles } from './imported.js';
import { logoOf, receiveLogo } from './logo.js';
import { askedPeriod, monthsWithData } from './periods.js';
import { CONFIG_FILE } from '../config/load.js';
import { commonHeaders, HttpError, jsonFields, PAGE_POLICY, readJson, requestLanguage, sendError, sendJson } from './http.js';
import { earlierReport, generateReport, sendReportFile } from './reports.js';
import { Workspace } from './workspace.js';

const CLIENT_EXAMPLE = '{ "id": "acme", "name": "Acme", "timezone": "Europe/Madrid", "language": "es" }';

export interface ServeOptions {
  workspace: string;
  port: number;
  /** The API's token; a random one per run by default. */
  token?: string;
  /** The largest upload, in bytes (default 2 GB). */
  maxUpload?: number;
}

export interface RunningServer {
  url: string;
  token: string;
  /** The imports and reports each client has running (what GET /api/clients/:id/activity answers). */
  activities: Activities;
  close(): Promise<void>;
}

/** The page's script modules (page/*.ts), app.js first: it imports the others. */
export const PAGE_MODULES = ['app', 'api', 'brands', 'check', 'clients', 'dates', 'dom', 'exports', 'hours', 'language', 'periods', 'report', 'strings'] as const;

/** The page's own files: a fixed list, read from the package, never a path from the request. */
const PAGE_FILES: Record<string, { file: URL; type: string }> = {
  '/': { file: new URL('../../page/index.html', import.meta.url), type: 'text/html; charset=utf-8' },
  '/app.css': { file: new URL('../../page/app.css', import.meta.url), type: 'text/css; charset=utf-8' },
  // Built by npm run build (page/tsconfig.json), from src/serve and dist/serve alike.
  ...Object.fromEntries(PAGE_MODULES.map((name) => [`/${name}.js`, { file: new URL(`../../dist/page/${name}.js`, import.meta.url), type: 'text/javascript; charset=utf-8' }])),
};

type Handler = (context: { request: IncomingMessage; response: ServerResponse; url: URL; params: string[] }) => Promise<unknown>;

/**
 * `replybench serve`: the page and its JSON API on 127.0.0.1 only
 * (docs/serve.md). Every API request needs the run's token; a request for
 * another Host is refused; the workspace's files are reached only through
 * checked ids and names.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const workspace = new Workspace(options.workspace);
  const activities = new Activities();
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxUpload = options.maxUpload ?? 2 * 1024 * 1024 * 1024;
  let printer: Promise<ReportPrinter> | null = null;
  const sharedPrinter = () => {
    printer ??= import('../report/pdf/printer.js').then(({ ReportPrinter }) => ReportPrinter.launch());
    return printer;
  };

  const routes: Array<[string, RegExp, Handler]> = [
    ['GET', /^\/api\/clients$/, async () => ({ clients: workspace.clients() })],
    ['POST', /^\/api\/clients$/, async ({ request, response }) => created(response, workspace.create(jsonFields(await readJson(request), CLIENT_EXAMPLE, ['id', 'name', 'timezone', 'language'])))],
    ['GET', /^\/api\/clients\/([^/]+)$/, async ({ params }) => workspace.summary(params[0] ?? '')],
    ['GET', /^\/api\/clients\/([^/]+)\/config$/, async ({ response, params }) => readWithVersion(response, workspace, params[0] ?? '')],
    [
      'PUT',
      /^\/api\/clients\/([^/]+)\/config$/,
      async ({ request, response, params }) => {
        const id = params[0] ?? '';
        const value = await readJson(request);
        // A report being written reads the config it started with: a save now would not be in it, and nothing would say so.
        activities.refuseWhileBusy(id, 'report');
        const saved = workspace.saveConfig(id, value, versionsOf(request.headers['if-match']));
        response.setHeader('etag', `"${workspace.configVersion(id)}"`);
        return saved;
      },
    ],
    ['GET', /^\/api\/clients\/([^/]+)\/logo$/, async ({ params }) => logoOf(workspace, params[0] ?? '')],
    ['POST', /^\/api\/clients\/([^/]+)\/logo$/, async ({ request, params }) => receiveLogo(workspace, params[0] ?? '', request)],
    [
      'GET',
      /^\/api\/clients\/([^/]+)\/check$/,
      async ({ url, params }) => {
        const language = requestLanguage(url.searchParams.get('language'));
        const id = params[0] ?? '';
        const period = url.searchParams.get('period') ?? '';
        return activities.reading(id, async () => {
          askedPeriod(period, workspace.configToRead(id).timezone);
          // The config named as `replybench check` in the client's folder names it, not by its place on the server.
          return { ...checkJson(await checkOf({ config: workspace.configPath(id), db: workspace.databaseOf(id), period }), language), config: CONFIG_FILE };
        });
      },
    ],
    ['GET', /^\/api\/clients\/([^/]+)\/periods$/, async ({ params }) => activities.reading(params[0] ?? '', () => monthsWithData(workspace, params[0] ?? ''))],
    ['GET', /^\/api\/clients\/([^/]+)\/platforms$/, async ({ params }) => activities.reading(params[0] ?? '', () => platformsWithData(workspace, params[0] ?? ''))],
    [
      'GET',
      /^\/api\/clients\/([^/]+)\/handles$/,
      async ({ url, params }) => activities.reading(params[0] ?? '', () => suggestedHandles(workspace, params[0] ?? '', url.searchParams.get('platform'))),
    ],
    [
      'POST',
      /^\/api\/clients\/([^/]+)\/exports$/,
      async ({ request, url, params }) =>
        receiveExport(workspace, params[0] ?? '', request, maxUpload, activities, { timezone: url.searchParams.get('timezone'), language: url.searchParams.get('language') }),
    ],
    [
      'POST',
      /^\/api\/clients\/([^/]+)\/exports\/([^/]+)\/preview$/,
      async ({ request, params }) => previewAgain(workspace, params[0] ?? '', params[1] ?? '', jsonFields(await readJson(request), '{ "timezone": "Europe/Madrid" }', ['mapping', 'timezone', 'language']), activities),
    ],
    ['GET', /^\/api\/clients\/([^/]+)\/imports$/, async ({ params }) => activities.reading(params[0] ?? '', () => importedFiles(workspace, params[0] ?? ''))],
    ['POST', /^\/api\/clients\/([^/]+)\/imports$/, async ({ request, params }) => importPreviewed(workspace, params[0] ?? '', jsonFields(await readJson(request), '{ "previewId": "…" }', ['previewId', 'mapping', 'timezone', 'language']), activities)],
    [
      'POST',
      /^\/api\/clients\/([^/]+)\/reports$/,
      async ({ request, params }) => generateReport(workspace, params[0] ?? '', jsonFields(await readJson(request), '{ "period": "2025-10", "language": "es" }', ['period', 'language', 'allowUnmatchedHandles']), sharedPrinter, activities),
    ],
    [
      'GET',
      /^\/api\/clients\/([^/]+)\/activity$/,
      async ({ params }) => {
        const id = params[0] ?? '';
        workspace.folderOf(id);
        return { activity: activities.of(id) };
      },
    ],
    ['GET', /^\/api\/clients\/([^/]+)\/reports\/([^/]+)$/, async ({ params }) => earlierReport(workspace, params[0] ?? '', params[1] ?? '')],
    [
      'GET',
      /^\/api\/clients\/([^/]+)\/reports\/([^/]+)\/([^/]+)$/,
      async ({ response, params }) => {
        sendReportFile(workspace, params[0] ?? '', params[1] ?? '', params[2] ?? '', response);
        return SENT;
      },
    ],
  ];

  let stopping = false;
  /** The answers under way: once the server stops, each closes its connection rather than keep it alive for another request. */
  const answering = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    if (stopping) {
      // A connection kept alive past the stop brings no new work: refused, and closed once answered.
      response.setHeader('connection', 'close');
      sendJson(response, 503, { error: 'the server is stopping; start it again to go on.' });
      return;
    }
    answering.add(response);
    response.once('close', () => answering.delete(response));
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      guard(request, url, port(), token);
      const page = PAGE_FILES[url.pathname];
      if (page && request.method === 'GET') {
        response.writeHead(200, { ...commonHeaders(), 'content-type': page.type, 'content-security-policy': PAGE_POLICY });
        response.end(readFileSync(fileURLToPath(page.file)));
        return;
      }
      const path = decodedPath(url.pathname);
      const matching = routes.filter(([, pattern]) => pattern.test(path));
      const route = matching.find(([method]) => method === request.method);
      if (!route) throw new HttpError(matching.length > 0 ? 405 : 404, matching.length > 0 ? `${request.method} is not an action of ${path}.` : `nothing at ${path}.`);
      const params = route[1].exec(path)?.slice(1) ?? [];
      const result = await route[2]({ request, response, url, params });
      if (result !== SENT && !response.headersSent) sendJson(response, 200, result);
    } catch (error) {
      if (!response.headersSent) sendError(response, error);
      else response.destroy();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  function port(): number {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : options.port;
  }
  return {
    url: `http://127.0.0.1:${port()}/?token=${token}`,
    token,
    activities,
    // No new request is taken; one under way (an import, a report) ends whole and is answered, then the browser it
    // may have started is closed: the process then has nothing left to keep it running.
    close: async () => {
      stopping = true;
      const answered = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const response of answering) if (!response.headersSent) response.setHeader('connection', 'close');
      await Promise.all([answered, activities.allEnded()]);
      if (printer) await (await printer).close();
    },
  };
}

const SENT = Symbol('sent');

/**
 * The config with the file's version as the answer's ETag (the version a
 * save names in If-Match): both of the same text, read again if the file
 * changed between the two reads.
 */
function readWithVersion(response: ServerResponse, workspace: Workspace, id: string): unknown {
  for (;;) {
    const version = workspace.configVersion(id);
    const value = workspace.config(id);
    if (workspace.configVersion(id) !== version) continue;
    response.setHeader('etag', `"${version}"`);
    return value;
  }
}

/**
 * The versions an If-Match header names (strong tags, comma-separated), or null for `*` (any version). A save
 * without one is refused: it would replace an edit made in a terminal since the config was read, unseen.
 */
function versionsOf(header: string | undefined): string[] | null {
  if (header === undefined) {
    throw new HttpError(428, 'send If-Match with the ETag that GET /api/clients/:id/config answered, or If-Match: * to replace the file whatever it holds now.');
  }
  if (header.trim() === '*') return null;
  return header.split(',').map((tag) => tag.trim().replace(/^"|"$/g, ''));
}

function created(response: ServerResponse, value: unknown): typeof SENT {
  sendJson(response, 201, value);
  return SENT;
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'the address is not valid URL encoding.');
  }
}
