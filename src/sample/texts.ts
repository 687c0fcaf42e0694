/**
 * What the sample's customers write, in English, Spanish and French: their
 * complaints by issue, questions, praise and follow-ups. The complaints about
 * billing, coverage, outages and roaming use the words the sample config's
 * `themes:` look for (sample-data/replybench.yaml), in each language, so
 * `replybench themes` finds them as it would on real data.
 */
import { pickIn, type Corpus } from './corpus.js';
import type { Random } from './random.js';
import type { Language } from './spec.js';

export const ISSUE_TOPICS = ['billing', 'coverage', 'outage', 'roaming', 'porting', 'router', 'contract', 'app', 'speed', 'sim'] as const;
export type IssueTopic = (typeof ISSUE_TOPICS)[number];
export type Sentiment = 'negative' | 'neutral' | 'positive';

const COMPLAINTS: Record<IssueTopic, Corpus> = {
  billing: {
    en: ['you charged me {amount} twice this month and nobody explains why', 'my bill went up by {amount} without any warning. Not happy', 'third month in a row the invoice is wrong. Sort it out please', 'I was promised a discount and the bill still says {amount}', 'there is a {amount} line on my invoice for a service I never ordered', 'charged {amount} for calls I never made, again', 'the discount from my renewal has vanished from this month’s bill'],
    es: ['me habéis cobrado {amount} dos veces este mes y nadie me explica nada', 'la factura ha subido {amount} sin avisar. Muy mal', 'tercer mes seguido con la factura mal. ¿Alguien lo va a arreglar?', 'me prometieron un descuento y la factura sigue en {amount}', 'cargo de {amount} que no reconozco en la factura', 'me habéis cobrado la permanencia cuando ya la había cumplido', 'me subisteis la tarifa {amount} sin avisar'],
    fr: ['vous m’avez facturé {amount} deux fois ce mois-ci, aucune explication', 'ma facture a augmenté de {amount} sans prévenir', 'troisième mois de suite avec une facture erronée', 'on m’avait promis une remise et la facture est toujours de {amount}', 'facturé {amount} pour une option que je n’ai jamais demandée', 'impossible de comprendre ma facture de {amount} ce mois-ci'],
  },
  coverage: {
    en: ['zero signal at home in {city} for {days} days now', 'no coverage at all in the centre of {city}. What am I paying for', 'calls keep dropping in {city}, every single day', 'signal is terrible indoors since the last update', 'one bar of signal in my own flat in {city}', 'coverage on the road to {city} is a joke, calls keep dropping'],
    es: ['sin cobertura en casa en {city} desde hace {days} días', 'en el centro de {city} no hay cobertura para llamar', 'se me cortan las llamadas en {city} todos los días', 'la cobertura dentro de casa es horrible desde hace una semana', 'las llamadas no entran en mi piso de {city}', 'ni una raya de cobertura en la oficina de {city}'],
    fr: ['aucun réseau chez moi à {city} depuis {days} jours', 'les appels coupent sans arrêt à {city}', 'pas de réseau à l’intérieur depuis la dernière mise à jour', 'une seule barre de réseau dans mon appartement à {city}', 'mes appels tombent dès que je sors de {city}'],
  },
  outage: {
    en: ['internet down again in {city}. Working from home is impossible', 'is there an outage? nothing works here in {city}', 'whole street without internet in {city} for {days} hours now', 'fibre outage in {city} since this morning, any news?', 'internet down since 8am, the kids cannot do their homework', 'second outage this month in {city}. And I pay for this', 'without internet since last night in {city} and not a word from you'],
    es: ['otra vez sin internet en {city}. Imposible teletrabajar', 'la fibra no va desde esta mañana, ¿hay alguna avería?', 'toda la calle sin internet en {city} desde hace {days} horas', '¿hay una avería en {city}? aquí no va nada', 'segunda avería este mes en {city}, esto no puede ser', 'sin internet desde anoche y nadie avisa de nada'],
    fr: ['encore une coupure internet à {city}, impossible de télétravailler', 'sans internet depuis ce matin à {city}, des nouvelles ?', 'toute la rue sans internet à {city} depuis {days} heures', 'coupure internet générale à {city} ? plus rien ne marche', 'deuxième coupure internet ce mois-ci, c’est inadmissible'],
  },
  roaming: {
    en: ['data roaming not working in France even though it is included', 'landed in Lisbon and no data at all. Roaming is on', 'got a {amount} roaming charge for two days in London', 'roaming in Italy keeps dropping to 3G, useless', 'in Lisbon for work and the phone says no service, roaming switched on', 'paying {amount} for roaming in Switzerland is a scandal'],
    es: ['el roaming no funciona en Francia y lo tengo incluido', 'acabo de aterrizar en Lisboa y no tengo datos', 'me han cobrado {amount} de roaming por dos días en Londres', 'de vacaciones en Italia y el roaming no va', 'en Lisboa sin datos desde que llegué'],
    fr: ['les données en itinérance ne marchent pas en Italie', 'arrivé à Lisbonne, aucune donnée mobile', '{amount} facturés en itinérance pour deux jours à Londres', 'en vacances au Portugal, itinérance activée mais rien ne passe', 'à Lisbonne pour le travail et pas de 4G'],
  },
  porting: {
    en: ['my number port has been stuck for {days} days', 'I switched {days} days ago and still cannot receive calls', 'porting my number took my whole week and it still failed', 'my old operator says you rejected the port. Which one of you is right'],
    es: ['la portabilidad lleva {days} días atascada', 'me cambié hace {days} días y sigo sin recibir llamadas', 'la portabilidad de mi número sigue sin hacerse', 'me dicen que la portabilidad fue rechazada y nadie sabe por qué'],
    fr: ['la portabilité de mon numéro est bloquée depuis {days} jours', 'changé d’opérateur il y a {days} jours et toujours pas d’appels', 'la portabilité a été refusée, personne ne sait pourquoi'],
  },
  router: {
    en: ['the new router keeps rebooting every hour', 'wifi drops every evening, the router lights go red', 'the technician never showed up to install the router', 'yet another router this year and the wifi still drops'],
    es: ['el router nuevo se reinicia cada hora', 'el wifi se cae todas las noches, luz roja en el router', 'el técnico no vino a instalar el router', 'tercer router en un año y el wifi sigue cayéndose'],
    fr: ['la nouvelle box redémarre toutes les heures', 'le wifi coupe tous les soirs, voyant rouge sur la box', 'le technicien n’est jamais venu installer la box', 'troisième box en un an et le wifi coupe encore'],
  },
  contract: {
    en: ['I have been trying to cancel my contract for {days} days', 'you renewed my contract without asking me', 'I want to leave and nobody answers the phone', 'the shop in {city} signed me up for a plan I never asked for'],
    es: ['llevo {days} días intentando dar de baja el contrato', 'me habéis renovado el contrato sin preguntarme', 'quiero darme de baja y nadie coge el teléfono', 'en la tienda de {city} me cambiaron el contrato sin explicarme nada'],
    fr: ['j’essaie de résilier mon contrat depuis {days} jours', 'vous avez renouvelé mon contrat sans me demander', 'je veux partir et personne ne répond au téléphone'],
  },
  app: {
    en: ['the app logs me out every time I open it', 'cannot pay in the app, error {n}', 'app says my account does not exist??', 'the app has been crashing since the update'],
    es: ['la app me cierra la sesión cada vez que la abro', 'no puedo pagar en la app, error {n}', 'la app dice que mi cuenta no existe??', 'la app se cuelga desde la actualización'],
    fr: ['l’appli me déconnecte à chaque ouverture', 'impossible de payer dans l’appli, erreur {n}', 'l’appli plante depuis la mise à jour'],
  },
  speed: {
    en: ['paying for 600 Mb and getting {n} Mb. Every evening', 'speed test says {n} Mb on a 1 Gb plan', '4G crawling in {city} today', 'fibre slower than my old ADSL, {n} Mb at best'],
    es: ['pago 600 Mb y me llegan {n} Mb. Todas las noches', 'el test de velocidad da {n} Mb con la fibra de 1 Gb', 'el 4G va lentísimo hoy en {city}', 'la fibra va más lenta que mi antiguo ADSL'],
    fr: ['je paie 600 Mb et j’ai {n} Mb le soir', 'le test de débit donne {n} Mb avec l’offre 1 Gb', 'la 4G rame à {city} aujourd’hui'],
  },
  sim: {
    en: ['my eSIM activation failed twice', 'the new SIM never arrived, order {order}', 'SIM blocked after the update, PUK not working', 'moved my eSIM to the new phone and lost my number'],
    es: ['la activación de la eSIM ha fallado dos veces', 'la SIM nueva no ha llegado, pedido {order}', 'SIM bloqueada y el PUK no funciona', 'pasé la eSIM al móvil nuevo y me quedé sin línea'],
    fr: ['l’activation de l’eSIM a échoué deux fois', 'la nouvelle SIM n’est jamais arrivée, commande {order}', 'SIM bloquée et le code PUK ne marche pas'],
  },
};

