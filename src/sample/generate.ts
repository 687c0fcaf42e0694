/**
 * Simulates thirteen months of five telecom brands talking with their
 * customers on Twitter, Facebook and Instagram, following the behaviours in spec.ts.
 * Pure: the same seed always gives the same posts.
 */
import { answerTime, brandFollowers, eventFactor, issueWeights } from './behaviour.js';
import { broadcastText, outageStatus, spamText, threadContinuation } from './brand-texts.js';
import { sampleCalendar, sampleDays, type Day, type SampleCalendar } from './calendar.js';
import { DAY_MS, HOUR_MS, avoidAmbiguousLocalHour, madridMidnight } from './clock.js';
import { fill } from './corpus.js';
import { IdMaker } from './ids.js';
import type { SamplePost } from './model.js';
import { makeCustomers, type Customer } from './people.js';
import { Random } from './random.js';
import { replyFor, type Subject } from './replies.js';
import { DEFAULT_SEED, SAMPLE_BRANDS, SAMPLE_CALENDAR, SAMPLE_OUTAGE, SAMPLE_PLATFORMS, type BrandBehaviour, type Language, type SamplePlatform } from './spec.js';
import { ISSUE_TOPICS, followUpText, mentionText, outageChaserText, type IssueTopic, type MentionKind, type Sentiment } from './texts.js';

const MINUTE_MS = 60_000;
/** Relative inbound volume per local hour of the day (people write at lunch and in the evening). */
const HOUR_WEIGHTS = [0.9, 0.5, 0.3, 0.2, 0.2, 0.3, 0.7, 1.5, 2.6, 3.4, 3.8, 3.9, 3.7, 3.4, 3.2, 3.3, 3.4, 3.5, 3.7, 4, 4.2, 3.8, 2.9, 1.8];
/** Relative inbound volume per weekday, Monday first. */
const WEEKDAY_WEIGHTS = [1.12, 1.05, 1, 1, 0.95, 0.72, 0.66];
const LANGUAGE_WEIGHTS = [0.6, 0.28, 0.12];
const LANGUAGES: readonly Language[] = ['en', 'es', 'fr'];
const CLIENT_ID = SAMPLE_BRANDS.find((brand) => brand.role === 'client')?.id ?? '';

export interface SampleData {
  seed: string;
  calendar: SampleCalendar;
  brands: readonly BrandBehaviour[];
  customers: Customer[];
  /** Every post, ordered by creation time then id. */
  posts: SamplePost[];
}

export interface SampleOptions {
  /**
   * Texts customers write to the client at the start of the report month,
   * left unanswered so the report quotes them, per platform: tests carry
   * hostile text (markup, formulas, scripts) through the exports and the
   * report with it. The demo never sets it.
   */
  hostileTexts?: Partial<Record<SamplePlatform, readonly string[]>>;
}

export function generateSampleData(seed: string = DEFAULT_SEED, options: SampleOptions = {}): SampleData {
  return new Simulation(seed).run(options);
}

/** How the client's outage strains its care team: fewer answers, later. */
interface Strain {
  answerFactor: number;
  delayFactor: number;
}
const NO_STRAIN: Strain = { answerFactor: 1, delayFactor: 1 };

type NewPost = Omit<SamplePost, 'id' | 'url'>;

class Simulation {
  private readonly random: Random;
  private readonly ids: IdMaker;
  private readonly calendar = sampleCalendar();
  private readonly customers: Customer[];
  private readonly customersByBrand = new Map<string, Customer[]>();
  private readonly posts: SamplePost[] = [];
  /** Latest broadcasts per brand and platform, for comments and retweets to land on. */
  private readonly recentBroadcasts = new Map<string, SamplePost[]>();
  /** Customers who ever wrote to a brand (the spammer picks others). */
  private readonly wroteTo = new Map<string, Set<string>>();

