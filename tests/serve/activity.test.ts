import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Activities } from '../../src/serve/activity.js';
import { HttpError } from '../../src/serve/http.js';
import { startServer } from '../../src/serve/server.js';

describe("a client's running action, as the page asks for it", () => {
  it('is one at a time per client: a second import or report is refused with 409 until the first ends', () => {
    const activities = new Activities();
    const running = activities.begin('acme', 'import', 'twcs.csv');
    let refused: unknown;
    try {
      activities.begin('acme', 'report', '2017-10');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(409);
    expect((refused as HttpError).message).toBe("this client's import of twcs.csv is still running; wait until it ends.");
    // A config saved, or the upload being imported imported again, meanwhile: refused alike.
    expect(() => activities.refuseWhileBusy('acme')).toThrow("this client's import of twcs.csv is still running; wait until it ends.");
    expect(() => activities.refuseWhileBusy('acme', 'import')).toThrow("this client's import of twcs.csv is still running; wait until it ends.");
    // A config saved during an import: only a report refuses it.
    activities.refuseWhileBusy('acme', 'report');
    // Another client is free.
    activities.begin('rival', 'report', '2017-10').end();
    activities.refuseWhileBusy('rival');
    running.end();
    activities.refuseWhileBusy('acme');
    expect(activities.of('acme')).toBeNull();
    activities.begin('acme', 'report', '2017-10').end();
  });

  it("says an import's phase with the share it knows: bytes while reading, rows while loading, DuckDB's statement after", () => {
    const activities = new Activities();
    const running = activities.begin('acme', 'import', 'twcs.csv');
    expect(activities.of('acme')).toMatchObject({ action: 'import', subject: 'twcs.csv', step: null, fraction: null, rows: null, stepNumber: null });
    running.importProgress({ path: '/x/twcs.csv', phase: 'reading', fraction: 0.25 }, () => 0.9);
    expect(activities.of('acme')).toMatchObject({ step: 'reading', fraction: 0.25 });
    running.importProgress({ path: '/x/twcs.csv', phase: 'loading', fraction: null, rows: 1200 }, () => 0.9);
    expect(activities.of('acme')).toMatchObject({ step: 'loading', fraction: null, rows: 1200 });
    let statement = 0.3;
    running.importProgress({ path: '/x/twcs.csv', phase: 'saving', fraction: null }, () => statement);
    expect(activities.of('acme')).toMatchObject({ step: 'saving', fraction: 0.3, rows: 1200 });
    statement = 0.6;
    expect(activities.of('acme')?.fraction).toBe(0.6);
    running.end();
  });

  it("numbers a report's steps out of five", () => {
    const activities = new Activities();
    const running = activities.begin('acme', 'report', '2017-10');
    running.reportStep('themes');
    expect(activities.of('acme')).toMatchObject({ action: 'report', subject: '2017-10', step: 'themes', stepNumber: 2, steps: 5 });
    running.reportStep('files');
    expect(activities.of('acme')).toMatchObject({ stepNumber: 5 });
    running.end();
  });
});

describe('a server asked to stop', () => {
  it('waits for the imports and reports under way, says which, and takes no new request meanwhile', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'replybench-serve-'));
    const server = await startServer({ workspace, port: 0, token: 'stop-tests-token-0123456789' });
    try {
      let finish = () => {};
      const report = server.activities.during('acme', 'report', '2017-10', () => new Promise<void>((done) => (finish = done)));
      expect(server.activities.runningNow()).toEqual(['the report of 2017-10']);
      let closed = false;
      const closing = server.close().then(() => {
        closed = true;
      });
      await new Promise((tick) => setTimeout(tick, 100));
      expect(closed).toBe(false);
      await expect(fetch(new URL('/api/clients', server.url))).rejects.toThrow();
      finish();
      await report;
      await closing;
      expect(closed).toBe(true);
      expect(server.activities.runningNow()).toEqual([]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