const QUESTIONS: Corpus = {
  en: ['do you have fibre in {city} yet?', 'how do I activate roaming before my trip?', 'is 5G included in my plan or do I pay extra?', 'can I keep my number if I switch to you?', 'what is the cheapest plan with unlimited data?', 'when will the new iPhone be in stock?', 'how can I change the bank account for my bills?', 'can I add a second line to my contract?', 'is there an outage in {city}? the fibre light is red', 'where do I download my invoice from?'],
  es: ['¿tenéis fibra en {city}?', '¿cómo activo el roaming antes de viajar?', '¿el 5G está incluido en mi tarifa?', '¿puedo mantener mi número si me cambio?', '¿cuál es la tarifa más barata con datos ilimitados?', '¿cómo cambio la cuenta bancaria de la factura?', '¿puedo añadir una segunda línea?', '¿hay alguna avería en {city}? la luz de la fibra está roja'],
  fr: ['vous avez la fibre à {city} ?', 'comment activer l’itinérance avant mon voyage ?', 'la 5G est-elle incluse dans mon forfait ?', 'puis-je garder mon numéro si je change ?', 'comment changer le compte bancaire de mes factures ?', 'une coupure internet à {city} en ce moment ?'],
};

const PRAISE: Corpus = {
  en: ['thanks for fixing my line so fast, great service', 'the technician was brilliant today, thank you', 'finally decent coverage in {city}, well done', 'love the new plan, saving {amount} a month', 'the team in the {city} shop sorted my phone in ten minutes'],
  es: ['gracias por arreglarlo tan rápido, un servicio genial', 'el técnico de hoy ha sido un crack, gracias', 'por fin buena cobertura en {city}, bien hecho', 'me encanta la nueva tarifa, ahorro {amount} al mes'],
  fr: ['merci d’avoir réparé ma ligne si vite', 'le technicien était super aujourd’hui, merci', 'enfin du réseau correct à {city}, bravo'],
};