  constructor(private readonly seed: string) {
    this.random = new Random(seed);
    this.ids = new IdMaker(this.random.fork('ids'));
    this.customers = makeCustomers(this.random.fork('people'), SAMPLE_BRANDS.map((brand) => brand.id), 900);
    for (const brand of SAMPLE_BRANDS) {
      this.customersByBrand.set(brand.id, this.customers.filter((customer) => customer.brandId === brand.id));
      this.wroteTo.set(brand.id, new Set());
    }
  }

  run(options: SampleOptions): SampleData {
    const daily = this.random.fork('days');
    for (const day of sampleDays(this.calendar)) {
      for (const brand of SAMPLE_BRANDS) for (const platform of SAMPLE_PLATFORMS) this.broadcastDay(daily, brand, platform, day);
      for (const brand of SAMPLE_BRANDS) for (const platform of SAMPLE_PLATFORMS) this.inboundDay(daily, brand, platform, day);
      for (const brand of SAMPLE_BRANDS) if (brand.spamPerDay > 0) this.spamDay(daily, brand, day);
    }
    this.outage(this.random.fork('outage'));
    if (options.hostileTexts) this.hostileMentions(this.random.fork('hostile'), options.hostileTexts);
    const posts = this.posts.filter((post) => post.createdAt < this.calendar.cutoff);
    posts.sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
    return { seed: this.seed, calendar: this.calendar, brands: SAMPLE_BRANDS, customers: this.customers, posts };
  }

  // ---- brand posts -------------------------------------------------------

  private broadcastDay(random: Random, brand: BrandBehaviour, platform: SamplePlatform, day: Day): void {
    const weekend = day.weekday >= 5 ? 0.45 : 1;
    const blackFriday = day.iso >= '2024-11-25' && day.iso <= '2024-12-02' ? 2 : 1;
    const count = random.poisson(brand.broadcastsPerDay[platform] * weekend * blackFriday);
    for (let i = 0; i < count; i++) {
      const involves = [brand.id];
      const at = this.stamp(platform, involves, day.start + (random.int(8, 20) * 60 + random.int(0, 59)) * MINUTE_MS + random.int(0, 59) * 1000);
      const language = pickLanguage(random);
      const post = this.brandPost(brand, platform, at, null, fill(broadcastText(random, language), this.values(random, brand, language, null)), language, 'broadcast');
      const key = `${brand.id}:${platform}`;
      const list = this.recentBroadcasts.get(key) ?? [];
      list.push(post);
      if (list.length > 6) list.shift();
      this.recentBroadcasts.set(key, list);
      if (random.chance(brand.selfThreadShare)) {
        const next = this.stamp(platform, involves, at + random.int(1, 4) * MINUTE_MS + random.int(0, 59) * 1000);
        this.brandPost(brand, platform, next, post, threadContinuation(random, language), language, 'self-thread');
      }
    }
  }

  private brandPost(brand: BrandBehaviour, platform: SamplePlatform, at: number, parent: SamplePost | null, text: string, language: Language, role: SamplePost['role']): SamplePost {
    // Care handles answer; the main (last listed) handle broadcasts.
    const handles = brand.accounts[platform];
    const handle = (role === 'answer' ? handles[0] : handles[handles.length - 1]) ?? brand.id;
    return this.addPost({
      platform,
      createdAt: at,
      author: handle,
      authorName: brand.name,
      followers: brandFollowers(brand, platform),
      brandId: brand.id,
      kind: parent ? 'reply' : 'post',
      parent,
      missingParentId: null,
      text,
      language,
      sentiment: role === 'answer' ? 'neutral' : 'positive',
      topicBrandId: brand.id,
      role,
      targets: [],
      involves: [brand.id],
      topic: null,
      hostile: false,
    });
  }

  // ---- inbound mentions and the brand's answers --------------------------

