/**
 * Mentions that need no answer (METRICS.md): mass mentions and closers are
 * counted and kept in volume and share of voice, and left out of every
 * response figure. The numbers below are worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageSentences } from '../../src/cli/coverage-sentences.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { BrandMetrics, MetricsReport } from '../../src/metrics/types.js';
import { brandOf as brand, configWith, storeWith, type TestPost } from './helpers.js';

const BRANDS = [{ id: 'acme' }, { id: 'rival' }];

async function metrics(posts: TestPost[], extra: Record<string, unknown> = {}): Promise<MetricsReport> {
  const store = await storeWith(posts);
  try {
    return await computeMetrics(store, configWith(BRANDS, extra), '2017-10');
  } finally {
    store.close();
  }
}


/** ISO instant `minutes` after 2017-10-10 10:00 UTC. */
const at = (minutes: number) => new Date(Date.UTC(2017, 9, 10, 10) + minutes * 60_000).toISOString();

/** A customer's question, answered by the brand after 10 minutes, then the customer's `closing` words under that answer. */
function thread(id: string, customer: string, start: number, closing: string, brandId = 'acme'): TestPost[] {
  return [
    { id, author: customer, at: at(start), text: `@${brandId} my line is down, can you help?` },
    { id: `${id}-r`, author: brandId, at: at(start + 10), text: `@${customer} fixed, try again`, parent: id },
    { id: `${id}-c`, author: customer, at: at(start + 20), text: closing, parent: `${id}-r` },
  ];
}

/**
 * The closing words of a list, each under its own brand's answer, in one
 * analysis: case i is brand b<i> and customer c<i>, its '@acme' addressed to
 * b<i>. One analysis instead of one per case; the threads share nothing.
 */
function closingEach(texts: readonly string[]): (text: string) => Promise<BrandMetrics> {
  const posts = texts.flatMap((text, i) => thread(`q${i}`, `c${i}`, i * 30, text.replaceAll('@acme', `@b${i}`), `b${i}`));
  let report: Promise<MetricsReport> | undefined;
  const analysed = async () => {
    const store = await storeWith(posts);
    try {
      return await computeMetrics(store, configWith(texts.map((_, i) => ({ id: `b${i}` }))), '2017-10');
    } finally {
      store.close();
    }
  };
  return async (text) => brand(await (report ??= analysed()), `b${texts.indexOf(text)}`);
}

describe('mass mentions', () => {
  it('a post tagging 5 or more accounts, not replying to the brand, counts in volume and share of voice only', async () => {
    const report = await metrics([
      // A tag storm: the same user tags acme, rival and four others, 3 times; nobody answers.
      ...[0, 1, 2].map((i) => ({ id: `storm${i}`, author: 'tagger', at: at(i), text: '@acme @rival @a1 @a2 @a3 @a4 look at this' })),
      // Four handles (acme, rival and two more) is not a mass mention: it needs an answer.
      { id: 'four', author: 'ana', at: at(5), text: '@acme @rival @a1 @a2 which is cheaper?' },
      // An ordinary mention, answered.
      { id: 'm1', author: 'bob', at: at(10), text: '@acme hi' },
      { id: 'm1-r', author: 'acme', at: at(20), text: '@bob hello', parent: 'm1' },
      // Six handles in a reply to acme's own post: it talks to acme, so acme must answer it (it does not).
      { id: 'news', author: 'acme', at: at(30), text: 'Our new plan is out' },
      { id: 'reply6', author: 'carla', at: at(40), text: '@acme @rival @a1 @a2 @a3 @a4 price?', parent: 'news' },
      // A reply by rival so that rival is measured.
      { id: 'rm', author: 'dan', at: at(50), text: '@rival hi' },
      { id: 'rm-r', author: 'rival', at: at(55), text: '@dan hi', parent: 'rm' },
    ]);
    const acme = brand(report, 'acme');
    // Inbound: 3 storm posts, four, m1, reply6 = 6; needing an answer: four, m1, reply6 = 3, one answered.
    expect([acme.inbound, acme.coverage?.inboundMeasured, acme.coverage?.massMentions, acme.answered, acme.responseRate]).toEqual([6, 3, 3, 1, 1 / 3]);
    expect(acme.buckets).toEqual({ '0-1h': 1, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 2 });
    const rival = brand(report, 'rival');
    // Rival: the storm (3) and reply6 are mass mentions for it (reply6 replies to acme, not to rival); four and rm need an answer.
    expect([rival.inbound, rival.coverage?.massMentions, rival.coverage?.inboundMeasured, rival.answered]).toEqual([6, 4, 2, 1]);
    // Share of voice keeps every mention: 6 of 12 each.
    expect([acme.shareOfVoice, rival.shareOfVoice]).toEqual([0.5, 0.5]);
  });

  it('takes the number of handles from metrics.massMentionHandles, and counts every mention with metrics.needsAnswer false', async () => {
    const posts: TestPost[] = [
      { id: 'four', author: 'ana', at: at(5), text: '@acme @rival @a1 @a2 which is cheaper?' },
      { id: 'm1', author: 'bob', at: at(10), text: '@acme hi' },
      { id: 'm1-r', author: 'acme', at: at(20), text: '@bob hello', parent: 'm1' },
    ];
    const four = brand(await metrics(posts, { metrics: { massMentionHandles: 4 } }), 'acme');
    expect([four.coverage?.massMentions, four.responseRate]).toEqual([1, 1]);
    const raw = brand(await metrics(posts, { metrics: { massMentionHandles: 4, needsAnswer: false } }), 'acme');
    expect([raw.coverage?.massMentions, raw.responseRate]).toEqual([0, 0.5]);
  });
});

