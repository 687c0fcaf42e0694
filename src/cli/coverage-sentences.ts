import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { BrandReach } from '../analysis/analysis.js';
import { hasNoData, hasPartialPosts, ownPostSpans, reportedResponsesMissingThreshold } from '../metrics/coverage.js';
import type { BrandMetrics, CoverageWarning, MetricsReport } from '../metrics/types.js';
import { printable } from '../metrics/format/aligned.js';
import type { Language } from '../report/i18n/language.js';
import { type PlainNumbers, plainNumbers } from '../report/i18n/plain-numbers.js';
import { platformName } from '../report/model/platformName.js';

/** What a sentence says, in one language: each builds its text from the numbers it names. */
interface Phrases {
  brand(name: string, scope: string | null): string;
  allPlatforms: string;
  noData: string;
  massMentions(share: string, n: string, inbound: string, handles: number): string;
  closer: string;
  closers(n: string): string;
  noBrandPosts: string;
  /** noBrandPosts where the data holds its posts there on other days: a quiet stretch, nothing to import. */
  noBrandPostsQuiet: string;
  noAccount: string;
  /** `quiet`: its other posts there are on other days of the data, nothing to import. */
  fewBrandPosts(posts: number, n: string, quiet: boolean): string;
  responsesMissing(share: string, n: string, measured: string): string;
  /** Listed responses missing at or under the threshold: the rate is exact, a share of fewer mentions may not be. */
  responsesMissingUnder(share: string, n: string, measured: string, threshold: string): string;
  /** A span of local days: "from 2017-10-02 to 2017-10-15", or "on 2017-10-15" for one day. */
  days(first: string, last: string): string;
  /** Spans of days in a sentence: "from 2017-10-01 to 2017-10-10 and from 2017-10-20 to 2017-10-31". */
  list(items: string[]): string;
  brandPostsPartial(dates: string, outside: string, measured: string): string;
  /** brandPostsPartial where the data holds its posts in several spans, with gaps between them (coverage.ownPosts.gaps). */
  brandPostsPartialGaps(dates: string, outside: string, measured: string): string;
  brandPostsElsewhere(outside: string, measured: string): string;
  /** Its posts and mentions on the platform begin late or end early in the period, or the previous one, beside the other brands' data there (periodCoverage.brandsInPart). */
  dataCut(dates: string, othersDates: string, previous: boolean): string;
  /** After dataCut's `dates`: the run without its data inside them. */
  without(days: string): string;
  parentsMissing(share: string): string;
  dominantAuthor(author: string, share: string, n: string, inbound: string): string;
  oneDay(share: string, day: string): string;
  fewDays(days: string, periodDays: string, dates: string): string;
}

/** Items joined as the language joins a list ("a, b and c": British English, without the serial comma the report does not write either). */
function listIn(language: string): (items: string[]) => string {
  const joiner = new Intl.ListFormat(language, { type: 'conjunction' });
  return (items) => joiner.format(items);
}

