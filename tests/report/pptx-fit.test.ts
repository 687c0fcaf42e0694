import { describe, expect, it } from 'vitest';
import { fitScale, fittedToBox, SMALLEST_PT } from '../../src/report/pptx/fit.js';

const sentence = 'The response rate fell by 5.2 pts compared with October 2025, while 33 mentions still wait for an answer. ';

describe('text fitted to its box (PowerPoint stores no shrink of its own)', () => {
  it('keeps the size of a text that fits', () => {
    expect(fitScale([{ text: 'Response rate', options: {} }], { w: 3, h: 0.5, fontSize: 11 })).toBe(1);
    expect(fittedToBox('Response rate', { w: 3, h: 0.5, fontSize: 11 }).options).toMatchObject({ fontSize: 11, fit: 'shrink' });
  });

  it('sets a text that would run over its box smaller, the more so the longer it is', () => {
    const box = { w: 10, h: 1.5, fontSize: 13, paraSpaceAfter: 6 };
    const findings = (count: number) => Array.from({ length: count }, () => ({ text: sentence.repeat(2), options: { bullet: { type: 'number' as const }, breakLine: true } }));
    const three = fitScale(findings(3), box);
    const five = fitScale(findings(5), box);
    expect(three).toBeLessThan(1);
    expect(five).toBeLessThan(three);
    // At 13 pt a line of the 10 in box holds about 100 characters: three findings of 214 characters take 9 lines, 158 pt with their spacing, where the box has 101 pt.
    const size = fittedToBox(findings(3), box).options.fontSize ?? 0;
    expect(size).toBeGreaterThanOrEqual(9);
    expect(size).toBeLessThan(13);
  });

  it('scales the sizes runs name themselves by as much as the box, and sets none under the smallest size', () => {
    const runs = [
      { text: 'Response rate', options: { bold: true, fontSize: 12, breakLine: true } },
      { text: sentence.repeat(40), options: { fontSize: 11, breakLine: true } },
    ];
    const fitted = fittedToBox(runs, { w: 5, h: 2 });
    const sizes = (fitted.text as typeof runs).map((run) => run.options.fontSize);
    expect(sizes).toEqual([SMALLEST_PT + 0.5, SMALLEST_PT]);
    expect(fitScale(runs, { w: 5, h: 2 })).toBeCloseTo(SMALLEST_PT / 11, 5);
  });
});
