/** Platform-shaped ids and URLs for the sample, unique by construction. */
import type { Random } from './random.js';

const TWITTER_EPOCH = 1288834974657n;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class IdMaker {
  private counter = 0;

  constructor(private readonly random: Random) {}

  /** A Twitter snowflake: the time in the high bits, a running counter in the low 22. */
  twitter(createdAt: number): string {
    this.counter++;
    return ((BigInt(createdAt) - TWITTER_EPOCH) * 4194304n + BigInt(this.counter % 4194304)).toString();
  }

  /** A Facebook-like object id (16 digits). */
  facebook(): string {
    this.counter++;
    return (1_220_000_000_000_000n + BigInt(this.counter) * 1009n + BigInt(this.random.int(0, 1008))).toString();
  }

  /** An Instagram media or comment id (18 digits). */
  instagram(): string {
    this.counter++;
    return (179_000_000_000_000_000n + BigInt(this.counter) * 997n + BigInt(this.random.int(0, 996))).toString();
  }

  /** An Instagram post's shortcode (11 URL-safe characters). */
  instagramShortcode(): string {
    let code = 'C';
    for (let i = 0; i < 10; i++) code += BASE64URL[this.random.int(0, 63)];
    return code;
  }

  /** Meltwater's document id: epoch ms, underscore, 28 letters and digits. */
  meltwaterDocument(createdAt: number): string {
    let tail = '';
    for (let i = 0; i < 28; i++) tail += BASE64URL[this.random.int(0, 61)];
    return `${createdAt}_${tail}`;
  }
}
