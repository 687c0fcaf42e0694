import type { BrandDiagnostics, Diagnostics } from '../../metrics/diagnostics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { platformName } from './platformName.js';

/** The field of the export an audience split rests on: follower counts (influencers) or sentiment. */
export type AudienceField = keyof Diagnostics['comparedPlatforms'];

/** The brand's mentions needing an answer that the comparison on `field` leaves out, on other platforms. */
export function otherPlatforms(brand: BrandDiagnostics, field: AudienceField): number {
  return (field === 'sentiment' ? brand.sentiment?.otherPlatforms : brand.influencers?.otherPlatforms) ?? 0;
}

function platformList(platforms: readonly string[], format: Formatter): string {
  return format.list(platforms.map(platformName));
}

/**
 * The platforms every brand's influencer or sentiment figures rest on, when the client's export gives the field on
 * some platforms only and other brands' mentions elsewhere were left out for it (docs/diagnostics.md): one sentence
 * about `subject` (the scorecard's column, or the chart), naming the platforms and what each brand lost, in the order
 * of `brandIds` (the page's rows), or none.
 */
export function comparedOnNote(field: AudienceField, subject: string, brandIds: readonly string[], diagnostics: Diagnostics, format: Formatter, t: Translate): string[] {
  return comparedOnNotes([{ field, subject }], brandIds, diagnostics, format, t);
}

/**
 * The same for several subjects (the scorecard's two audience columns): subjects compared on the same platforms,
 * with the same mentions left out, share one sentence, which would otherwise be said twice in nearly the same words.
 */
export function comparedOnNotes(
  subjects: ReadonlyArray<{ field: AudienceField; subject: string }>,
  brandIds: readonly string[],
  diagnostics: Diagnostics,
  format: Formatter,
  t: Translate,
): string[] {
  const client = diagnostics.brands.find((brand) => brand.role === 'client');
  if (!client) return [];
  const groups = new Map<string, Array<{ field: AudienceField; subject: string; platforms: string; others: string; list: string }>>();
  for (const { field, subject } of subjects) {
    const platforms = diagnostics.comparedPlatforms[field];
    const leftOut = brandIds.flatMap((id) => diagnostics.brands.filter((brand) => brand.id === id && otherPlatforms(brand, field) > 0));
    if (platforms.length === 0 || leftOut.length === 0) continue;
    const said = {
      platforms: platformList(platforms, format),
      others: platformList(diagnostics.leftOutPlatforms[field], format),
      list: format.list(leftOut.map((brand) => t('note.comparedOn.brand', { brand: brand.name, count: format.count(otherPlatforms(brand, field)) }))),
    };
    const key = JSON.stringify(said);
    groups.set(key, [...(groups.get(key) ?? []), { field, subject, ...said }]);
  }
  return [...groups.values()].flatMap(([first, ...others]) => {
    if (!first) return [];
    const group = [first, ...others];
    const what = format.list(group.map((entry) => t(`note.comparedOn.${entry.field}`)));
    const shared = { platforms: first.platforms, client: client.name, what, others: first.others, list: first.list };
    return [
      others.length === 0
        ? t('note.comparedOn', { subject: first.subject, ...shared })
        : t('note.comparedOn.several', { subjects: format.list(group.map((entry) => t('note.comparedOn.quoted', { subject: entry.subject }))), ...shared }),
    ];
  });
}

/** The same per brand, for the workbook's notes: what of the brand's influencer and sentiment figures the comparison left out. */
export function comparedOnBrandNotes(brand: BrandDiagnostics, diagnostics: Diagnostics, format: Formatter, t: Translate): string[] {
  return (Object.keys(diagnostics.comparedPlatforms) as AudienceField[]).flatMap((field) => {
    const platforms = diagnostics.comparedPlatforms[field];
    const count = otherPlatforms(brand, field);
    return platforms.length > 0 && count > 0
      ? [t(`sheet.comparedOn.${field}`, { platforms: platformList(platforms, format), others: platformList(diagnostics.leftOutPlatforms[field], format), count: format.count(count) })]
      : [];
  });
}
