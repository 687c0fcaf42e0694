/**
 * What the sample's people write, in English, Spanish and French. Templates
 * take {city}, {amount}, {days}, {n}, {name}, {order}, {brand}, {site}
 * placeholders that the generator fills.
 */
import type { Random } from './random.js';
import type { Language } from './spec.js';

export const ISSUE_TOPICS = ['billing', 'coverage', 'outage', 'roaming', 'porting', 'router', 'contract', 'app', 'speed', 'sim'] as const;
export type IssueTopic = (typeof ISSUE_TOPICS)[number];
export type Sentiment = 'negative' | 'neutral' | 'positive';

type Corpus = Record<Language, readonly string[]>;

const COMPLAINTS: Record<IssueTopic, Corpus> = {
  billing: {
    en: ['you charged me {amount} twice this month and nobody explains why', 'my bill went up by {amount} without any warning. Not happy', 'why is there a {amount} roaming fee on my bill? I never left {city}', 'third month in a row the invoice is wrong. Sort it out please', 'I was promised a discount and the bill still says {amount}'],
    es: ['me habéis cobrado {amount} dos veces este mes y nadie me explica nada', 'la factura ha subido {amount} sin avisar. Muy mal', 'tercer mes seguido con la factura mal. ¿Alguien lo va a arreglar?', 'me prometieron un descuento y sigo pagando {amount}', 'cargo de {amount} que no reconozco en la factura'],
    fr: ['vous m’avez facturé {amount} deux fois ce mois-ci, aucune explication', 'ma facture a augmenté de {amount} sans prévenir', 'troisième mois de suite avec une facture erronée', 'on m’avait promis une remise et je paie toujours {amount}'],
  },
  coverage: {
    en: ['zero signal at home in {city} since {days} days', 'no coverage at all in the centre of {city}. What am I paying for', 'calls keep dropping in {city}, every single day', 'signal is terrible indoors since the last update'],
    es: ['sin cobertura en casa en {city} desde hace {days} días', 'en el centro de {city} no hay manera de llamar', 'se me cortan las llamadas en {city} todos los días', 'la cobertura dentro de casa es horrible desde hace una semana'],
    fr: ['aucun réseau chez moi à {city} depuis {days} jours', 'les appels coupent sans arrêt à {city}', 'pas de réseau à l’intérieur depuis la dernière mise à jour'],
  },
  outage: {
    en: ['internet down again in {city}. Working from home is impossible', 'fibre has been down since this morning, any news?', 'whole street without internet in {city} for {days} days now', 'is there an outage? nothing works here in {city}'],
    es: ['otra vez sin internet en {city}. Imposible teletrabajar', 'la fibra no funciona desde esta mañana, ¿sabéis algo?', 'toda la calle sin internet en {city} desde hace {days} días', 'hay una avería? aquí en {city} no va nada'],
    fr: ['encore une coupure internet à {city}, impossible de télétravailler', 'la fibre ne marche plus depuis ce matin, des nouvelles ?', 'toute la rue sans internet à {city} depuis {days} jours'],
  },
  roaming: {
    en: ['data roaming not working in France even though it is included', 'landed in Lisbon and no data at all. Roaming is on', 'got a {amount} roaming charge for two days in London'],
    es: ['el roaming no funciona en Francia y lo tengo incluido', 'acabo de aterrizar en Lisboa y no tengo datos', 'me han cobrado {amount} de roaming por dos días en Londres'],
    fr: ['les données en itinérance ne marchent pas en Italie', 'arrivé à Lisbonne, aucune donnée mobile', 'facturé {amount} d’itinérance pour deux jours à Londres'],
  },
  porting: {
    en: ['my number port has been stuck for {days} days', 'I switched {days} days ago and still cannot receive calls', 'porting my number took my whole week and it still failed'],
    es: ['la portabilidad lleva {days} días atascada', 'me cambié hace {days} días y sigo sin recibir llamadas', 'la portabilidad de mi número sigue sin hacerse'],
    fr: ['la portabilité de mon numéro est bloquée depuis {days} jours', 'changé d’opérateur il y a {days} jours et toujours pas d’appels'],
  },
  router: {
    en: ['the new router keeps rebooting every hour', 'wifi drops every evening, the router lights go red', 'the technician never showed up to install the router'],
    es: ['el router nuevo se reinicia cada hora', 'el wifi se cae todas las noches, luz roja en el router', 'el técnico no vino a instalar el router'],
    fr: ['la nouvelle box redémarre toutes les heures', 'le wifi coupe tous les soirs, voyant rouge sur la box', 'le technicien n’est jamais venu installer la box'],
  },
  contract: {
    en: ['I have been trying to cancel my contract for {days} days', 'you renewed my contract without asking me', 'I want to leave and nobody answers the phone'],
    es: ['llevo {days} días intentando dar de baja el contrato', 'me habéis renovado el contrato sin preguntarme', 'quiero darme de baja y nadie coge el teléfono'],
    fr: ['j’essaie de résilier mon contrat depuis {days} jours', 'vous avez renouvelé mon contrat sans me demander'],
  },
  app: {
    en: ['the app logs me out every time I open it', 'cannot pay my bill in the app, error {n}', 'app says my account does not exist??'],
    es: ['la app me cierra la sesión cada vez que la abro', 'no puedo pagar la factura en la app, error {n}', 'la app dice que mi cuenta no existe??'],
    fr: ['l’appli me déconnecte à chaque ouverture', 'impossible de payer dans l’appli, erreur {n}'],
  },
  speed: {
    en: ['paying for 600 Mb and getting {n} Mb. Every evening', 'speed test says {n} Mb on a 1 Gb plan', '4G crawling in {city} today'],
    es: ['pago 600 Mb y me llegan {n} Mb. Todas las noches', 'el test de velocidad da {n} Mb con la tarifa de 1 Gb', 'el 4G va lentísimo hoy en {city}'],
    fr: ['je paie 600 Mb et j’ai {n} Mb le soir', 'le test de débit donne {n} Mb avec l’offre 1 Gb'],
  },
  sim: {
    en: ['my eSIM activation failed twice', 'the new SIM never arrived, order {order}', 'SIM blocked after the update, PUK not working'],
    es: ['la activación de la eSIM ha fallado dos veces', 'la SIM nueva no ha llegado, pedido {order}', 'SIM bloqueada y el PUK no funciona'],
    fr: ['l’activation de l’eSIM a échoué deux fois', 'la nouvelle SIM n’est jamais arrivée, commande {order}'],
  },
};

