/** The JSON API of `replybench serve` as the page calls it: the run's token, refusals worded in the page's language, uploads with progress. */
import { say } from './dom.js';
import { language, sizeText, t } from './language.js';
import { STRINGS } from './strings.js';
import { hoursExample } from './hours.js';

export const token = new URLSearchParams(location.search).get('token') ?? '';

export interface ClientSummary {
  id: string;
  name: string;
  timezone: string;
  language: string;
  reports: string[];
  problem: string | null;
  needsHandles: boolean;
  withoutAccounts: string | null;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await apiAnswer<T>(method, path, body)).value;
}

/** A refusal of the API: its English message, and for those the page words itself, a code and the values its sentence quotes. */
interface Refusal {
  error?: string;
  code?: string;
  values?: Record<string, string>;
}

/** A refused request: its sentence in the page's language, and the code the API gave it, for a refusal the page answers. */
export class ApiRefusal extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** What the refusal names (the brand of hours it cannot read, …), as the server sent it. */
    readonly values: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A refusal in the page's language when the page knows its code (and what is wrong, for a period); else the server's own message. */
function refusalText(refusal: Refusal, status: number): string {
  const strings = STRINGS[language];
  const values: Record<string, string> = { ...refusal.values };
  const sentence = refusal.code === undefined ? undefined : (strings[`error.${refusal.code}.${values.problem ?? ''}`] ?? strings[`error.${refusal.code}`]);
  if (sentence === undefined) return refusal.error ?? String(status);
  if (values.action !== undefined) values.action = t(`action.${values.action}`);
  if (values.limitBytes !== undefined) values.limit = sizeText(Number(values.limitBytes));
  if (values.rows !== undefined) values.rows = Number(values.rows).toLocaleString(language);
  if (refusal.code === 'bad-hours') values.example = hoursExample(language);
  return sentence.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** An API answer with the version its ETag names (the config's), for a later save to name in If-Match. */
export async function apiAnswer<T>(method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ value: T; version: string | null }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(ifMatch ? { 'if-match': ifMatch } : {}) };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  const value = (await response.json()) as T & Refusal;
  if (!response.ok) throw new ApiRefusal(refusalText(value, response.status), value.code, { ...value.values });
  return { value, version: response.headers.get('etag') };
}

/**
 * An upload that says how much of the file has gone (fetch cannot tell): the
 * status line shows the share sent, then the seconds the preview takes.
 */
export function uploadWithProgress<T>(path: string, form: FormData): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.loaded < event.total) say(`${t('uploading')} ${Math.floor((100 * event.loaded) / event.total)}%`);
      else say(t('working'));
    });
    request.addEventListener('load', () => {
      try {
        const value = JSON.parse(request.responseText) as T & Refusal;
        if (request.status >= 200 && request.status < 300) resolve(value);
        else reject(new Error(refusalText(value, request.status)));
      } catch {
        reject(new Error(String(request.status)));
      }
    });
    request.addEventListener('error', () => reject(new Error(t('uploadFailed'))));
    request.send(form);
  });
}

export interface Activity {
  action: 'import' | 'report';
  subject: string;
  step: string | null;
  stepNumber: number | null;
  steps: number | null;
  fraction: number | null;
  rows: number | null;
  seconds: number;
}

export function describeActivity(activity: Activity): string {
  const parts = [`${t(activity.action === 'import' ? 'importingFile' : 'writingReport')} ${activity.subject}`];
  if (activity.step) parts.push(`${activity.stepNumber === null ? '' : `${t('step')} ${activity.stepNumber}/${activity.steps}${t('colon')}`}${t(`step.${activity.step}`)}`);
  if (activity.rows !== null) parts.push(`${activity.rows.toLocaleString(language)} ${t('rowsWord')}`);
  if (activity.fraction !== null) parts.push(`${Math.min(100, Math.round(activity.fraction * 100))}%`);
  return `${parts.join(' · ')} · ${activity.seconds} s`;
}
