import type { Language, SamplePlatform } from './spec.js';
import type { IssueTopic, Sentiment } from './texts.js';

/** Why a post exists in the story; the writers ignore it, the tests read it. */
export type PostRole =
  | 'mention' // a customer writes to a brand
  | 'follow-up' // the customer answers the brand's reply in the same thread
  | 'thanks' // the customer thanks the brand under its reply: a closer, which needs no answer
  | 'handoff' // the customer says they wrote in private, as the brand asked ("DM sent"): a closer too
  | 'answer' // a brand answers a mention or a follow-up
  | 'broadcast' // a brand's own original post
  | 'self-thread' // a brand continues its own post
  | 'spam' // a brand's unsolicited promotion to someone who never wrote to it
  | 'share'; // a customer reposts a brand's post

/** One generated post, before it is written in an export format. */
export interface SamplePost {
  platform: SamplePlatform;
  /** The platform's id (Twitter status id, Facebook/Instagram object id). */
  id: string;
  /** UTC instant in ms. Tweets in a competitor's conversation are whole minutes (Meltwater writes no seconds). */
  createdAt: number;
  /** Handle as the platform shows it (brands keep their capitals). */
  author: string;
  authorName: string;
  followers: number;
  /** Brand that wrote the post, or null for a customer. */
  brandId: string | null;
  kind: 'post' | 'reply' | 'repost';
  parent: SamplePost | null;
  /** Set when the post replies to something that is not in the export. */
  missingParentId: string | null;
  text: string;
  language: Language;
  sentiment: Sentiment;
  /** Brand whose listening query found the post (Talkwalker and Meltwater exports). */
  topicBrandId: string | null;
  url: string;
  role: PostRole;
  /** Brands a mention or follow-up is addressed to. */
  targets: string[];
  /** Brands whose conversation the post belongs to: it is in the export of each (client: care export; competitors: listening export). */
  involves: string[];
  /** What a complaint is about (null for every other post). */
  topic: IssueTopic | null;
  /** One of the texts that attack the report, written only for tests (SampleOptions.hostileTexts). */
  hostile: boolean;
}
