import type * as vega from 'vega';

/** What a chart spec that names a URL is told to do. */
export const REPORT_DATA_ONLY = 'a chart may only use the data the report gives it: remove every "url" from the template\'s chart spec';

/**
 * A Vega loader that loads nothing. Vega's own loader reads any `url` a
 * spec names, `file:///etc/hostname` or `http://127.0.0.1/...`, and puts what
 * it read into the SVG and the PDF; a chart spec from a template is data,
 * so a chart can only use the datasets the report hands it. Every URL asked
 * for is kept, so the chart can be refused by name.
 */
export function refusingLoader(): { loader: vega.Loader; refused: string[] } {
  const refused: string[] = [];
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new Error(`replybench charts load nothing: ${uri}`));
  };
  return {
    refused,
    loader: {
      load: (uri) => refuse(uri),
      sanitize: (uri) => refuse(uri),
      http: (uri) => refuse(uri),
      file: (filename) => refuse(filename),
    },
  };
}
