/**
 * Synthetic TWCS-layout CSV for the benches: conversations between customers
 * and brands with realistic text lengths, quoting, emoji and reply chains.
 * Deterministic (seeded) and written as a stream, so a 10,000,000-row file
 * never sits in memory. By default (the import bench) conversations with 12
 * brands follow each other every 13 s on average from 2017-10-01; with a
 * `span`, the rows are spread over that span instead and every post falls
 * inside it (the heavy bench's one-month files), and a `shape` sets the
 * brands, the answer rate, the follow-ups, the broadcasts and the reply delays.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';

export const TWCS_HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

export const TWCS_BRANDS = ['AppleSupport', 'AmazonHelp', 'Uber_Support', 'SpotifyCares', 'Delta', 'comcastcares', 'TMobileHelp', 'hulu_support', 'SouthwestAir', 'British_Airways', 'VirginTrains', 'sprintcare'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WORDS = (
  'my order never arrived and nobody answers the phone again please help I have been waiting for two weeks ' +
  'the app keeps crashing after the update can you fix it thanks for nothing your service is great today ' +
  'refund account password reset flight delayed train cancelled bill charged twice internet down since morning ' +
  'we are sorry to hear that please send us a DM with your order number and we will look into it right away'
).split(' ');
const EXTRAS = ['😡', '🙏', '👍', '😂', 'https://t.co/znUu1VJn9r', 'café', 'niño', '"quoted"', '#fail', '!!', '?'];

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function twitterDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

interface Tweet {
  id: number;
  author: string;
  inbound: boolean;
  at: number;
  text: string;
  responses: number[];
  inReplyTo: number | null;
}

/** Words with `@mention` first; a broadcast (mention null) mentions nobody. */
function textOf(next: () => number, mention: string | null): string {
  const length = 4 + Math.floor(next() * next() * 40);
  const words = mention === null ? [] : [`@${mention}`];
  for (let i = 0; i < length; i += 1) words.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'ok');
  if (next() < 0.3) words.push(EXTRAS[Math.floor(next() * EXTRAS.length)] ?? '!');
  if (next() < 0.25) words.splice(3, 0, 'however,');
  if (next() < 0.01) words.push('\nsecond line');
  return words.join(' ');
}

/** How the conversations are drawn. */
export interface TwcsShape {
  /** Brand handles, picked uniformly. */
  brands: readonly string[];
  /** Share of conversations whose first mention gets no reply. */
  unanswered: number;
  /** Share of answered conversations with a customer follow-up, which the brand answers too. */
  followUp: number;
  /** Share of slots that are a brand broadcast (no mention, no reply) instead of a conversation. */
  broadcast: number;
  /** Milliseconds from one turn to the next. */
  delayMs: (next: () => number) => number;
}

/** The import bench's mix: 12 brands, 85% answered, 30% of those with a follow-up, replies within a day. */
export const DEFAULT_SHAPE: TwcsShape = {
  brands: TWCS_BRANDS,
  unanswered: 0.15,
  followUp: 0.3,
  broadcast: 0,
  delayMs: (next) => Math.floor(next() * next() * 86_400_000),
};

export interface TwcsOptions {
  /** PRNG seed (42 by default). */
  seed?: number;
  /** Id of the first post (1 by default); use another range for a second file of the same store. */
  firstId?: number;
  /** Every post is created in [start, end) (epoch ms): conversations start evenly over the span, later turns are kept inside it. */
  span?: { start: number; end: number };
  shape?: TwcsShape;
}

/**
 * One slot: a brand broadcast, or a conversation: a customer's tweet, the
 * brand's reply, sometimes a follow-up and a second reply. Turns are kept
 * before `end`.
 */
function conversation(next: () => number, firstId: number, start: number, shape: TwcsShape, end: number): Tweet[] {
  const brand = shape.brands[Math.floor(next() * shape.brands.length)] ?? 'AppleSupport';
  if (shape.broadcast > 0 && next() < shape.broadcast) {
    return [{ id: firstId, author: brand, inbound: false, at: start, text: textOf(next, null), responses: [], inReplyTo: null }];
  }
  const customer = String(100000 + Math.floor(next() * 5_000_000));
  const turns = next() < shape.unanswered ? 1 : next() < 1 - shape.followUp ? 2 : 4;
  const tweets: Tweet[] = [];
  let at = start;
  for (let turn = 0; turn < turns; turn += 1) {
    const inbound = turn % 2 === 0;
    tweets.push({
      id: firstId + turn,
      author: inbound ? customer : brand,
      inbound,
      at,
      text: textOf(next, inbound ? brand : customer),
      responses: [],
      inReplyTo: turn === 0 ? null : firstId + turn - 1,
    });
    const delay = shape.delayMs(next);
    // A turn that would fall after the span lands at a random time in what is left of it.
    at = at + delay < end ? at + delay : at + Math.floor(next() * (end - at));
  }
  for (let turn = 0; turn + 1 < tweets.length; turn += 1) tweets[turn]?.responses.push(firstId + turn + 1);
  return tweets;
}

/** Writes `rows` TWCS rows to `path` (via a temporary name, so an interrupted run leaves no half file). */
export async function writeTwcsCsv(path: string, rows: number, options: TwcsOptions = {}): Promise<void> {
  const { seed = 42, firstId = 1, span, shape = DEFAULT_SHAPE } = options;
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const next = random(seed);
  out.write(`${TWCS_HEADER}\n`);
  let written = 0;
  let id = firstId;
  let clock = span?.start ?? Date.UTC(2017, 9, 1);
  const end = span?.end ?? Number.POSITIVE_INFINITY;
  let chunk = '';
  while (written < rows) {
    for (const tweet of conversation(next, id, clock, shape, end)) {
      if (written >= rows) break;
      const responses = tweet.responses.join(',');
      chunk += `${tweet.id},${tweet.author},${tweet.inbound ? 'True' : 'False'},${twitterDate(tweet.at)},${csvField(tweet.text)},${csvField(responses)},${tweet.inReplyTo ?? ''}\n`;
      written += 1;
    }
    id += 4;
    if (span) clock = span.start + Math.floor((written / rows) * (span.end - span.start));
    else clock += Math.floor(next() * 26_000);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(partial, path);
}

/** The cached bench file for `rows` rows, generated on first use. */
export async function benchCsv(folder: string, rows: number): Promise<{ path: string; generated: boolean }> {
  const path = `${folder}/twcs-${rows}.csv`;
  if (existsSync(path) && statSync(path).size > 0) return { path, generated: false };
  await writeTwcsCsv(path, rows);
  return { path, generated: true };
}