  private inboundDay(random: Random, brand: BrandBehaviour, platform: SamplePlatform, day: Day): void {
    const growth = brand.role === 'client' ? 1 + 0.15 * (day.monthIndex / 12) : 1;
    const event = eventFactor(brand.id, day.iso);
    const noise = random.logNormal(1, 0.2);
    const count = random.poisson(brand.inboundPerDay[platform] * (WEEKDAY_WEIGHTS[day.weekday] ?? 1) * growth * event.factor * noise);
    for (let i = 0; i < count; i++) {
      const hour = random.weightedIndex(HOUR_WEIGHTS);
      const raw = day.start + hour * HOUR_MS + random.int(0, 3_599_999);
      const customer = this.pickCustomer(random, brand);
      const kind: MentionKind = (['complaint', 'question', 'praise'] as const)[random.weightedIndex([0.64, 0.24, 0.12])] ?? 'complaint';
      const topic: IssueTopic = event.topic && random.chance(0.7) ? event.topic : (ISSUE_TOPICS[random.weightedIndex(issueWeights(Number(day.iso.slice(5, 7))))] ?? 'billing');
      // Reposts are not mentions: Facebook shares of the page, retweets of a competitor (the care export holds no retweets).
      if (random.chance(platform === 'facebook' ? 0.04 : platform === 'twitter' && brand.role === 'competitor' ? 0.05 : 0)) {
        this.repost(brand, platform, customer, this.stamp(platform, [brand.id], raw));
        continue;
      }
      const body = fill(mentionText(random, kind, topic, customer.language), this.values(random, brand, customer.language, customer));
      const mention = this.mention(random, brand, platform, customer, raw, kind, topic, body);
      this.respond(random, brand, mention, customer, day, kind === 'complaint' ? topic : kind, kind);
    }
  }

  private pickCustomer(random: Random, brand: BrandBehaviour): Customer {
    return random.chance(0.85) ? random.pick(this.customersByBrand.get(brand.id) ?? this.customers) : random.pick(this.customers);
  }

  /** A customer's mention of the brand, as the platform shapes it; on Facebook and Instagram often a comment under one of `pages` (the brand's recent posts). */
  private mention(
    random: Random,
    brand: BrandBehaviour,
    platform: SamplePlatform,
    customer: Customer,
    raw: number,
    kind: MentionKind,
    topic: IssueTopic,
    body: string,
    pages: readonly SamplePost[] = this.recentBroadcasts.get(`${brand.id}:${platform}`) ?? [],
  ): SamplePost {
    const language = customer.language;
    const sentiment: Sentiment = kind === 'praise' ? 'positive' : kind === 'question' ? (random.chance(0.9) ? 'neutral' : 'negative') : random.chance(0.85) ? 'negative' : 'neutral';
    const base = { platform, ...writtenBy(customer), language, sentiment, topic: kind === 'complaint' ? topic : null, hostile: false, role: 'mention' as const };
    this.wroteTo.get(brand.id)?.add(customer.handle);

    if (platform === 'twitter') {
      const care = brand.accounts.twitter[0] ?? brand.id;
      const main = brand.accounts.twitter[brand.accounts.twitter.length - 1] ?? care;
      const shape = random.next();
      if (shape < 0.015) {
        // A reply to a tweet the export does not hold: its parent stays unresolved.
        const other = random.pick(this.customers);
        const involves = [brand.id];
        const at = this.stamp(platform, involves, raw);
        return this.addPost({ ...base, createdAt: at, kind: 'reply', parent: null, missingParentId: this.ids.twitter(at - random.int(1, 48) * HOUR_MS), text: `@${other.handle} @${care} ${body}`, topicBrandId: brand.id, targets: [brand.id], involves });
      }
      if (shape < 0.035 && kind === 'question') {
        // One tweet asking two brands at once counts for both (and sits in both exports).
        const rival = random.pick(SAMPLE_BRANDS.filter((other) => other.id !== brand.id));
        this.wroteTo.get(rival.id)?.add(customer.handle);
        const involves = [brand.id, rival.id];
        return this.addPost({ ...base, createdAt: this.stamp(platform, involves, raw), kind: 'post', parent: null, missingParentId: null, text: `@${care} @${rival.accounts.twitter[0]} ${body}`, topicBrandId: brand.id, targets: [brand.id, rival.id], involves });
      }
      const text = shape < 0.8 ? `@${care} ${body}` : shape < 0.9 ? `${capitalise(body)} @${main}` : `${greeting(language)} @${care}, ${body}`;
      const involves = [brand.id];
      return this.addPost({ ...base, createdAt: this.stamp(platform, involves, raw), kind: 'post', parent: null, missingParentId: null, text, topicBrandId: brand.id, targets: [brand.id], involves });
    }

    const at = this.stamp(platform, [brand.id], raw);
    const recent = pages.filter((post) => post.createdAt < at && post.createdAt > at - 4 * DAY_MS);
    if (recent.length > 0 && random.chance(0.65)) {
      return this.addPost({ ...base, createdAt: at, kind: 'reply', parent: random.pick(recent), missingParentId: null, text: capitalise(body), topicBrandId: brand.id, targets: [brand.id], involves: [brand.id] });
    }
    const text = platform === 'instagram' ? `${capitalise(body)} @${brand.accounts.instagram[0]}` : `${brand.name}: ${body}`;
    return this.addPost({ ...base, createdAt: at, kind: 'post', parent: null, missingParentId: null, text, topicBrandId: brand.id, targets: [brand.id], involves: [brand.id] });
  }

