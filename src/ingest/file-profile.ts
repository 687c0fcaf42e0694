import { z } from 'zod';
import { queryText } from '../analysis/queries.js';
import type { Store } from '../store/database.js';

const TOP = 5;
const DAY_MS = 86_400_000;

const counted = z.object({ handle: z.string(), n: z.number() });
type Counted = z.infer<typeof counted>;
const profileRow = z.object({
  first_at: z.string().nullable(),
  last_at: z.string().nullable(),
  days: z.number(),
  posts: z.number(),
  kinds: z.array(z.object({ kind: z.string(), n: z.number() })),
  authors: z.array(counted),
});
const handlesRow = z.object({ repliers: z.array(counted), mentioned: z.array(counted) });

/** What one export holds, in numbers and in plain words: what it can support in a monthly report. */
export interface FileProfile {
  first: string | null;
  last: string | null;
  /** Calendar days (UTC) that hold at least one post. */
  daysWithPosts: number;
  /** Posts per kind (post, reply, repost, quote, comment). */
  kinds: Record<string, number>;
  topAuthors: Counted[];
  /** The authors of the most replies: the likely brand accounts. */
  topRepliers: Counted[];
  topMentioned: Counted[];
  /** Sentences on what the file can support ("no replies: volume and share of voice only"). */
  supports: string[];
}

/**
 * The `top` repliers (the likely brand accounts) and mentioned handles of the
 * posts of `store` (a dry run's own in-memory posts, or a client's store), on
 * one platform or all (queries/ingest/top_handles.sql).
 */
export async function topHandles(store: Store, top: number, platform: string | null = null): Promise<{ repliers: Counted[]; mentioned: Counted[] }> {
  const [row] = await store.rows('top handles', handlesRow, queryText('ingest/top_handles'), { top, platform });
  return { repliers: row?.repliers ?? [], mentioned: row?.mentioned ?? [] };
}

/** The profile of the posts a dry run would store (its own in-memory posts table). */
export async function fileProfile(store: Store): Promise<FileProfile> {
  const [row] = await store.rows('file profile', profileRow, queryText('ingest/file_profile'), { top: TOP });
  const handles = await topHandles(store, TOP);
  const kinds = Object.fromEntries((row?.kinds ?? []).map((entry) => [entry.kind, entry.n]));
  const profile = {
    first: row?.first_at ?? null,
    last: row?.last_at ?? null,
    daysWithPosts: row?.days ?? 0,
    kinds,
    topAuthors: row?.authors ?? [],
    topRepliers: handles.repliers,
    topMentioned: handles.mentioned,
  };
  return { ...profile, supports: supportSentences(profile, row?.posts ?? 0) };
}

function supportSentences(profile: Omit<FileProfile, 'supports'>, posts: number): string[] {
  if (posts === 0) return ['no post would be stored: this file can support no number.'];
  const sentences: string[] = [];
  // Calendar days, as the dates beside the count are written: 10:00 one day to 09:00 the next is two days.
  const spanDays = profile.first && profile.last ? Math.round((Date.parse(profile.last.slice(0, 10)) - Date.parse(profile.first.slice(0, 10))) / DAY_MS) + 1 : 0;
  if (spanDays < 28) {
    sentences.push(
      `it covers ${spanDays === 1 ? 'one day' : `${spanDays} days`} (${profile.first?.slice(0, 10)} to ${profile.last?.slice(0, 10)}): a monthly report on it alone describes those days, not the month.`,
    );
  }
  const reposts = profile.kinds.repost ?? 0;
  if (reposts / posts > 0.5) sentences.push(`${Math.round((100 * reposts) / posts)}% of its posts are reposts: they are kept, but count in no metric.`);
  const replies = (profile.kinds.reply ?? 0) + (profile.kinds.comment ?? 0);
  if (replies === 0) {
    sentences.push('it holds no replies: volume and share of voice only; import the brands\' own posts (their care or publishing export) to measure how they answer.');
  } else {
    sentences.push(`it holds ${replies.toLocaleString('en-US')} replies or comments: response rate and time can be measured for the brands whose accounts wrote them.`);
  }
  return sentences;
}