describe('closers', () => {
  const closing = async (text: string, extra: Record<string, unknown> = {}): Promise<BrandMetrics> => brand(await metrics(thread('q', 'cust', 0, text), extra), 'acme');

  const closers = [
    '@acme As always, thank you!!!',
    '@acme thanks 👍',
    '@acme ¡Muchas gracias!',
    '@acme merci beaucoup pour votre aide',
    '@acme ok',
    '@acme 🙏🙏',
    '@acme :)',
    // 12 words, each in the vocabulary
    '@acme thank you so much for the help, it works now, thanks again',
    // hand-offs: the conversation moves to private messages, where the brand answers
    '@acme DM sent',
    '@acme done, sent you the details by DM',
    '@acme DM enviado con mi número de cliente',
    '@acme c’est fait, je vous ai écrit en privé',
    "@acme J'ai envoyé un MP",
    "@acme I've sent you a DM",
    '@acme DM sent, thanks',
    '@acme DM enviado, gracias',
    // the real Kaggle sample's thank-you to @SouthwestAir, under its answer
    '@acme I am! Thank you for the answer!!',
    // and its praise to @AppleSupport under its answer ("in love with Apple" there: here no brand is named Apple)
    '@acme Super help - problem solved 😀 once again in love with you',
    '@acme problema resuelto, gracias',
    '@acme problème réglé avec vous, merci',
  ];
  const notClosers = [
    '@acme thanks but it is still down',
    '@acme thanks?',
    '@acme thanks 😡',
    '@acme :(',
    '@acme 123',
    '@acme',
    // 13 words, each in the vocabulary: too long to be one
    '@acme thank you so much for the help, it works now, thanks again guys',
    // words of the vocabulary, none of which acknowledges
    '@acme as always',
    '@acme DM me',
    '@acme I sent the DM yesterday and nobody replied',
    // a hand-off that chases the brand, or angry words beside an acknowledging one
    '@acme DM sent, reply now',
    '@acme I sent you a DM again',
    '@acme ya os he escrito por privado otra vez',
    '@acme je vous ai encore écrit en MP',
    '@acme I sent you my number, DM me',
    '@acme done with you guys',
    // thank-you words that turn against the brand (without the refusal, each word is in the vocabulary)
    '@acme thanks, done with you',
    // a problem named with thank-you words around it, and nothing that says it is over
    '@acme thanks, problem with my bill',
    '@acme great, problem again',
    '@acme thanks for the problem',
    '@acme ok, issue with it',
    '@acme vale, problema de nuevo',
    // a hand-off verb without the private channel, or "already": "I've already written to you" may be a complaint
    '@acme ya os he escrito',
    '@acme ya os he mandado un DM',
    '@acme my order sent 3pm',
    // a request made of thank-you words: "me" is not one of them
    '@acme ok reply me',
  ];
  // Both lists in one analysis: each text is under its own brand's answer.
  const closingOf = closingEach([...closers, ...notClosers]);
  it.each(closers)('"%s" under the brand\'s answer needs no answer', async (text) => {
    const acme = await closingOf(text);
    // Inbound 2 (the question and the closer); 1 needs an answer and is answered.
    expect([acme.inbound, acme.coverage?.closers, acme.coverage?.inboundMeasured, acme.answered, acme.responseRate]).toEqual([2, 1, 1, 1, 1]);
  });

  it.each(notClosers)('"%s" under the brand\'s answer still needs one', async (text) => {
    const acme = await closingOf(text);
    expect([acme.inbound, acme.coverage?.closers, acme.coverage?.inboundMeasured, acme.answered]).toEqual([2, 0, 2, 1]);
  });

  it('is only a closer after the brand replied to its author in the same thread', async () => {
    const report = await metrics([
      // A thank-you out of the blue needs an answer.
      { id: 'a', author: 'ana', at: at(0), text: '@acme thanks!' },
      // Under acme's answer to somebody else: not a closing of one's own conversation.
      { id: 'q', author: 'bob', at: at(10), text: '@acme help?' },
      { id: 'q-r', author: 'acme', at: at(20), text: '@bob on it', parent: 'q' },
      { id: 'c', author: 'carla', at: at(30), text: '@acme thanks!', parent: 'q-r' },
    ]);
    expect(brand(report, 'acme').coverage?.closers).toBe(0);
  });

  it('follows a conversation id when the export gives no parent (Twitter API v2 threads)', async () => {
    const store = await storeWith([
      { id: 'q', author: 'cust', at: at(0), text: '@acme help?' },
      { id: 'q-r', author: 'acme', at: at(10), text: '@cust done', parent: 'q' },
      { id: 'c', author: 'cust', at: at(20), text: '@acme perfect, thanks' },
    ]);
    try {
      await store.run("UPDATE posts SET thread_id = 'conv1'");
      const acme = brand(await computeMetrics(store, configWith(BRANDS), '2017-10'), 'acme');
      expect([acme.inbound, acme.coverage?.closers, acme.responseRate]).toEqual([2, 1, 1]);
    } finally {
      store.close();
    }
  });

  it('counts one thank-you as a closer of each brand that had answered its author in the thread', async () => {
    const posts: TestPost[] = [
      { id: 'q', author: 'cust', at: at(0), text: '@acme @rival my line is down, can you help?' },
      { id: 'q-a', author: 'acme', at: at(10), text: '@cust on it', parent: 'q' },
      { id: 'q-r', author: 'rival', at: at(12), text: '@cust we can help too', parent: 'q' },
      { id: 'c', author: 'cust', at: at(20), text: '@acme @rival thanks both', parent: 'q-a' },
    ];
    // By parent only: the thank-you replies to acme's answer, so it closes acme's thread, not rival's.
    const byParent = await metrics(posts);
    expect([brand(byParent, 'acme').coverage?.closers, brand(byParent, 'rival').coverage?.closers]).toEqual([1, 0]);
    // In one conversation (thread_id), both brands had answered the customer: one post, a closer of each.
    const store = await storeWith(posts);
    try {
      await store.run("UPDATE posts SET thread_id = 'conv1'");
      const report = await computeMetrics(store, configWith(BRANDS), '2017-10');
      expect([brand(report, 'acme').coverage?.closers, brand(report, 'rival').coverage?.closers]).toEqual([1, 1]);
    } finally {
      store.close();
    }
  });

  it('are said once per brand in the check, for all its platforms together, not once per platform', async () => {
    const onFacebook = (posts: TestPost[]) => posts.map((post) => ({ ...post, id: `fb-${post.id}`, parent: post.parent ? `fb-${post.parent}` : post.parent, platform: 'facebook' }));
    const posts = [...thread('t1', 'ana', 0, 'thanks!'), ...thread('t2', 'ben', 30, 'thanks!'), ...onFacebook(thread('t3', 'eva', 60, 'merci'))];
    const store = await storeWith(posts);
    try {
      const report = await computeMetrics(store, configWith([{ id: 'acme', accounts: { twitter: ['acme'], facebook: ['acme'] } }, { id: 'rival' }]), '2017-10');
      const closers = coverageSentences(report).filter((sentence) => sentence.includes('after its answer'));
      expect(closers).toEqual(['brand ACME, all platforms: 3 of its mentions are thanks or acknowledgements after its answer: they count in its volume, not in its response figures.']);
    } finally {
      store.close();
    }
  });

  it('takes the tracked brands\' names and handles as words a thank-you may hold, never as acknowledging ones', async () => {
    const named = async (text: string) => {
      const store = await storeWith(thread('q', 'cust', 0, text));
      try {
        const config = configWith([{ id: 'acme', name: 'Acme Telecom', accounts: { twitter: ['acme', 'acme_cares'] } }, { id: 'rival', name: 'Rival' }]);
        return brand(await computeMetrics(store, config, '2017-10'), 'acme').coverage?.closers;
      } finally {
        store.close();
      }
    };
    expect(await named('@acme thanks Acme!')).toBe(1);
    expect(await named('@acme gracias Acme Telecom')).toBe(1);
    // A handle's parts, and the handle whole as people write it without its "@".
    expect(await named('@acme thank you acme cares')).toBe(1);
    expect(await named('@acme thanks acmecares')).toBe(1);
    // A competitor's name is a tracked brand's too ("thanks, better than Rival").
    expect(await named('@acme thanks Rival')).toBe(1);
    // A name alone acknowledges nothing, and other words still make a request.
    expect(await named('@acme Acme Telecom')).toBe(0);
    expect(await named('@acme thanks Acme, still down')).toBe(0);
  });

  it('takes more acknowledging words from metrics.closers', async () => {
    expect((await closing('@acme crack')).coverage?.closers).toBe(0);
    expect((await closing('@acme crack', { metrics: { closers: ['crack'] } })).coverage?.closers).toBe(1);
  });
});