  private repost(brand: BrandBehaviour, platform: SamplePlatform, customer: Customer, at: number): void {
    const recent = (this.recentBroadcasts.get(`${brand.id}:${platform}`) ?? []).filter((post) => post.createdAt < at);
    const original = recent[recent.length - 1];
    if (!original) return;
    this.addPost({
      platform,
      createdAt: at,
      ...writtenBy(customer),
      kind: 'repost',
      parent: original,
      missingParentId: null,
      text: platform === 'twitter' ? `RT @${original.author}: ${original.text}` : original.text,
      language: original.language,
      sentiment: 'neutral',
      topicBrandId: brand.id,
      role: 'share',
      targets: [],
      involves: [brand.id],
      topic: null,
      hostile: false,
    });
  }

  /**
   * Each addressed brand may answer; the customer may write again; the brand
   * may answer that too. `strain` lowers the odds of an answer and stretches
   * its delay; `only` limits the answers to one of the addressed brands.
   * True when `brand` answered.
   */
  private respond(random: Random, brand: BrandBehaviour, mention: SamplePost, customer: Customer, day: Day, subject: Subject, kind: MentionKind, strain: Strain = NO_STRAIN, only?: string): boolean {
    let answered = false;
    for (const targetId of mention.targets) {
      if (only !== undefined && targetId !== only) continue;
      const usual = SAMPLE_BRANDS.find((candidate) => candidate.id === targetId) ?? brand;
      const target = strain === NO_STRAIN ? usual : { ...usual, medianMinutesOnShift: usual.medianMinutesOnShift * strain.delayFactor };
      const progress = day.monthIndex / Math.max(1, this.calendar.months.length - 1);
      let probability = (target.answerRate[0] + (target.answerRate[1] - target.answerRate[0]) * progress) * strain.answerFactor;
      if (mention.sentiment === 'negative') probability *= target.negativeFactor;
      if (customer.followers >= 10_000) probability *= target.influencerFactor;
      if (!random.chance(Math.min(0.97, probability))) continue;
      const answer = this.answer(random, target, mention, customer, subject);
      if (answer && target.id === brand.id) answered = true;
      if (answer && kind !== 'praise' && target.id === brand.id) this.followUps(random, target, answer, customer, subject);
    }
    return answered;
  }

