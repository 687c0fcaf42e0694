// Bundles the command line (dist/cli/main.js, built by tsc) into dist/cli-bundle/, which
// bin/replybench.js runs. Unbundled, Node resolves and compiles about 500 small modules
// one by one (ours, zod, yaml, commander, date-fns, DuckDB's API); bundled, `metrics`
// loads about 25 files and starts about 0.2 s sooner, a quarter to a third of `check`
// or `metrics` on a kept analysis.
//
// Two folders deep like dist/<folder>/, so the paths the code finds from its own file
// (../../queries/, ../../report-templates/, ../../page/) are the same in the bundle.
// Left outside: DuckDB's native binding, and the packages of the report, the workbook,
// the import's readers (CSV recovery, workbooks, archives) and the web page, loaded
// from node_modules by the commands that use them.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/cli-bundle`;
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [`${root}dist/cli/main.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Through the maps tsc wrote, back to src/: --debug's stack traces name the source lines.
  sourcemap: true,
  external: [
    '@duckdb/node-bindings',
    'arquero',
    'busboy',
    'eta',
    'exceljs',
    'jszip',
    'papaparse',
    'pptxgenjs',
    'puppeteer',
    'saxes',
    'vega',
    'vega-lite',
    'yauzl',
  ],
  // The CommonJS packages inside the bundle (DuckDB's API, yaml, commander) call require for the ones left outside.
  banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);" },
});