const PHRASES: Record<Language, Phrases> = {
  en: {
    brand: (name, scope) => `brand ${name}${scope === null ? '' : `, ${scope}`}: `,
    allPlatforms: 'all platforms',
    noData: 'the data holds neither a post of the brand nor a mention its figures count in the period, so there is nothing to measure: check its handles in the config, or import its exports.',
    massMentions: (share, n, inbound, handles) =>
      `${share} of its mentions (${n} of ${inbound}) tag ${handles} or more accounts at once: they count in its volume and share of voice, not in its response figures.`,
    closer: '1 of its mentions is a thank-you or acknowledgement after its answer: it counts in its volume, not in its response figures.',
    closers: (n) => `${n} of its mentions are thanks or acknowledgements after its answer: they count in its volume, not in its response figures.`,
    noBrandPosts: 'the data holds no post of the brand here, so its answers cannot be measured: import its own posts (its care or publishing export).',
    noBrandPostsQuiet: 'the data holds no post of the brand here in the period, only on other days, so its answers cannot be measured for this period: a longer period would measure them.',
    noAccount: 'no account of the brand is tracked here, so its answers are not measured and its mentions count in its volume only: if it has one, add it to its accounts in the config.',
    fewBrandPosts: (posts, n, quiet) =>
      `the data holds only ${posts === 1 ? '1 post' : `${n} posts`} of the brand, none a reply: its response figures are shown but not compared. ${quiet ? 'Its other posts there are on other days: a longer period would measure them.' : 'Import its replies.'}`,
    responsesMissing: (share, n, measured) =>
      `${n} of its ${measured} mentions needing an answer (${share}) are unanswered in the data, though its export lists a response to each: its response rate is a lower bound. Import the exports that hold those responses.`,
    responsesMissingUnder: (share, n, measured, threshold) =>
      `${n} of its ${measured} mentions needing an answer (${share}) are unanswered in the data, though its export lists a response to each: no more than ${threshold}, so its response rate is taken as exact, but a share answered of fewer of its mentions is a lower bound where they are more than ${threshold} of them (marked ≥).`,
    brandPostsElsewhere: (outside, measured) =>
      `the data holds none of its own posts in the period, only outside it, and ${outside} of its ${measured} mentions needing an answer came unanswered: its response rate is a lower bound and takes no rank. Import its posts of the whole period.`,
    dataCut: (dates, othersDates, previous) =>
      `${previous ? 'in the previous period, ' : ''}the data holds its posts and the mentions of it ${dates} only, while the other brands' posts and mentions there reach ${othersDates}, as an export cut short would leave it: its volumes and the shares of voice are not compared with the previous period. Import its exports (care, publishing, listening) of the whole period.`,
    days: (first, last) => (first === last ? `on ${first}` : `from ${first} to ${last}`),
    without: (days) => ` (none ${days})`,
    list: listIn('en-GB'),
    brandPostsPartial: (dates, outside, measured) =>
      `the data holds its own posts ${dates} only, and ${outside} of its ${measured} mentions needing an answer came before its first post or after its last: they count as unanswered, so its response rate is a lower bound and takes no rank. Import its posts of the whole period.`,
    brandPostsPartialGaps: (dates, outside, measured) =>
      `the data holds its own posts ${dates} only, and ${outside} of its ${measured} mentions needing an answer came at times for which the data holds none of its posts: they count as unanswered, so its response rate is a lower bound and takes no rank. Import its posts of the whole period.`,
    parentsMissing: (share) => `${share} of its replies answer posts that are not in the data: its mentions and share of voice are understated. Import the mentions it answers.`,
    dominantAuthor: (author, share, n, inbound) => `one author, ${author}, wrote ${share} of its mentions (${n} of ${inbound}): its volume largely reflects one person.`,
    oneDay: (share, day) => `${share} of its mentions fall on ${day}: its figures describe that day more than the period. Import the whole period.`,
    fewDays: (days, periodDays, dates) => `the data covers ${days} of the ${periodDays} days of the period, ${dates}. Import the whole period.`,
  },
  es: {
    brand: (name, scope) => `marca ${name}${scope === null ? '' : `, ${scope}`}: `,
    allPlatforms: 'todas las plataformas',
    noData:
      'los datos no contienen ninguna publicación de la marca ni ninguna mención que cuente en sus cifras en el periodo, así que no hay nada que medir: revise sus cuentas en la configuración o importe sus exportaciones.',
    massMentions: (share, n, inbound, handles) =>
      `el ${share} de sus menciones (${n} de ${inbound}) etiquetan ${handles} cuentas o más a la vez: cuentan en su volumen y su cuota de voz, no en sus cifras de respuesta.`,
    closer: 'una de sus menciones es un agradecimiento o una confirmación posterior a su respuesta: cuenta en su volumen, no en sus cifras de respuesta.',
    closers: (n) => `${n} de sus menciones son agradecimientos o confirmaciones posteriores a su respuesta: cuentan en su volumen, no en sus cifras de respuesta.`,
    noBrandPosts:
      'los datos no contienen ninguna publicación de la marca aquí, así que sus respuestas no se pueden medir: importe sus propias publicaciones (su exportación de atención al cliente o de publicación).',
    noBrandPostsQuiet:
      'los datos no contienen ninguna publicación de la marca aquí en el periodo, solo en otros días, así que sus respuestas no se pueden medir en este periodo: un periodo más largo las mediría.',
    noAccount:
      'no se analiza ninguna cuenta de la marca aquí, así que sus respuestas no se miden y sus menciones solo cuentan en su volumen: si tiene una, añádala a sus cuentas en la configuración.',
    fewBrandPosts: (posts, n, quiet) =>
      `los datos solo contienen ${posts === 1 ? '1 publicación' : `${n} publicaciones`} de la marca, ninguna de ellas una respuesta: sus cifras de respuesta se muestran, pero no se comparan. ${quiet ? 'Sus demás publicaciones allí son de otros días: un periodo más largo las mediría.' : 'Importe sus respuestas.'}`,
    responsesMissing: (share, n, measured) =>
      `${n} de sus ${measured} menciones que piden respuesta (el ${share}) no tienen respuesta en los datos, aunque su exportación indica una para cada una: su tasa de respuesta es un mínimo. Importe las exportaciones que contienen esas respuestas.`,
    responsesMissingUnder: (share, n, measured, threshold) =>
      `${n} de sus ${measured} menciones que piden respuesta (el ${share}) no tienen respuesta en los datos, aunque su exportación indica una para cada una: no más del ${threshold}, así que su tasa de respuesta se toma como exacta, pero una cuota de respuesta de menos menciones suyas es un mínimo donde son más del ${threshold} de ellas (marcada con ≥).`,
    brandPostsElsewhere: (outside, measured) =>
      `los datos no contienen ninguna publicación propia suya en el periodo, solo fuera de él, y ${outside} de sus ${measured} menciones que piden respuesta quedaron sin respuesta: su tasa de respuesta es un mínimo y no recibe puesto. Importe sus publicaciones del periodo completo.`,
    dataCut: (dates, othersDates, previous) =>
      `${previous ? 'en el periodo anterior, ' : ''}los datos contienen sus publicaciones y las menciones de la marca solo ${dates}, mientras que las de las demás marcas allí abarcan ${othersDates}, como lo dejaría una exportación incompleta: sus volúmenes y las cuotas de voz no se comparan con el periodo anterior. Importe sus exportaciones (atención al cliente, publicación, escucha) de todo el periodo.`,
    days: (first, last) => (first === last ? `el ${first}` : `del ${first} al ${last}`),
    without: (days) => ` (ninguna ${days})`,
    list: listIn('es'),
    brandPostsPartial: (dates, outside, measured) =>
      `los datos solo contienen sus propias publicaciones ${dates}, y ${outside} de sus ${measured} menciones que piden respuesta llegaron antes de su primera publicación o después de la última: cuentan como sin respuesta, así que su tasa de respuesta es un mínimo y no recibe puesto. Importe sus publicaciones del periodo completo.`,
    brandPostsPartialGaps: (dates, outside, measured) =>
      `los datos solo contienen sus propias publicaciones ${dates}, y ${outside} de sus ${measured} menciones que piden respuesta llegaron en momentos de los que los datos no contienen ninguna publicación suya: cuentan como sin respuesta, así que su tasa de respuesta es un mínimo y no recibe puesto. Importe sus publicaciones del periodo completo.`,
    parentsMissing: (share) =>
      `el ${share} de sus respuestas contestan publicaciones que no están en los datos: sus menciones y su cuota de voz quedan por debajo de la realidad. Importe las menciones a las que responde.`,
    dominantAuthor: (author, share, n, inbound) => `un solo autor, ${author}, escribió el ${share} de sus menciones (${n} de ${inbound}): su volumen refleja sobre todo a una persona.`,
    oneDay: (share, day) => `el ${share} de sus menciones caen el ${day}: sus cifras describen ese día más que el periodo. Importe el periodo completo.`,
    fewDays: (days, periodDays, dates) => `los datos cubren ${days} de los ${periodDays} días del periodo, ${dates}. Importe el periodo completo.`,
  },
  fr: {
    brand: (name, scope) => `marque ${name}${scope === null ? '' : `, ${scope}`}\u00a0: `,
    allPlatforms: 'toutes les plateformes',
    noData:
      'les données ne contiennent ni publication de la marque ni mention comptée dans ses chiffres sur la période\u00a0: il n’y a rien à mesurer. Vérifiez ses comptes dans la configuration, ou importez ses exports.',
    massMentions: (share, n, inbound, handles) =>
      `${share} de ses mentions (${n} sur ${inbound}) citent ${handles} comptes ou plus à la fois\u00a0: elles comptent dans son volume et sa part de voix, pas dans ses chiffres de réponse.`,
    closer: 'une de ses mentions est un remerciement ou un accusé de réception après sa réponse\u00a0: elle compte dans son volume, pas dans ses chiffres de réponse.',
    closers: (n) => `${n} de ses mentions sont des remerciements ou des accusés de réception après sa réponse\u00a0: elles comptent dans son volume, pas dans ses chiffres de réponse.`,
    noBrandPosts:
      'les données ne contiennent aucune publication de la marque ici\u00a0: ses réponses ne peuvent pas être mesurées. Importez ses propres publications (son export de service client ou de publication).',
    noBrandPostsQuiet:
      'les données ne contiennent aucune publication de la marque ici pendant la période, seulement d’autres jours\u00a0: ses réponses ne peuvent pas être mesurées pour cette période. Une période plus longue les mesurerait.',
    noAccount:
      'aucun compte de la marque n’est suivi ici\u00a0: ses réponses ne sont pas mesurées et ses mentions ne comptent que dans son volume. Si elle en a un, ajoutez-le à ses comptes dans la configuration.',
    fewBrandPosts: (posts, n, quiet) =>
      `les données ne contiennent ${posts === 1 ? 'qu’une publication' : `que ${n} publications`} de la marque, dont aucune réponse\u00a0: ses chiffres de réponse sont affichés, mais pas comparés. ${quiet ? 'Ses autres publications y datent d’autres jours\u00a0: une période plus longue les mesurerait.' : 'Importez ses réponses.'}`,
    responsesMissing: (share, n, measured) =>
      `${n} de ses ${measured} mentions appelant une réponse (${share}) n’ont pas de réponse dans les données, bien que son export en indique une pour chacune\u00a0: son taux de réponse est un minimum. Importez les exports qui contiennent ces réponses.`,
    responsesMissingUnder: (share, n, measured, threshold) =>
      `${n} de ses ${measured} mentions appelant une réponse (${share}) n’ont pas de réponse dans les données, bien que son export en indique une pour chacune\u00a0: pas plus de ${threshold}, son taux de réponse est donc pris comme exact, mais une part de réponse sur moins de ses mentions est un minimum là où elles en sont plus de ${threshold} (marquée ≥).`,
    brandPostsElsewhere: (outside, measured) =>
      `les données ne contiennent aucune de ses propres publications sur la période, seulement en dehors, et ${outside} de ses ${measured} mentions appelant une réponse sont restées sans réponse\u00a0: son taux de réponse est un minimum, sans rang. Importez ses publications de toute la période.`,
    dataCut: (dates, othersDates, previous) =>
      `${previous ? 'sur la période précédente, ' : ''}les données ne contiennent ses publications et les mentions de la marque que ${dates}, alors que celles des autres marques s’étendent ${othersDates}, comme le laisserait un export incomplet\u00a0: ses volumes et les parts de voix ne sont pas comparés à la période précédente. Importez ses exports (service client, publication, écoute) de toute la période.`,
    days: (first, last) => (first === last ? `le ${first}` : `du ${first} au ${last}`),
    without: (days) => ` (aucune ${days})`,
    list: listIn('fr'),
    brandPostsPartial: (dates, outside, measured) =>
      `les données ne contiennent ses propres publications que ${dates}, et ${outside} de ses ${measured} mentions appelant une réponse sont arrivées avant sa première publication ou après sa dernière\u00a0: elles sont comptées sans réponse, son taux de réponse est donc un minimum, sans rang. Importez ses publications de toute la période.`,
    brandPostsPartialGaps: (dates, outside, measured) =>
      `les données ne contiennent ses propres publications que ${dates}, et ${outside} de ses ${measured} mentions appelant une réponse sont arrivées à des moments pour lesquels les données ne contiennent aucune de ses publications\u00a0: elles sont comptées sans réponse, son taux de réponse est donc un minimum, sans rang. Importez ses publications de toute la période.`,
    parentsMissing: (share) =>
      `${share} de ses réponses répondent à des publications absentes des données\u00a0: ses mentions et sa part de voix sont sous-estimées. Importez les mentions auxquelles elle répond.`,
    dominantAuthor: (author, share, n, inbound) => `un seul auteur, ${author}, a écrit ${share} de ses mentions (${n} sur ${inbound})\u00a0: son volume reflète surtout une personne.`,
    oneDay: (share, day) => `${share} de ses mentions tombent le ${day}\u00a0: ses chiffres décrivent ce jour plus que la période. Importez toute la période.`,
    fewDays: (days, periodDays, dates) => `les données couvrent ${days} des ${periodDays} jours de la période, ${dates}. Importez toute la période.`,
  },
};

