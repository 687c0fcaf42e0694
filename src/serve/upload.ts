import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { HttpError } from './http.js';

export interface OneFileUpload<T> {
  /** What the file is, for the refusals: "the export", "the logo". */
  what: string;
  maxBytes: number;
  /** The refusal of a file larger than maxBytes. */
  tooLarge: () => HttpError;
  /** Takes the file as it arrives, under the name the sender gave it; its refusals are the upload's. */
  sink: (name: string, stream: Readable) => Promise<T>;
}

/**
 * The one file of a multipart upload, in a field named `file`, handed to the
 * upload's sink. Refused: a body that is not multipart, another field, a
 * second file, a file past maxBytes, no file, and a request cut off before
 * its end (which would otherwise never settle). Settles once the sink has
 * ended, so nothing is left writing when the caller cleans up after a refusal.
 */
export function receiveOneFile<T>(request: IncomingMessage, upload: OneFileUpload<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send a file's name as UTF-8 bytes without saying so; busboy's default reads them as Latin-1 ("EspaÃ±a").
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: upload.maxBytes, fields: 0 } });
    } catch {
      reject(new HttpError(415, `send ${upload.what} as multipart/form-data, in a field named "file".`));
      return;
    }
    // The first problem is the answer, once the sink has ended.
    let failure: unknown = null;
    const fail = (error: unknown) => {
      failure ??= error;
    };
    let received: Promise<T> | null = null;
    let arriving: Readable | null = null;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || received !== null) {
        fail(new HttpError(400, field !== 'file' ? `${upload.what} goes in a field named "file", not "${field}".` : 'send one file per request.'));
        stream.resume();
        return;
      }
      stream.on('limit', () => fail(upload.tooLarge()));
      arriving = stream;
      received = upload.sink(info.filename ?? '', stream).catch((error: unknown) => {
        fail(error);
        stream.resume();
        return null as T;
      });
    });
    parser.on('filesLimit', () => fail(new HttpError(400, 'send one file per request.')));
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      void Promise.resolve(received).then((value) => {
        if (failure !== null) reject(failure);
        else if (received === null) reject(new HttpError(400, `no file in the request: put ${upload.what} in a field named "file".`));
        else resolve(value as T);
      });
    };
    parser.on('error', (error) => {
      fail(new HttpError(400, `the upload is not valid multipart/form-data (${error instanceof Error ? error.message : String(error)}).`));
      finish();
    });
    parser.on('close', finish);
    request.on('close', () => {
      if (request.complete) return;
      fail(new HttpError(400, 'the upload was cut off before its end.'));
      // The file's stream would wait for the rest for ever: ended with an error, its sink ends too.
      arriving?.destroy(new Error('the upload was cut off before its end'));
      parser.destroy();
      finish();
    });
    request.pipe(parser);
  });
}
