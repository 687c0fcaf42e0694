import type { BrandDiagnostics, Diagnostics } from '../../metrics/diagnostics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { platformName } from './platformName.js';

/** The field of the export an audience split rests on: follower counts (influencers) or sentiment. */
export type AudienceField = keyof Diagnostics['comparedPlatforms'];

function otherPlatforms(brand: BrandDiagnostics, field: AudienceField): number {
  return (field === 'sentiment' ? brand.sentiment?.otherPlatforms : brand.influencers?.otherPlatforms) ?? 0;
}

/**
 * The platforms every brand's influencer or sentiment figures rest on, when the client's export gives the field on
 * some platforms only and other brands' mentions elsewhere were left out for it (docs/diagnostics.md): one sentence
 * naming the platforms and what each brand lost, or none.
 */
export function comparedOnNote(field: AudienceField, diagnostics: Diagnostics, format: Formatter, t: Translate): string[] {
  const platforms = diagnostics.comparedPlatforms[field];
  const leftOut = diagnostics.brands.filter((brand) => otherPlatforms(brand, field) > 0);
  const client = diagnostics.brands.find((brand) => brand.role === 'client');
  if (platforms.length === 0 || leftOut.length === 0 || !client) return [];
  return [
    t(`note.comparedOn.${field}`, {
      platforms: format.list(platforms.map(platformName)),
      client: client.name,
      list: format.list(leftOut.map((brand) => t('note.comparedOn.brand', { brand: brand.name, count: format.count(otherPlatforms(brand, field)) }))),
    }),
  ];
}

/** The same per brand, for the workbook's notes: what of the brand's influencer and sentiment figures the comparison left out. */
export function comparedOnBrandNotes(brand: BrandDiagnostics, diagnostics: Diagnostics, format: Formatter, t: Translate): string[] {
  return (Object.keys(diagnostics.comparedPlatforms) as AudienceField[]).flatMap((field) => {
    const platforms = diagnostics.comparedPlatforms[field];
    const count = otherPlatforms(brand, field);
    return platforms.length > 0 && count > 0 ? [t(`sheet.comparedOn.${field}`, { platforms: format.list(platforms.map(platformName)), count: format.count(count) })] : [];
  });
}