/**
 * What each brand's numbers rest on, in plain words for `replybench check`
 * (English) and the local web page's check (its language): one line per
 * coverage warning per platform ("brand Tesco, Twitter: ..."), and for all
 * platforms together where that says something the platform lines do not;
 * then, once per brand, its mentions that need no answer (for its one
 * platform, or for all together: per platform they repeat one another).
 */
export function coverageSentences(report: MetricsReport, options: { warningsOnly?: boolean; language?: Language } = {}): string[] {
  const phrases = PHRASES[options.language ?? 'en'];
  const numbers = plainNumbers(options.language ?? 'en');
  const threshold = reportedResponsesMissingThreshold(report);
  const day = (iso: string | null) => (iso === null ? '?' : format(new TZDate(iso, report.period.timezone), 'yyyy-MM-dd'));
  return report.brands.flatMap((brand) => {
    const name = printable(brand.name);
    if (hasNoData(brand)) return [`${phrases.brand(name, null)}${phrases.noData}`];
    const platforms = (report.byPlatform ?? []).flatMap((scope) => scope.brands.filter((entry) => entry.id === brand.id).map((entry) => ({ scope: scope.platform, entry })));
    const cutIn = (reaches: readonly BrandReach[], previous: boolean) =>
      reaches
        .filter((reach) => reach.brand === brand.id)
        .map((reach) => {
          const without = reach.without ? phrases.without(phrases.days(reach.without.first, reach.without.last)) : '';
          return `${phrases.brand(name, platformName(reach.platform))}${phrases.dataCut(`${phrases.days(reach.first, reach.last)}${without}`, phrases.days(reach.othersFirst, reach.othersLast), previous)}`;
        });
    const cut = [...cutIn(report.periodCoverage?.brandsInPart ?? [], false), ...cutIn(report.periodCoverage?.previousBrandsInPart ?? [], true)];
    const perPlatform = [
      ...cut,
      ...platforms.flatMap(({ scope, entry }) => warningSentences(entry, phrases, numbers, day, threshold).map((text) => `${phrases.brand(name, platformName(scope))}${text}`)),
    ];
    const said = new Set(platforms.flatMap(({ entry }) => warningSentences(entry, phrases, numbers, day, threshold)));
    // Posts missing, or held on part of the period, on some platforms: the platform lines say where (and whether an account is tracked there).
    const saidPerPlatform = PER_PLATFORM_WARNINGS.filter((warning) => platforms.some(({ entry }) => entry.coverage?.warnings.includes(warning)));
    const overall = warningSentences(withoutWarnings(brand, saidPerPlatform), phrases, numbers, day, threshold)
      .filter((text) => !said.has(text) && (platforms.length > 1 || perPlatform.length === 0))
      .map((text) => `${phrases.brand(name, phrases.allPlatforms)}${text}`);
    const only = platforms.length === 1 && platforms[0] ? platformName(platforms[0].scope) : undefined;
    const noAnswer = options.warningsOnly
      ? []
      : [...noAnswerSentences(brand, report.settings?.massMentionHandles ?? 5, phrases, numbers), ...listedUnderSentences(brand, phrases, numbers, threshold)].map((text) => `${phrases.brand(name, only ?? phrases.allPlatforms)}${text}`);
    return [...perPlatform, ...overall, ...noAnswer];
  });
}

