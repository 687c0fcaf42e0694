import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/closest.js';

describe('closest', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('twiter', 'twitter')).toBe(1);
    expect(editDistance('AppleSuport', 'AppleSupport')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest candidates first, ignoring case, and nothing far off', () => {
    expect(closest('twiter', ['tiktok', 'twitter', 'threads'])).toEqual(['twitter']);
    expect(closest('applesuport', ['AppleSupport', 'AppleMusic', 'apple'], 2)).toEqual(['AppleSupport']);
    expect(closest('fb', ['facebook', 'instagram'])).toEqual([]);
  });
});
