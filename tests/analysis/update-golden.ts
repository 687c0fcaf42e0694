/**
 * Records the golden outputs (tests/fixtures/golden/*.json). Run it only when
 * a number changes on purpose, and say why in the commit:
 *   npx tsx tests/analysis/update-golden.ts
 */
import { writeFileSync } from 'node:fs';
import { computeGoldenCases, GOLDEN_DIR } from './golden-cases.js';

for (const [name, output] of await computeGoldenCases()) {
  writeFileSync(new URL(`${name}.json`, GOLDEN_DIR), `${JSON.stringify(output, null, 1)}\n`);
  console.log(`wrote tests/fixtures/golden/${name}.json`);
}
