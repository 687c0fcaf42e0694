import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../src/report/pdf/findBrowser.js';

const existing = process.execPath;

describe('browser discovery', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH, then a system Chromium, then puppeteer’s own', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: existing }, ['/nope'], () => '/nope')).toBe(existing);
    expect(findBrowser({}, ['/nope', existing], () => '/nope')).toBe(existing);
    expect(findBrowser({}, ['/nope'], () => existing)).toBe(existing);
  });

  it('says how to install one when there is none', () => {
    const none = () => findBrowser({}, ['/nope'], () => {
      throw new Error('Could not find Chrome');
    });
    expect(none).toThrow(UserError);
    expect(none).toThrow(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).toContain('apt-get install chromium');
    expect(NO_BROWSER_MESSAGE).toContain('npx puppeteer browsers install chrome');
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
  });

  it('names a PUPPETEER_EXECUTABLE_PATH that does not exist', () => {
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' }, [existing], () => existing)).toThrow('/no/such/chrome');
  });
});
