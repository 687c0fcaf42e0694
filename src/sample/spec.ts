import type { IssueTopic } from './texts.js';

/**
 * The story the sample tells: who the brands are and how each one behaves on
 * social media. Every number the generator draws from is here, so the sample
 * can be read (and changed) in one place.
 */
export type SamplePlatform = 'twitter' | 'facebook' | 'instagram';
export type Language = 'en' | 'es' | 'fr';
export type ReplyStyle = 'personal' | 'link' | 'canned' | 'terse' | 'sales';

/** A weekly staffing schedule in Madrid local time: [startHour, endHour) per weekday (0 = Monday); null = nobody on shift. */
export type Shift = ReadonlyArray<readonly [number, number] | null>;

export interface BrandBehaviour {
  id: string;
  name: string;
  role: 'client' | 'competitor';
  /** Handles per platform; customers address the first ("care") handle most. */
  accounts: Record<SamplePlatform, readonly string[]>;
  /** The name listening tools use for the brand's search/topic. */
  topic: string;
  website: string;
  /** Mean inbound mentions per day, per platform, before weekday and seasonal factors. */
  inboundPerDay: Record<SamplePlatform, number>;
  /** Own original posts per day, per platform. */
  broadcastsPerDay: Record<SamplePlatform, number>;
  /** Share of broadcasts continued as a self-thread (a reply to the brand's own post). */
  selfThreadShare: number;
  /** Probability of answering an inbound mention, at the first and the last month (linear in between). */
  answerRate: readonly [number, number];
  /** Multipliers on the answer probability. */
  negativeFactor: number;
  influencerFactor: number;
  /** Probability of answering a customer's follow-up in a thread the brand already answered. */
  followUpAnswerRate: number;
  /** Median minutes to answer when somebody is on shift, and its log-space spread. */
  medianMinutesOnShift: number;
  spread: number;
  shift: Shift;
  style: ReplyStyle;
  signatures: readonly string[];
  /** Unsolicited promotional mentions per day (Twitter only). */
  spamPerDay: number;
}

const weekdays = (start: number, end: number, saturday: readonly [number, number] | null, sunday: readonly [number, number] | null): Shift => [
  [start, end],
  [start, end],
  [start, end],
  [start, end],
  [start, end],
  saturday,
  sunday,
];

export const SAMPLE_BRANDS: readonly BrandBehaviour[] = [
  {
    // The client: answers most mentions within a few hours, personally; slower
    // at night and at weekends, and it drops most follow-ups (its weak point).
    id: 'vireo',
    name: 'Vireo Telecom',
    role: 'client',
    accounts: { twitter: ['VireoCares', 'VireoTelecom'], facebook: ['vireotelecom'], instagram: ['vireo.telecom'] },
    topic: 'Vireo Telecom',
    website: 'vireo.example',
    inboundPerDay: { twitter: 8, facebook: 2.9, instagram: 1.3 },
    broadcastsPerDay: { twitter: 1.1, facebook: 0.6, instagram: 0.5 },
    selfThreadShare: 0.1,
    answerRate: [0.77, 0.94],
    negativeFactor: 0.95,
    influencerFactor: 1,
    followUpAnswerRate: 0.3,
    medianMinutesOnShift: 38,
    spread: 0.9,
    shift: weekdays(8, 22, [10, 18], [10, 16]),
    style: 'personal',
    signatures: ['^MG', '^PL', '^SR', '-Marta', '-Pablo', ''],
    spamPerDay: 0,
  },
  {
    // Uses the channel as a megaphone: many promotions, few answers, slow ones.
    id: 'telbo',
    name: 'Telbo',
    role: 'competitor',
    accounts: { twitter: ['Telbo'], facebook: ['telbo.oficial'], instagram: ['telbo'] },
    topic: 'Telbo',
    website: 'telbo.example',
    inboundPerDay: { twitter: 4.2, facebook: 1.9, instagram: 0.8 },
    broadcastsPerDay: { twitter: 4, facebook: 1.6, instagram: 1.2 },
    selfThreadShare: 0.15,
    answerRate: [0.17, 0.14],
    negativeFactor: 0.8,
    influencerFactor: 3,
    followUpAnswerRate: 0.25,
    medianMinutesOnShift: 300,
    spread: 1,
    shift: weekdays(9, 18, null, null),
    style: 'link',
    signatures: [''],
    spamPerDay: 0,
  },
  {
    // Answers a lot, but with the same few templates (name and order number changed).
    id: 'ondanet',
    name: 'Ondanet',
    role: 'competitor',
    accounts: { twitter: ['OndanetHelp', 'Ondanet'], facebook: ['ondanet'], instagram: ['ondanet_es'] },
    topic: 'Ondanet',
    website: 'ondanet.example',
    inboundPerDay: { twitter: 5.2, facebook: 2.1, instagram: 0.8 },
    broadcastsPerDay: { twitter: 1, facebook: 0.5, instagram: 0.4 },
    selfThreadShare: 0.05,
    answerRate: [0.68, 0.7],
    negativeFactor: 1,
    influencerFactor: 1,
    followUpAnswerRate: 0.6,
    medianMinutesOnShift: 90,
    spread: 0.8,
    shift: weekdays(8, 20, [9, 14], null),
    style: 'canned',
    signatures: ['^JD', '^MR', '-Ana', '-Luis'],
    spamPerDay: 0,
  },
  {
    // Very fast when it answers, but answers few.
    id: 'kwikly',
    name: 'Kwikly Mobile',
    role: 'competitor',
    accounts: { twitter: ['KwiklySupport'], facebook: ['kwiklymobile'], instagram: ['kwikly'] },
    topic: 'Kwikly Mobile',
    website: 'kwikly.example',
    inboundPerDay: { twitter: 4.5, facebook: 2, instagram: 0.8 },
    broadcastsPerDay: { twitter: 0.8, facebook: 0.4, instagram: 0.4 },
    selfThreadShare: 0,
    answerRate: [0.24, 0.26],
    negativeFactor: 0.7,
    influencerFactor: 1.5,
    followUpAnswerRate: 0.7,
    medianMinutesOnShift: 7,
    spread: 0.7,
    shift: [[7, 24], [7, 24], [7, 24], [7, 24], [7, 24], [8, 24], [8, 24]],
    style: 'terse',
    signatures: ['-KW', ''],
    spamPerDay: 0,
  },
  {
    // Sends the same promotion to people who never wrote to it.
    id: 'zentel',
    name: 'Zentel',
    role: 'competitor',
    accounts: { twitter: ['ZentelES', 'ZentelOfertas'], facebook: ['zentel'], instagram: ['zentel.es'] },
    topic: 'Zentel',
    website: 'zentel.example',
    inboundPerDay: { twitter: 4.6, facebook: 1.9, instagram: 0.8 },
    broadcastsPerDay: { twitter: 1.2, facebook: 0.6, instagram: 0.5 },
    selfThreadShare: 0.05,
    answerRate: [0.5, 0.52],
    negativeFactor: 0.9,
    influencerFactor: 1.2,
    followUpAnswerRate: 0.55,
    medianMinutesOnShift: 200,
    spread: 1,
    shift: weekdays(9, 21, [10, 14], null),
    style: 'sales',
    signatures: [''],
    spamPerDay: 2.5,
  },
];

