import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CRASH_STEPS } from '../../src/crash-point.js';
import { fixtureStore } from '../report/fixtureStore.js';
import { BIN, ROOT, SAMPLE, scratch, twcsFile } from './helpers.js';

/**
 * Runs a bash script with a small disk mounted at $DISK: a tmpfs of `size`
 * in a mount namespace of its own (unshare -rm: no root needed, and the
 * mount ends with the script). Each `rb` in the script is the replybench
 * CLI; the script prints what the test checks.
 */
function onSmallDisk(size: string, script: string, folder: string): { stdout: string; stderr: string } {
  const disk = join(folder, 'disk');
  mkdirSync(disk);
  const prelude = `set -u; mount -t tmpfs -o size=${size} tmpfs "$DISK" || { echo "cannot mount a tmpfs: unshare -rm needs user namespaces" >&2; exit 99; }; rb() { "${process.execPath}" "${BIN}" "$@"; }; size() { stat -c %s "$1" 2>/dev/null || echo 0; }\n`;
  const child = spawnSync('unshare', ['-rm', 'bash', '-c', prelude + script], { cwd: ROOT, env: { ...process.env, DISK: disk }, encoding: 'utf8', timeout: 120_000 });
  if (child.status === 99 || child.error) throw new Error(`the full-disk tests need "unshare -rm" to mount a small tmpfs: ${child.stderr || child.error?.message}`);
  return { stdout: child.stdout, stderr: child.stderr };
}

function values(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/^(\w+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

const FULL = /^replybench: the disk holding \S+ is full \(\d+ MB free\): \d+ MB needed; /;

describe('a full disk', () => {
  it('stops an import with one line naming the disk, the file no larger than before and no rollback error in the way', () => {
    const folder = scratch();
    // More than a row group (122,880 rows): DuckDB writes those into the file before the commit.
    const big = twcsFile(join(folder, 'big.csv'), 150_000, 1_000_000);
    const { stdout, stderr } = onSmallDisk(
      '6m',
      `rb import --db "$DISK/s.duckdb" "${SAMPLE}" > /dev/null; echo first=$?; echo before=$(size "$DISK/s.duckdb")
       rb import --db "$DISK/s.duckdb" "${big}" > /dev/null 2> "$DISK/../err.txt"; echo second=$?; echo after=$(size "$DISK/s.duckdb"); cat "$DISK/../err.txt" >&2
       rb import --db "$DISK/s.duckdb" "${twcsFile(join(folder, 'small.csv'), 20, 5_000_000)}" --json; echo third=$?`,
      folder,
    );
    const seen = values(stdout);
    expect(seen.first).toBe('0');
    expect(seen.second).toBe('1');
    expect(stderr).toMatch(FULL);
    expect(stderr).toContain(`free space there and import ${big} again (the database is as it was before it)`);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/rollback|unexpected error/i);
    expect(Number(seen.after)).toBeLessThanOrEqual(Number(seen.before));
    // The store still works: a small file imports after the failure.
    expect(seen.third).toBe('0');
    expect(stdout).toContain('"imported":20');
  });

  it('makes a failed checkpoint an error (exit 1), not an import that exits 0 with its data only in the WAL', () => {
    const folder = scratch();
    // Committed but not checkpointed (killed at that step), then the disk fills up and the spare room is gone:
    // the next import commits into the WAL, and the checkpoint that would write both into the file fails.
    const { stdout, stderr } = onSmallDisk(
      '8m',
      `REPLYBENCH_TEST_CRASH_AT=${CRASH_STEPS.importBeforeCheckpoint} rb import --db "$DISK/s.duckdb" "${twcsFile(join(folder, 'first.csv'), 14_000)}" > /dev/null 2>&1
       rm -f "$DISK/s.duckdb.spare"; head -c $(( $(df --output=avail -B1 "$DISK" | tail -1) - 100000 )) /dev/zero > "$DISK/filler"
       rb import --db "$DISK/s.duckdb" "${twcsFile(join(folder, 'next.csv'), 20, 900_000)}" > /dev/null; echo status=$?; echo wal=$(size "$DISK/s.duckdb.wal")`,
      folder,
    );
    const seen = values(stdout);
    expect(seen.status).toBe('1');
    expect(stderr).toMatch(FULL);
    expect(stderr).toMatch(/until then the new data is only in \S+\.wal: keep it beside the database\)\n$/);
    expect(Number(seen.wal)).toBeGreaterThan(1_000_000);
  });

  it('leaves the previous report whole when a new one cannot be written, and no half-written file', async () => {
    const folder = scratch();
    const store = await fixtureStore(join(folder, 'posts.duckdb'));
    store.close();
    copyFileSync(join(ROOT, 'tests/fixtures/report/logo.svg'), join(folder, 'logo.svg'));
    const config = join(folder, 'replybench.yaml');
    writeFileSync(config, `client: acme\ndatabase: posts.duckdb\nbrands:\n  - { id: acme, name: Acme Telecom, accounts: { twitter: [AcmeCares] } }\n  - { id: rivalco, name: RivalCo, accounts: { twitter: [RivalCoHelp] } }\nreport:\n  agency: { name: Agencia Norte, logo: logo.svg }\n`);
    const report = `rb report --period 2017-10 --config "${config}" --out "$DISK/report" --formats html,csv,pptx,xlsx`;
    const { stdout, stderr } = onSmallDisk(
      '3m',
      `${report} > /dev/null 2>&1; echo first=$?; sha256sum "$DISK"/report/* | sort > "$DISK/../before.txt"
       head -c $(( $(df --output=avail -B1 "$DISK" | tail -1) - 200000 )) /dev/zero > "$DISK/filler"
       ${report} --lang es; echo second=$?; sha256sum "$DISK"/report/* | sort > "$DISK/../after.txt"
       cmp -s "$DISK/../before.txt" "$DISK/../after.txt"; echo same=$?; echo left=$(ls -A "$DISK/report" | grep -c '^\\.replybench')`,
      folder,
    );
    const seen = values(stdout);
    expect(seen.first).toBe('0');
    expect(seen.second).toBe('1');
    expect(stderr).toMatch(FULL);
    expect(stderr).toContain('(the folder still holds the previous report, untouched)');
    expect(seen.same).toBe('0');
    expect(seen.left).toBe('0');
  });
  it('refuses an archive whose exports would not fit on the temporary disk before unzipping any, and leaves nothing there', async () => {
    const folder = scratch();
    // Two exports of 10 MB of rows that deflate to a few hundred KB each, for a 6 MB temporary disk: each alone would not fit either.
    const zip = new JSZip();
    zip.file('october/mentions.csv', readFileSync(twcsFile(join(folder, 'october.csv'), 80_000)));
    zip.file('november/mentions.csv', readFileSync(twcsFile(join(folder, 'november.csv'), 80_000, 1_000_000)));
    const archive = join(folder, 'exports.zip');
    writeFileSync(archive, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const { stdout, stderr } = onSmallDisk(
      '6m',
      `TMPDIR="$DISK" rb import --db "${join(folder, 's.duckdb')}" "${archive}" > /dev/null; echo status=$?; echo left=$(find "$DISK" -type f | wc -l)`,
      folder,
    );
    const seen = values(stdout);
    expect(seen.status).toBe('1');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`replybench: ${archive}: its 2 exports unzip to `);
    expect(stderr).toMatch(/ MB, more than the [0-6] MB free on the disk of the temporary folder \S+\/disk\. Free up space there, or set TMPDIR to a folder on a larger disk, and import it again\.$/m);
    expect(seen.left).toBe('0');
  });
});