describe('mentions that need no answer, as a property', () => {
  const BASE = Date.UTC(2017, 9, 2);
  const conversation = fc.record({ minute: fc.integer({ min: 0, max: 20 * 1440 }), answeredAfter: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }) });
  const noise = fc.record({ minute: fc.integer({ min: 0, max: 20 * 1440 }), kind: fc.constantFrom('storm', 'thanks') });

  // The newest post of every data set, so added posts never move "the newest post" that pending is measured against.
  const anchor: TestPost = { id: 'anchor', author: 'nobody', at: new Date(BASE + 40 * 86_400_000).toISOString(), text: 'the end' };

  function base(conversations: Array<{ minute: number; answeredAfter: number | null }>): TestPost[] {
    return [anchor, ...conversations.flatMap(({ minute, answeredAfter }, index): TestPost[] => {
      const mention: TestPost = { id: `m${index}`, author: `c${index}`, at: new Date(BASE + minute * 60_000).toISOString(), text: '@acme is it down?' };
      return answeredAfter === null
        ? [mention]
        : [mention, { id: `m${index}r`, author: 'acme', at: new Date(BASE + (minute + answeredAfter) * 60_000).toISOString(), text: `@c${index} looking`, parent: `m${index}` }];
    })];
  }

  /** Tag-storm posts, and thank-yous under the brand's answers (to the answered conversations only). */
  function additions(posts: TestPost[], extra: Array<{ minute: number; kind: string }>): TestPost[] {
    const answers = posts.filter((post) => post.author === 'acme');
    return extra.flatMap(({ minute, kind }, index): TestPost[] => {
      if (kind === 'storm') return [{ id: `s${index}`, author: 'storm', at: new Date(BASE + minute * 60_000).toISOString(), text: '@acme @rival @x1 @x2 @x3 see this' }];
      const answer = answers[index % Math.max(1, answers.length)];
      if (!answer?.parent) return [];
      const customer = `c${answer.parent.slice(1)}`;
      return [{ id: `t${index}`, author: customer, at: new Date(Date.parse(answer.at) + 60_000).toISOString(), text: '@acme thank you so much!', parent: answer.id }];
    });
  }

  const responseFigures = (b: BrandMetrics) => [b.answered, b.pending, b.responseRate, b.responseRateCi, b.responseTimeMedianMin, b.responseTimeP90Min, b.responseTimeMeanMin, b.withinSla, b.buckets, b.coverage?.inboundMeasured];

  it('adding mass mentions or closers changes no response figure, and adds each to volume', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(conversation, { minLength: 1, maxLength: 12 }), fc.array(noise, { minLength: 1, maxLength: 8 }), async (conversations, extra) => {
        const posts = base(conversations);
        const added = additions(posts, extra);
        const before = brand(await metrics(posts), 'acme');
        const after = brand(await metrics([...posts, ...added]), 'acme');
        expect(responseFigures(after)).toEqual(responseFigures(before));
        expect(after.inbound).toBe(before.inbound + added.length);
        expect((after.coverage?.massMentions ?? 0) + (after.coverage?.closers ?? 0)).toBe(added.length);
      }),
      { numRuns: 5 },
    );
  });
});
