import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { platformName } from './platformName.js';
import type { MentionSample } from './storeFacts.js';
import type { MentionExample } from './types.js';

const MAX_CHARACTERS = 240;

/** Bidi embeddings, overrides, isolates and marks: printed, they could reorder or hide the report text around them. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS = /[\u0000-\u001f\u007f]/g;
/** Runs of whitespace, the no-break spaces a language's typography puts before "%" or ":" left as they are. */
const FOLDABLE_SPACE = /[^\S\u00a0\u202f]+/g;

/** Plain text, whitespace folded, cut on a character (not a UTF-16 unit) boundary. The template escapes it. */
export function shortenText(text: string, max = MAX_CHARACTERS): string {
  const folded = text.replace(BIDI_CONTROLS, ' ').replace(CONTROLS, ' ').replace(FOLDABLE_SPACE, ' ').trim();
  const characters = Array.from(folded);
  return characters.length <= max ? folded : `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}

/** An author name, handle, brand or file name as printed: no bidi or other control characters, whitespace folded. */
export function printableName(name: string): string {
  return name.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(FOLDABLE_SPACE, ' ').trim();
}

/** The longest author printed beside a mention: a handle on most networks is at most 30 characters, a Bluesky domain or a display name rarely more than 40. */
const MAX_AUTHOR_CHARACTERS = 40;

/** The author of an example mention as printed beside it: printable, and cut so that a 300-character name cannot fill its row. */
export function printableAuthor(author: string): string {
  return shortenText(printableName(author), MAX_AUTHOR_CHARACTERS);
}

export function formatExamples(samples: readonly MentionSample[], format: Formatter, t: Translate, windowMin: number): MentionExample[] {
  return samples.map((sample) => ({
    when: format.dateTime(new Date(sample.createdAtMs)),
    author: `@${printableAuthor(sample.author)}`,
    platform: platformName(sample.platform),
    text: shortenText(sample.text),
    detail:
      sample.responseMin !== null
        ? t('examples.answeredAfter', { time: format.duration(sample.responseMin) })
        : sample.pending
          ? t('examples.pending')
          : t('examples.noAnswer', { window: format.span(windowMin) }),
  }));
}
