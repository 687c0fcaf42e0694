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
