import { Eta } from 'eta';

/** The engine every page template is rendered with: `<%= %>` escapes, `<%~ %>` writes raw. */
export function newEngine(): Eta {
  return new Eta({ autoEscape: true, useWith: false, varName: 'it', cache: false, autoTrim: [false, 'nl'] });
}
