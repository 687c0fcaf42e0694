/**
 * A temporary copy abandoned after a failure (a broken quote found while the
 * recovered rows are written) must not end the process: destroyed with a
 * write still in flight, the stream fails that write, and the promise of its
 * close rejects with ERR_STREAM_DESTROYED, awaited by no one.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { abandonWrite } from '../../src/ingest/source/abandon-write.js';
import { tempFolder } from './helpers.js';

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off('unhandledRejection', record);
  unhandled.length = 0;
});

describe('abandoning a temporary copy', () => {
  it('leaves no rejection for the process to die of, with a second write still queued', async () => {
    process.on('unhandledRejection', record);
    const out = createWriteStream(join(tempFolder(), 'recovered.csv'));
    const closed = once(out, 'close');
    await once(out, 'open');
    out.write('x'.repeat(100));
    out.write('y'.repeat(100));
    abandonWrite(out, closed);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(out.destroyed).toBe(true);
    expect(unhandled).toEqual([]);
  });
});
