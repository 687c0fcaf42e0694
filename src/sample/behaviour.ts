/**
 * When and how loudly the sample's brands act: staffed hours (with the
 * holidays), answer delays, event volumes, audience sizes.
 */
import { HOUR_MS, madridParts } from './clock.js';
import type { Random } from './random.js';
import { COMPLAINT_SUBJECTS, SAMPLE_EVENTS, SAMPLE_HOLIDAYS, type BrandBehaviour, type SamplePlatform, type Shift } from './spec.js';
import { ISSUE_TOPICS, type IssueTopic } from './texts.js';

const MINUTE_MS = 60_000;
const HOLIDAYS = new Set(SAMPLE_HOLIDAYS);

/** When the brand's answer goes out: soon when somebody is on shift, else after the next shift starts. */
export function answerTime(random: Random, brand: BrandBehaviour, at: number): number {
  const work = random.logNormal(brand.medianMinutesOnShift, brand.spread) * MINUTE_MS;
  if (onShift(brand.shift, at)) {
    const candidate = at + work;
    if (onShift(brand.shift, candidate)) return candidate;
    return nextShiftStart(brand.shift, candidate) + random.logNormal(brand.medianMinutesOnShift * 0.7, brand.spread) * MINUTE_MS;
  }
  return nextShiftStart(brand.shift, at) + random.logNormal(brand.medianMinutesOnShift * 1.2, brand.spread) * MINUTE_MS;
}

export function onShift(shift: Shift, at: number): boolean {
  const { year, month, day, weekday, hour } = madridParts(at);
  const holiday = HOLIDAYS.has(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const range = shift[holiday ? 6 : weekday];
  return !!range && hour >= range[0] && hour < range[1];
}

function nextShiftStart(shift: Shift, at: number): number {
  let t = Math.floor(at / HOUR_MS) * HOUR_MS + HOUR_MS;
  for (let step = 0; step < 24 * 8; step++, t += HOUR_MS) if (onShift(shift, t)) return t;
  return at;
}

export function eventFactor(brandId: string, iso: string): { factor: number; topic: IssueTopic | null } {
  let factor = 1;
  let topic: IssueTopic | null = null;
  for (const event of SAMPLE_EVENTS) {
    if ((event.brandId === '*' || event.brandId === brandId) && iso >= event.from && iso <= event.to) {
      factor *= event.factor;
      if (event.topic) topic = event.topic;
    }
  }
  return { factor, topic };
}

/** Weight of each of ISSUE_TOPICS (in its order) as a complaint's subject in a calendar month (1 = January); they sum to 1. */
export function issueWeights(month: number): number[] {
  const { billingShare, roamingShareByMonth, others } = COMPLAINT_SUBJECTS;
  const roaming = roamingShareByMonth[month - 1] ?? 0;
  const othersTotal = Object.values(others).reduce((sum, weight) => sum + weight, 0);
  const rest = (1 - billingShare - roaming) / othersTotal;
  return ISSUE_TOPICS.map((topic) => (topic === 'billing' ? billingShare : topic === 'roaming' ? roaming : others[topic] * rest));
}

export function brandFollowers(brand: BrandBehaviour, platform: SamplePlatform): number {
  const base: Record<string, number> = { vireo: 184_000, telbo: 412_000, ondanet: 96_000, kwikly: 38_000, zentel: 57_000 };
  return Math.round((base[brand.id] ?? 50_000) * (platform === 'twitter' ? 1 : 1.7));
}
