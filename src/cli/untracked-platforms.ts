import type { UntrackedPlatform } from '../analysis/config-check.js';
import type { Language } from '../report/i18n/language.js';
import { plainNumbers } from '../report/i18n/plain-numbers.js';
import { platformName } from '../report/model/platformName.js';

const SENTENCE: Record<Language, (posts: string, platform: string, one: boolean) => string> = {
  en: (posts, platform, one) =>
    `the data holds ${one ? '1 post' : `${posts} posts`} on ${platform} in the period, and no brand has an account there nor a mention ${one ? 'in it' : 'among them'}: ${one ? 'it counts' : 'they count'} in no figure. If the brands are on ${platform}, add their accounts there in the config.`,
  es: (posts, platform, one) =>
    `los datos contienen ${one ? '1 publicación' : `${posts} publicaciones`} en ${platform} en el periodo, y ninguna marca tiene cuenta allí ni ninguna mención ${one ? 'en ella' : 'entre ellas'}: no ${one ? 'cuenta' : 'cuentan'} en ninguna cifra. Si las marcas están en ${platform}, añada allí sus cuentas en la configuración.`,
  fr: (posts, platform, one) =>
    `les données contiennent ${one ? '1 publication' : `${posts} publications`} sur ${platform} dans la période, et aucune marque n’y a de compte ni de mention ${one ? 'dans celle-ci' : 'parmi elles'}\u00a0: ${one ? 'elle ne compte' : 'elles ne comptent'} dans aucun chiffre. Si les marques sont sur ${platform}, ajoutez-y leurs comptes dans la configuration.`,
};

/** One sentence per such platform, in `language`: check and the page's check list it, metrics and report warn of it. */
export function untrackedSentences(platforms: readonly UntrackedPlatform[], language: Language = 'en'): string[] {
  const { count } = plainNumbers(language);
  return platforms.map(({ platform, posts }) => SENTENCE[language](count(posts), platformName(platform), posts === 1));
}
