import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import type { AnswerGroup, DiagnosticSettings, InfluencerPriority, SentimentDiagnostic, SentimentLabel } from './types.js';

const groupRow = z.object({
  brand_id: z.string(),
  inbound: z.number(),
  answered: z.number(),
  listed_missing: z.number(),
  response_rate: z.number().nullable(),
  median_min: z.number().nullable(),
  reason: z.literal('too-few-mentions').nullable(),
});
type GroupRow = z.infer<typeof groupRow>;
const platforms = { with_field: z.number(), compared_platforms: z.array(z.string()), other_platforms: z.array(z.string()), client_other_platforms: z.array(z.string()) };
const audienceRow = groupRow.extend({ audience: z.enum(['influencer', 'other', 'unknown', 'elsewhere']), ...platforms });
const sentimentRow = groupRow.extend({ sentiment: z.enum(['negative', 'neutral', 'positive', 'unknown', 'elsewhere']), ...platforms });

type Params = { start: string; end: string; inbound_mode: string; min_group_mentions: number };

function group(row: GroupRow | undefined): AnswerGroup {
  return row
    ? { inbound: row.inbound, answered: row.answered, listedMissing: row.listed_missing, responseRate: row.response_rate, responseTimeMedianMin: row.median_min, reason: row.reason }
    : { inbound: 0, answered: 0, listedMissing: 0, responseRate: null, responseTimeMedianMin: null, reason: null };
}

/** Per brand id, and the platforms every brand is measured on (empty: all) and those left out. */
export interface AudienceSplit<Split> {
  brands: Map<string, Split | null>;
  comparedPlatforms: string[];
  leftOutPlatforms: string[];
  /** Those of leftOutPlatforms where the client has mentions left out. */
  clientLeftOutPlatforms: string[];
}

/** The platforms of an audience split, which every row of its query carries alike. */
function platformsOf(rows: ReadonlyArray<{ compared_platforms: string[]; other_platforms: string[]; client_other_platforms: string[] }>) {
  const [first] = rows;
  return { comparedPlatforms: first?.compared_platforms ?? [], leftOutPlatforms: first?.other_platforms ?? [], clientLeftOutPlatforms: first?.client_other_platforms ?? [] };
}

/**
 * Influencers versus the rest per brand id (queries/diagnostics/influencer_priority.sql).
 * A brand whose mentions carry no follower count at all gets null.
 */
async function influencerPriority(analysis: Analysis, params: Params, threshold: number): Promise<AudienceSplit<InfluencerPriority>> {
  const rows = await analysis.baseRows('diagnostics/influencer_priority', audienceRow, { ...params, influencer_followers: threshold });
  const brands = new Map<string, InfluencerPriority | null>();
  for (const brandId of new Set(rows.map((row) => row.brand_id))) {
    const of = (audience: string) => rows.find((row) => row.brand_id === brandId && row.audience === audience);
    const influencers = of('influencer');
    const others = of('other');
    const elsewhere = of('elsewhere');
    brands.set(
      brandId,
      // Follower counts only on platforms left out still make data: its mentions there are counted, not called missing.
      influencers || others || (elsewhere?.with_field ?? 0) > 0
        ? { followerThreshold: threshold, influencers: group(influencers), others: group(others), unknownFollowers: of('unknown')?.inbound ?? 0, otherPlatforms: elsewhere?.inbound ?? 0 }
        : null,
    );
  }
  return { brands, ...platformsOf(rows) };
}

const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** Answers by sentiment per brand id (queries/diagnostics/sentiment.sql); null where the export gave no sentiment. */
async function sentimentGroups(analysis: Analysis, params: Params): Promise<AudienceSplit<SentimentDiagnostic>> {
  const rows = await analysis.baseRows('diagnostics/sentiment', sentimentRow, params);
  const brands = new Map<string, SentimentDiagnostic | null>();
  for (const brandId of new Set(rows.map((row) => row.brand_id))) {
    const of = (label: string) => rows.find((row) => row.brand_id === brandId && row.sentiment === label);
    const elsewhere = of('elsewhere');
    const known = LABELS.some((label) => of(label)) || (elsewhere?.with_field ?? 0) > 0;
    brands.set(
      brandId,
      known
        ? {
            bySentiment: { negative: group(of('negative')), neutral: group(of('neutral')), positive: group(of('positive')) },
            unknown: of('unknown')?.inbound ?? 0,
            otherPlatforms: elsewhere?.inbound ?? 0,
          }
        : null,
    );
  }
  return { brands, ...platformsOf(rows) };
}

/**
 * Both audience splits of the analysis's period with the settings' minimum and threshold: what diagnosticsOf reports
 * and what `check` says of them. Their queries read only base tables, so each reader finds the other's rows kept.
 */
export async function audienceSplits(analysis: Analysis, settings: DiagnosticSettings): Promise<{ followers: AudienceSplit<InfluencerPriority>; sentiment: AudienceSplit<SentimentDiagnostic> }> {
  const params = { ...analysis.range, inbound_mode: settings.inbound, min_group_mentions: settings.minGroupMentions };
  return { followers: await influencerPriority(analysis, params, settings.influencerFollowers), sentiment: await sentimentGroups(analysis, params) };
}
