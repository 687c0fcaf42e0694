/**
 * Facebook as a Talkwalker CSV export: the real 93 columns, local
 * "dd/mm/yy HH:MM:SS" dates, `parent_url` (an original post points at
 * itself, as in real exports), comment and share flags in `tags_internal`,
 * the listening query in `matched_profile`, newest rows first, CRLF ends.
 */
import { formatTalkwalkerDate } from '../clock.js';
import type { SamplePost } from '../model.js';
import { Random } from '../random.js';
import type { BrandBehaviour, Language } from '../spec.js';
import type { Sentiment } from '../texts.js';
import { delimitedLine, rowInOrder } from './csv.js';
import { TALKWALKER_COLUMNS } from './headers.js';

const PLACES: Record<Language, { country: string; code: string; region: string; city: string; longitude: string; latitude: string }> = {
  en: { country: 'Spain', code: 'es', region: 'Andalusia', city: 'Málaga', longitude: '-4.42034', latitude: '36.72016' },
  es: { country: 'Spain', code: 'es', region: 'Madrid', city: 'Madrid', longitude: '-3.70379', latitude: '40.41678' },
  fr: { country: 'France', code: 'fr', region: 'Occitanie', city: 'Perpignan', longitude: '2.89541', latitude: '42.69764' },
};

export function writeTalkwalker(posts: readonly SamplePost[], brands: readonly BrandBehaviour[], seed: string): { text: string; rows: number } {
  const random = new Random(`${seed}:talkwalker`);
  const rows = posts.filter((post) => post.platform === 'facebook').reverse();
  const lines = [TALKWALKER_COLUMNS.join(',')];
  for (const post of rows) lines.push(delimitedLine(rowInOrder(TALKWALKER_COLUMNS, talkwalkerRow(post, brands, random)), ','));
  return { text: `${lines.join('\r\n')}\r\n`, rows: rows.length };
}

function talkwalkerRow(post: SamplePost, brands: readonly BrandBehaviour[], random: Random): Record<string, string | number> {
  const place = PLACES[post.language];
  const topic = brands.find((brand) => brand.id === post.topicBrandId)?.topic ?? '';
  const tags = [post.kind === 'reply' ? 'isComment' : '', post.kind === 'repost' ? 'isComment,isRepost' : '', post.text.includes('?') ? 'isQuestion' : ''].filter(Boolean).join(',');
  const profile = `https://www.facebook.com/${post.author}/`;
  const likes = post.brandId ? random.int(5, 900) : random.int(0, 12);
  return {
    url: post.url,
    indexed: formatTalkwalkerDate(post.createdAt + random.int(60, 1800) * 1000),
    published: formatTalkwalkerDate(post.createdAt),
    search_indexed: formatTalkwalkerDate(post.createdAt + random.int(30, 900) * 1000),
    content_snippet: post.text.length > 300 ? `${post.text.slice(0, 300)}…` : post.text,
    content: post.text,
    root_url: profile,
    domain_url: 'https://www.facebook.com/',
    host_url: 'https://www.facebook.com/',
    parent_url: post.parent?.url ?? post.url,
    lang: post.language,
    porn_level: 0,
    fluency_level: random.int(30, 100),
    spam_level: 0,
    sentiment: sentimentScore(post.sentiment, random),
    source_type: 'SOCIALMEDIA,SOCIALMEDIA_FACEBOOK',
    post_type: post.brandId && post.role === 'broadcast' ? 'IMAGE' : 'TEXT',
    tags_internal: tags,
    entity_urls: '[]',
    'images.width': 0,
    'images.height': 0,
    'videos.width': 0,
    'videos.height': 0,
    matched_profile: topic ? `SEARCH /  / ${topic}` : '',
    ...Object.fromEntries(
      ['facebook_shares', 'twitter_retweets', 'url_views', 'pinterest_likes', 'pinterest_pins', 'pinterest_repins', 'youtube_views', 'youtube_likes', 'youtube_dislikes', 'instagram_likes', 'twitter_shares', 'num_comments', 'twitter_likes', 'linkedin_shares'].map((name) => [`article_extended_attributes.${name}`, 0]),
    ),
    'article_extended_attributes.facebook_likes': likes,
    'source_extended_attributes.alexa_pageviews': 4059000000,
    'source_extended_attributes.facebook_followers': post.followers,
    'source_extended_attributes.twitter_followers': 0,
    'source_extended_attributes.instagram_followers': 0,
    'source_extended_attributes.pinterest_followers': 0,
    ...worldData('extra_article_attributes', place),
    'extra_author_attributes.id': `fb:${authorNumber(post.author)}`,
    'extra_author_attributes.name': post.authorName,
    'extra_author_attributes.birthdate.date': 0,
    'extra_author_attributes.birthdate.resolution': 'DAY',
    'extra_author_attributes.gender': 'UNKNOWN',
    'extra_author_attributes.short_name': post.author,
    'extra_author_attributes.url': profile,
    ...worldData('extra_author_attributes', place),
    ...worldData('extra_source_attributes', place),
    engagement: likes,
    reach: post.followers,
    'generator.type': post.brandId ? 'OFFICIAL_WEBSITE' : random.pick(['MOBILE_ANDROID', 'MOBILE_IOS', 'OFFICIAL_WEBSITE']),
    'source_extended_attributes.alexa_unique_visitors': 1264486016,
    'extra_source_attributes.name': post.authorName,
    word_count: post.text.split(/\s+/).filter(Boolean).length,
  };
}

function worldData(prefix: string, place: (typeof PLACES)[Language]): Record<string, string> {
  return {
    [`${prefix}.world_data.continent`]: 'Europe',
    [`${prefix}.world_data.country`]: place.country,
    [`${prefix}.world_data.country_code`]: place.code,
    [`${prefix}.world_data.region`]: place.region,
    [`${prefix}.world_data.city`]: place.city,
    [`${prefix}.world_data.longitude`]: place.longitude,
    [`${prefix}.world_data.latitude`]: place.latitude,
  };
}

/** Talkwalker scores sentiment from -5 to 5. */
function sentimentScore(sentiment: Sentiment, random: Random): number {
  return sentiment === 'negative' ? -random.int(1, 5) : sentiment === 'positive' ? random.int(1, 5) : 0;
}

/** A stable numeric author id from the handle (FNV-1a). */
export function authorNumber(handle: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < handle.length; i++) hash = Math.imul(hash ^ handle.charCodeAt(i), 0x01000193) >>> 0;
  return String(100_000_000_000 + hash);
}
