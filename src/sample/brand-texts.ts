/**
 * What the sample's brands write: each care team's replies in its own style
 * (spec.ts, ReplyStyle), broadcasts, Zentel's promotions, and the client's
 * status updates during its outage.
 */
import { fill, pickIn, type Corpus } from './corpus.js';
import type { Random } from './random.js';
import type { Language } from './spec.js';
import type { IssueTopic } from './texts.js';

/** Vireo's care team writes each answer for the case: greeting, the topic's own explanation, a next step, a sign-off. */
const PERSONAL_OPENINGS: Corpus = {
  en: ['Hi {name}, sorry about this.', 'Hello {name}!', 'Hi {name}, thanks for telling us.', 'Oh no {name}, that is not the service we want for you.', 'Thanks for your patience, {name}.', 'Hi {name}, we hear you.'],
  es: ['Hola {name}, sentimos mucho esto.', '¡Hola {name}!', 'Hola {name}, gracias por avisarnos.', 'Vaya {name}, no es el servicio que queremos darte.', 'Gracias por tu paciencia, {name}.'],
  fr: ['Bonjour {name}, désolés pour ce souci.', 'Bonjour {name} !', 'Merci de nous avoir prévenus, {name}.', 'Merci pour votre patience, {name}.'],
};

const PERSONAL_BODIES: Record<IssueTopic | 'question' | 'praise', Corpus> = {
  billing: { en: ['We can see the duplicate charge of {amount} and the refund is already on its way.', 'That increase should not be there; we have opened a billing review for you.', 'Let us check that invoice line by line with you.'], es: ['Vemos el cargo duplicado de {amount} y ya hemos lanzado el abono.', 'Esa subida no debería estar; hemos abierto una revisión de tu factura.', 'Revisamos contigo esa factura línea a línea.'], fr: ['Nous voyons le double prélèvement de {amount}, le remboursement est en cours.', 'Cette hausse n’est pas normale, nous ouvrons une vérification.'] },
  coverage: { en: ['There is work on the mast that serves {city}; it should be back by tonight.', 'We would like to run a signal check on your line in {city}.', 'Wi-Fi calling can help indoors while we look into {city}.'], es: ['Hay trabajos en la antena que da servicio a {city}; debería volver esta noche.', 'Queremos hacer una prueba de cobertura de tu línea en {city}.', 'Mientras lo revisamos, las llamadas por wifi te pueden ayudar.'], fr: ['Des travaux sont en cours sur l’antenne de {city}, retour prévu ce soir.', 'Nous allons tester la couverture de votre ligne à {city}.'] },
  outage: { en: ['There is a fault in your area and engineers are on site right now.', 'We have a known incident in {city}; the estimated fix is this afternoon.', 'Your line shows the outage too; we will keep you posted here.'], es: ['Hay una avería en tu zona y los técnicos ya están trabajando.', 'Tenemos una incidencia abierta en {city}; la previsión es esta tarde.', 'Tu línea también aparece afectada; te mantenemos informado por aquí.'], fr: ['Une panne touche votre secteur, nos techniciens sont sur place.', 'Incident connu à {city}, réparation prévue cet après-midi.'] },
  roaming: { en: ['Please check that data roaming is on and restart the phone once; we have refreshed your line.', 'We have reset your roaming profile; it can take 10 minutes to work.'], es: ['Comprueba que la itinerancia de datos está activa y reinicia el móvil; ya hemos refrescado tu línea.', 'Hemos reiniciado tu perfil de roaming; tarda unos 10 minutos.'], fr: ['Vérifiez que l’itinérance est activée et redémarrez ; nous avons actualisé votre ligne.'] },
  porting: { en: ['Your port was held by the other operator; we have escalated it today.', 'The port is scheduled for tonight between 2 and 6 am.'], es: ['El otro operador retuvo la portabilidad; la hemos escalado hoy.', 'La portabilidad está programada para esta noche entre las 2 y las 6.'], fr: ['L’autre opérateur a bloqué la portabilité, nous l’avons relancée aujourd’hui.'] },
  router: { en: ['That reboot loop is a firmware issue; we can push the fix remotely.', 'We will send a new router, it should arrive in 48 hours.', 'Sorry the visit was missed; let us book a new slot that suits you.'], es: ['Ese reinicio es un fallo de firmware; lo podemos corregir en remoto.', 'Te enviamos un router nuevo, llegará en 48 horas.', 'Perdona que no fuera el técnico; buscamos otra cita que te venga bien.'], fr: ['Ce redémarrage vient du firmware, nous corrigeons à distance.', 'Nous vous envoyons une nouvelle box sous 48 heures.'] },
  contract: { en: ['We can process the cancellation for you right here.', 'That renewal should have been confirmed with you first; we will undo it.'], es: ['Podemos tramitar la baja contigo por aquí.', 'Esa renovación tenía que haberse confirmado contigo; la deshacemos.'], fr: ['Nous pouvons traiter la résiliation avec vous ici.', 'Ce renouvellement aurait dû vous être confirmé, nous l’annulons.'] },
  app: { en: ['Please update the app to the latest version; the log-out bug is fixed there.', 'Error {n} means the session expired; a reinstall solves it.'], es: ['Actualiza la app a la última versión; ahí está corregido el cierre de sesión.', 'El error {n} es de sesión caducada; reinstalar la app lo soluciona.'], fr: ['Mettez l’appli à jour, le bug de déconnexion est corrigé.', 'L’erreur {n} vient d’une session expirée, réinstallez l’appli.'] },
  speed: { en: ['Evening speeds like that are not right; we are checking the node that serves you.', 'Could you try a cable test? Wi-Fi can hide the real speed.'], es: ['Esa velocidad por la noche no es normal; revisamos el nodo que te da servicio.', '¿Puedes probar con cable? El wifi puede esconder la velocidad real.'], fr: ['Ce débit le soir n’est pas normal, nous vérifions votre nœud.', 'Pouvez-vous tester en filaire ? Le wifi peut fausser la mesure.'] },
  sim: { en: ['Your eSIM profile needed a reset; a new QR code is in your email.', 'The SIM was returned by the courier; a new one ships today.'], es: ['Tu perfil eSIM necesitaba un reinicio; tienes un QR nuevo en el correo.', 'La SIM volvió al almacén; hoy sale una nueva.'], fr: ['Votre profil eSIM a été réinitialisé, un nouveau QR code est dans vos mails.'] },
  question: { en: ['Good question: yes, and we can check your address in a minute.', 'You can do it in the app under My Line > Settings.', 'It is included in every plan since March at no extra cost.'], es: ['Buena pregunta: sí, y te miramos la dirección en un momento.', 'Lo puedes hacer en la app, en Mi línea > Ajustes.', 'Está incluido en todas las tarifas desde marzo sin coste extra.'], fr: ['Bonne question : oui, et nous vérifions votre adresse tout de suite.', 'C’est dans l’appli, rubrique Ma ligne > Réglages.'] },
  praise: { en: ['Thank you, that made the team’s day!', 'So glad it is sorted, enjoy!'], es: ['¡Gracias, nos alegras el día!', '¡Qué bien que esté resuelto, disfruta!'], fr: ['Merci, toute l’équipe est ravie !', 'Ravis que ce soit réglé !'] },
};