/** The warnings said once per platform where they hold, never again for all platforms together. */
const PER_PLATFORM_WARNINGS: readonly CoverageWarning[] = ['no-brand-posts', 'brand-posts-partial'];

function withoutWarnings(brand: BrandMetrics, warnings: readonly CoverageWarning[]): BrandMetrics {
  return brand.coverage ? { ...brand, coverage: { ...brand.coverage, warnings: brand.coverage.warnings.filter((code) => !warnings.includes(code)) } } : brand;
}

/** The sentences of a brand's coverage warnings; `day` writes an instant as a local date. */
function warningSentences(brand: BrandMetrics, phrases: Phrases, numbers: PlainNumbers, day: (iso: string | null) => string, threshold: number): string[] {
  return (brand.coverage?.warnings ?? []).map((warning) => warningSentence(brand, warning, phrases, numbers, day, threshold));
}

/**
 * Responses its exports list and the data lacks, where they are too few for the warning (responses-missing): said all
 * the same, since the shares answered of fewer of its mentions (follow-ups, a subject) follow the rule on their own.
 */
function listedUnderSentences(brand: BrandMetrics, phrases: Phrases, { count, percent, percentSetting }: PlainNumbers, threshold: number): string[] {
  const coverage = brand.coverage;
  if (!coverage || coverage.listedResponsesMissing === 0 || coverage.warnings.includes('responses-missing') || hasPartialPosts(brand)) return [];
  const share = percent(coverage.listedResponsesMissing / (coverage.inboundMeasured || 1));
  return [phrases.responsesMissingUnder(share, count(coverage.listedResponsesMissing), count(coverage.inboundMeasured), percentSetting(threshold))];
}

