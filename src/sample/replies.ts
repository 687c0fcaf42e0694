/** What a brand's care team writes back, by its reply style (spec.ts). */
import type { Random } from './random.js';
import type { BrandBehaviour, Language } from './spec.js';
import { cannedReply, linkReply, personalReply, salesReply, terseReply } from './brand-texts.js';
import type { IssueTopic } from './texts.js';

/** What a customer wrote about: an issue, a plain question or praise. */
export type Subject = IssueTopic | 'question' | 'praise';

export function replyFor(random: Random, brand: BrandBehaviour, subject: Subject, language: Language): string {
  switch (brand.style) {
    case 'personal':
      // Even Vireo's team falls back on a stock line now and then.
      return random.chance(0.08) ? cannedReply(random, language) : personalReply(random, subject, language);
    case 'canned':
      return cannedReply(random, language);
    case 'link':
      return linkReply(random, language);
    case 'terse':
      return terseReply(random, subject, language);
    case 'sales':
      return random.chance(0.6) ? salesReply(random, language) : personalReply(random, subject, language);
  }
}