  private answer(random: Random, brand: BrandBehaviour, to: SamplePost, customer: Customer, subject: Subject): SamplePost | null {
    const at = this.stamp(to.platform, [brand.id], answerTime(random, brand, to.createdAt));
    if (at >= this.calendar.cutoff) return null;
    const language = customer.language;
    const signature = random.pick(brand.signatures);
    const body = `${fill(replyFor(random, brand, subject, language), this.values(random, brand, language, customer))}${signature ? ` ${signature}` : ''}`;
    return this.brandPost(brand, to.platform, at, to, to.platform === 'facebook' ? body : `@${customer.handle} ${body}`, language, 'answer');
  }

  private followUps(random: Random, brand: BrandBehaviour, answer: SamplePost, customer: Customer, subject: Subject): void {
    let last = answer;
    for (let round = 0; round < 2; round++) {
      if (!random.chance(round === 0 ? 0.5 : 0.3)) return;
      const mood = (['unhappy', 'done', 'thanks'] as const)[random.weightedIndex(round === 0 ? [0.65, 0.2, 0.15] : [0.8, 0.1, 0.1])] ?? 'unhappy';
      const at = this.stamp(last.platform, [brand.id], last.createdAt + random.logNormal(45, 1.1) * MINUTE_MS);
      const body = fill(followUpText(random, mood, customer.language, subject), this.values(random, brand, customer.language, customer));
      const followUp = this.addPost({
        platform: last.platform,
        createdAt: at,
        ...writtenBy(customer),
        kind: 'reply',
        parent: last,
        missingParentId: null,
        text: last.platform === 'twitter' ? `@${brand.accounts.twitter[0]} ${body}` : capitalise(body),
        language: customer.language,
        sentiment: mood === 'unhappy' ? 'negative' : mood === 'thanks' ? 'positive' : 'neutral',
        topicBrandId: brand.id,
        role: mood === 'thanks' ? 'thanks' : mood === 'done' ? 'handoff' : 'follow-up',
        targets: [brand.id],
        involves: [brand.id],
        topic: null,
        hostile: false,
      });
      // A thank-you or a hand-off to private messages needs no public answer: brands seldom write one.
      if (!random.chance(mood === 'unhappy' ? brand.followUpAnswerRate : brand.followUpAnswerRate * 0.4)) return;
      const reply = this.answer(random, brand, followUp, customer, subject);
      if (!reply) return;
      last = reply;
    }
  }

  // ---- unsolicited promotion ---------------------------------------------

  private spamDay(random: Random, brand: BrandBehaviour, day: Day): void {
    const recipients = random.poisson(brand.spamPerDay * (day.weekday >= 5 ? 0.5 : 1));
    if (recipients === 0) return;
    // One campaign a day: the same text, a few minutes apart, to people who never wrote to the brand.
    const language = (['es', 'en', 'fr'] as const)[random.weightedIndex([0.5, 0.4, 0.1])] ?? 'es';
    const text = fill(spamText(random, language), this.values(random, brand, language, null));
    const wrote = this.wroteTo.get(brand.id) ?? new Set<string>();
    const pool = this.customers.filter((customer) => customer.brandId !== brand.id && !wrote.has(customer.handle) && customer.language === language);
    const sender = brand.accounts.twitter[brand.accounts.twitter.length - 1] ?? brand.id;
    const involves = [brand.id];
    let at = day.start + (random.int(10, 18) * 60 + random.int(0, 59)) * MINUTE_MS;
    for (let i = 0; i < recipients && pool.length > 0; i++) {
      const target = pool.splice(random.int(0, pool.length - 1), 1)[0] as Customer;
      at += random.int(40, 240) * 1000;
      const spam = this.addPost({
        platform: 'twitter',
        createdAt: this.stamp('twitter', involves, at),
        author: sender,
        authorName: brand.name,
        followers: brandFollowers(brand, 'twitter'),
        brandId: brand.id,
        kind: 'post',
        parent: null,
        missingParentId: null,
        text: `@${target.handle} ${text}`,
        language,
        sentiment: 'positive',
        topicBrandId: brand.id,
        role: 'spam',
        targets: [],
        involves,
        topic: null,
        hostile: false,
        });
      if (random.chance(0.06)) {
        wrote.add(target.handle);
        const complaint = language === 'es' ? 'no os he pedido nada, dejad de mandarme publicidad' : language === 'fr' ? 'je n’ai rien demandé, arrêtez la pub' : 'I never asked for this, stop spamming me';
        this.addPost({
          platform: 'twitter',
          createdAt: this.stamp('twitter', involves, spam.createdAt + random.logNormal(90, 1) * MINUTE_MS),
          author: target.handle,
          authorName: target.name,
          followers: target.followers,
          brandId: null,
          kind: 'reply',
          parent: spam,
          missingParentId: null,
          text: `@${sender} ${complaint}`,
          language,
          sentiment: 'negative',
          topicBrandId: brand.id,
          role: 'mention',
          targets: [brand.id],
          involves,
          topic: null,
          hostile: false,
          });
      }
    }
  }

