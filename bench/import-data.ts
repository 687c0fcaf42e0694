/**
 * Synthetic TWCS-layout CSV for the import bench: conversations between
 * customers and 12 brands with realistic text lengths, quoting, emoji and
 * reply chains. Deterministic (seeded) and written as a stream, so a
 * 10,000,000-row file never sits in memory.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';

export const TWCS_HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

const BRANDS = ['AppleSupport', 'AmazonHelp', 'Uber_Support', 'SpotifyCares', 'Delta', 'comcastcares', 'TMobileHelp', 'hulu_support', 'SouthwestAir', 'British_Airways', 'VirginTrains', 'sprintcare'];
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

function textOf(next: () => number, mention: string): string {
  const length = 4 + Math.floor(next() * next() * 40);
  const words = [`@${mention}`];
  for (let i = 0; i < length; i += 1) words.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'ok');
  if (next() < 0.3) words.push(EXTRAS[Math.floor(next() * EXTRAS.length)] ?? '!');
  if (next() < 0.25) words.splice(3, 0, 'however,');
  if (next() < 0.01) words.push('\nsecond line');
  return words.join(' ');
}

/** One conversation: a customer's tweet, the brand's reply, sometimes a follow-up and a second reply. */
function conversation(next: () => number, firstId: number, start: number): Tweet[] {
  const brand = BRANDS[Math.floor(next() * BRANDS.length)] ?? 'AppleSupport';
  const customer = String(100000 + Math.floor(next() * 5_000_000));
  const turns = next() < 0.15 ? 1 : next() < 0.7 ? 2 : 4;
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
    at += Math.floor(next() * next() * 86_400_000);
  }
  for (let turn = 0; turn + 1 < tweets.length; turn += 1) tweets[turn]?.responses.push(firstId + turn + 1);
  return tweets;
}

/** Writes `rows` TWCS rows to `path` (via a temporary name, so an interrupted run leaves no half file). */
export async function writeTwcsCsv(path: string, rows: number, seed = 42): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const next = random(seed);
  out.write(`${TWCS_HEADER}\n`);
  let written = 0;
  let id = 1;
  let clock = Date.UTC(2017, 9, 1);
  let chunk = '';
  while (written < rows) {
    for (const tweet of conversation(next, id, clock)) {
      if (written >= rows) break;
      const responses = tweet.responses.join(',');
      chunk += `${tweet.id},${tweet.author},${tweet.inbound ? 'True' : 'False'},${twitterDate(tweet.at)},${csvField(tweet.text)},${csvField(responses)},${tweet.inReplyTo ?? ''}\n`;
      written += 1;
    }
    id += 4;
    clock += Math.floor(next() * 26_000);
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
