import type { Analysis } from '../analysis/analysis.js';
import type { Config } from '../config/types.js';
import { type AudienceSplit, audienceSplits } from '../metrics/diagnostics/audience.js';
import { resolveSettings } from '../metrics/diagnostics/settings.js';
import type { InfluencerPriority, SentimentDiagnostic } from '../metrics/diagnostics/types.js';
import { printable } from '../metrics/format/aligned.js';
import { type Language, languageEntry } from '../report/i18n/language.js';
import { plainNumbers } from '../report/i18n/plain-numbers.js';
import { ELIDING_START } from '../report/i18n/strings.js';
import { platformName } from '../report/model/platformName.js';

/** One field of the export the report's audience figures rest on, compared on the client's platforms only (docs/diagnostics.md). */
export interface AudienceComparison {
  field: 'sentiment' | 'followers';
  platforms: string[];
  leftOutPlatforms: string[];
  /** Those of leftOutPlatforms where the client has mentions left out: where importing them with the field compares them too. */
  clientLeftOutPlatforms: string[];
  /** The brands whose mentions needing an answer the comparison leaves out (id, name), in config order. */
  leftOut: Array<{ brand: string; name: string; mentions: number }>;
}

/**
 * What the report's sentiment and influencer figures leave out on the analysis's period, read from the diagnostics'
 * own queries (a check after a report reads them from the kept analysis); empty when nothing.
 */
export async function audienceComparisons(analysis: Analysis): Promise<AudienceComparison[]> {
  const splits = await audienceSplits(analysis, resolveSettings(analysis.config, {}, analysis.lookbackDays));
  return (['sentiment', 'followers'] as const).flatMap((field) => {
    const split: AudienceSplit<SentimentDiagnostic | InfluencerPriority> = splits[field];
    const leftOut = analysis.config.brands.flatMap((brand) => {
      const mentions = split.brands.get(brand.id)?.otherPlatforms ?? 0;
      return mentions > 0 ? [{ brand: brand.id, name: brand.name, mentions }] : [];
    });
    return leftOut.length === 0 ? [] : [{ field, platforms: split.comparedPlatforms, leftOutPlatforms: split.leftOutPlatforms, clientLeftOutPlatforms: split.clientLeftOutPlatforms, leftOut }];
  });
}

interface Phrases {
  field: Record<AudienceComparison['field'], { label: string; what: string }>;
  item(name: string, n: string): string;
  sentence(label: string, platforms: string, client: string, what: string, others: string, list: string): string;
  /** What to import, where the client has mentions left out. */
  importing(client: string, platforms: string, what: string): string;
}

/** "de Vireo" and "d'Orange" in French, as the report's strings elide. */
const frenchOf = (name: string) => (ELIDING_START.test(name) ? `d’${name}` : `de ${name}`);

const PHRASES: Record<Language, Phrases> = {
  en: {
    field: { sentiment: { label: 'sentiment', what: 'a sentiment' }, followers: { label: 'influencers', what: "their authors' follower counts" } },
    item: (name, n) => `${name}: ${n}`,
    sentence: (label, platforms, client, what, others, list) =>
      `${label}: the report compares every brand on ${platforms} only, where the export gives ${client}'s mentions ${what}; it leaves out the mentions needing an answer on ${others} (${list}).`,
    importing: (client, platforms, what) => ` To compare on ${platforms} too, import ${client}'s mentions there from an export that gives ${what}.`,
  },
  es: {
    field: { sentiment: { label: 'sentimiento', what: 'un sentimiento' }, followers: { label: 'perfiles influyentes', what: 'el número de seguidores de sus autores' } },
    item: (name, n) => `${name}: ${n}`,
    sentence: (label, platforms, client, what, others, list) =>
      `${label}: el informe compara a todas las marcas solo en ${platforms}, donde la exportación da a las menciones de ${client} ${what}; deja fuera las menciones que piden respuesta en ${others} (${list}).`,
    importing: (client, platforms, what) => ` Para comparar también en ${platforms}, importe allí las menciones de ${client} desde una exportación que dé ${what}.`,
  },
  fr: {
    field: { sentiment: { label: 'tonalité', what: 'une tonalité' }, followers: { label: 'comptes influents', what: 'le nombre d’abonnés de leurs auteurs' } },
    item: (name, n) => `${name}\u00a0: ${n}`,
    sentence: (label, platforms, client, what, others, list) =>
      `${label}\u00a0: le rapport compare toutes les marques sur ${platforms} seulement, où l’export donne aux mentions ${frenchOf(client)} ${what}\u00a0; il laisse de côté les mentions appelant une réponse sur ${others} (${list}).`,
    importing: (client, platforms, what) => ` Pour comparer aussi sur ${platforms}, importez-y les mentions ${frenchOf(client)} depuis un export qui donne ${what}.`,
  },
};

/** One sentence per field compared on the client's platforms only, for `check` and the page's check, with what to import. */
export function audienceSentences(comparisons: readonly AudienceComparison[], config: Config, language: Language = 'en'): string[] {
  const phrases = PHRASES[language];
  const { count } = plainNumbers(language);
  const client = printable(config.brands.find((brand) => brand.role === 'client')?.name ?? config.client);
  // As the report lists ("Facebook e Instagram" in Spanish).
  const platformList = new Intl.ListFormat(languageEntry(language).locale, { style: 'long', type: 'conjunction' });
  const named = (platforms: readonly string[]) => platformList.format(platforms.map(platformName));
  return comparisons.map(({ field, platforms, leftOutPlatforms, clientLeftOutPlatforms, leftOut }) => {
    const { label, what } = phrases.field[field];
    const list = leftOut.map((entry) => phrases.item(printable(entry.name), count(entry.mentions))).join(', ');
    const importing = clientLeftOutPlatforms.length === 0 ? '' : phrases.importing(client, named(clientLeftOutPlatforms), what);
    return `${phrases.sentence(label, named(platforms), client, what, named(leftOutPlatforms), list)}${importing}`;
  });
}
