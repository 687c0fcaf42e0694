import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of a file, from `start` on, in chunks read into one buffer that
 * every chunk reuses: a chunk is valid only until the loop asks for the
 * next one (copy what must outlive it). A read stream allocates a fresh
 * buffer per chunk instead, and the pages of each are faulted in anew: on a
 * 150 MB export that was 16,500 page faults and 0.46-0.55 s per pass against
 * 0.15-0.22 s here, and an import reads its file two or three times.
 */
export async function* fileChunks(path: string, start = 0): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    let position = start;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
