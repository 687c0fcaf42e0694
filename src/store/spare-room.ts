import { rmSync, writeFileSync } from 'node:fs';
import { onInterrupt } from '../temp-files.js';

/** Enough for DuckDB to checkpoint a store whose disk is full: its WAL marker and a few metadata blocks (measured: 0.5 MB). */
const SPARE_BYTES = 2 * 1024 * 1024;

/**
 * A file of spare room kept beside a store open for writing
 * (`replybench.duckdb.spare`), given up only while the store checkpoints.
 * An import that fills the disk would otherwise leave no room for the
 * checkpoint that writes what it committed into the file, and a failed
 * checkpoint leaves DuckDB unusable until the store is opened again.
 * Written with real bytes: a sparse file would hold no room at all.
 */
export class SpareRoom {
  private held = false;
  /** Interrupted (Ctrl-C), the process ends without closing its store: the room is given back all the same. */
  private readonly forget = onInterrupt(() => rmSync(this.path, { force: true }));

  constructor(readonly path: string) {}

  /** Takes the room again (best effort: on a full disk it cannot, and then there is nothing to give back). */
  claim(): void {
    try {
      // Made anew, never written through what is there: a link in its place would have 2 MB written wherever it points.
      rmSync(this.path, { force: true });
      writeFileSync(this.path, Buffer.alloc(SPARE_BYTES, 0x20), { flag: 'wx' });
      this.held = true;
    } catch {
      rmSync(this.path, { force: true });
      this.held = false;
    }
  }

  /** Gives the room back for good: the store is closed. */
  close(): void {
    this.release();
    this.forget();
  }

  /** Gives the room back to the disk; true when there was some to give. */
  release(): boolean {
    const had = this.held;
    rmSync(this.path, { force: true });
    this.held = false;
    return had;
  }
}
