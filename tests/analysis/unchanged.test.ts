/**
 * Every number stays as it was: the metrics, diagnostics, themes and report facts of
 * the golden cases equal the recorded ones (tests/fixtures/golden/), value by
 * value, floats to 1e-9 relative (SQL may sum in another order).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeGoldenCases, GOLDEN_DIR } from './golden-cases.js';

let computed: Map<string, unknown>;

beforeAll(async () => {
  computed = await computeGoldenCases();
}, 180_000);

/** The paths at which two JSON values differ (first few). */
function differences(expected: unknown, actual: unknown, path = '$', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected), Math.abs(actual));
    if (Math.abs(expected - actual) > 1e-9 * scale) out.push(`${path}: ${expected} -> ${actual}`);
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${path}: length ${expected.length} -> ${actual.length}`);
    else expected.forEach((value, i) => {
      differences(value, actual[i], `${path}[${i}]`, out);
    });
  } else if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) differences((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`, out);
  } else if (expected !== actual) {
    out.push(`${path}: ${JSON.stringify(expected)} -> ${JSON.stringify(actual)}`);
  }
  return out;
}

describe('golden outputs', () => {
  for (const name of ['demo-month', 'demo-quarter-questions', 'kaggle-2017-10']) {
    it(`${name} is unchanged`, () => {
      const expected: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, GOLDEN_DIR), 'utf8'));
      expect(computed.has(name)).toBe(true);
      expect(differences(expected, computed.get(name))).toEqual([]);
    });
  }

  it('the comparison sees a changed number', () => {
    expect(differences({ a: [1, { b: 0.5 }] }, { a: [1, { b: 0.5000001 }] })).toEqual(['$.a[1].b: 0.5 -> 0.5000001']);
  });
});
