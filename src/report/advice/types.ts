import type { Language } from '../i18n/language.js';

/** The language advice is written in: each report language has its texts (the template's `advice.*` strings). */
export type AdviceLanguage = Language;

/** Every mistake the advice can diagnose; each has `advice.title.<id>` and `advice.body.<id>` in the strings. */
export const FINDING_IDS = [
  'unanswered',
  'slow',
  'megaphone',
  'canned-replies',
  'unsolicited-mentions',
  'follow-ups',
  'influencers',
  'negative-mentions',
  'business-hours',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

/**
 * One piece of advice in the report's "What to improve" section: a weak point
 * of the client against its competitors, already written in the report's
 * language, with the numbers it rests on and a few example posts.
 */
export interface ImprovementItem {
  /** 1 = the weakest point, shown first. */
  rank: number;
  /** Stable id of the diagnosed mistake, e.g. "canned-replies". */
  id: string;
  /** The metric key it rests on (leaderboard `rank`/`benchmarks`, or diagnostics `rank`/`benchmarks`). */
  metric?: string;
  title: string;
  /** Advice a community manager would give, one short paragraph. */
  body: string;
  /** Short sentences that each point at a number shown in the leaderboard or diagnostics table. */
  evidence: string[];
  examples: Array<{ author: string; text: string; createdAt: string; url?: string | null }>;
}
