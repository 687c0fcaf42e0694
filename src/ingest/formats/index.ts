/**
 * The format registry: every export layout replybench reads, in detection
 * order (the first whose `matches` accepts a header wins, so more specific
 * signatures come first). `generic` is never detected: it needs a mapping.
 */
import { brandwatchFormat } from './brandwatch.js';
import { facebookCommentsFormat } from './facebook-comments.js';
import { meltwaterFormat } from './meltwater.js';
import { sproutFormat } from './sprout.js';
import { talkwalkerFormat } from './talkwalker.js';
import { twarc2Format } from './twarc2.js';
import { twcsFormat } from './twcs.js';
import { twitterV2Format } from './twitter-v2.js';
import type { ExportFormat, FormatId } from './types.js';

export const FORMATS: ExportFormat[] = [twcsFormat, twarc2Format, twitterV2Format, talkwalkerFormat, meltwaterFormat, brandwatchFormat, sproutFormat, facebookCommentsFormat];

/** The ids a user may pass to --format (besides `auto`). */
export const FORMAT_CHOICES: readonly FormatId[] = [...FORMATS.map((format) => format.id), 'generic'];

/** The registered format with this id; `generic` is built from a mapping, so it is not here. */
export function formatById(id: string): ExportFormat | undefined {
  return FORMATS.find((format) => format.id === id);
}

/** The first format whose signature matches the header, or undefined. */
export function detectFormat(header: readonly string[]): ExportFormat | undefined {
  return FORMATS.find((format) => format.matches(header));
}