const FOLLOW_UPS: Record<'unhappy' | 'done' | 'thanks', Corpus> = {
  unhappy: {
    en: ['still not working. It has been {days} days', 'I sent the DM yesterday and nobody replied', 'that did not help at all, the problem is still there', 'any update? still waiting', 'same issue again this morning', 'I did all that already, twice'],
    es: ['sigue sin funcionar. Ya van {days} días', 'os mandé el DM ayer y nadie contesta', 'eso no ha servido de nada, sigo igual', '¿alguna novedad? sigo esperando', 'otra vez lo mismo esta mañana'],
    fr: ['ça ne marche toujours pas, {days} jours déjà', 'j’ai envoyé le DM hier, aucune réponse', 'toujours en attente, des nouvelles ?', 'j’ai déjà fait tout ça, sans résultat'],
  },
  done: {
    en: ['DM sent with my account number', 'done, sent you the details by DM', 'ok, just messaged you'],
    es: ['DM enviado con mi número de cliente', 'hecho, os he mandado los datos por DM', 'vale, os he escrito por privado'],
    fr: ['DM envoyé avec mon numéro client', 'c’est fait, je vous ai écrit en privé'],
  },
  thanks: {
    en: ['thanks, it works now!', 'sorted, thank you', 'great, thanks for the quick help'],
    es: ['¡gracias, ya funciona!', 'solucionado, gracias', 'genial, gracias por la ayuda'],
    fr: ['merci, ça marche maintenant !', 'réglé, merci beaucoup'],
  },
};

/** Under the brand's answer about an outage, while the line is still down. */
const OUTAGE_FOLLOW_UPS: Corpus = {
  en: ['still without internet in {city}, {days} hours now', 'any update? the outage is still on here', 'restarted the router like you said, still without internet'],
  es: ['seguimos sin internet en {city}', '¿alguna novedad de la avería? seguimos igual', 'ya van {days} horas sin internet'],
  fr: ['toujours sans internet à {city}', 'toujours la coupure internet, des nouvelles ?'],
};

/** During the client's outage: what a customer nobody answered writes a few hours later. */
const OUTAGE_CHASERS: Corpus = {
  en: ['{days} hours without internet in {city} and not a single reply from you', 'still waiting for an answer about the outage in {city}', 'is anyone reading this? half of {city} is without internet', 'no internet, no answer, no updates. Great outage handling'],
  es: ['llevo {days} horas sin internet en {city} y nadie contesta', '¿alguien me va a decir algo de la avería?', 'media {city} sin internet y vosotros sin contestar'],
  fr: ['{days} heures sans internet à {city} et aucune réponse', 'quelqu’un peut me répondre ? toujours sans internet', 'coupure internet à {city} et silence radio de votre part'],
};

export type MentionKind = 'complaint' | 'question' | 'praise';

export function mentionText(random: Random, kind: MentionKind, topic: IssueTopic, language: Language): string {
  if (kind === 'question') return pickIn(random, QUESTIONS, language);
  if (kind === 'praise') return pickIn(random, PRAISE, language);
  return pickIn(random, COMPLAINTS[topic], language);
}

/** A customer's answer to the brand's reply; unhappy about an outage, they say the line is still down. */
export function followUpText(random: Random, mood: 'unhappy' | 'done' | 'thanks', language: Language, subject: IssueTopic | 'question' | 'praise'): string {
  return pickIn(random, mood === 'unhappy' && subject === 'outage' ? OUTAGE_FOLLOW_UPS : FOLLOW_UPS[mood], language);
}

export function outageChaserText(random: Random, language: Language): string {
  return pickIn(random, OUTAGE_CHASERS, language);
}
