/**
 * `replybench init`: the project folder and the commands to run next, which
 * name the month an agency usually reports on (the one just ended), not a
 * month of some sample data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, subMonths } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../ingest/helpers.js';

describe('replybench init', () => {
  it('makes the project folders and config, and names last month in the commands it prints', async () => {
    const root = join(tempFolder(), 'acme');
    const before = format(subMonths(new Date(), 1), 'yyyy-MM');
    const result = await runCli(['init', root]);
    expect(result.status).toBe(0);
    for (const folder of ['exports', 'reports', 'data']) expect(existsSync(join(root, folder))).toBe(true);
    expect(readFileSync(join(root, 'replybench.yaml'), 'utf8')).toContain('brands:');
    // Last month when init ran (a month may have ended meanwhile).
    const lastMonth = [before, format(subMonths(new Date(), 1), 'yyyy-MM')].find((month) => result.stdout.includes(`--period ${month}\n`));
    expect(lastMonth).toBeDefined();
    expect(result.stdout).toContain(`npx replybench check --period ${lastMonth}\n`);
    expect(result.stdout).toContain(`npx replybench report --period ${lastMonth}\n`);
    // Run again there, it leaves the config as it is and says what to do.
    const again = await runCli(['init', root]);
    expect(again).toMatchObject({ status: 1, stderr: `replybench: ${join(root, 'replybench.yaml')}: already exists; edit it, or run init in another folder.\n` });
  });
});