  // ---- the client's outage ----------------------------------------------

  /**
   * SAMPLE_OUTAGE: customers in the cities hit write about it, the client
   * posts status updates, and its swamped care team answers fewer of all its
   * mentions of those days, later. Drawn from its own stream after the daily
   * ones, so nothing before the outage, after it or of another brand moves:
   * only the client's answers to the other mentions of those days are drawn
   * again.
   */
  private outage(random: Random): void {
    const client = SAMPLE_BRANDS.find((brand) => brand.id === SAMPLE_OUTAGE.brandId);
    const days = [...sampleDays(this.calendar)];
    const first = days.findIndex((day) => day.iso === SAMPLE_OUTAGE.days[0].iso);
    const plans = SAMPLE_OUTAGE.days.map((plan, index) => ({ plan, day: days[first + index] }));
    if (!client || first < 0 || plans.some(({ plan, day }) => day?.iso !== plan.iso)) throw new Error('SAMPLE_OUTAGE: its days must follow each other inside the sample');
    const strain: Strain = SAMPLE_OUTAGE;
    const cities: readonly string[] = SAMPLE_OUTAGE.cities;
    const hit = (this.customersByBrand.get(client.id) ?? []).filter((customer) => cities.includes(customer.city));
    if (hit.length === 0) throw new Error('SAMPLE_OUTAGE: no customer of the client lives in its cities');

    // The team is swamped from the first outage mention to the end of the last day.
    const from = (plans[0]?.day?.start ?? 0) + SAMPLE_OUTAGE.days[0].fromHour * HOUR_MS;
    const to = days[first + plans.length]?.start ?? this.calendar.cutoff;
    this.reanswer(random, client, from, to, strain);

    const statuses = new Map<SamplePlatform, SamplePost[]>();
    const platformWeights = SAMPLE_PLATFORMS.map((platform) => client.inboundPerDay[platform]);
    plans.forEach(({ plan, day }, index) => {
      if (!day) return;
      for (const platform of SAMPLE_PLATFORMS) {
        const at = this.stamp(platform, [client.id], day.start + (Math.max(plan.fromHour + 1, 9) * 60 + random.int(0, 59)) * MINUTE_MS + random.int(0, 59) * 1000);
        const language = pickLanguage(random);
        const status = this.brandPost(client, platform, at, null, outageStatus(random, index, language, cities), language, 'broadcast');
        statuses.set(platform, [...(statuses.get(platform) ?? []), status]);
      }
      const count = random.poisson(plan.mentions);
      for (let i = 0; i < count; i++) {
        const raw = day.start + (plan.fromHour + random.weightedIndex(HOUR_WEIGHTS.slice(plan.fromHour))) * HOUR_MS + random.int(0, 3_599_999);
        const customer = random.pick(hit);
        const platform = SAMPLE_PLATFORMS[random.weightedIndex(platformWeights)] ?? 'twitter';
        const body = fill(mentionText(random, 'complaint', 'outage', customer.language), this.values(random, client, customer.language, customer));
        const mention = this.mention(random, client, platform, customer, raw, 'complaint', 'outage', body, statuses.get(platform) ?? []);
        if (this.respond(random, client, mention, customer, day, 'outage', 'complaint', strain) || !random.chance(SAMPLE_OUTAGE.chaseShare)) continue;
        // Nobody answered: the customer writes again a few hours later.
        const again = fill(outageChaserText(random, customer.language), this.values(random, client, customer.language, customer));
        const chaser = this.mention(random, client, platform, customer, mention.createdAt + random.logNormal(180, 0.5) * MINUTE_MS, 'complaint', 'outage', again, statuses.get(platform) ?? []);
        this.respond(random, client, chaser, customer, day, 'outage', 'complaint', strain);
      }
    });
  }

