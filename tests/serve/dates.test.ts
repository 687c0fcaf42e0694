/** The page's dates: as the client's reports write them. */
import { describe, expect, it } from 'vitest';
import { instantText } from '../../page/dates.js';

describe('the page\'s dates', () => {
  it('writes the first of a month "1er" in French, in the client\'s timezone, and every other day and language as Intl does', () => {
    // 00:30 on 1 October in Madrid, still 30 September in UTC.
    const first = new Date('2025-09-30T22:30:00Z');
    expect(instantText(first, 'fr', 'Europe/Madrid', true)).toBe('1er oct. 2025, 00:30');
    expect(instantText(first, 'fr', 'Europe/Madrid', false)).toBe('1er oct. 2025');
    expect(instantText(first, 'fr', 'UTC', false)).toBe('30 sept. 2025');
    expect(instantText(new Date('2025-10-11T10:00:00Z'), 'fr', 'UTC', false)).toBe('11 oct. 2025');
    expect(instantText(first, 'es', 'Europe/Madrid', false)).toBe('1 oct 2025');
    expect(instantText(first, 'en', 'Europe/Madrid', false)).toBe('Oct 1, 2025');
  });
});