const PERSONAL_CLOSINGS: Corpus = {
  en: ['Could you DM us your account number?', 'We will follow up here as soon as we know more.', 'Send us a DM if anything else comes up.', 'Let us know if it is not fixed by tonight.', ''],
  es: ['¿Nos mandas tu número de cliente por DM?', 'Te contamos por aquí en cuanto sepamos más.', 'Escríbenos por DM si necesitas algo más.', 'Avísanos si esta noche sigue igual.', ''],
  fr: ['Pouvez-vous nous envoyer votre numéro client en DM ?', 'Nous revenons vers vous ici dès que possible.', 'Écrivez-nous en DM si besoin.', ''],
};

/** Ondanet's answer to everything: the same templates with a name and an order number changed. */
const CANNED_TEMPLATES: Corpus = {
  en: ['Hi {name}, we are sorry for the inconvenience. Please send us a DM with your order number {order} and we will look into it.', 'Hi {name}, thanks for reaching out! Our team is already checking case {order}.'],
  es: ['Hola {name}, sentimos las molestias. Escríbenos por DM con tu número de pedido {order} y lo revisamos.', 'Hola {name}, ¡gracias por escribirnos! Nuestro equipo ya está revisando el caso {order}.'],
  fr: ['Bonjour {name}, nous sommes désolés pour la gêne occasionnée. Envoyez-nous un DM avec votre numéro de commande {order}.', 'Bonjour {name}, merci de nous avoir écrit ! Notre équipe vérifie déjà le dossier {order}.'],
};

/** Telbo points people at its help pages. */
const LINK_REPLIES: Corpus = {
  en: ['Hi! You will find all the answers at https://{site}/help', 'Hello, please check https://{site}/status for incidents in {city}.', 'Hi {name}, visit https://{site}/support or call 1400.'],
  es: ['¡Hola! Tienes todas las respuestas en https://{site}/ayuda', 'Hola, consulta https://{site}/estado para incidencias en {city}.', 'Hola {name}, entra en https://{site}/soporte o llama al 1400.'],
  fr: ['Bonjour ! Toutes les réponses sur https://{site}/aide', 'Bonjour {name}, consultez https://{site}/support.'],
};