const QUESTIONS: Corpus = {
  en: ['do you have fibre in {city} yet?', 'how do I activate roaming before my trip?', 'is 5G included in my plan or do I pay extra?', 'can I keep my number if I switch to you?', 'what is the cheapest plan with unlimited data?', 'when will the new iPhone be in stock?', 'how can I change the bank account for my bills?', 'can I add a second line to my contract?'],
  es: ['¿tenéis fibra en {city}?', '¿cómo activo el roaming antes de viajar?', '¿el 5G está incluido en mi tarifa?', '¿puedo mantener mi número si me cambio?', '¿cuál es la tarifa más barata con datos ilimitados?', '¿cómo cambio la cuenta bancaria de la factura?', '¿puedo añadir una segunda línea?'],
  fr: ['vous avez la fibre à {city} ?', 'comment activer l’itinérance avant mon voyage ?', 'la 5G est-elle incluse dans mon forfait ?', 'puis-je garder mon numéro si je change ?', 'comment changer le compte bancaire de mes factures ?'],
};

const PRAISE: Corpus = {
  en: ['thanks for fixing my line so fast, great service', 'the technician was brilliant today, thank you', 'finally decent coverage in {city}, well done', 'love the new plan, saving {amount} a month'],
  es: ['gracias por arreglarlo tan rápido, un servicio genial', 'el técnico de hoy ha sido un crack, gracias', 'por fin buena cobertura en {city}, bien hecho', 'me encanta la nueva tarifa, ahorro {amount} al mes'],
  fr: ['merci d’avoir réparé ma ligne si vite', 'le technicien était super aujourd’hui, merci', 'enfin du réseau correct à {city}, bravo'],
};

const FOLLOW_UPS: Record<'unhappy' | 'done' | 'thanks', Corpus> = {
  unhappy: {
    en: ['still not working. It has been {days} days', 'I sent the DM yesterday and nobody replied', 'that did not help at all, the problem is still there', 'any update? still waiting', 'same issue again this morning'],
    es: ['sigue sin funcionar. Ya van {days} días', 'os mandé el DM ayer y nadie contesta', 'eso no ha servido de nada, sigo igual', '¿alguna novedad? sigo esperando', 'otra vez lo mismo esta mañana'],
    fr: ['ça ne marche toujours pas, {days} jours déjà', 'j’ai envoyé le DM hier, aucune réponse', 'toujours en attente, des nouvelles ?'],
  },
  done: {
    en: ['DM sent with my account number', 'done, sent you the details by DM', 'ok, just messaged you'],
    es: ['DM enviado con mi número de cliente', 'hecho, os he mandado los datos por DM', 'vale, ya os he escrito'],
    fr: ['DM envoyé avec mon numéro client', 'c’est fait, je vous ai écrit en privé'],
  },
  thanks: {
    en: ['thanks, it works now!', 'sorted, thank you', 'great, thanks for the quick help'],
    es: ['¡gracias, ya funciona!', 'solucionado, gracias', 'genial, gracias por la ayuda'],
    fr: ['merci, ça marche maintenant !', 'réglé, merci beaucoup'],
  },
};

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

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const pickIn = (random: Random, corpus: Corpus, language: Language): string => random.pick(corpus[language].length > 0 ? corpus[language] : corpus.en);

export type MentionKind = 'complaint' | 'question' | 'praise';

export function mentionText(random: Random, kind: MentionKind, topic: IssueTopic, language: Language): string {
  if (kind === 'question') return pickIn(random, QUESTIONS, language);
  if (kind === 'praise') return pickIn(random, PRAISE, language);
  return pickIn(random, COMPLAINTS[topic], language);
}

export function followUpText(random: Random, mood: 'unhappy' | 'done' | 'thanks', language: Language): string {
  return pickIn(random, FOLLOW_UPS[mood], language);
}

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
