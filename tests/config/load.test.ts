import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { matchedHandle } from '../../src/config/schema.js';
import { handle } from '../../src/ingest/formats/sql-helpers.js';
import { Store } from '../../src/store/database.js';
import { STARTER_CONFIG } from '../../src/config/starter.js';
import { UserError } from '../../src/errors.js';

const minimal = {
  client: 'acme',
  brands: [
    { id: 'acme', name: 'Acme', accounts: { Twitter: ['@AcmeCares', 'Acme'] } },
    { id: 'rival', accounts: { twitter: ['RivalHelp'] } },
  ],
};

function errorOf(raw: unknown): string {
  try {
    parseConfig(raw, 'cfg.yaml', '/tmp');
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('handles as the config matches them', () => {
  it('are the authors the import stores for the same text: a profile link or u/ pasted from a profile matches its posts', async () => {
    const written = [
      '@AcmeCares',
      'https://twitter.com/TelboES/',
      'twitter.com/TelboES?lang=es',
      'u/Acme_Help',
      '/u/acme_help',
      'https://www.reddit.com/user/Jane_Doe/',
      'www.instagram.com/@Zentel.Movil/',
      'Acme',
      // The word a site puts before the account in its links: without it, each of these folded to "c", "channel", "profile" or "profile.php".
      'https://www.youtube.com/c/AcmeTV',
      'https://www.youtube.com/channel/UCx9Acme/videos',
      'https://bsky.app/profile/acme.bsky.social',
      'https://www.facebook.com/profile.php?id=100012345&ref=br_rs',
      'https://www.linkedin.com/company/acme-inc/',
      // Where JavaScript's lower case and trim differ from DuckDB's: a dotted capital I, a final sigma, a tab and a no-break space a spreadsheet left.
      '@İstanbulKart',
      'ΑΚΜΕΣ',
      '\tAcme\u00a0',
      'https://twitter.com/TelboES\t',
      // A name that holds a "/" but is no link is kept whole: it was cut at its "/".
      '<b>Ana</b>&co',
      'Ana / Acme',
      // A site's word only on its own site, and only in a link: "c/o", "in/out" and a Twitter account named "people" stay.
      'c/o Acme',
      'in/out',
      'https://twitter.com/people/status/123',
      // Facebook's people/ and pages/ links end in the account's number: two people of one name are two authors.
      'https://www.facebook.com/people/Ana-Lopez/1000123/',
      'https://facebook.com/pages/Acme-Shop/5550001?ref=x',
      // A line break inside a link: JavaScript's "." and DuckDB's read it differently.
      'https://facebook.com/profile.php?id=12&x\rfoo',
    ];
    const store = await Store.open(':memory:');
    try {
      const sql = `SELECT ${handle('written')} AS stored FROM unnest($written::VARCHAR[]) AS t(written)`;
      const stored = (await store.rows('handles', z.object({ stored: z.string() }), sql, { written: listValue(written) })).map((row) => row.stored);
      expect(written.map(matchedHandle)).toEqual(stored);
      expect(stored).toEqual(['acmecares', 'telboes', 'telboes', 'acme_help', 'acme_help', 'jane_doe', 'zentel.movil', 'acme', 'acmetv', 'ucx9acme', 'acme.bsky.social', '100012345', 'acme-inc', 'istanbulkart', 'ακμεσ', 'acme', 'telboes', '<b>ana</b>&co', 'ana / acme', 'c/o acme', 'in/out', 'people', '1000123', '5550001', '12']);
    } finally {
      store.close();
    }
    expect(parseConfig({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: ['https://x.com/AcmeCares'], reddit: ['u/Acme'] } }] }, 'cfg.yaml', '/tmp').brands[0]?.accounts).toEqual({
      twitter: ['acmecares'],
      reddit: ['acme'],
    });
    // A platform whose list is empty is left out; a brand left with none has no accounts.
    expect(parseConfig({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: [], reddit: ['acme'] } }] }, 'cfg.yaml', '/tmp').brands[0]?.accounts).toEqual({ reddit: ['acme'] });
    expect(errorOf({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: [] } }] })).toMatch(/^cfg\.yaml: brands\.0\.accounts: brand "acme" has no accounts;/);
    // An ideographic space the import would keep in the author: refused for it, where trimmed the handle matched no post.
    expect(errorOf({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: ['acme\u3000'] } }] })).toMatch(/^cfg\.yaml: brands\.0\.accounts\.twitter\.0: "acme\u3000" holds a space/);
    expect(errorOf({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: [' \t'] } }] })).toBe('cfg.yaml: brands.0.accounts.twitter.0: cannot be empty.');
    expect(errorOf({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: ['https://twitter.com/'] } }] })).toBe(
      'cfg.yaml: brands.0.accounts.twitter.0: "https://twitter.com/" names no account (a link to a site, not a profile): list the handle itself.',
    );
  });
});

