import { capitalised } from '../i18n/format.js';

/** Names of platforms as brands write them. */
const PLATFORM_NAMES: Record<string, string> = {
  twitter: 'Twitter',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  pinterest: 'Pinterest',
};

export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? capitalised(platform, 'en');
}
