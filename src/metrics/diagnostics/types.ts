/**
 * Diagnostics of the classic community-management mistakes (docs/diagnostics.md, "What to
 * improve"): the JSON shape of `MetricsReport.diagnostics`. Same conventions
 * as the metrics: rates and shares are fractions in [0, 1], times are
 * minutes, a value that cannot be computed is null, never 0.
 */
import type { Benchmark } from '../types.js';
import type { DiagnosticMetricKey } from './catalogue.js';

/** A post shown as evidence. Its text is data: escape it when rendering. */
export interface ExamplePost {
  author: string;
  text: string;
  createdAt: string;
  url: string | null;
}

/**
 * Why a diagnostic that depends on sample size has no value (METRICS.md,
 * "Comparability"): too few replies to find canned templates, too few
 * follow-ups, too few mentions in a group (influencers, a sentiment).
 */
export const SAMPLE_REASONS = ['too-few-replies', 'too-few-follow-ups', 'too-few-mentions'] as const;
export type SampleReason = (typeof SAMPLE_REASONS)[number];

/** Inbound mentions of one group (influencers, negative sentiment, ...) and how they were answered. */
export interface AnswerGroup {
  inbound: number;
  answered: number;
  /** Of the unanswered, those whose export lists a response the data lacks (responses-missing): each may have been an answer. */
  listedMissing: number;
  /** Null, with `reason`, under the config's minGroupMentions mentions. */
  responseRate: number | null;
  responseTimeMedianMin: number | null;
  reason: SampleReason | null;
}

export interface CannedTemplate {
  /** The normalised template; "·" marks a slot that varies (a name, an order number). */
  template: string;
  uses: number;
  /** The text of its first use in the period. */
  example: string;
  exampleAuthor: string;
  exampleUrl: string | null;
  firstUsedAt: string;
}

export interface CannedReplies {
  replies: number;
  cannedReplies: number;
  /** Null, with `reason`, under the config's minReplies replies (without a reason when there is none). */
  cannedShare: number | null;
  reason: SampleReason | null;
  topTemplates: CannedTemplate[];
}

export interface UnsolicitedMentions {
  brandPosts: number;
  unsolicitedPosts: number;
  unsolicitedShare: number | null;
  examples: Array<ExamplePost & { people: number }>;
}

export interface FollowThrough {
  followUps: number;
  answered: number;
  /** Unanswered follow-ups whose export lists a response the data lacks. */
  listedMissing: number;
  /** Null, with `reason`, under the config's minFollowUps follow-ups (as the median and abandonedShare). */
  answeredShare: number | null;
  responseTimeMedianMin: number | null;
  conversations: number;
  abandoned: number;
  abandonedShare: number | null;
  /** Abandoned conversations whose last follow-up's export lists a response the data lacks: each may not be abandoned. */
  abandonedListedMissing: number;
  reason: SampleReason | null;
  /** The customer's last, unanswered message of abandoned conversations, oldest first. */
  abandonedExamples: ExamplePost[];
}

export interface BusinessHoursDiagnostic {
  inboundInside: number;
  answeredInside: number;
  /** Unanswered mentions inside business hours whose export lists a response the data lacks (as listedMissingOutside). */
  listedMissingInside: number;
  responseRateInside: number | null;
  inboundOutside: number;
  answeredOutside: number;
  listedMissingOutside: number;
  responseRateOutside: number | null;
  businessTimeMedianMin: number | null;
  businessTimeP90Min: number | null;
  calendarTimeMedianMin: number | null;
  calendarTimeP90Min: number | null;
}