export const SAMPLE_PLATFORMS: readonly SamplePlatform[] = ['twitter', 'facebook', 'instagram'];

/** The default seed: the committed SHA256SUMS pins the exports this seed produces. */
export const DEFAULT_SEED = 'replybench-sample-v1';

/**
 * Calendar of the sample in Madrid local time: mentions from the first day of
 * `firstMonth` to the last day of `lastMonth` plus `extraDays` of the next
 * month (the export was pulled on `cutoff`), so `lastMonth` is the newest
 * full month and its 7-day answer windows have all closed.
 */
export const SAMPLE_CALENDAR = {
  firstMonth: '2024-10',
  lastMonth: '2025-10',
  extraDays: 9,
} as const;

/** Spanish national holidays in the sample's range: every brand keeps its Sunday hours (most are closed). The sample config lists the same dates. */
export const SAMPLE_HOLIDAYS: readonly string[] = ['2024-11-01', '2024-12-06', '2024-12-25', '2025-01-01', '2025-01-06', '2025-04-18', '2025-05-01', '2025-08-15', '2025-11-01'];

/** The month `replybench demo` reports on. */
export const SAMPLE_REPORT_PERIOD = SAMPLE_CALENDAR.lastMonth;

/**
 * What complaints are about: billing is a steady share of them every month;
 * roaming's share follows the calendar (January first), high in the summer
 * holidays; the other issues split the rest in these proportions.
 */
export const COMPLAINT_SUBJECTS: {
  billingShare: number;
  roamingShareByMonth: readonly number[];
  others: Readonly<Record<Exclude<IssueTopic, 'billing' | 'roaming'>, number>>;
} = {
  billingShare: 0.22,
  roamingShareByMonth: [0.03, 0.03, 0.04, 0.05, 0.06, 0.1, 0.2, 0.22, 0.09, 0.04, 0.03, 0.05],
  others: { outage: 0.12, coverage: 0.11, speed: 0.1, router: 0.09, contract: 0.07, app: 0.07, porting: 0.06, sim: 0.06 },
};

/**
 * The client's network outage, the month before the report month, so the
 * report compares with it: the fibre goes down in three cities on the
 * morning of the first day and the customers there write about it for three
 * days, in their own languages, with the words of the sample config's outage
 * theme. The care team posts status updates and, swamped, answers fewer of
 * all its mentions of those days (the outage's and the others), much later;
 * the month shows it as a peak of mentions, the year's lowest response rate
 * and its slowest median response. Competitors answer their own outage
 * mentions as they answer everything else.
 */
export const SAMPLE_OUTAGE = {
  brandId: 'vireo',
  cities: ['Madrid', 'Valencia', 'Barcelona'],
  /** Consecutive Madrid days, the local hour the outage mentions start from, and their mean number. */
  days: [
    { iso: '2025-09-16', fromHour: 7, mentions: 100 },
    { iso: '2025-09-17', fromHour: 0, mentions: 65 },
    { iso: '2025-09-18', fromHour: 0, mentions: 25 },
  ],
  /** From the first outage mention to the end of the last day: multiplies the client's usual probability of answering, and its usual answer delay. */
  answerFactor: 0.35,
  delayFactor: 8,
  /** Share of the customers left unanswered who write again a few hours later. */
  chaseShare: 0.35,
} as const;

/** Extra inbound volume on given Madrid calendar days, per brand (an outage, a price rise, Black Friday). */
export const SAMPLE_EVENTS: ReadonlyArray<{ brandId: string; from: string; to: string; factor: number; topic?: IssueTopic }> = [
  { brandId: '*', from: '2024-11-29', to: '2024-12-02', factor: 1.5 },
  { brandId: 'telbo', from: '2025-02-03', to: '2025-02-09', factor: 1.9, topic: 'billing' },
  { brandId: 'vireo', from: '2025-06-17', to: '2025-06-18', factor: 3.5, topic: 'outage' },
  { brandId: 'ondanet', from: '2025-09-08', to: '2025-09-10', factor: 2.2, topic: 'outage' },
  { brandId: '*', from: '2024-12-24', to: '2024-12-26', factor: 0.6 },
  { brandId: '*', from: '2025-08-04', to: '2025-08-22', factor: 0.8 },
];
