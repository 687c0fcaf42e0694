import type { Translate } from '../i18n/strings.js';
import type { ReportModel } from '../model/types.js';
import { Deck } from './deck.js';
import { sectionSlides } from './slides.js';

export interface DeckInputs {
  model: ReportModel;
  t: Translate;
  /** The agency logo as a PNG data URL when the config's logo is an SVG (the deck cannot show SVG). */
  logoPng?: string | null;
}

/**
 * The report as an editable PowerPoint deck: the sections of the template's
 * manifest in its order, as the PDF has them, each read from the report
 * model: native tables (leaderboard, scorecard, mentions, coverage), native
 * charts whose data sheets hold the model's numbers, every word in the
 * report's language.
 */
export async function buildDeck(inputs: DeckInputs): Promise<Uint8Array> {
  const deck = new Deck(inputs.model, inputs.t);
  for (const section of inputs.model.sections) sectionSlides(section)?.(deck, inputs.logoPng ?? null);
  return deck.write();
}