/** Kwikly is quick and short, but writes each answer. */
const TERSE_REPLIES: Record<IssueTopic | 'question' | 'praise', Corpus> = {
  billing: { en: ['Refund of {amount} done ✅', 'Fixed your bill, check the app 👀'], es: ['Abono de {amount} hecho ✅', 'Factura corregida, mírala en la app 👀'], fr: ['Remboursement de {amount} fait ✅'] },
  coverage: { en: ['Mast in {city} back up now 📶', 'Checking {city} right now 🔎'], es: ['Antena de {city} ya operativa 📶', 'Mirando {city} ahora mismo 🔎'], fr: ['Antenne de {city} rétablie 📶'] },
  outage: { en: ['Known fault in {city}, fix ETA 2h ⏱️', 'Engineers on it in {city} 🛠️'], es: ['Avería conocida en {city}, solución en 2h ⏱️', 'Técnicos en {city} ya 🛠️'], fr: ['Panne connue à {city}, réparation sous 2h ⏱️'] },
  roaming: { en: ['Roaming refreshed, restart your phone 🔄'], es: ['Roaming reiniciado, reinicia el móvil 🔄'], fr: ['Itinérance réinitialisée, redémarrez 🔄'] },
  porting: { en: ['Port pushed through, done tonight 🌙'], es: ['Portabilidad desbloqueada, lista esta noche 🌙'], fr: ['Portabilité débloquée, ce soir 🌙'] },
  router: { en: ['New router on its way 📦', 'Remote reset done, try now 🔁'], es: ['Router nuevo en camino 📦', 'Reinicio remoto hecho, prueba ya 🔁'], fr: ['Nouvelle box en route 📦'] },
  contract: { en: ['DM us and we cancel it today ✍️'], es: ['Escríbenos por DM y lo damos de baja hoy ✍️'], fr: ['Écrivez-nous en DM, résiliation aujourd’hui ✍️'] },
  app: { en: ['Update the app, bug {n} fixed 📲'], es: ['Actualiza la app, error {n} corregido 📲'], fr: ['Mettez à jour, bug {n} corrigé 📲'] },
  speed: { en: ['Node in {city} rebalanced, test again ⚡'], es: ['Nodo de {city} ajustado, vuelve a probar ⚡'], fr: ['Nœud de {city} rééquilibré, retestez ⚡'] },
  sim: { en: ['New eSIM QR sent by email 📧'], es: ['QR de eSIM nuevo enviado al correo 📧'], fr: ['Nouveau QR eSIM envoyé 📧'] },
  question: { en: ['Yes! All plans ✔️', 'App > My line > Settings 👍'], es: ['¡Sí! En todas las tarifas ✔️', 'App > Mi línea > Ajustes 👍'], fr: ['Oui ! Tous les forfaits ✔️'] },
  praise: { en: ['🙌 thanks {name}!'], es: ['🙌 ¡gracias {name}!'], fr: ['🙌 merci {name} !'] },
};

/** Zentel answers with an offer. */
const SALES_REPLIES: Corpus = {
  en: ['Hi {name}, sorry to hear that. Did you know our fibre 1 Gb is {amount}/month? Check your DMs.', 'Hi {name}, we are looking into it. Meanwhile, upgrade to unlimited data for {amount}!'],
  es: ['Hola {name}, sentimos lo ocurrido. ¿Sabías que nuestra fibra de 1 Gb cuesta {amount}/mes? Mira tus DM.', 'Hola {name}, lo revisamos. ¡Mientras, pásate a datos ilimitados por {amount}!'],
  fr: ['Bonjour {name}, désolés. Saviez-vous que notre fibre 1 Gb est à {amount}/mois ? Voir vos DM.'],
};

/** Zentel's unsolicited promotion, sent to people who never wrote to it. */
const SPAM: Corpus = {
  en: ['Tired of your operator? Switch to Zentel: fibre 1 Gb + unlimited mobile for {amount}/month 👉 https://{site}/offer', 'Still paying too much? Zentel fibre + mobile from {amount}/month, no contract 👉 https://{site}/offer'],
  es: ['¿Harto de tu operador? Pásate a Zentel: fibra 1 Gb + móvil ilimitado por {amount}/mes 👉 https://{site}/oferta', '¿Sigues pagando de más? Fibra + móvil Zentel desde {amount}/mes, sin permanencia 👉 https://{site}/oferta'],
  fr: ['Marre de votre opérateur ? Passez à Zentel : fibre 1 Gb + mobile illimité pour {amount}/mois 👉 https://{site}/offre'],
};