  /**
   * The client's answers to the customers' mentions written in [from, to)
   * are drawn again under `strain`: its usual answers, with the threads that
   * grew under them, leave the sample first. Other brands' answers to the
   * same mentions stay as they were, and so do the follow-ups written then
   * in threads the client answered before.
   */
  private reanswer(random: Random, client: BrandBehaviour, from: number, to: number, strain: Strain): void {
    const mentions = this.posts.filter((post) => post.role === 'mention' && post.targets.includes(client.id) && post.createdAt >= from && post.createdAt < to);
    const mentioned = new Set(mentions);
    const gone = new Set<SamplePost>();
    // Parents come before their replies in this.posts, so one pass finds whole threads.
    for (const post of this.posts) {
      if (!post.parent) continue;
      if (gone.has(post.parent) || (mentioned.has(post.parent) && post.brandId === client.id && post.role === 'answer')) gone.add(post);
    }
    let kept = 0;
    for (const post of this.posts) if (!gone.has(post)) this.posts[kept++] = post;
    this.posts.length = kept;
    const days = [...sampleDays(this.calendar)];
    for (const mention of mentions) {
      const customer = this.customers.find((candidate) => candidate.handle === mention.author);
      const day = days.findLast((candidate) => candidate.start <= mention.createdAt);
      if (!customer || !day) continue;
      const subject: Subject = mention.topic ?? (mention.sentiment === 'positive' ? 'praise' : 'question');
      this.respond(random, client, mention, customer, day, subject, mention.topic ? 'complaint' : subject === 'praise' ? 'praise' : 'question', strain, client.id);
    }
  }

  // ---- hostile texts, for tests --------------------------------------------

  /**
   * SampleOptions.hostileTexts: the client gets them at the very start of the
   * report month, unanswered, so they are among the oldest unanswered
   * mentions the report quotes; on Facebook and Instagram as comments under
   * its latest post.
   */
  private hostileMentions(random: Random, texts: NonNullable<SampleOptions['hostileTexts']>): void {
    const client = SAMPLE_BRANDS.find((brand) => brand.id === CLIENT_ID);
    if (!client) return;
    const [year, month] = SAMPLE_CALENDAR.lastMonth.split('-').map(Number) as [number, number];
    const monthStart = madridMidnight(year, month, 1);
    const pool = this.customersByBrand.get(client.id) ?? this.customers;
    const involves = [client.id];
    SAMPLE_PLATFORMS.forEach((platform, platformIndex) => {
      (texts[platform] ?? []).forEach((text, index) => {
        const customer = pool[(index * 7 + platformIndex * 5) % pool.length] ?? random.pick(pool);
        const at = this.stamp(platform, involves, monthStart + (3 + platformIndex * 60 + index * 17) * MINUTE_MS + random.int(0, 59) * 1000);
        const page = platform === 'twitter' ? [] : this.posts.filter((post) => post.platform === platform && post.brandId === client.id && post.role === 'broadcast' && post.createdAt < at);
        const parent = page[page.length - 1] ?? null;
        this.addPost({
          platform,
          createdAt: at,
          ...writtenBy(customer),
          kind: parent ? 'reply' : 'post',
          parent,
          missingParentId: null,
          text: platform === 'twitter' ? `@${client.accounts.twitter[0]} ${text}` : text,
          language: customer.language,
          sentiment: 'negative',
          topicBrandId: client.id,
          role: 'mention',
          targets: [client.id],
          involves,
          topic: null,
          hostile: true,
        });
      });
    });
  }

