import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import type { MentionSample } from './storeFacts.js';
import type { MentionExample } from './types.js';

const MAX_CHARACTERS = 240;

/** Plain text, whitespace folded, cut on a character (not a UTF-16 unit) boundary. The template escapes it. */
export function shortenText(text: string, max = MAX_CHARACTERS): string {
  // Bidi overrides and other control characters could reorder or hide the surrounding report text.
  const folded = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  const characters = Array.from(folded);
  return characters.length <= max ? folded : `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}

export function formatExamples(samples: readonly MentionSample[], format: Formatter, t: Translate, windowMin: number): MentionExample[] {
  return samples.map((sample) => ({
    when: format.dateTime(new Date(sample.createdAtMs)),
    author: `@${sample.author}`,
    platform: sample.platform.charAt(0).toUpperCase() + sample.platform.slice(1),
    text: shortenText(sample.text),
    detail:
      sample.responseMin !== null
        ? t('examples.answeredAfter', { time: format.duration(sample.responseMin) })
        : sample.pending
          ? t('examples.pending')
          : t('examples.noAnswer', { window: format.duration(windowMin) }),
  }));
}
