/**
 * Every word of the "What to improve" section, per language. The sentences
 * take numbers already formatted for that language (format.ts).
 */
import type { DiagnosticMetricKey } from '../../metrics/diagnostics/catalogue.js';
import type { DiagnosticNote } from '../../metrics/diagnostics/types.js';
import type { Units } from './format.js';

export type AdviceLanguage = 'en' | 'es' | 'fr';

export type FindingId =
  | 'unanswered'
  | 'slow'
  | 'megaphone'
  | 'canned-replies'
  | 'unsolicited-mentions'
  | 'follow-ups'
  | 'influencers'
  | 'negative-mentions'
  | 'business-hours';

export interface AdviceCatalogue {
  units: Units;
  titles: Record<FindingId, string>;
  bodies: Record<FindingId, string>;
  /** Name of the metric a finding rests on, as the leaderboard or diagnostics table labels it. */
  labels: Record<FindingId, string>;
  /** Column labels of the diagnostics table (src/metrics/diagnostics/catalogue.ts keys). */
  diagnosticLabels: Record<DiagnosticMetricKey, string>;
  /** Why a diagnostic is empty for a brand; `{brand}` is replaced by its name. */
  notes: Record<DiagnosticNote['code'], string>;
  /** Label of the speed finding when the team is judged from the customer's latest message (metrics.clockStart: latest). */
  latestClockLabel: string;
  /** `competitors`: how many measured competitors the median rests on (at least 2). */
  valueVsMedian(label: string, brand: string, value: string, median: string, competitors: string): string;
  rank(brand: string, rank: string, of: string, best: string, bestValue: string): string;
  /** As `rank`, when several brands share the best value (`bests` already a list in the language). */
  rankShared(brand: string, rank: string, of: string, bests: string, bestValue: string): string;
  answeredOf(answered: string, inbound: string): string;
  broadcastsVsReplies(broadcasts: string, replies: string): string;
  topTemplate(uses: string): string;
  unsolicitedCount(count: string, posts: string): string;
  abandoned(count: string, conversations: string): string;
  influencersVsOthers(threshold: string, influencers: string, others: string): string;
  negativeAnswered(answered: string, inbound: string): string;
  outsideHours(rate: string, inbound: string): string;
}