export interface InfluencerPriority {
  followerThreshold: number;
  influencers: AnswerGroup;
  others: AnswerGroup;
  /** Inbound mentions whose author's follower count the export did not give. */
  unknownFollowers: number;
  /** Inbound mentions on platforms where the client's export gives no follower count, left out so that every brand is compared on the same platforms (Diagnostics.comparedPlatforms). */
  otherPlatforms: number;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentDiagnostic {
  bySentiment: Record<SentimentLabel, AnswerGroup>;
  /** Inbound mentions without a sentiment in the export. */
  unknown: number;
  /** Inbound mentions on platforms where the client's export gives no sentiment, left out so that every brand is compared on the same platforms (Diagnostics.comparedPlatforms). */
  otherPlatforms: number;
}

export interface ClockStartLatest {
  answered: number;
  responseTimeMedianMin: number | null;
  responseTimeP90Min: number | null;
  responseTimeMeanMin: number | null;
}

export interface BrandDiagnostics {
  id: string;
  name: string;
  role: 'client' | 'competitor';
  canned: CannedReplies;
  unsolicited: UnsolicitedMentions;
  followThrough: FollowThrough;
  /** null when the config gives this brand no businessHours. */
  businessHours: BusinessHoursDiagnostic | null;
  /** null when the export has no follower counts for this brand's mentions. */
  influencers: InfluencerPriority | null;
  /** null when the export has no sentiment for this brand's mentions. */
  sentiment: SentimentDiagnostic | null;
  /** Response times with the clock started at the customer's latest message. */
  clockLatest: ClockStartLatest;
  /**
   * Fewer than 10 posts of the brand in the period, none a reply, though it was
   * mentioned (coverage few-brand-posts): its diagnostics are shown but not
   * ranked nor in the competitor medians.
   */
  fewBrandPosts: boolean;
  /** The data holds its posts on part of the period only, over all platforms (coverage brand-posts-partial): its follow-up and business-hours shares are lower bounds (lowerBoundShares). */
  postsPartial: boolean;
  /**
   * Its shares answered the data can only understate (ANSWERED_SHARES), not ranked nor in the medians: the follow-ups'
   * and business hours' where postsPartial holds; the influencers' and the sentiment's wherever a platform they are
   * compared on (Diagnostics.comparedPlatforms) holds its posts on part of the period, even when the brand as a whole
   * does not (over all its platforms when none is compared).
   */
  lowerBoundShares: DiagnosticMetricKey[];
  /** Unanswered inbound mentions, negative ones first, then the oldest. */
  unansweredExamples: Array<ExamplePost & { platform: string; sentiment: SentimentLabel | null; pending: boolean }>;
  /** Rank among tracked brands on each diagnostic metric (1 = best; null = no value). */
  rank: Record<string, number | null>;
}

/** Why a value is missing, so the report can say it instead of showing a blank (`advice.note.<code>` in the strings). */
export const DIAGNOSTIC_NOTE_CODES = ['no-follower-data', 'no-sentiment-data', 'no-business-hours'] as const;

export interface DiagnosticNote {
  brandId: string | null;
  code: (typeof DIAGNOSTIC_NOTE_CODES)[number];
}

export interface DiagnosticSettings {
  /** A template used this many times or more is canned (5 = shared with at least 4 others). */
  cannedMinUses: number;
  /** Near-same unsolicited posts that reached this many people are spam. */
  unsolicitedMinPeople: number;
  /** Days back in which a person must have written to the brand for a mention of them to be solicited. */
  unsolicitedLookbackDays: number;
  influencerFollowers: number;
  clockStart: 'first' | 'latest';
  responseWindowMin: number;
  inbound: 'all' | 'questions';
  /** Canned share needs this many replies, follow-through this many follow-ups, a group response rate this many mentions. */
  minReplies: number;
  minFollowUps: number;
  minGroupMentions: number;
  /** A share answered is a lower bound when more than this share of the mentions it counts list responses the data lacks (metrics.coverage.responsesMissing, as the response rate's warning responses-missing). */
  responsesMissingShare: number;
}

export interface Diagnostics {
  settings: DiagnosticSettings;
  brands: BrandDiagnostics[];
  /** The client against the competitor median and the best brand, per diagnostic metric (keys of DIAGNOSTIC_METRICS). */
  benchmarks: Benchmark[];
  notes: DiagnosticNote[];
  /**
   * The platforms every brand's influencer and sentiment figures rest on: those where the client's export gives
   * follower counts (sentiment) to at least half of its measured mentions. Empty when there is none: each brand on
   * all its platforms.
   */
  comparedPlatforms: { followers: string[]; sentiment: string[] };
  /** The platforms of measured mentions that comparedPlatforms leaves out (the brands' otherPlatforms are there). */
  leftOutPlatforms: { followers: string[]; sentiment: string[] };
}