describe('config', () => {
  it('normalises handles and platforms and fills defaults', () => {
    const config = parseConfig(minimal, 'cfg.yaml', '/tmp');
    expect(config.brands[0]?.accounts).toEqual({ twitter: ['acmecares', 'acme'] });
    expect(config.brands.map((b) => b.role)).toEqual(['client', 'competitor']);
    expect(config.brands[1]?.name).toBe('rival');
    expect(config.timezone).toBe('UTC');
    expect(config.metrics).toEqual({
      inbound: 'all',
      responseWindow: 10080,
      sla: [60, 1440],
      needsAnswer: true,
      massMentionHandles: 5,
      closers: [],
      minReplies: 100,
      minFollowUps: 30,
      minGroupMentions: 30,
      themeAuthors: 5,
    });
  });

  it('refuses a platform it does not know, naming the closest one and the list', () => {
    const message = errorOf({ client: 'a', brands: [{ id: 'a', accounts: { twiter: ['AppleSupport'] } }] });
    expect(message).toMatch(/^cfg\.yaml: brands\.0\.accounts\.twiter: not a platform replybench knows; did you mean twitter\? \(use one of twitter, facebook, instagram, /);
    expect(errorOf({ client: 'a', brands: [{ id: 'a', accounts: { myspacex: ['a'] } }] })).toMatch(/accounts\.myspacex: not a platform replybench knows \(use one of /);
  });

  it('refuses a handle listed by two brands, naming both', () => {
    const message = errorOf({ client: 'a', brands: [{ id: 'a', accounts: { twitter: ['Shared'] } }, { id: 'b', accounts: { x: ['@shared'] } }] });
    expect(message).toBe('cfg.yaml: brands.1.accounts.twitter: "shared" is also listed by brand "a"; a handle belongs to one brand: remove it from one of them.');
    // The same name on two platforms is two accounts.
    expect(() => parseConfig({ client: 'a', brands: [{ id: 'a', accounts: { twitter: ['acme'] } }, { id: 'b', accounts: { facebook: ['acme'] } }] }, 'c', '/')).not.toThrow();
  });

  it('refuses two handles written as one, and a space, comma or inner @ in a handle of a platform whose handles are one word', () => {
    expect(errorOf({ client: 'a', brands: [{ id: 'a', accounts: { twitter: ['@Telbo @Zentel'] } }] })).toBe(
      'cfg.yaml: brands.0.accounts.twitter.0: "@Telbo @Zentel" holds more than one handle: list each handle on its own.',
    );
    expect(errorOf({ client: 'a', brands: [{ id: 'a', accounts: { instagram: ['vireo', 'Telbo, Zentel'] } }] })).toBe(
      'cfg.yaml: brands.0.accounts.instagram.1: "Telbo, Zentel" holds a space, "," or ";", which no instagram handle does: list each handle on its own.',
    );
    // Synonyms of a platform are read as it: ig is instagram, x is twitter.
    expect(errorOf({ client: 'a', brands: [{ id: 'a', accounts: { ig: ['Vireo Telecom'] } }] })).toMatch(/^cfg\.yaml: brands\.0\.accounts\.ig\.0: "Vireo Telecom" holds a space/);
    expect(errorOf({ client: 'a', brands: [{ id: 'a', accounts: { x: ['telbo@zentel'] } }] })).toBe(
      'cfg.yaml: brands.0.accounts.x.0: "telbo@zentel" holds an "@" inside, which no twitter handle does: list each handle on its own.',
    );
    // A Facebook page may be named by words, commas and all; a Mastodon handle keeps its instance.
    const named = parseConfig({ client: 'a', brands: [{ id: 'a', accounts: { facebook: ['Vireo Telecom, S.A.'], mastodon: ['@acme@mastodon.social'] } }] }, 'c', '/');
    expect(named.brands[0]?.accounts).toEqual({ facebook: ['vireo telecom, s.a.'], mastodon: ['acme@mastodon.social'] });
    expect(errorOf({ client: 'a', brands: [{ id: 'a', accounts: { facebook: ['@Vireo @Telbo'] } }] })).toMatch(/"@Vireo @Telbo" holds more than one handle/);
    // The agency's name is printed in every page's footer: a name that would fill it is refused.
    expect(errorOf({ ...minimal, report: { agency: { name: 'A'.repeat(81) } } })).toBe("cfg.yaml: report.agency.name: at most 80 characters: the cover and every page's footer print it.");
  });

  it('folds platform synonyms as the store names them, merging their handles', () => {
    const config = parseConfig({ client: 'a', brands: [{ id: 'a', accounts: { X: ['@One'], twitter: ['two', 'one'], FB: ['page'] } }] }, 'c', '/');
    expect(config.brands[0]?.accounts).toEqual({ twitter: ['one', 'two'], facebook: ['page'] });
  });

  it('reads durations such as 48h', () => {
    expect(parseConfig({ ...minimal, metrics: { responseWindow: '48h' } }, 'c', '/').metrics.responseWindow).toBe(2880);
  });

  it('spells a timezone as the IANA database does, as the reports print it', () => {
    expect(parseConfig({ ...minimal, timezone: 'europe/madrid' }, 'cfg.yaml', '/tmp').timezone).toBe('Europe/Madrid');
    // Only the case: a valid name is never renamed (ICU would make Kyiv Kiev, and EST America/Panama).
    expect(parseConfig({ ...minimal, timezone: 'Europe/Kyiv' }, 'cfg.yaml', '/tmp').timezone).toBe('Europe/Kyiv');
    expect(parseConfig({ ...minimal, timezone: 'EST' }, 'cfg.yaml', '/tmp').timezone).toBe('EST');
  });

  it('names the key path of every problem', () => {
    expect(errorOf({ ...minimal, client: 'nobody' })).toMatch(/^cfg\.yaml: client: "nobody" is not one of the brands \(acme, rival\)/);
    expect(errorOf({ ...minimal, timezone: 'Mars/Olympus' })).toMatch(/^cfg\.yaml: timezone: not a known IANA timezone/);
    expect(errorOf({ ...minimal, brands: [...minimal.brands, { id: 'empty' }] })).toMatch(/brands\.2\.accounts: brand "empty" has no accounts/);
    expect(errorOf({ ...minimal, metrics: { responseWindow: 'soon' } })).toMatch(/metrics\.responseWindow: use e\.g\. 7d/);
    expect(errorOf({ ...minimal, colour: 'red' })).toMatch(/unknown key "colour"/);
    expect(errorOf({ brands: minimal.brands })).toBe('cfg.yaml: client: is required: give a text.');
    // In words, not the validator's: a number out of its range, an empty name, a map given as something else.
    expect(errorOf({ ...minimal, metrics: { coverage: { responsesMissing: 5 } } })).toBe('cfg.yaml: metrics.coverage.responsesMissing: 5 is out of range; give a number at most 1.');
    expect(errorOf({ ...minimal, brands: [{ ...minimal.brands[0], name: '' }, minimal.brands[1]] })).toBe('cfg.yaml: brands.0.name: cannot be empty.');
    expect(errorOf([])).toBe('cfg.yaml: (top level): should be keys with values, e.g. { key: value }.');
  });

  it('suggests the key, timezone or value closest to a misspelt one, and nothing where none is close', () => {
    expect(errorOf({ ...minimal, timezon: 'UTC' })).toBe('cfg.yaml: unknown key "timezon"; did you mean "timezone"?');
    expect(errorOf({ ...minimal, metrics: { inbund: 'all' } })).toBe('cfg.yaml: metrics: unknown key "inbund"; did you mean "inbound"?');
    expect(errorOf({ ...minimal, brands: [{ id: 'acme', acounts: { twitter: ['a'] } }] })).toBe('cfg.yaml: brands.0: unknown key "acounts"; did you mean "accounts"?');
    expect(errorOf({ ...minimal, colour: 'red' })).toBe('cfg.yaml: unknown key "colour"; check the spelling against docs/config.md.');
    expect(errorOf({ ...minimal, timezone: 'Europe/Madird' })).toBe('cfg.yaml: timezone: not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York); did you mean Europe/Madrid?');
    // A theme in its object form is told by that form's rules; its names by language.
    expect(errorOf({ ...minimal, themes: { billing: { words: ['bill'], name: { es: 'Facturas' } } } })).toBe('cfg.yaml: themes.billing: unknown key "name"; did you mean "names"?');
    expect(errorOf({ ...minimal, themes: { billing: { words: ['bill'], names: { de: 'Rechnung' } } } })).toBe('cfg.yaml: themes.billing.names: unknown key "de"; use en, es, fr.');
    expect(errorOf({ ...minimal, themes: { billing: 'bill' } })).toBe('cfg.yaml: themes.billing: should be a list, e.g. [a, b].');
    // Two themes a Spanish report would call by one name.
    expect(errorOf({ ...minimal, themes: { billing: { words: ['bill'], names: { es: 'Facturas' } }, invoices: { words: ['invoice'], names: { es: 'facturas' } } } })).toBe(
      'cfg.yaml: themes.invoices: a report in es would call it "facturas", which differs only in case or accents from "Facturas", its name of theme "billing"; give each theme its own name (names.es).',
    );
    // The same name but for its case and accents: one theme to a reader.
    expect(errorOf({ ...minimal, themes: { averías: ['avería'], Averias: ['panne'] } })).toBe(
      'cfg.yaml: themes.Averias: a report in en would call it "Averias", which differs only in case or accents from "averías", its name of theme "averías"; give each theme its own name (names.en).',
    );
    // Punctuation makes two names: C++ and C# are two subjects.
    expect(Object.keys(parseConfig({ ...minimal, themes: { 'C++': ['c plus plus'], 'C#': ['c sharp'] } }, 'cfg.yaml', '/tmp').themes)).toEqual(['C++', 'C#']);
    // A word that can match nothing in the mentions' words, which hold no handle, no link and no punctuation.
    expect(errorOf({ ...minimal, themes: { averías: ['sin servicio', '¿?'] } })).toBe('cfg.yaml: themes.averías.1: "¿?" has no letter or digit, so it matches nothing; write a word or phrase.');
    expect(errorOf({ ...minimal, themes: { tesco: ['@Tesco'] } })).toBe('cfg.yaml: themes.tesco.0: "@Tesco" holds the handle @Tesco, and themes read mentions without their @handles; write words instead (tesco), or track the account as a brand.');
    expect(errorOf({ ...minimal, themes: { wifi: ['wifi @home'] } })).toBe('cfg.yaml: themes.wifi.0: "wifi @home" holds the handle @home, and themes read mentions without their @handles; write words instead (home), or track the account as a brand.');
    // An emoticon is no handle: it holds no letter or digit.
    expect(errorOf({ ...minimal, themes: { tired: ['@_@'] } })).toBe('cfg.yaml: themes.tired.0: "@_@" has no letter or digit, so it matches nothing; write a word or phrase.');
    expect(errorOf({ ...minimal, themes: { web: ['https://acme.example/help'] } })).toBe('cfg.yaml: themes.web.0: "https://acme.example/help" is a link, and themes read mentions without their links; write the words the mentions use.');
    expect(parseConfig({ ...minimal, themes: { outage: ['#outage', 'sin señal!'] } }, 'cfg.yaml', '/tmp').themes).toEqual({ outage: ['#outage', 'sin señal!'] });
    // An offset is no zone: "UTC" would be an hour off.
    expect(errorOf({ ...minimal, timezone: 'UTC+1' })).toBe('cfg.yaml: timezone: not a known IANA timezone (e.g. UTC, Europe/Madrid, America/New_York).');
    expect(errorOf({ ...minimal, report: { language: 'de' } })).toBe('cfg.yaml: report.language: "de" is not one of en, es, fr.');
    expect(errorOf({ ...minimal, metrics: { inbound: 'question' } })).toBe('cfg.yaml: metrics.inbound: "question" is not one of all, questions; did you mean questions?');
  });

  it('loads the starter config that init writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-config-'));
    const path = join(dir, 'replybench.yaml');
    writeFileSync(path, STARTER_CONFIG);
    const config = loadConfig(path);
    expect(config.client).toBe('acme');
    expect(config.timezone).toBe('Europe/Madrid');
    expect(config.baseDir).toBe(dir);
  });

  it('reports YAML syntax errors with a line number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-config-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'client: acme\nbrands: [\n');
    expect(() => loadConfig(path)).toThrow(/bad\.yaml:\d+:\d+: invalid YAML/);
    // A theme copied and not renamed: the line of the second, and what to do.
    writeFileSync(path, 'client: acme\nthemes:\n  billing: [bill]\n  billing: [factura]\n');
    expect(() => loadConfig(path)).toThrow(`${path}:4:3: invalid YAML: the key "billing" is written twice at the same level; rename or remove the second one.`);
  });
});
