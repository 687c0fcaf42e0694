import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { METRIC_DEFINITIONS } from '../../src/metrics/definitions.js';

describe('metric definitions', () => {
  it('have unique ids and full sentences', () => {
    const ids = METRIC_DEFINITIONS.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const definition of METRIC_DEFINITIONS) {
      expect(definition.title.length).toBeGreaterThan(3);
      expect(definition.text).toMatch(/\.$/);
    }
  });

  it('explain every ranked metric', () => {
    const ids = new Set(METRIC_DEFINITIONS.map((definition) => definition.id));
    const ranked = metricCatalogue([60, 1440]).filter((s) => s.better);
    expect(ranked.length).toBeGreaterThan(5);
    for (const spec of ranked) {
      const id = spec.key.startsWith('withinSla.') ? 'withinSla' : spec.key === 'replyToBroadcast' ? 'replyShare' : spec.key;
      expect(ids.has(id), spec.key).toBe(true);
    }
  });

  it('are the metric reference of docs/metrics.md, word for word', () => {
    const readme = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    for (const definition of METRIC_DEFINITIONS) {
      expect(readme, definition.id).toContain(`**${definition.title}** (\`${definition.id}\`). ${definition.text}`);
    }
  });
});
