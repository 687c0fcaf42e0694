import type { Config } from '../../config/types.js';
import { responsesMissingThreshold } from '../coverage.js';
import type { DiagnosticSettings } from './types.js';

/** Overrides for a run; anything not given comes from the config, then from the defaults below. */
export type DiagnosticOptions = Partial<Pick<DiagnosticSettings, 'cannedMinUses' | 'unsolicitedMinPeople' | 'influencerFollowers' | 'clockStart'>> & {
  /** Example posts per brand and list (default 5). */
  examples?: number;
};

export const DEFAULT_INFLUENCER_FOLLOWERS = 1000;
/** The rule: a reply shared with at least 4 other replies. */
export const DEFAULT_CANNED_MIN_USES = 5;
export const DEFAULT_UNSOLICITED_MIN_PEOPLE = 5;
/** `lookbackDays`: the analysis's look-back, in which "had written to the brand" is looked up. */
export function resolveSettings(config: Config, options: DiagnosticOptions, lookbackDays: number): DiagnosticSettings {
  return {
    cannedMinUses: options.cannedMinUses ?? DEFAULT_CANNED_MIN_USES,
    unsolicitedMinPeople: options.unsolicitedMinPeople ?? DEFAULT_UNSOLICITED_MIN_PEOPLE,
    unsolicitedLookbackDays: lookbackDays,
    influencerFollowers: options.influencerFollowers ?? config.metrics.influencerFollowers ?? DEFAULT_INFLUENCER_FOLLOWERS,
    clockStart: options.clockStart ?? config.metrics.clockStart ?? 'first',
    responseWindowMin: config.metrics.responseWindow,
    inbound: config.metrics.inbound,
    minReplies: config.metrics.minReplies,
    minFollowUps: config.metrics.minFollowUps,
    minGroupMentions: config.metrics.minGroupMentions,
    responsesMissingShare: responsesMissingThreshold(config),
  };
}
