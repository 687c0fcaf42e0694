/**
 * Standard output that may be closed by its reader: `replybench metrics |
 * head` closes the pipe after a few lines, and a write then fails with EPIPE.
 * That is no error of the command's (head exits 0 and expects the writer to
 * stop quietly): the failure is noted here, the rest of the output dropped,
 * and commands that loop (import) stop after the work in hand.
 */
let closed = false;

/** Starts watching stdout for a closed reader; the CLI calls it once. */
export function watchStdout(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw error;
  });
}

/** True once the reader of stdout has gone away. */
export function stdoutClosed(): boolean {
  return closed;
}
