import type { AdviceCatalogue } from './catalogue.js';

export const fr: AdviceCatalogue = {
  units: { seconds: 's', minutes: 'min', hours: 'h', days: 'j' },
  titles: {
    unanswered: 'Répondez à davantage de personnes qui vous écrivent',
    slow: 'Répondez plus vite',
    megaphone: 'Dialoguez au lieu de diffuser',
    'canned-replies': 'Écrivez des réponses qui sonnent humain',
    'unsolicited-mentions': 'Cessez de mentionner des personnes qui ne vous ont pas écrit',
    'follow-ups': 'Allez au bout des conversations',
    influencers: 'Traitez d’abord les comptes à forte audience',
    'negative-mentions': 'Répondez d’abord aux plaintes',
    'business-hours': 'Couvrez les heures où vos clients écrivent',
  },
  bodies: {
    unanswered:
      'Un message sans réponse est l’erreur la plus visible sur les réseaux sociaux : le client, et tous ceux qui lisent l’échange, voient que personne n’a répondu. Passez en revue chaque jour les mentions sans réponse, en commençant par les plaintes, et convenez des messages qui reçoivent toujours une réponse.',
    slow: 'Qui écrit à une marque sur les réseaux sociaux attend une réponse dans l’heure. Renforcez l’équipe aux heures les plus chargées, activez des alertes pour les nouvelles mentions et envoyez une première réponse courte même si la solution complète prend plus de temps.',
    megaphone:
      'Par rapport aux concurrents, davantage de publications sont des annonces et moins sont des réponses. Les réseaux récompensent le dialogue : répondez aux questions et aux commentaires sous vos propres publications avant de publier l’annonce suivante.',
    'canned-replies':
      'Beaucoup de réponses reprennent le même texte en changeant seulement un prénom ou un numéro, et les clients le remarquent. Gardez les modèles comme point de départ, mais adaptez chaque réponse à ce que la personne a demandé.',
    'unsolicited-mentions':
      'Envoyer le même message à des personnes qui n’ont jamais contacté la marque passe pour du démarchage abusif et peut faire restreindre le compte. Répondez à ceux qui vous parlent et faites votre promotion dans vos propres publications.',
    'follow-ups':
      'Quand un client répond à votre réponse, le dossier n’est pas clos. Suivez les échanges ouverts et traitez les relances aussi vite que les premiers messages, jusqu’à ce que le client ait obtenu ce qu’il voulait.',
    influencers:
      'Une plainte venant d’un compte à forte audience touche beaucoup de monde. Signalez ces auteurs dans l’outil de relation client pour que leurs messages soient vus et traités en premier.',
    'negative-mentions':
      'C’est sur les mentions négatives qu’une réponse fait le plus changer d’avis. Triez la file par tonalité et veillez à ce qu’aucune plainte ne reste sans réponse.',
    'business-hours':
      'Même en ne comptant que les heures d’ouverture, les réponses sont plus lentes que celles des concurrents. Comparez les horaires et l’effectif avec les heures où arrivent les mentions.',
  },
  labels: {
    unanswered: 'Taux de réponse',
    slow: 'Temps de réponse médian',
    megaphone: 'Part des publications qui sont des réponses',
    'canned-replies': 'Part de réponses toutes faites',
    'unsolicited-mentions': 'Part de mentions non sollicitées',
    'follow-ups': 'Relances traitées',
    influencers: 'Taux de réponse aux comptes influents',
    'negative-mentions': 'Taux de réponse aux mentions négatives',
    'business-hours': 'Temps de réponse médian en heures d’ouverture',
  },
  diagnosticLabels: {
    cannedShare: 'Réponses toutes faites',
    unsolicitedShare: 'Mentions non sollicitées',
    followUpAnsweredShare: 'Relances traitées',
    followUpTimeMedianMin: 'Temps médian de réponse à une relance',
    abandonedShare: 'Conversations abandonnées',
    businessTimeMedianMin: 'Temps de réponse médian en heures d’ouverture',
    responseRateInsideHours: 'Taux de réponse pendant les heures d’ouverture',
    responseRateOutsideHours: 'Taux de réponse hors des heures d’ouverture',
    influencerResponseRate: 'Taux de réponse aux comptes influents',
    influencerTimeMedianMin: 'Temps de réponse médian aux comptes influents',
    negativeResponseRate: 'Taux de réponse aux mentions négatives',
    negativeTimeMedianMin: 'Temps de réponse médian aux mentions négatives',
    latestClockTimeMedianMin: 'Temps de réponse médian depuis le dernier message',
  },
  notes: {
    'no-follower-data': 'L’export ne donne pas le nombre d’abonnés pour {brand}.',
    'no-sentiment-data': 'L’export ne donne pas de tonalité pour {brand}.',
    'no-business-hours': 'Aucun horaire d’ouverture n’est défini pour {brand}.',
  },
  latestClockLabel: 'Temps de réponse médian depuis le dernier message du client',
  valueVsMedian: (label, brand, value, median, competitors) => `${label} : ${brand} ${value} ; médiane de ${competitors} concurrents mesurés ${median}.`,
  rank: (brand, rank, of, best, bestValue) => `${brand} est au rang ${rank} sur ${of} ; la meilleure marque est ${best}, avec ${bestValue}.`,
  rankShared: (brand, rank, of, bests, bestValue) => `${brand} est au rang ${rank} sur ${of} ; ${bests} se partagent la meilleure valeur, ${bestValue}.`,
  answeredOf: (answered, inbound) => `${answered} mentions sur ${inbound} ont reçu une réponse.`,
  broadcastsVsReplies: (broadcasts, replies) => `${broadcasts} annonces pour ${replies} réponses.`,
  topTemplate: (uses) => `La réponse la plus répétée a été envoyée ${uses} fois.`,
  unsolicitedCount: (count, posts) => `${count} publications sur ${posts} mentionnaient des personnes qui n’avaient pas écrit à la marque.`,
  abandoned: (count, conversations) => `${count} conversations sur ${conversations} se sont terminées sur un message du client resté sans réponse.`,
  influencersVsOthers: (threshold, influencers, others) => `Les auteurs ayant au moins ${threshold} abonnés ont obtenu une réponse dans ${influencers} des cas ; les autres dans ${others}.`,
  negativeAnswered: (answered, inbound) => `${answered} mentions négatives sur ${inbound} ont reçu une réponse.`,
  outsideHours: (rate, inbound) => `En dehors des heures d’ouverture, ${rate} des ${inbound} mentions ont reçu une réponse.`,
};
