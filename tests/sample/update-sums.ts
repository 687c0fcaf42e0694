/**
 * Rewrites sample-data/SHA256SUMS after a deliberate change to the sample
 * generator: `npx tsx tests/sample/update-sums.ts`. The format is sha256sum's,
 * so `sha256sum -c ../SHA256SUMS` works inside a demo's exports/ folder.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSampleData } from '../../src/sample/generate.js';
import { renderSampleExports } from '../../src/sample/index.js';
import { SAMPLE_DATA_DIR } from '../../src/sample/paths.js';

const lines = renderSampleExports(generateSampleData()).map((file) => `${createHash('sha256').update(file.content).digest('hex')}  ${file.name}`);
writeFileSync(join(SAMPLE_DATA_DIR, 'SHA256SUMS'), `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