const BROADCASTS: Corpus = {
  en: ['New: 5G now live in {city} 🚀', 'Black Friday: fibre 1 Gb at {amount}/month for a year', 'Tip: save data by turning on Wi-Fi calling at home', 'Our shops in {city} open this Sunday', 'We are upgrading the network in {city} tonight from 1 to 5 am', 'Win tickets for the {city} festival: reply with your favourite song 🎶', 'Roaming is free in the EU on every plan ✈️', 'Meet the new unlimited plan: {amount}/month, no small print'],
  es: ['Novedad: el 5G ya funciona en {city} 🚀', 'Black Friday: fibra 1 Gb a {amount}/mes durante un año', 'Consejo: activa las llamadas wifi y ahorra datos en casa', 'Nuestras tiendas de {city} abren este domingo', 'Esta noche mejoramos la red en {city} de 1 a 5 h', 'Sorteamos entradas para el festival de {city} 🎶', 'El roaming en la UE es gratis en todas las tarifas ✈️', 'Nueva tarifa ilimitada: {amount}/mes, sin letra pequeña'],
  fr: ['Nouveau : la 5G arrive à {city} 🚀', 'Black Friday : fibre 1 Gb à {amount}/mois pendant un an', 'Astuce : activez les appels wifi à la maison', 'Nouveau forfait illimité : {amount}/mois, sans petites lignes'],
};

const THREAD_CONTINUATIONS: Corpus = {
  en: ['2/2 Details and conditions at the link in our bio.', '2/2 Available for new and existing customers.'],
  es: ['2/2 Condiciones en el enlace de nuestro perfil.', '2/2 Disponible para clientes nuevos y actuales.'],
  fr: ['2/2 Conditions sur le lien de notre profil.'],
};

export function personalReply(random: Random, subject: IssueTopic | 'question' | 'praise', language: Language): string {
  return [pickIn(random, PERSONAL_OPENINGS, language), pickIn(random, PERSONAL_BODIES[subject], language), pickIn(random, PERSONAL_CLOSINGS, language)].filter(Boolean).join(' ');
}

export function cannedReply(random: Random, language: Language): string {
  return pickIn(random, CANNED_TEMPLATES, language);
}

export function linkReply(random: Random, language: Language): string {
  return pickIn(random, LINK_REPLIES, language);
}

export function terseReply(random: Random, subject: IssueTopic | 'question' | 'praise', language: Language): string {
  return pickIn(random, TERSE_REPLIES[subject], language);
}

export function salesReply(random: Random, language: Language): string {
  return pickIn(random, SALES_REPLIES, language);
}

export function spamText(random: Random, language: Language): string {
  return pickIn(random, SPAM, language);
}

export function broadcastText(random: Random, language: Language): string {
  return pickIn(random, BROADCASTS, language);
}

export function threadContinuation(random: Random, language: Language): string {
  return pickIn(random, THREAD_CONTINUATIONS, language);
}

/** The client's status posts during its outage, one list per day of it; {cities} are the places it hit. */
const OUTAGE_STATUS: readonly Corpus[] = [
  {
    en: ['We are aware of an outage affecting fibre customers in {cities}. Our engineers are on it and we will post updates here.', 'Fibre outage in {cities}: our teams are working to restore the service as soon as possible. Updates to follow.'],
    es: ['Sabemos que hay una avería que afecta a clientes de fibra en {cities}. Nuestros técnicos ya están trabajando; iremos informando por aquí.', 'Avería de fibra en {cities}: estamos trabajando para restablecer el servicio lo antes posible.'],
    fr: ['Une panne touche nos clients fibre à {cities}. Nos techniciens sont mobilisés, nous vous tenons informés ici.'],
  },
  {
    en: ['Update on the outage in {cities}: service is coming back area by area. Thank you for your patience.'],
    es: ['Novedades sobre la avería en {cities}: el servicio vuelve por zonas. Gracias por vuestra paciencia.'],
    fr: ['Point sur la panne à {cities} : le service revient quartier par quartier. Merci de votre patience.'],
  },
  {
    en: ['Fibre service is restored in {cities}. If you are still without internet, please restart your router.'],
    es: ['El servicio de fibra está restablecido en {cities}. Si sigues sin internet, reinicia el router.'],
    fr: ['Le service fibre est rétabli à {cities}. Si vous êtes toujours sans internet, redémarrez votre box.'],
  },
];

const AND: Record<Language, string> = { en: 'and', es: 'y', fr: 'et' };

/** The status post of the outage's `day` (0 = the first), the places named in the language: "Madrid, Valencia and Barcelona". */
export function outageStatus(random: Random, day: number, language: Language, cities: readonly string[]): string {
  const corpus = OUTAGE_STATUS[Math.min(day, OUTAGE_STATUS.length - 1)];
  if (!corpus) return '';
  const places = cities.length > 1 ? `${cities.slice(0, -1).join(', ')} ${AND[language]} ${cities[cities.length - 1]}` : (cities[0] ?? '');
  return fill(pickIn(random, corpus, language), { cities: places });
}
