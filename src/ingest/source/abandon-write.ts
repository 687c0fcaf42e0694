import type { WriteStream } from 'node:fs';

/**
 * Stops writing a temporary copy after a failure: a write still pending
 * fails once the stream is destroyed, and that failure (which would reject
 * `closed`, awaited by no one, and end the process) is not the one to report.
 */
export function abandonWrite(out: WriteStream, closed: Promise<unknown>): void {
  closed.catch(() => undefined);
  out.destroy();
}
