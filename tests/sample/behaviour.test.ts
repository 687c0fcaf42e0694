import { describe, expect, it } from 'vitest';
import { answerTime, eventFactor, onShift } from '../../src/sample/behaviour.js';
import { madridParts } from '../../src/sample/clock.js';
import { Random } from '../../src/sample/random.js';
import { SAMPLE_BRANDS } from '../../src/sample/spec.js';

const brand = (id: string) => {
  const found = SAMPLE_BRANDS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};
const at = (iso: string) => Date.parse(iso);

describe('sample brand behaviour', () => {
  it('staffs each brand by its weekly schedule in Madrid time, with Sunday hours on holidays', () => {
    const telbo = brand('telbo').shift; // Mon-Fri 09-18
    expect(onShift(telbo, at('2025-10-07T07:30:00Z'))).toBe(true); // Tue 09:30 Madrid (UTC+2)
    expect(onShift(telbo, at('2025-10-07T06:30:00Z'))).toBe(false); // Tue 08:30
    expect(onShift(telbo, at('2025-10-11T10:00:00Z'))).toBe(false); // Saturday
    expect(onShift(telbo, at('2025-05-01T10:00:00Z'))).toBe(false); // Thursday, a holiday
    const vireo = brand('vireo').shift; // Sundays 10-16
    expect(onShift(vireo, at('2025-05-01T10:00:00Z'))).toBe(true); // holiday 12:00, Sunday hours
    expect(onShift(vireo, at('2025-05-01T15:00:00Z'))).toBe(false); // holiday 17:00
  });

  it('answers off-shift mentions only once the next shift has started', () => {
    const random = new Random('behaviour');
    const friday = at('2025-10-10T17:30:00Z'); // Fri 19:30, after Telbo's day
    for (let i = 0; i < 200; i++) {
      const answered = answerTime(random, brand('telbo'), friday);
      const p = madridParts(answered);
      expect(answered).toBeGreaterThan(at('2025-10-13T07:00:00Z') - 1); // Monday 09:00 Madrid
      expect(p.weekday === 5 || p.weekday === 6).toBe(false);
    }
  });

  it('raises volume on event days only for the brands concerned', () => {
    expect(eventFactor('vireo', '2025-06-17')).toEqual({ factor: 3.5, topic: 'outage' });
    expect(eventFactor('telbo', '2025-06-17')).toEqual({ factor: 1, topic: null });
    expect(eventFactor('telbo', '2024-11-29').factor).toBe(1.5);
  });
});
