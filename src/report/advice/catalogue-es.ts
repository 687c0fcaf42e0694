import type { AdviceCatalogue } from './catalogue.js';

export const es: AdviceCatalogue = {
  units: { seconds: 's', minutes: 'min', hours: 'h', days: 'd' },
  titles: {
    unanswered: 'Responde a más personas de las que te escriben',
    slow: 'Responde más rápido',
    megaphone: 'Conversa con la gente, no le hables desde un altavoz',
    'canned-replies': 'Escribe respuestas que suenen humanas',
    'unsolicited-mentions': 'Deja de mencionar a quien no te ha escrito',
    'follow-ups': 'Cierra las conversaciones que empiezas',
    influencers: 'Atiende primero a los perfiles con mucha audiencia',
    'negative-mentions': 'Responde primero a las quejas',
    'business-hours': 'Cubre las horas en las que escriben tus clientes',
  },
  bodies: {
    unanswered:
      'Un mensaje sin respuesta es el error más visible en redes sociales: el cliente, y todo el que lee la conversación, ve que nadie contestó. Revisa cada día las menciones sin responder, empezando por las quejas, y acordad qué mensajes reciben siempre respuesta.',
    slow: 'Quien escribe a una marca en redes sociales espera respuesta en menos de una hora. Refuerza el equipo en las horas de más actividad, activa alertas para las menciones nuevas y envía una primera respuesta breve aunque la solución completa tarde más.',
    megaphone:
      'Frente a la competencia, más publicaciones son anuncios y menos son respuestas. Las redes premian la conversación: responde a las preguntas y comentarios de tus propias publicaciones antes de publicar el siguiente anuncio.',
    'canned-replies':
      'Muchas respuestas son el mismo texto cambiando solo un nombre o un número, y los clientes lo notan. Usa las plantillas como punto de partida, pero adapta cada respuesta a lo que la persona preguntó.',
    'unsolicited-mentions':
      'Enviar el mismo mensaje a personas que nunca contactaron con la marca se percibe como correo basura y puede hacer que la cuenta sea limitada. Responde a quien te habla y promociona en tus propias publicaciones.',
    'follow-ups':
      'Cuando un cliente contesta a tu respuesta, el caso no está cerrado. Sigue las conversaciones abiertas y responde a los seguimientos tan rápido como a los primeros mensajes, hasta que el cliente tenga lo que necesitaba.',
    influencers:
      'Una queja desde una cuenta con mucha audiencia llega a muchas personas. Marca a esos autores en la herramienta de atención para que sus mensajes se vean y se respondan primero.',
    'negative-mentions':
      'Las menciones negativas son donde una respuesta cambia más opiniones. Ordena la cola por sentimiento y asegúrate de que ninguna queja quede sin respuesta.',
    'business-hours':
      'Incluso contando solo el horario de atención, las respuestas son más lentas que las de la competencia. Compara el horario y el equipo con las horas en las que llegan las menciones.',
  },
  labels: {
    unanswered: 'Tasa de respuesta',
    slow: 'Tiempo de respuesta mediano',
    megaphone: 'Proporción de publicaciones que son respuestas',
    'canned-replies': 'Proporción de respuestas enlatadas',
    'unsolicited-mentions': 'Proporción de menciones no solicitadas',
    'follow-ups': 'Seguimientos respondidos',
    influencers: 'Tasa de respuesta a perfiles influyentes',
    'negative-mentions': 'Tasa de respuesta a menciones negativas',
    'business-hours': 'Tiempo de respuesta mediano en horario de atención',
  },
  diagnosticLabels: {
    cannedShare: 'Respuestas enlatadas',
    unsolicitedShare: 'Menciones no solicitadas',
    followUpAnsweredShare: 'Seguimientos respondidos',
    followUpTimeMedianMin: 'Tiempo mediano de respuesta a un seguimiento',
    abandonedShare: 'Conversaciones abandonadas',
    businessTimeMedianMin: 'Tiempo de respuesta mediano en horario de atención',
    responseRateInsideHours: 'Tasa de respuesta dentro del horario de atención',
    responseRateOutsideHours: 'Tasa de respuesta fuera del horario de atención',
    influencerResponseRate: 'Tasa de respuesta a perfiles influyentes',
    influencerTimeMedianMin: 'Tiempo de respuesta mediano a perfiles influyentes',
    negativeResponseRate: 'Tasa de respuesta a menciones negativas',
    negativeTimeMedianMin: 'Tiempo de respuesta mediano a menciones negativas',
    latestClockTimeMedianMin: 'Tiempo de respuesta mediano desde el último mensaje',
  },
  notes: {
    'no-follower-data': 'La exportación no trae número de seguidores para {brand}.',
    'no-sentiment-data': 'La exportación no trae sentimiento para {brand}.',
    'no-business-hours': 'No hay horario de atención configurado para {brand}.',
  },
  latestClockLabel: 'Tiempo de respuesta mediano desde el último mensaje del cliente',
  valueVsMedian: (label, brand, value, median, competitors) => `${label}: ${brand} ${value}; mediana de ${competitors} competidores medidos ${median}.`,
  rank: (brand, rank, of, best, bestValue) => `${brand} ocupa el puesto ${rank} de ${of}; la mejor marca es ${best}, con ${bestValue}.`,
  rankShared: (brand, rank, of, bests, bestValue) => `${brand} ocupa el puesto ${rank} de ${of}; ${bests} comparten el mejor valor, ${bestValue}.`,
  answeredOf: (answered, inbound) => `Se respondieron ${answered} de ${inbound} menciones.`,
  broadcastsVsReplies: (broadcasts, replies) => `${broadcasts} anuncios frente a ${replies} respuestas.`,
  topTemplate: (uses) => `La respuesta más repetida se envió ${uses} veces.`,
  unsolicitedCount: (count, posts) => `${count} de ${posts} publicaciones mencionaban a personas que no habían escrito a la marca.`,
  abandoned: (count, conversations) => `${count} de ${conversations} conversaciones terminaron con el mensaje del cliente sin respuesta.`,
  influencersVsOthers: (threshold, influencers, others) => `Los autores con al menos ${threshold} seguidores recibieron respuesta el ${influencers} de las veces; el resto, el ${others}.`,
  negativeAnswered: (answered, inbound) => `Se respondieron ${answered} de ${inbound} menciones negativas.`,
  outsideHours: (rate, inbound) => `Fuera del horario de atención se respondió el ${rate} de ${inbound} menciones.`,
};
