import type { ChartId } from '../charts/chartData.js';

/**
 * The sections of the default template (its manifest.json lists them in
 * order; an agency's template may leave some out or reorder them), the
 * strings key of each one's title, and the charts each one shows: the PDF's
 * section templates and the deck's slides follow the same list.
 */
export const SECTION_TITLES: Record<string, string> = {
  summary: 'section.summary',
  leaderboard: 'section.leaderboard',
  scorecard: 'section.scorecard',
  'response-rate': 'section.responseRate',
  'response-time': 'section.responseTime',
  audience: 'section.audience',
  trend: 'section.trend',
  'hour-of-week': 'section.hourOfWeek',
  'reply-broadcast': 'section.replyBroadcast',
  'share-of-voice': 'section.shareOfVoice',
  themes: 'section.themes',
  improvements: 'section.improvements',
  examples: 'section.examples',
  methodology: 'section.methodology',
};

export const SECTION_CHARTS: Partial<Record<string, readonly ChartId[]>> = {
  'response-rate': ['response-rate'],
  'response-time': ['response-time-buckets', 'cumulative-answered'],
  audience: ['sentiment', 'influencers'],
  trend: ['trend'],
  'hour-of-week': ['hour-of-week'],
  'reply-broadcast': ['reply-broadcast'],
  'share-of-voice': ['share-of-voice'],
};
