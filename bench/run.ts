/**
 * `npm run bench`: each section measures replybench against a reference timed
 * in the same run, and prints figures and ratios. Nothing here is asserted.
 * Sections: bench/<name>.bench.ts, each exporting `run(): Promise<void>`.
 * Pass section names to run only those: `npm run bench -- import`.
 */
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const sections = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

for (const name of sections) {
  const section = (await import(`./${name}.bench.ts`)) as { run: () => Promise<void> };
  console.log(`\n== ${name} ==`);
  await section.run();
}
