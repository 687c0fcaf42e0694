import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.js';

/**
 * Refuses a request whose Host is not the server's own address (a page on
 * another site that resolves its name to 127.0.0.1, DNS rebinding), and an
 * API request without the run's token (Authorization: Bearer, or ?token=).
 */
export function guard(request: IncomingMessage, url: URL, port: number, token: string): void {
  const host = request.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpError(421, `this server answers only http://127.0.0.1:${port}/, not the host "${host}".`);
  if (!url.pathname.startsWith('/api/')) return;
  const header = request.headers.authorization ?? '';
  // The scheme is case-insensitive (RFC 9110): "bearer" as some clients send it.
  const given = /^bearer /i.test(header) ? header.slice(7) : (url.searchParams.get('token') ?? '');
  if (!sameSecret(given, token)) throw new HttpError(401, 'missing or wrong token: use the address replybench serve printed (it ends with ?token=...).');
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