  // ---- helpers -------------------------------------------------------------

  private addPost(fields: NewPost): SamplePost {
    const post: SamplePost = { ...fields, ...this.identify(fields) };
    this.posts.push(post);
    return post;
  }

  /** Ids and permalinks the way each platform builds them (Facebook comments live under their post). */
  private identify(fields: NewPost): { id: string; url: string } {
    if (fields.platform === 'twitter') {
      const id = this.ids.twitter(fields.createdAt);
      return { id, url: `https://twitter.com/${fields.author}/status/${id}` };
    }
    const parent = fields.kind === 'repost' ? null : fields.parent;
    if (fields.platform === 'instagram') {
      const id = this.ids.instagram();
      if (!parent) return { id, url: `https://www.instagram.com/p/${this.ids.instagramShortcode()}/` };
      return { id, url: `${/^https:\/\/www\.instagram\.com\/p\/[^/]+\//.exec(parent.url)?.[0] ?? parent.url}c/${id}/` };
    }
    const id = this.ids.facebook();
    if (!parent) return { id, url: `https://www.facebook.com/${fields.author}/posts/${id}` };
    return { id, url: `${parent.url.split('?')[0] ?? parent.url}?comment_id=${id}` };
  }

  /**
   * Exports that write local times cannot hold the repeated autumn hour, and
   * Meltwater (the competitors' Twitter export) and the Instagram sheet write
   * whole minutes: times are rounded the same way before anything is derived
   * from them.
   */
  private stamp(platform: SamplePlatform, involves: readonly string[], at: number): number {
    const safe = avoidAmbiguousLocalHour(Math.round(at / 1000) * 1000);
    const wholeMinutes = platform === 'instagram' || (platform === 'twitter' && involves.some((brandId) => brandId !== CLIENT_ID));
    return wholeMinutes ? Math.floor(safe / MINUTE_MS) * MINUTE_MS : safe;
  }

  private values(random: Random, brand: BrandBehaviour, language: Language, customer: Customer | null): Record<string, string> {
    const euros = random.pick(['9,99', '14,95', '19,90', '25', '29,99', '35', '42,50', '60']);
    return {
      name: customer?.firstName ?? '',
      city: customer?.city ?? random.pick(['Madrid', 'Sevilla', 'Valencia', 'Bilbao', 'Málaga']),
      amount: language === 'en' ? `€${euros.replace(',', '.')}` : `${euros} €`,
      days: String(random.int(2, 9)),
      n: String(random.int(100, 950)),
      order: `${random.pick(['ON', 'CS', 'TK'])}-${random.int(1_000_000, 9_999_999)}`,
      site: brand.website,
      brand: brand.name,
    };
  }
}

function pickLanguage(random: Random): Language {
  return LANGUAGES[random.weightedIndex(LANGUAGE_WEIGHTS)] ?? 'en';
}

function greeting(language: Language): string {
  return language === 'es' ? 'Hola' : language === 'fr' ? 'Bonjour' : 'Hey';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Numeric ids compare as numbers, others as text. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The author fields of a post a customer writes (no brand's). */
function writtenBy(customer: Customer): Pick<SamplePost, 'author' | 'authorName' | 'followers' | 'brandId'> {
  return { author: customer.handle, authorName: customer.name, followers: customer.followers, brandId: null };
}
