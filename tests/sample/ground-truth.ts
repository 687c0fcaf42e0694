/**
 * The sample's own answers to METRICS.md's questions, computed in plain
 * TypeScript from the generated posts (never from the store), so tests can
 * hold the import and the SQL metrics against them.
 */
import { madridMonth } from '../../src/sample/clock.js';
import type { SampleData } from '../../src/sample/generate.js';
import type { SamplePost } from '../../src/sample/model.js';

const WINDOW_MS = 7 * 24 * 3_600_000;

export class GroundTruth {
  private readonly children = new Map<SamplePost, SamplePost[]>();

  constructor(readonly data: SampleData) {
    for (const post of data.posts) {
      if (!post.parent) continue;
      const list = this.children.get(post.parent) ?? [];
      list.push(post);
      this.children.set(post.parent, list);
    }
  }

  /** Inbound mentions of a brand: customers' posts addressed to it (by handle, reply or topic), reposts excluded. */
  inbound(brandId: string, month?: string): SamplePost[] {
    return this.data.posts.filter((post) => post.brandId === null && post.kind !== 'repost' && post.targets.includes(brandId) && (!month || madridMonth(post.createdAt) === month));
  }

  /** Minutes to the brand's earliest direct reply within the 7-day window, or null. */
  responseMinutes(mention: SamplePost, brandId: string): number | null {
    const replies = (this.children.get(mention) ?? []).filter((child) => child.brandId === brandId && child.createdAt - mention.createdAt <= WINDOW_MS);
    const first = replies.sort((a, b) => a.createdAt - b.createdAt)[0];
    return first ? (first.createdAt - mention.createdAt) / 60_000 : null;
  }

  /** The mentions that need an answer: a customer's thanks or hand-off ("DM sent") under the brand's reply is a closer (METRICS.md, "Mentions that need no answer"). */
  needsAnswer(mentions: SamplePost[]): SamplePost[] {
    return mentions.filter((mention) => mention.role !== 'thanks' && mention.role !== 'handoff');
  }

  /** Response times (minutes) of the answered mentions that need an answer among `mentions`. */
  answered(mentions: SamplePost[], brandId: string): number[] {
    return this.needsAnswer(mentions)
      .map((mention) => this.responseMinutes(mention, brandId))
      .filter((minutes): minutes is number => minutes !== null);
  }

  responseRate(brandId: string, month: string): number {
    const inbound = this.needsAnswer(this.inbound(brandId, month));
    return this.answered(inbound, brandId).length / inbound.length;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? NaN) + (sorted[Math.ceil(middle)] ?? NaN)) / 2;
}