/** The sentences of a brand's mentions that need no answer: mass mentions (of `handles` or more accounts) and closers. */
function noAnswerSentences(brand: BrandMetrics, handles: number, phrases: Phrases, { count, percent }: PlainNumbers): string[] {
  const coverage = brand.coverage;
  if (!coverage) return [];
  const lines: string[] = [];
  if (coverage.massMentions > 0) lines.push(phrases.massMentions(percent(coverage.massMentions / brand.inbound), count(coverage.massMentions), count(brand.inbound), handles));
  if (coverage.closers === 1) lines.push(phrases.closer);
  if (coverage.closers > 1) lines.push(phrases.closers(count(coverage.closers)));
  return lines;
}

function warningSentence(brand: BrandMetrics, warning: CoverageWarning, phrases: Phrases, { count, percent, percentPast }: PlainNumbers, day: (iso: string | null) => string, threshold: number): string {
  const coverage = brand.coverage;
  switch (warning) {
    case 'no-brand-posts':
      return coverage?.accountsTracked === 0 ? phrases.noAccount : (coverage?.ownPostsElsewhere ?? 0) > 0 ? phrases.noBrandPostsQuiet : phrases.noBrandPosts;
    case 'few-brand-posts':
      return phrases.fewBrandPosts(coverage?.brandPosts ?? 0, count(coverage?.brandPosts ?? 0), (coverage?.ownPostsElsewhere ?? 0) > 0);
    case 'responses-missing':
      return phrases.responsesMissing(percentPast((coverage?.listedResponsesMissing ?? 0) / (coverage?.inboundMeasured || 1), threshold), count(coverage?.listedResponsesMissing ?? 0), count(coverage?.inboundMeasured ?? 0));
    case 'brand-posts-partial':
      if (coverage?.ownPosts.first == null) return phrases.brandPostsElsewhere(count(coverage?.outsideOwnPosts ?? 0), count(coverage?.inboundMeasured ?? 0));
      return (coverage.ownPosts.gaps.length > 0 ? phrases.brandPostsPartialGaps : phrases.brandPostsPartial)(
        phrases.list(ownPostSpans(coverage.ownPosts).map(([first, last]) => phrases.days(day(first), day(last)))),
        count(coverage.outsideOwnPosts),
        count(coverage.inboundMeasured),
      );
    case 'parents-missing':
      return phrases.parentsMissing(percent((coverage?.repliesWithMissingParent ?? 0) / (coverage?.replies || 1)));
    case 'dominant-author': {
      const top = coverage?.topAuthor;
      return phrases.dominantAuthor(printable(top?.author ?? '?'), percent(top?.share), count(top?.mentions ?? 0), count(brand.inbound));
    }
    case 'partial-period': {
      const span = coverage?.span;
      if (span?.busiestDayShare != null && span.busiestDayShare > 0.5) return phrases.oneDay(percent(span.busiestDayShare), span.busiestDay ?? '?');
      return phrases.fewDays(count(span?.daysWithData ?? 0), count(span?.periodDays ?? 0), phrases.days(day(span?.first ?? null), day(span?.last ?? null)));
    }
  }
}
