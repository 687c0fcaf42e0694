/**
 * The page of `replybench serve`: clients, exports, brands, check and
 * reports, over the JSON API (docs/serve.md). Every text from the data is set
 * as text, never as HTML; the page loads nothing but its own files.
 */

type Language = 'en' | 'es' | 'fr';

const STRINGS: Record<Language, Record<string, string>> = {
  en: {
    noToken: 'Open the address that replybench serve printed: it carries the token this page needs.',
    clients: 'Clients',
    noClients: 'No client yet: create the first one.',
    newClient: 'New client',
    id: 'Id (folder name)',
    name: 'Name',
    timezone: 'Timezone',
    language: 'Language',
    create: 'Create',
    exports: 'Exports',
    alreadyImported: 'This content was already imported on',
    addsNothing: 'importing it again adds no post.',
    localTimes: 'Times written without an offset are in',
    readIn: 'Times without an offset read in',
    exportsHint: 'CSV, TSV, XLSX or ZIP exports of a listening or care tool. Nothing is stored before you import.',
    upload: 'Preview',
    import: 'Import',
    format: 'Layout',
    encoding: 'Encoding',
    delimiter: 'Delimiter',
    rows: 'Rows read',
    newPosts: 'New posts',
    alreadyStored: 'Already in the database',
    rejected: 'Would reject',
    repeatedInFile: 'Repeated in the file',
    unreadDates: 'Dates not read, for example',
    field: 'Field',
    columns: 'Columns',
    firstRows: 'First rows as the store would hold them',
    "field.id": "Post id",
    "field.author": "Author",
    "field.date": "Date",
    "field.time": "Time of day",
    "field.text": "Text",
    "field.parentId": "Id of the post it answers",
    "field.parentUrl": "Link of the post it answers",
    "field.authorName": "Author's name",
    "field.followers": "Followers",
    "field.url": "Link",
    "field.language": "Language",
    "field.sentiment": "Sentiment",
    "field.topic": "Topic or query",
    "field.thread": "Conversation id",
    "field.inReplyToUser": "User it answers",
    "mapColumns": "Which column holds what",
    "unknownLayout": "replybench does not recognise the columns of this file: say below which column holds what.",
    "mappingSaved": "The columns picked here are saved as",
    "dateFormatTaken": "The date format was read from the column's dates; change it if they mean something else.",
    "dayMonthAmbiguous": "Day and month could be swapped in every date seen: check which comes first.",
    "noDataYet": "Nothing imported yet: import an export first.",
    "pickRequired": "The preview starts once a column is picked for each field every import needs:",
    "dateFormat": "Date format (iso, epoch or %d/%m/%Y %H:%M)",
    span: 'Span',
    kinds: 'Posts by kind',
    topAuthors: 'Most frequent authors',
    topMentioned: 'Most mentioned handles',
    imported: 'Imported',
    duplicates: 'repeated or already held',
    brands: 'Brands',
    brandsHint: 'The client first, then its competitors, with their handles on each platform: one handle per field (the data suggests them as you type).',
    addPlatform: 'Add a platform',
    platformColumn: 'a column of the file',
    postsWord: 'posts',
    repliesCount: '{n} replies',
    repliesCountOne: '1 reply',
    mentionsCount: 'mentioned {n} times',
    mentionsCountOne: 'mentioned once',
    dayWord: 'day',
    daysWord: 'days',
    tab: 'tab',
    topRepliers: 'Most active repliers (likely brand accounts)',
    rejectedRows: 'Rejected rows',
    warning: 'Warning',
    what: 'What',
    detail: 'Detail',
    platformFixed: 'every row is on',
    platformFromLinks: 'each row’s link (instagram.com: Instagram)',
    removeBrand: 'Remove',
    brandNeedsLetters: 'Give the competitor a name with letters or digits.',
    brandTaken: 'A brand of this name is already in the list:',
    addBrand: 'Add a competitor',
    save: 'Save',
    saved: 'Saved.',
    agency: 'Agency, on the report’s cover',
    agencyNeedsName: 'The report’s cover carries the agency’s logo: write the agency’s name, or remove the logo.',
    logo: 'Agency logo (PNG, JPEG or SVG)',
    logoNone: 'No logo on the cover.',
    logoReceived: 'Logo received: save to put it on the report’s cover.',
    logoUnreadable: 'The logo replybench.yaml names cannot be shown:',
    removeLogo: 'Remove the logo',
    'error.bad-logo.too-large': 'The logo is larger than 2 MB: send a smaller image.',
    'error.bad-logo.not-an-image': 'The logo is not a PNG, JPEG or SVG image (by its content): convert it to one of these.',
    'error.bad-logo.damaged': 'The logo is a damaged image (its size cannot be read): export it again.',
    'error.bad-logo.too-many-pixels': 'The logo is more than 4,000 pixels a side: use a smaller image (a logo is printed a few centimetres wide).',
    'error.busy': 'This client’s {action} of {subject} is still running: wait until it ends.',
    'error.config-changed': 'replybench.yaml changed since the page read it (in a terminal or another window): nothing was saved. Open the client again to see the file as it is now, then make the change again.',
    'error.too-large': 'The file is larger than {limit}, the most an upload may be: import it with replybench import instead.',
    'error.upload-gone': 'This upload is no longer waiting to be imported: upload the file again.',
    'error.no-accounts': 'The brand “{brand}” has no account yet: pick its handles under Brands and save.',
    storedUnknown: 'What the database holds cannot be read while an import of this client runs: preview the file again once it is done.',
    'error.bad-period.empty': 'Write a period first: a month (2017-10), a quarter (2017-Q4) or two dates (2017-10-01..2017-10-15).',
    'error.bad-period': '“{period}” is not a period: write a month (2017-10), a quarter (2017-Q4) or two dates (2017-10-01..2017-10-15).',
    'error.bad-period.no-such-date': '“{period}” names a day or a month that does not exist.',
    'error.bad-period.order': '“{period}”: the first date comes after the second.',
    'error.bad-period.year': '“{period}”: the data of social networks can come from 2006 to 2100 only.',
    'action.import': 'import',
    'action.report': 'report',
    checkingHandles: 'Checking the accounts against the data of',
    handlesInData: 'Every account is in the data of',
    handles: '{platform} handles',
    check: 'Check',
    period: 'Period (2017-10, 2017-Q4)',
    runCheck: 'Check',
    coverage: 'Coverage',
    brand: 'Brand',
    platform: 'Platform',
    inbound: 'Mentions',
    measured: 'Measured mentions',
    measuredNote: 'Measured mentions: those that need an answer, on platforms where the data holds posts of the brand; its response figures rest on them.',
    allPlatforms: 'all platforms',
    accountsInData: 'Accounts the data holds on {platform}, to take the brands’ handles from',
    repliersMost: 'replying most',
    mentionedMost: 'mentioned most',
    configMatches: 'Every handle of the brands posts or is mentioned in the period, and every topic is carried by posts.',
    ownPosts: 'Own posts',
    warnings: 'Warnings',
    noWarning: 'none',
    noData: 'no data',
    allMeasured: 'Every brand and platform is measured on the whole period.',
    configWarnings: 'The config against the data',
    report: 'Report',
    generate: 'Write the report',
    reportFiles: 'The report, to download or open:',
    working: 'Working…',
    needsHandlesAfterImport: 'Next: give the client and its competitors their handles under Brands (the data offers them).',
    needsHandles: 'Next: preview and import an export, then give the client and its competitors their handles under Brands (the data offers them).',
    uploading: 'Uploading…',
    uploadFailed: 'the upload did not reach the server; try again.',
    questionMark: '?',
    replaceReport: 'Write it again over the earlier report',
    leaveUnsaved: 'The brands form has changes not saved yet: change the language and lose them?',
    reports: 'Earlier reports',
    importingFile: 'importing',
    writingReport: 'writing the report of',
    'warning.no-brand-posts': 'no own posts',
    'warning.no-brand-posts-somewhere': 'no own posts on some platforms',
    'warning.few-brand-posts': 'few own posts',
    'warning.responses-missing': 'responses missing',
    'warning.brand-posts-partial': 'own posts on part of the period',
    'warning.parents-missing': 'answered posts missing',
    'warning.dominant-author': 'one author dominates',
    'warning.partial-period': 'part of the period',
    'column.platform': 'Platform',
    'column.post_id': 'Post id',
    'column.created_at': 'Date',
    'column.author': 'Author',
    'column.author_name': 'Author name',
    'column.author_followers': 'Followers',
    'column.kind': 'Kind',
    'column.parent_id': 'Answers post',
    'column.parent_url': 'Answers link',
    'column.thread_id': 'Thread',
    'column.text': 'Text',
    'column.url': 'Link',
    'column.language': 'Language',
    'column.sentiment': 'Sentiment',
    'column.topic': 'Topic',
    'column.response_ids': 'Listed responses',
    'column.reply_to_user': 'Answers user',
    'kindOne.post': 'post',
    'kindOne.reply': 'reply',
    'kindOne.repost': 'repost',
    'kindOne.quote': 'quote',
    'kindOne.comment': 'comment',
    'platform.news': 'news',
    'platform.forum': 'forum',
    'platform.review': 'reviews',
    // Networks by their own names, in every language.
    'platform.twitter': 'Twitter',
    'platform.facebook': 'Facebook',
    'platform.instagram': 'Instagram',
    'platform.youtube': 'YouTube',
    'platform.tiktok': 'TikTok',
    'platform.linkedin': 'LinkedIn',
    'platform.reddit': 'Reddit',
    'platform.threads': 'Threads',
    'platform.bluesky': 'Bluesky',
    'platform.mastodon': 'Mastodon',
    'platform.pinterest': 'Pinterest',
    'kind.post': 'posts',
    'kind.reply': 'replies',
    'kind.repost': 'reposts',
    'kind.quote': 'quotes',
    'kind.comment': 'comments',
    colon: ': ',
    quoteOpen: '“',
    quoteClose: '”',
    step: 'step',
    rowsWord: 'rows',
    'step.reading': 'reading the file',
    'step.loading': 'loading rows',
    'step.checking': 'checking rows',
    'step.saving': 'saving posts',
    'step.metrics': 'measuring responses',
    'step.themes': 'finding what people write about',
    'step.diagnostics': 'looking for mistakes',
    'step.pages': 'laying out pages and charts',
    'step.files': 'writing the PDF, deck and workbook',
  },
  es: {
    noToken: 'Abra la dirección que imprimió replybench serve: lleva el token que esta página necesita.',
    clients: 'Clientes',
    noClients: 'Aún no hay clientes: cree el primero.',
    newClient: 'Nuevo cliente',
    id: 'Id (nombre de carpeta)',
    name: 'Nombre',
    timezone: 'Zona horaria',
    language: 'Idioma',
    create: 'Crear',
    exports: 'Exportaciones',
    alreadyImported: 'Este contenido ya se importó el',
    addsNothing: 'importarlo de nuevo no añade ninguna publicación.',
    localTimes: 'Horas escritas sin desfase horario, en',
    readIn: 'Horas sin desfase leídas en',
    exportsHint: 'Exportaciones CSV, TSV, XLSX o ZIP de una herramienta de escucha o atención. Nada se guarda antes de importar.',
    upload: 'Previsualizar',
    import: 'Importar',
    format: 'Formato',
    encoding: 'Codificación',
    delimiter: 'Separador',
    rows: 'Filas leídas',
    newPosts: 'Publicaciones nuevas',
    alreadyStored: 'Ya en la base de datos',
    rejected: 'Se rechazarían',
    repeatedInFile: 'Repetidas en el archivo',
    unreadDates: 'Fechas no leídas, por ejemplo',
    field: 'Campo',
    columns: 'Columnas',
    firstRows: 'Primeras filas tal como se guardarían',
    "field.id": "Id de la publicación",
    "field.author": "Autor",
    "field.date": "Fecha",
    "field.time": "Hora",
    "field.text": "Texto",
    "field.parentId": "Id de la publicación a la que responde",
    "field.parentUrl": "Enlace de la publicación a la que responde",
    "field.authorName": "Nombre del autor",
    "field.followers": "Seguidores",
    "field.url": "Enlace",
    "field.language": "Idioma",
    "field.sentiment": "Sentimiento",
    "field.topic": "Tema o búsqueda",
    "field.thread": "Id de la conversación",
    "field.inReplyToUser": "Usuario al que responde",
    "mapColumns": "Qué columna contiene qué",
    "unknownLayout": "replybench no reconoce las columnas de este archivo: indique abajo qué columna contiene qué.",
    "mappingSaved": "Las columnas elegidas aquí se guardan en",
    "dateFormatTaken": "El formato de fecha se ha tomado de las fechas de la columna; cámbielo si significan otra cosa.",
    "dayMonthAmbiguous": "Día y mes podrían intercambiarse en todas las fechas vistas: compruebe cuál va primero.",
    "noDataYet": "Aún no se ha importado nada: importe primero una exportación.",
    "pickRequired": "La vista previa empieza cuando se elige una columna para cada campo que toda importación necesita:",
    "dateFormat": "Formato de fecha (iso, epoch o %d/%m/%Y %H:%M)",
    span: 'Periodo cubierto',
    kinds: 'Publicaciones por tipo',
    topAuthors: 'Autores más frecuentes',
    topMentioned: 'Cuentas más mencionadas',
    imported: 'Importadas',
    duplicates: 'repetidas o ya guardadas',
    brands: 'Marcas',
    brandsHint: 'Primero el cliente, luego sus competidores, con sus cuentas en cada plataforma: una cuenta por campo (los datos las sugieren al escribir).',
    addPlatform: 'Añadir una plataforma',
    platformColumn: 'una columna del archivo',
    postsWord: 'publicaciones',
    repliesCount: '{n} respuestas',
    repliesCountOne: '1 respuesta',
    mentionsCount: 'mencionada {n} veces',
    mentionsCountOne: 'mencionada una vez',
    dayWord: 'día',
    daysWord: 'días',
    tab: 'tabulador',
    topRepliers: 'Quién más responde (probables cuentas de marca)',
    rejectedRows: 'Filas rechazadas',
    warning: 'Aviso',
    what: 'Qué',
    detail: 'Detalle',
    platformFixed: 'todas las filas son de',
    platformFromLinks: 'el enlace de cada fila (instagram.com: Instagram)',
    removeBrand: 'Quitar',
    brandNeedsLetters: 'Dé al competidor un nombre con letras o cifras.',
    brandTaken: 'Ya hay una marca de este nombre en la lista:',
    addBrand: 'Añadir un competidor',
    save: 'Guardar',
    saved: 'Guardado.',
    agency: 'Agencia, en la portada del informe',
    agencyNeedsName: 'La portada del informe lleva el logotipo de la agencia: escriba el nombre de la agencia o quite el logotipo.',
    logo: 'Logotipo de la agencia (PNG, JPEG o SVG)',
    logoNone: 'Sin logotipo en la portada.',
    logoReceived: 'Logotipo recibido: guarde para ponerlo en la portada del informe.',
    logoUnreadable: 'No se puede mostrar el logotipo que nombra replybench.yaml:',
    removeLogo: 'Quitar el logotipo',
    'error.bad-logo.too-large': 'El logotipo pesa más de 2 MB: envíe una imagen más pequeña.',
    'error.bad-logo.not-an-image': 'El logotipo no es una imagen PNG, JPEG o SVG (por su contenido): conviértalo a uno de estos formatos.',
    'error.bad-logo.damaged': 'El logotipo es una imagen dañada (no se puede leer su tamaño): expórtelo de nuevo.',
    'error.bad-logo.too-many-pixels': 'El logotipo mide más de 4000 píxeles de lado: use una imagen más pequeña (un logotipo se imprime con unos centímetros de ancho).',
    'error.busy': 'Sigue en curso {action} de {subject} de este cliente: espere a que termine.',
    'error.config-changed': 'replybench.yaml ha cambiado desde que la página lo leyó (en un terminal o en otra ventana): no se ha guardado nada. Abra de nuevo el cliente para ver el archivo tal como está y vuelva a hacer el cambio.',
    'error.too-large': 'El archivo pesa más de {limit}, el máximo de una subida: impórtelo con replybench import.',
    'error.upload-gone': 'Este archivo ya no está pendiente de importar: vuelva a subirlo.',
    'error.no-accounts': 'La marca «{brand}» aún no tiene cuentas: elija sus cuentas en «Marcas» y guarde.',
    storedUnknown: 'No se puede leer lo que contiene la base de datos mientras se importa otro archivo de este cliente: vuelva a previsualizar el archivo cuando termine.',
    'error.bad-period.empty': 'Escriba primero un periodo: un mes (2017-10), un trimestre (2017-Q4) o dos fechas (2017-10-01..2017-10-15).',
    'error.bad-period': '«{period}» no es un periodo: escriba un mes (2017-10), un trimestre (2017-Q4) o dos fechas (2017-10-01..2017-10-15).',
    'error.bad-period.no-such-date': '«{period}» nombra un día o un mes que no existe.',
    'error.bad-period.order': '«{period}»: la primera fecha es posterior a la segunda.',
    'error.bad-period.year': '«{period}»: los datos de las redes sociales solo pueden ser de 2006 a 2100.',
    'action.import': 'la importación',
    'action.report': 'el informe',
    checkingHandles: 'Comprobando las cuentas con los datos de',
    handlesInData: 'Todas las cuentas están en los datos de',
    handles: 'Cuentas de {platform}',
    check: 'Comprobación',
    period: 'Periodo (2017-10, 2017-Q4)',
    runCheck: 'Comprobar',
    coverage: 'Cobertura',
    brand: 'Marca',
    platform: 'Plataforma',
    inbound: 'Menciones',
    measured: 'Menciones medidas',
    measuredNote: 'Menciones medidas: las que necesitan respuesta, en las plataformas donde los datos contienen publicaciones de la marca; sus cifras de respuesta se basan en ellas.',
    allPlatforms: 'todas las plataformas',
    accountsInData: 'Cuentas que aparecen en los datos de {platform}, para elegir entre ellas las de las marcas',
    repliersMost: 'las que más responden',
    mentionedMost: 'las más mencionadas',
    configMatches: 'Cada cuenta de las marcas publica o es mencionada en el periodo, y cada tema aparece en publicaciones.',
    ownPosts: 'Publicaciones propias',
    warnings: 'Avisos',
    noWarning: 'ninguno',
    noData: 'sin datos',
    allMeasured: 'Cada marca y plataforma se mide en todo el periodo.',
    configWarnings: 'La configuración frente a los datos',
    report: 'Informe',
    generate: 'Escribir el informe',
    reportFiles: 'El informe, para descargar o abrir:',
    working: 'Trabajando…',
    needsHandlesAfterImport: 'Siguiente paso: indique las cuentas del cliente y de sus competidores en Marcas (los datos las sugieren).',
    needsHandles: 'Siguiente paso: previsualice e importe una exportación, y luego indique las cuentas del cliente y de sus competidores en Marcas (los datos las sugieren).',
    uploading: 'Subiendo…',
    uploadFailed: 'la subida no llegó al servidor; inténtelo de nuevo.',
    questionMark: '?',
    replaceReport: '¿Escribirlo de nuevo sobre el informe anterior',
    leaveUnsaved: 'El formulario de marcas tiene cambios sin guardar: ¿cambiar de idioma y perderlos?',
    reports: 'Informes anteriores',
    importingFile: 'importando',
    writingReport: 'escribiendo el informe de',
    'warning.no-brand-posts': 'sin publicaciones propias',
    'warning.no-brand-posts-somewhere': 'sin publicaciones propias en alguna plataforma',
    'warning.few-brand-posts': 'pocas publicaciones propias',
    'warning.responses-missing': 'faltan respuestas',
    'warning.brand-posts-partial': 'publicaciones propias de parte del periodo',
    'warning.parents-missing': 'faltan los originales',
    'warning.dominant-author': 'un autor domina',
    'warning.partial-period': 'parte del periodo',
    'column.platform': 'Plataforma',
    'column.post_id': 'Id de la publicación',
    'column.created_at': 'Fecha',
    'column.author': 'Autor',
    'column.author_name': 'Nombre del autor',
    'column.author_followers': 'Seguidores',
    'column.kind': 'Tipo',
    'column.parent_id': 'Responde a la publicación',
    'column.parent_url': 'Responde al enlace',
    'column.thread_id': 'Hilo',
    'column.text': 'Texto',
    'column.url': 'Enlace',
    'column.language': 'Idioma',
    'column.sentiment': 'Sentimiento',
    'column.topic': 'Tema',
    'column.response_ids': 'Respuestas indicadas',
    'column.reply_to_user': 'Responde al usuario',
    'kindOne.post': 'publicación',
    'format.twcs': 'CSV «Customer Support on Twitter» de Kaggle',
    'format.twarc2': 'CSV de twarc2',
    'format.twitter-v2': 'CSV de la API v2 de Twitter',
    'format.talkwalker': 'CSV de Talkwalker',
    'format.meltwater': 'exportación de Meltwater',
    'format.brandwatch': 'CSV de Brandwatch',
    'format.sprout': 'exportación de mensajes de Sprout Social',
    'format.facebook-comments': 'comentarios de Facebook o Instagram',
    'kindOne.reply': 'respuesta',
    'kindOne.repost': 'reenvío',
    'kindOne.quote': 'cita',
    'kindOne.comment': 'comentario',
    'platform.news': 'noticias',
    'platform.forum': 'foros',
    'platform.review': 'reseñas',
    'kind.post': 'publicaciones',
    'kind.reply': 'respuestas',
    'kind.repost': 'reenvíos',
    'kind.quote': 'citas',
    'kind.comment': 'comentarios',
    colon: ': ',
    quoteOpen: '«',
    quoteClose: '»',
    step: 'paso',
    rowsWord: 'filas',
    'step.reading': 'leyendo el archivo',
    'step.loading': 'cargando filas',
    'step.checking': 'comprobando filas',
    'step.saving': 'guardando publicaciones',
    'step.metrics': 'midiendo las respuestas',
    'step.themes': 'buscando de qué escribe la gente',
    'step.diagnostics': 'buscando errores',
    'step.pages': 'componiendo páginas y gráficos',
    'step.files': 'escribiendo el PDF, la presentación y el libro',
  },
  fr: {
    noToken: "Ouvrez l'adresse affichée par replybench serve : elle porte le jeton dont cette page a besoin.",
    clients: 'Clients',
    noClients: 'Aucun client pour l’instant : créez le premier.',
    newClient: 'Nouveau client',
    id: 'Id (nom du dossier)',
    name: 'Nom',
    timezone: 'Fuseau horaire',
    language: 'Langue',
    create: 'Créer',
    exports: 'Exports',
    alreadyImported: 'Ce contenu a déjà été importé le',
    addsNothing: 'l’importer de nouveau n’ajoute aucune publication.',
    localTimes: 'Heures écrites sans décalage horaire, en',
    readIn: 'Heures sans décalage lues en',
    exportsHint: "Exports CSV, TSV, XLSX ou ZIP d'un outil d'écoute ou de relation client. Rien n'est enregistré avant l'import.",
    upload: 'Aperçu',
    import: 'Importer',
    format: 'Format',
    encoding: 'Encodage',
    delimiter: 'Séparateur',
    rows: 'Lignes lues',
    newPosts: 'Nouvelles publications',
    alreadyStored: 'Déjà dans la base',
    rejected: 'Seraient rejetées',
    repeatedInFile: 'Répétées dans le fichier',
    unreadDates: 'Dates non lues, par exemple',
    field: 'Champ',
    columns: 'Colonnes',
    firstRows: 'Premières lignes telles que la base les garderait',
    "field.id": "Id de la publication",
    "field.author": "Auteur",
    "field.date": "Date",
    "field.time": "Heure",
    "field.text": "Texte",
    "field.parentId": "Id de la publication à laquelle elle répond",
    "field.parentUrl": "Lien de la publication à laquelle elle répond",
    "field.authorName": "Nom de l'auteur",
    "field.followers": "Abonnés",
    "field.url": "Lien",
    "field.language": "Langue",
    "field.sentiment": "Sentiment",
    "field.topic": "Thème ou requête",
    "field.thread": "Id de la conversation",
    "field.inReplyToUser": "Utilisateur auquel elle répond",
    "mapColumns": "Quelle colonne contient quoi",
    "unknownLayout": "replybench ne reconnaît pas les colonnes de ce fichier : indiquez ci-dessous quelle colonne contient quoi.",
    "mappingSaved": "Les colonnes choisies ici sont enregistrées dans",
    "dateFormatTaken": "Le format de date a été lu dans les dates de la colonne ; changez-le si elles veulent dire autre chose.",
    "dayMonthAmbiguous": "Jour et mois pourraient être inversés dans toutes les dates vues : vérifiez lequel vient en premier.",
    "noDataYet": "Rien n’est encore importé : importez d’abord un export.",
    "pickRequired": "L’aperçu commence dès qu’une colonne est choisie pour chaque champ dont tout import a besoin :",
    "dateFormat": "Format de date (iso, epoch ou %d/%m/%Y %H:%M)",
    span: 'Période couverte',
    kinds: 'Publications par type',
    topAuthors: 'Auteurs les plus fréquents',
    topMentioned: 'Comptes les plus mentionnés',
    imported: 'Importées',
    duplicates: 'répétées ou déjà présentes',
    brands: 'Marques',
    brandsHint: 'Le client d’abord, puis ses concurrents, avec leurs comptes sur chaque plateforme\u00a0: un compte par champ (les données les suggèrent pendant la saisie).',
    addPlatform: 'Ajouter une plateforme',
    platformColumn: 'une colonne du fichier',
    postsWord: 'publications',
    repliesCount: '{n}\u00a0réponses',
    repliesCountOne: '1\u00a0réponse',
    mentionsCount: 'mentionné {n}\u00a0fois',
    mentionsCountOne: 'mentionné une fois',
    dayWord: 'jour',
    daysWord: 'jours',
    tab: 'tabulation',
    topRepliers: 'Qui répond le plus (comptes de marque probables)',
    rejectedRows: 'Lignes rejetées',
    warning: 'Alerte',
    what: 'Quoi',
    detail: 'Détail',
    platformFixed: 'toutes les lignes sont sur',
    platformFromLinks: 'le lien de chaque ligne (instagram.com\u00a0: Instagram)',
    removeBrand: 'Retirer',
    brandNeedsLetters: 'Donnez au concurrent un nom avec des lettres ou des chiffres.',
    brandTaken: 'Une marque de ce nom est déjà dans la liste\u00a0:',
    addBrand: 'Ajouter un concurrent',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    agency: 'Agence, en couverture du rapport',
    agencyNeedsName: 'La couverture du rapport porte le logo de l’agence\u00a0: écrivez le nom de l’agence, ou retirez le logo.',
    logo: 'Logo de l’agence (PNG, JPEG ou SVG)',
    logoNone: 'Pas de logo en couverture.',
    logoReceived: 'Logo reçu\u00a0: enregistrez pour le mettre en couverture du rapport.',
    logoUnreadable: 'Le logo que nomme replybench.yaml ne peut pas être affiché\u00a0:',
    removeLogo: 'Retirer le logo',
    'error.bad-logo.too-large': 'Le logo dépasse 2\u00a0Mo\u00a0: envoyez une image plus petite.',
    'error.bad-logo.not-an-image': 'Le logo n’est pas une image PNG, JPEG ou SVG (d’après son contenu)\u00a0: convertissez-le dans l’un de ces formats.',
    'error.bad-logo.damaged': 'Le logo est une image abîmée (sa taille est illisible)\u00a0: exportez-le à nouveau.',
    'error.bad-logo.too-many-pixels': 'Le logo dépasse 4\u00a0000 pixels de côté\u00a0: utilisez une image plus petite (un logo s’imprime sur quelques centimètres).',
    'error.busy': '{action} de {subject} de ce client est encore en cours\u00a0: attendez qu’il se termine.',
    'error.config-changed': 'replybench.yaml a changé depuis que la page l’a lu (dans un terminal ou une autre fenêtre)\u00a0: rien n’a été enregistré. Ouvrez de nouveau le client pour voir le fichier tel qu’il est, puis refaites la modification.',
    'error.too-large': 'Le fichier dépasse {limit}, le maximum d’un envoi\u00a0: importez-le avec replybench import.',
    'error.upload-gone': 'Cet envoi n’attend plus d’être importé\u00a0: envoyez de nouveau le fichier.',
    'error.no-accounts': 'La marque «\u00a0{brand}\u00a0» n’a pas encore de compte\u00a0: choisissez ses comptes dans «\u00a0Marques\u00a0» et enregistrez.',
    storedUnknown: 'Le contenu de la base ne peut pas être lu pendant un import de ce client\u00a0: prévisualisez de nouveau le fichier une fois l’import terminé.',
    'error.bad-period.empty': 'Écrivez d’abord une période\u00a0: un mois (2017-10), un trimestre (2017-Q4) ou deux dates (2017-10-01..2017-10-15).',
    'error.bad-period': '«\u00a0{period}\u00a0» n’est pas une période\u00a0: écrivez un mois (2017-10), un trimestre (2017-Q4) ou deux dates (2017-10-01..2017-10-15).',
    'error.bad-period.no-such-date': '«\u00a0{period}\u00a0» désigne un jour ou un mois qui n’existe pas.',
    'error.bad-period.order': '«\u00a0{period}\u00a0»\u00a0: la première date vient après la seconde.',
    'error.bad-period.year': '«\u00a0{period}\u00a0»\u00a0: les données des réseaux sociaux ne peuvent dater que de 2006 à 2100.',
    'action.import': 'L’import',
    'action.report': 'Le rapport',
    checkingHandles: 'Vérification des comptes dans les données de',
    handlesInData: 'Tous les comptes sont dans les données de',
    handles: 'Comptes {platform}',
    check: 'Vérification',
    period: 'Période (2017-10, 2017-Q4)',
    runCheck: 'Vérifier',
    coverage: 'Couverture',
    brand: 'Marque',
    platform: 'Plateforme',
    inbound: 'Mentions',
    measured: 'Mentions mesurées',
    measuredNote: 'Mentions mesurées : celles qui appellent une réponse, sur les plateformes où les données contiennent des publications de la marque ; ses chiffres de réponse reposent sur elles.',
    allPlatforms: 'toutes les plateformes',
    accountsInData: 'Comptes présents dans les données sur {platform}, parmi lesquels choisir ceux des marques',
    repliersMost: 'ceux qui répondent le plus',
    mentionedMost: 'les plus mentionnés',
    configMatches: 'Chaque compte des marques publie ou est mentionné sur la période, et chaque sujet est porté par des publications.',
    ownPosts: 'Publications propres',
    warnings: 'Alertes',
    noWarning: 'aucune',
    noData: 'aucune donnée',
    allMeasured: 'Chaque marque et plateforme est mesurée sur toute la période.',
    configWarnings: 'La configuration face aux données',
    report: 'Rapport',
    generate: 'Écrire le rapport',
    reportFiles: 'Le rapport, à télécharger ou à ouvrir :',
    working: 'En cours…',
    needsHandlesAfterImport: 'Étape suivante : donnez au client et à ses concurrents leurs comptes dans Marques (les données les proposent).',
    needsHandles: 'Étape suivante\u00a0: prévisualisez et importez un export, puis donnez au client et à ses concurrents leurs comptes dans Marques (les données les proposent).',
    uploading: 'Envoi…',
    uploadFailed: 'l’envoi n’a pas atteint le serveur\u00a0; réessayez.',
    questionMark: '\u00a0?',
    replaceReport: 'L’écrire de nouveau à la place du rapport précédent',
    leaveUnsaved: 'Le formulaire des marques a des modifications non enregistrées\u00a0: changer de langue et les perdre\u00a0?',
    reports: 'Rapports précédents',
    importingFile: 'import de',
    writingReport: 'rédaction du rapport de',
    'warning.no-brand-posts': 'aucune publication propre',
    'warning.no-brand-posts-somewhere': 'aucune publication propre sur certaines plateformes',
    'warning.few-brand-posts': 'peu de publications propres',
    'warning.responses-missing': 'réponses manquantes',
    'warning.brand-posts-partial': 'publications propres sur une partie de la période',
    'warning.parents-missing': 'messages d’origine manquants',
    'warning.dominant-author': 'un auteur domine',
    'warning.partial-period': 'une partie de la période',
    'column.platform': 'Plateforme',
    'column.post_id': 'Identifiant de la publication',
    'column.created_at': 'Date',
    'column.author': 'Auteur',
    'column.author_name': 'Nom de l’auteur',
    'column.author_followers': 'Abonnés',
    'column.kind': 'Type',
    'column.parent_id': 'Répond à la publication',
    'column.parent_url': 'Répond au lien',
    'column.thread_id': 'Fil',
    'column.text': 'Texte',
    'column.url': 'Lien',
    'column.language': 'Langue',
    'column.sentiment': 'Tonalité',
    'column.topic': 'Sujet',
    'column.response_ids': 'Réponses indiquées',
    'column.reply_to_user': 'Répond à l’utilisateur',
    'kindOne.post': 'publication',
    'format.twcs': 'CSV «\u00a0Customer Support on Twitter\u00a0» de Kaggle',
    'format.twarc2': 'CSV de twarc2',
    'format.twitter-v2': 'CSV de l’API v2 de Twitter',
    'format.talkwalker': 'CSV de Talkwalker',
    'format.meltwater': 'export Meltwater',
    'format.brandwatch': 'CSV de Brandwatch',
    'format.sprout': 'export des messages de Sprout Social',
    'format.facebook-comments': 'commentaires Facebook ou Instagram',
    'kindOne.reply': 'réponse',
    'kindOne.repost': 'partage',
    'kindOne.quote': 'citation',
    'kindOne.comment': 'commentaire',
    'platform.news': 'actualités',
    'platform.forum': 'forums',
    'platform.review': 'avis',
    'kind.post': 'publications',
    'kind.reply': 'réponses',
    'kind.repost': 'partages',
    'kind.quote': 'citations',
    'kind.comment': 'commentaires',
    colon: '\u00a0: ',
    quoteOpen: '«\u00a0',
    quoteClose: '\u00a0»',
    step: 'étape',
    rowsWord: 'lignes',
    'step.reading': 'lecture du fichier',
    'step.loading': 'chargement des lignes',
    'step.checking': 'vérification des lignes',
    'step.saving': 'enregistrement des publications',
    'step.metrics': 'mesure des réponses',
    'step.themes': 'recherche des sujets abordés',
    'step.diagnostics': 'recherche des erreurs',
    'step.pages': 'mise en page et graphiques',
    'step.files': 'écriture du PDF, de la présentation et du classeur',
  },
};

const PAGE_LANGUAGES = ['en', 'es', 'fr'] as const;
/** The address's `language` (the switch in the header sets it), else the browser's. */
const language: Language =
  PAGE_LANGUAGES.find((code) => code === new URLSearchParams(location.search).get('language')) ??
  PAGE_LANGUAGES.find((code) => navigator.language.toLowerCase().startsWith(code)) ??
  'en';
document.documentElement.lang = language;
const t = (key: string): string => STRINGS[language][key] ?? STRINGS.en[key] ?? key;
/** The label of a code the server sends (a coverage warning, a post kind), or the code itself when the page has none. */
const labelOf = (group: string, code: string): string => STRINGS[language][`${group}.${code}`] ?? STRINGS.en[`${group}.${code}`] ?? code;
const token = new URLSearchParams(location.search).get('token') ?? '';
const app = document.getElementById('app') as HTMLElement;
const statusLine = document.getElementById('status') as HTMLElement;

interface ClientSummary {
  id: string;
  name: string;
  timezone: string;
  language: string;
  reports: string[];
  problem: string | null;
  needsHandles: boolean;
}

/** An element with attributes and children; strings become text nodes (never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string | null>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

function say(text: string, error = false): void {
  statusLine.textContent = text;
  statusLine.className = error ? 'error' : '';
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await apiAnswer<T>(method, path, body)).value;
}

/** A refusal of the API: its English message, and for those the page words itself, a code and the values its sentence quotes. */
interface Refusal {
  error?: string;
  code?: string;
  values?: Record<string, string>;
}

/** A refusal in the page's language when the page knows its code (and what is wrong, for a period); else the server's own message. */
function refusalText(refusal: Refusal, status: number): string {
  const strings = STRINGS[language];
  const values: Record<string, string> = { ...refusal.values };
  const sentence = refusal.code === undefined ? undefined : (strings[`error.${refusal.code}.${values.problem ?? ''}`] ?? strings[`error.${refusal.code}`]);
  if (sentence === undefined) return refusal.error ?? String(status);
  if (values.action !== undefined) values.action = t(`action.${values.action}`);
  if (values.limitBytes !== undefined) values.limit = sizeText(Number(values.limitBytes));
  return sentence.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** A size in the page's language and units (MB, Mo). */
function sizeText(bytes: number): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(language, { style: 'unit', unit: megabytes ? 'megabyte' : 'kilobyte', maximumFractionDigits: 0 }).format(bytes / (megabytes ? 1024 * 1024 : 1024));
}

/** An API answer with the version its ETag names (the config's), for a later save to name in If-Match. */
async function apiAnswer<T>(method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ value: T; version: string | null }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(ifMatch ? { 'if-match': ifMatch } : {}) };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  const value = (await response.json()) as T & Refusal;
  if (!response.ok) throw new Error(refusalText(value, response.status));
  return { value, version: response.headers.get('etag') };
}

/**
 * An upload that says how much of the file has gone (fetch cannot tell): the
 * status line shows the share sent, then the seconds the preview takes.
 */
function uploadWithProgress<T>(path: string, form: FormData): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.loaded < event.total) say(`${t('uploading')} ${Math.floor((100 * event.loaded) / event.total)}%`);
      else say(t('working'));
    });
    request.addEventListener('load', () => {
      try {
        const value = JSON.parse(request.responseText) as T & Refusal;
        if (request.status >= 200 && request.status < 300) resolve(value);
        else reject(new Error(refusalText(value, request.status)));
      } catch {
        reject(new Error(String(request.status)));
      }
    });
    request.addEventListener('error', () => reject(new Error(t('uploadFailed'))));
    request.send(form);
  });
}

interface Activity {
  action: 'import' | 'report';
  subject: string;
  step: string | null;
  stepNumber: number | null;
  steps: number | null;
  fraction: number | null;
  rows: number | null;
  seconds: number;
}

function describeActivity(activity: Activity): string {
  const parts = [`${t(activity.action === 'import' ? 'importingFile' : 'writingReport')} ${activity.subject}`];
  if (activity.step) parts.push(`${activity.stepNumber === null ? '' : `${t('step')} ${activity.stepNumber}/${activity.steps}${t('colon')}`}${t(`step.${activity.step}`)}`);
  if (activity.rows !== null) parts.push(`${activity.rows.toLocaleString(language)} ${t('rowsWord')}`);
  if (activity.fraction !== null) parts.push(`${Math.min(100, Math.round(activity.fraction * 100))}%`);
  return `${parts.join(' · ')} · ${activity.seconds} s`;
}

/**
 * Runs an action with the status line saying so; its error is shown, not
 * thrown. For an import or a report of `client`, the line says the step it
 * is at, as the server reports it.
 */
async function act(work: () => Promise<void>, client?: string): Promise<void> {
  const started = Date.now();
  const working = () => `${t('working')} ${Math.floor((Date.now() - started) / 1000)} s`;
  say(working());
  // A long import or report shows its time running, so the page is seen to be at work.
  const ticking = setInterval(() => {
    if (!statusLine.textContent?.startsWith(t('working'))) return;
    if (client === undefined) return say(working());
    api<{ activity: Activity | null }>('GET', `/api/clients/${client}/activity`).then(
      ({ activity }) => {
        if (statusLine.textContent?.startsWith(t('working'))) say(activity ? `${t('working')} ${describeActivity(activity)}` : working());
      },
      () => undefined,
    );
  }, 1000);
  try {
    await work();
    // What the action said of itself ("Saved.") stays.
    if (statusLine.textContent?.startsWith(t('working'))) say('');
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), true);
  } finally {
    clearInterval(ticking);
  }
}

function table(header: string[], rows: Array<Array<string | number>>): HTMLTableElement {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...header.map((cell) => el('th', {}, cell)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => (typeof cell === 'number' ? el('td', { class: 'number' }, cell.toLocaleString(language)) : el('td', {}, cell)))))),
  );
}

async function showClients(selected: string | null): Promise<void> {
  afterImport.length = 0;
  monthsRead = null;
  const { clients } = await api<{ clients: ClientSummary[] }>('GET', '/api/clients');
  app.replaceChildren();
  const list = el('div', { class: 'clients' });
  for (const client of clients) {
    // The id beside the name: two clients of one name stay apart.
    const button = el('button', { class: client.id === selected ? 'current' : 'secondary', 'data-client': client.id, title: client.id }, client.name, el('span', { class: 'client-id' }, client.id));
    button.addEventListener('click', () => void act(() => showClients(client.id)));
    list.append(button);
  }
  app.append(el('section', {}, el('h2', {}, t('clients')), clients.length === 0 ? el('p', {}, t('noClients')) : list, newClientForm()));
  const client = clients.find((entry) => entry.id === selected);
  if (client) {
    if (client.problem) app.append(el('p', { class: 'problem' }, client.problem));
    if (client.needsHandles) app.append(nextStep(client));
    app.append(exportsSection(client), await brandsSection(client), checkSection(client), reportSection(client));
  }
}

/** What a client without handles needs next: an export first, then (once data is in) the handles its data offers. */
function nextStep(client: ClientSummary): HTMLElement {
  const note = el('p', { class: 'next' }, t('needsHandles'));
  const update = () =>
    void monthsWithData(client)
      .then((months) => {
        if (months.length > 0) note.textContent = t('needsHandlesAfterImport');
      })
      .catch(() => undefined);
  update();
  afterImport.push(update);
  return note;
}

/** Each language by its own name (as every language list writes them); the value sent is its code. */
const LANGUAGE_NAMES = { en: 'English', es: 'Español', fr: 'Français' } as const;

function languageSelect(attributes: Record<string, string>, chosen: string): HTMLSelectElement {
  return el('select', attributes, ...Object.entries(LANGUAGE_NAMES).map(([code, name]) => el('option', code === chosen ? { value: code, selected: '' } : { value: code }, name)));
}

function newClientForm(): HTMLElement {
  const id = el('input', { name: 'id', required: '', pattern: '[a-z0-9][a-z0-9_\\-]*' });
  const name = el('input', { name: 'name', required: '' });
  // The id follows the name ("Acme Telecom" is acme-telecom) until it is typed in.
  let idTyped = false;
  id.addEventListener('input', () => {
    idTyped = id.value !== '';
  });
  name.addEventListener('input', () => {
    if (!idTyped) id.value = brandId(name.value);
  });
  // The zones the browser knows, to pick from as they are spelt (Europe/Madrid, not Madrid or GMT+2).
  const zones = el('datalist', { id: 'timezones' }, ...['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => el('option', { value: zone })));
  const timezone = el('input', { name: 'timezone', list: 'timezones', value: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const lang = languageSelect({ name: 'language' }, language);
  const form = el(
    'form',
    { class: 'new-client' },
    el('h3', {}, t('newClient')),
    // The name first: the id (the folder's name) is made from it.
    el('label', {}, t('name'), name),
    el('label', {}, t('id'), id),
    el('label', {}, t('timezone'), timezone, zones),
    el('label', {}, t('language'), lang),
    el('button', { type: 'submit' }, t('create')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(async () => {
      const client = await api<ClientSummary>('POST', '/api/clients', { id: id.value, name: name.value, timezone: timezone.value, language: lang.value });
      await showClients(client.id);
    });
  });
  return form;
}

/** A generic mapping as the mapper edits it; without `platform`, each row's link says its network. */
type Mapping = { columns: Record<string, string>; date: { format: string }; platform?: string | { column: string }; delimiter?: string };

interface Preview {
  previewId: string;
  file: string;
  /** The zone the preview read local times written without an offset in; the import reads them in it too. */
  timezone: string;
  /** The import of the same content before, if any. */
  alreadyImported?: { batchId: number; importedAt: string } | null;
  problem?: string;
  /** The import refused the file because its layout is unknown (the page says so in its words); else `problem` says why. */
  unknownLayout?: boolean;
  mapper: { fields: string[]; required: string[]; columns: string[]; platforms: string[]; mapping: Mapping } | null;
  preview: null | {
    format: { id: string; label: string };
    encoding: string;
    delimiter: string | null;
    rowsRead: number;
    wouldImport: number;
    /** Of those, the posts the client's database holds already (0 before its first import; null when it cannot tell, while an import runs). */
    alreadyStored: number | null;
    rejected: number;
    rejectedByReason: Record<string, number>;
    repeatedInFile: number;
    unreadDates: { examples: string[]; format: string | null; dayMonthAmbiguous: boolean } | null;
    warnings: string[];
    fields: Array<{ field: string; columns: string[]; constant: string | null }>;
    rows: Array<{ row: number; post: Record<string, string | number | null> | null; rejected: string | null }>;
    profile: {
      first: string | null;
      last: string | null;
      kinds: Record<string, number>;
      topAuthors: Array<{ handle: string; n: number }>;
      topRepliers: Array<{ handle: string; n: number }>;
      topMentioned: Array<{ handle: string; n: number }>;
      supports: string[];
    };
  };
}

function exportsSection(client: ClientSummary): HTMLElement {
  const file = el('input', { type: 'file', name: 'file', accept: '.csv,.tsv,.txt,.xlsx,.zip' });
  // The client's own zone first (listening and care tools export local times in the account's zone), or UTC, as
  // `replybench import` reads them by default; the preview says which it read them in.
  const zones = [...new Set([client.timezone, 'UTC'])];
  const zone = el('select', { name: 'local-times' }, ...zones.map((name) => el('option', { value: name }, name)));
  const result = el('div', { class: 'preview' });
  const upload = el('button', { type: 'button' }, t('upload'));
  // The waiting upload read again in another zone: what the preview shows is what the import stores.
  let rezone: (() => void) | null = null;
  zone.addEventListener('change', () => rezone?.());
  // Another file, or the upload imported: the zone applies to the next preview, not to an upload no longer waiting.
  file.addEventListener('change', () => {
    rezone = null;
  });
  afterImport.push(() => {
    rezone = null;
  });
  // Each import of this showing of the client, kept when the next file's preview replaces the last one.
  const finished = el('ul', { class: 'imports-done' });
  importsDone = finished;
  upload.addEventListener('click', () =>
    void act(async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      const form = new FormData();
      form.append('file', chosen);
      const preview = await uploadWithProgress<Preview>(`/api/clients/${client.id}/exports?timezone=${encodeURIComponent(zone.value)}&language=${language}`, form);
      if (preview.mapper) {
        const mapper = mapperView(client, preview, preview.mapper);
        rezone = () => {
          preview.timezone = zone.value;
          mapper.refresh();
        };
        result.replaceChildren(...mapper.nodes);
        return;
      }
      rezone = () =>
        void act(async () => {
          const again = await api<Preview>('POST', `/api/clients/${client.id}/exports/${preview.previewId}/preview`, { timezone: zone.value, language });
          result.replaceChildren(...previewView(client, again));
        });
      result.replaceChildren(...previewView(client, preview));
    }),
  );
  return el('section', { id: 'exports' }, el('h2', {}, t('exports')), el('p', {}, t('exportsHint')), file, el('label', {}, t('localTimes'), zone), upload, finished, result);
}

/** A layout replybench does not know: a drop-down per field, filled with the best guesses; the preview follows each pick. */
function mapperView(client: ClientSummary, upload: Preview, mapper: NonNullable<Preview['mapper']>): { nodes: Node[]; refresh: () => void } {
  const mapping: Mapping = structuredClone(mapper.mapping);
  const shown = el('div', { class: 'mapped-preview' });
  const refresh = () => {
    const missing = mapper.required.filter((field) => !mapping.columns[field]);
    if (missing.length > 0) {
      shown.replaceChildren(el('p', { class: 'warning', 'data-note': 'pick-required' }, `${t('pickRequired')} ${missing.map((field) => t(`field.${field}`)).join(', ')}`));
      return;
    }
    void act(async () => {
      const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, column]) => column !== ''));
      const preview = await api<Preview>('POST', `/api/clients/${client.id}/exports/${upload.previewId}/preview`, { mapping: { ...mapping, columns }, timezone: upload.timezone, language });
      // Dates the format does not read, and a format they all fit: taken at once, unless the user wrote the format; the field shows it.
      const proposed = preview.preview?.unreadDates?.format ?? null;
      if (proposed !== null && !formatTyped && proposed !== mapping.date.format) {
        mapping.date.format = proposed;
        dateFormat.value = proposed;
        formatNote.textContent = `${t('dateFormatTaken')}${preview.preview?.unreadDates?.dayMonthAmbiguous ? ` ${t('dayMonthAmbiguous')}` : ''}`;
        refresh();
        return;
      }
      shown.replaceChildren(...previewView(client, preview, { ...mapping, columns }));
    });
  };
  // Whether the user wrote the date format (then it is never replaced by a proposal).
  let formatTyped = false;
  const formatNote = el('p', { class: 'note', 'data-note': 'date-format' });
  const rows = mapper.fields.map((field) => {
    const select = el('select', { 'data-field': field }, el('option', { value: '' }, '—'), ...mapper.columns.map((column) => el('option', column === mapping.columns[field] ? { value: column, selected: '' } : { value: column }, column)));
    select.addEventListener('change', () => {
      mapping.columns[field] = select.value;
      refresh();
    });
    return el('tr', {}, el('td', {}, t(`field.${field}`)), el('td', {}, select));
  });
  const dateFormat = el('input', { value: mapping.date.format, 'data-field': 'date.format' });
  dateFormat.addEventListener('change', () => {
    mapping.date.format = dateFormat.value.trim() || 'iso';
    formatTyped = true;
    formatNote.textContent = '';
    refresh();
  });
  // The platform: one column of the file (its values, X or FB included, are folded as on import), the same for every row, or each row's link.
  const chosen = mapping.platform === undefined ? 'links:' : typeof mapping.platform === 'string' ? `fixed:${mapping.platform}` : `column:${mapping.platform.column}`;
  const option = (value: string, label: string) => el('option', value === chosen ? { value, selected: '' } : { value }, label);
  const platform = el(
    'select',
    { 'data-field': 'platform' },
    el('optgroup', { label: t('platformColumn') }, ...mapper.columns.map((column) => option(`column:${column}`, column))),
    el('optgroup', { label: t('platformFixed') }, ...mapper.platforms.map((name) => option(`fixed:${name}`, labelOf('platform', name)))),
    option('links:', t('platformFromLinks')),
  );
  platform.addEventListener('change', () => {
    const [kind, ...rest] = platform.value.split(':');
    if (kind === 'links') delete mapping.platform;
    else mapping.platform = kind === 'column' ? { column: rest.join(':') } : rest.join(':');
    refresh();
  });
  const view = [
    // An unknown layout in the page's words; another refusal (a required column missing, dates in two orders, ...) in the import's own.
    upload.unknownLayout ? el('p', { class: 'warning', 'data-note': 'unknown-layout' }, t('unknownLayout')) : el('p', { class: 'warning', 'data-note': 'import-problem' }, upload.problem ?? ''),
    el('h3', {}, t('mapColumns')),
    el('table', { class: 'mapper' }, el('tbody', {}, ...rows)),
    el('label', {}, t('dateFormat'), dateFormat),
    formatNote,
    el('label', {}, t('platform'), platform),
    shown,
  ];
  // The preview of the best guesses, or which fields still need a column.
  refresh();
  return { nodes: view, refresh };
}


/** New posts and those stored already; when the database cannot tell (an import runs), at most all are new, and the rest is unknown. */
function newAndStored(wouldImport: number, alreadyStored: number | null): [number | string, number | string] {
  return alreadyStored === null ? [`≤ ${wouldImport.toLocaleString(language)}`, '—'] : [wouldImport - alreadyStored, alreadyStored];
}

/** A stored instant (UTC) as the client's reports date it: in its timezone, with the time unless `withTime` is false. */
function clientTime(iso: string, zone: string, withTime = true): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}) }).format(instant);
  } catch {
    // A zone this browser does not know: the instant as stored, in UTC.
    return iso;
  }
}

function previewView(client: ClientSummary, { previewId, file, preview, timezone, alreadyImported }: Preview, mapping?: Mapping): Node[] {
  if (!preview) return [];
  // The list of imports of the client this preview belongs to (another may be shown by the time the import ends).
  const log = importsDone;
  const unknown = preview.alreadyStored === null ? el('p', { class: 'note', 'data-note': 'stored-unknown' }, t('storedUnknown')) : el('span');
  const repeated = alreadyImported
    ? el('p', { class: 'warning', 'data-note': 'already-imported' }, `${t('alreadyImported')} ${clientTime(alreadyImported.importedAt, client.timezone)} (${client.timezone})${t('colon')}${t('addsNothing')}`)
    : el('span');
  const summary = table(
    [t('format'), t('encoding'), t('delimiter'), t('readIn'), t('rows'), t('newPosts'), t('alreadyStored'), t('repeatedInFile'), t('rejected')],
    [[STRINGS[language][`format.${preview.format.id}`] ?? preview.format.label, preview.encoding, preview.delimiter === '\t' ? t('tab') : (preview.delimiter ?? ''), timezone, preview.rowsRead, ...newAndStored(preview.wouldImport, preview.alreadyStored), preview.repeatedInFile, preview.rejected]],
  );
  const fields = table(
    [t('field'), t('columns')],
    preview.fields.map((field) => [labelOf('column', field.field), field.columns.length > 0 ? field.columns.join(', ') : (field.constant ?? '')]),
  );
  const shown = preview.rows.slice(0, 5);
  const keys = ['created_at', 'platform', 'author', 'kind', 'text'];
  // A rejected row shows why once, where its first value would be. Times as the client's reports date them.
  const value = (post: Record<string, string | number | null>, key: string) =>
    key === 'kind' ? labelOf('kindOne', String(post[key])) : key === 'created_at' && typeof post[key] === 'string' ? clientTime(post[key], client.timezone) : String(post[key] ?? '');
  const rows = table(
    ['#', ...keys.map((key) => (key === 'created_at' ? `${labelOf('column', key)} (${client.timezone})` : labelOf('column', key)))],
    shown.map((row) => [String(row.row), ...(row.post ? keys.map((key) => value(row.post ?? {}, key)) : [row.rejected ?? '', ...keys.slice(1).map(() => '')])]),
  );
  rows.classList.add('first-rows');
  const reasons = Object.entries(preview.rejectedByReason).map(([reason, count]) => el('li', { class: 'warning' }, `${reason}${t('colon')}${count.toLocaleString(language)}`));
  if (preview.unreadDates) reasons.push(el('li', { class: 'warning', 'data-note': 'unread-dates' }, `${t('unreadDates')}${t('colon')}${preview.unreadDates.examples.map((example) => `${t('quoteOpen')}${example}${t('quoteClose')}`).join(', ')}`));
  const importButton = el('button', { type: 'button' }, `${t('import')} ${file}`);
  const outcome = el('p', { class: 'outcome' });
  importButton.addEventListener('click', () =>
    void act(async () => {
      // Disabled while it runs: a second click would ask for an upload this one is importing, and show its refusal.
      importButton.disabled = true;
      let done: { files: Array<{ imported: number; duplicates: number; rejected: number; rejectedByReason: Record<string, number>; warnings: string[] }>; mapping?: string | null };
      try {
        // In the zone the preview read local times in: what was shown is what is stored.
        done = await api('POST', `/api/clients/${client.id}/imports`, { previewId, timezone, language, ...(mapping ? { mapping } : {}) });
      } catch (error) {
        // A failed import leaves the upload waiting: it can be imported again.
        importButton.disabled = false;
        throw error;
      }
      monthsRead = null;
      // The client shown meanwhile may be another: its forms are not refreshed with this one's data.
      if (outcome.isConnected) for (const refresh of afterImport) refresh();
      const counts = done.files.map((entry) => `${t('imported')}${t('colon')}${entry.imported.toLocaleString(language)} (${entry.duplicates.toLocaleString(language)} ${t('duplicates')})`).join('; ');
      outcome.textContent = done.mapping ? `${counts}. ${t('mappingSaved')} ${done.mapping}` : counts;
      if (log?.isConnected) log.append(el('li', {}, `${file} — ${counts}`));
      const problems = done.files.flatMap((entry) => [
        ...Object.entries(entry.rejectedByReason).map(([reason, count]) => [t('rejectedRows'), `${reason}${t('colon')}${count.toLocaleString(language)}`]),
        ...entry.warnings.map((warning) => [t('warning'), warning]),
      ]);
      if (problems.length > 0) outcome.after(table([t('what'), t('detail')], problems));
    }, client.id),
  );
  const { profile } = preview;
  const counted = (entries: Array<{ handle: string; n: number }>) => entries.map((entry) => `${entry.handle} (${entry.n.toLocaleString(language)})`).join(', ');
  const held = table(
    [`${t('span')} (${client.timezone})`, t('kinds'), t('topAuthors'), t('topRepliers'), t('topMentioned')],
    [
      [
        profile.first === null || profile.last === null ? '' : `${clientTime(profile.first, client.timezone, false)} – ${clientTime(profile.last, client.timezone, false)}`,
        Object.entries(profile.kinds).map(([kind, n]) => `${labelOf('kind', kind)}${t('colon')}${n.toLocaleString(language)}`).join(', '),
        counted(profile.topAuthors),
        counted(profile.topRepliers),
        counted(profile.topMentioned),
      ],
    ],
  );
  const supports = el('ul', { class: 'supports' }, ...profile.supports.map((sentence) => el('li', {}, sentence)));
  return [repeated, summary, unknown, held, supports, fields, el('h3', {}, t('firstRows')), rows, el('ul', {}, ...reasons, ...preview.warnings.map((warning) => el('li', { class: 'warning' }, warning))), importButton, outcome];
}

interface BrandConfig {
  id: string;
  name?: string;
  accounts?: Record<string, string[]>;
  [key: string]: unknown;
}

/** Run after an import, so the brands form and the period fields offer what the new data holds; emptied when a client is shown again. */
const afterImport: Array<() => void> = [];
/** The list of the imports done since the client was shown, in its exports section. */
let importsDone: HTMLElement | null = null;

interface MonthWithData {
  month: string;
  posts: number;
  days: number;
  monthDays: number;
  complete: boolean;
}

/** The client's months with data, asked once per showing of the client and once after each import, whoever reads them. */
let monthsRead: { client: string; months: Promise<MonthWithData[]> } | null = null;

function monthsWithData(client: ClientSummary): Promise<MonthWithData[]> {
  if (monthsRead?.client !== client.id) monthsRead = { client: client.id, months: api<{ months: MonthWithData[] }>('GET', `/api/clients/${client.id}/periods`).then(({ months }) => months) };
  return monthsRead.months;
}

/** Fills a platform's list with the accounts the data offers: those that reply most, then those mentioned most. */
function offerHandles(client: ClientSummary, list: HTMLDataListElement): void {
  const platform = list.dataset.platform ?? 'twitter';
  api<{ repliers: Array<{ handle: string; n: number }>; mentioned: Array<{ handle: string; n: number }> }>('GET', `/api/clients/${client.id}/handles?platform=${encodeURIComponent(platform)}`)
    .then(({ repliers, mentioned }) => {
      const seen = new Set<string>();
      const options: HTMLOptionElement[] = [];
      // Those that reply most first (brands answer), then those mentioned most: each count says which it is.
      const counted = [...repliers.map((entry) => ({ ...entry, words: 'repliesCount' })), ...mentioned.map((entry) => ({ ...entry, words: 'mentionsCount' }))];
      for (const entry of counted) {
        if (seen.has(entry.handle.toLowerCase())) continue;
        seen.add(entry.handle.toLowerCase());
        options.push(el('option', { value: entry.handle }, `${entry.handle} (${t(entry.n === 1 ? `${entry.words}One` : entry.words).replace('{n}', entry.n.toLocaleString(language))})`));
      }
      list.replaceChildren(...options);
    })
    .catch(() => undefined);
}

/**
 * The handles of one brand on one platform: a field per handle, with the
 * data's suggestions, and always one empty field more for the next (a
 * suggestion fills a whole field, so one field holds one handle).
 */
function handleFields(platform: string, handles: string[]): { element: HTMLElement; values: () => string[] } {
  const element = el('span', { class: 'handles', 'data-platform': platform });
  const addField = (value: string) => {
    const input = el('input', { value, 'data-platform': platform, list: `handles-${platform}` });
    input.addEventListener('input', () => {
      if (input === element.lastElementChild && input.value.trim() !== '') addField('');
    });
    element.append(input);
  };
  for (const handle of handles) addField(handle);
  addField('');
  const values = () => [...element.querySelectorAll('input')].map((input) => input.value.trim()).filter((value) => value !== '');
  return { element, values };
}

/** A brand's id from its name, as a config's ids are written: "Ondanet Ayuda" is ondanet-ayuda. */
function brandId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

async function brandsSection(client: ClientSummary): Promise<HTMLElement> {
  const read = await apiAnswer<{ brands: BrandConfig[]; [key: string]: unknown }>('GET', `/api/clients/${client.id}/config`);
  const config = read.value;
  // The file as read: a save names it, and is refused if the file changed meanwhile (a terminal's edit is not overwritten).
  const version = read.version ?? undefined;
  const held = await api<{ platforms: Array<{ platform: string; posts: number }>; known: string[] }>('GET', `/api/clients/${client.id}/platforms`);
  // The platforms of the data a config may name first, then those the config already names; twitter when there are neither.
  const dataPlatforms = held.platforms.map((entry) => entry.platform).filter((platform) => held.known.includes(platform));
  const platforms = [...new Set([...dataPlatforms, ...config.brands.flatMap((brand) => Object.keys(brand.accounts ?? {}))])];
  if (platforms.length === 0) platforms.push('twitter');
  const rows = el('div', {});
  const editors: Array<{ brand: BrandConfig; name: HTMLInputElement; row: HTMLElement; handles: Map<string, () => string[]> }> = [];
  // What the data offers for each platform: the accounts that reply most, the handles mentioned most.
  const lists = el('div', {});
  const addList = (platform: string) => {
    const list = el('datalist', { id: `handles-${platform}`, 'data-platform': platform });
    lists.append(list);
    offerHandles(client, list);
  };
  const addPlatformTo = (editor: (typeof editors)[number], platform: string) => {
    const fields = handleFields(platform, editor.brand.accounts?.[platform] ?? []);
    editor.handles.set(platform, fields.values);
    editor.row.append(el('label', {}, t('handles').replace('{platform}', labelOf('platform', platform)), fields.element));
  };
  for (const platform of platforms) addList(platform);
  afterImport.push(() => {
    for (const list of lists.querySelectorAll('datalist')) offerHandles(client, list);
    // A platform the import brought (the first Instagram export) gets its fields at once, as if added by hand.
    void api<{ platforms: Array<{ platform: string }>; known: string[] }>('GET', `/api/clients/${client.id}/platforms`)
      .then((now) => {
        for (const { platform } of now.platforms) if (now.known.includes(platform)) addEverywhere(platform);
      })
      .catch(() => undefined);
  });
  const addRow = (brand: BrandConfig) => {
    const name = el('input', { value: brand.name ?? brand.id, 'data-field': 'name' });
    const row = el('div', { class: 'brand', 'data-brand': brand.id }, el('label', {}, `${t('name')} (${brand.id})`, name));
    const editor = { brand, name, row, handles: new Map<string, () => string[]>() };
    editors.push(editor);
    for (const platform of platforms) addPlatformTo(editor, platform);
    if (brand.id !== config.client) {
      // A competitor leaves the report once the brands are saved.
      const remove = el('button', { type: 'button', class: 'secondary', 'data-action': 'remove-brand' }, t('removeBrand'));
      remove.addEventListener('click', () => {
        editors.splice(editors.indexOf(editor), 1);
        row.remove();
      });
      row.append(remove);
    }
    rows.append(row);
  };
  for (const brand of config.brands) addRow(brand);
  const newName = el('input', { placeholder: 'RivalCo Mobile', 'data-field': 'new-brand' });
  const add = el('button', { type: 'button', class: 'secondary', 'data-action': 'add-brand' }, t('addBrand'));
  add.addEventListener('click', () => {
    const name = newName.value.trim();
    const id = brandId(name);
    if (id === '') return say(t('brandNeedsLetters'), true);
    if (editors.some((editor) => editor.brand.id === id)) return say(`${t('brandTaken')} ${id}`, true);
    addRow({ id, name, accounts: {} });
    newName.value = '';
  });
  // Another platform for every brand, from those a config may name.
  const otherPlatform = el('select', { 'data-field': 'new-platform' });
  const offerPlatforms = () => otherPlatform.replaceChildren(...held.known.filter((platform) => !platforms.includes(platform)).map((platform) => el('option', { value: platform }, labelOf('platform', platform))));
  offerPlatforms();
  const addPlatform = el('button', { type: 'button', class: 'secondary', 'data-action': 'add-platform' }, t('addPlatform'));
  /** A platform for every brand, with the accounts the data offers on it. */
  const addEverywhere = (platform: string) => {
    if (platform === '' || platforms.includes(platform)) return;
    platforms.push(platform);
    addList(platform);
    for (const editor of editors) addPlatformTo(editor, platform);
    offerPlatforms();
  };
  addPlatform.addEventListener('click', () => addEverywhere(otherPlatform.value));
  const save = el('button', { type: 'button', 'data-action': 'save-brands' }, t('save'));
  save.addEventListener('click', () =>
    void act(async () => {
      const brands = editors.map(({ brand, name, handles }) => {
        const accounts: Record<string, string[]> = {};
        for (const [platform, values] of handles) {
          const list = values();
          if (list.length > 0) accounts[platform] = list;
        }
        return { ...brand, name: name.value.trim() || brand.id, accounts };
      });
      const settings: Record<string, unknown> = {};
      if (zone.value.trim() !== zoneRead) settings.timezone = zone.value.trim();
      const report: Record<string, unknown> = { ...((config.report as object | undefined) ?? {}) };
      if (lang.value !== languageRead) report.language = lang.value;
      const agencyTyped = agency.value.trim();
      const logoChosen = logo.value();
      // A logo on the cover needs the agency's name beside it: emptying the name is refused, not undone in silence.
      if (agencyTyped === '' && logoChosen !== undefined) throw new Error(t('agencyNeedsName'));
      const agencyChanged = agencyTyped !== agencyRead.name || logoChosen !== agencyRead.logo;
      // The name and logo the cover shows; without either, the agency leaves the cover.
      if (agencyChanged && agencyTyped !== '') report.agency = logoChosen === undefined ? { name: agencyTyped } : { name: agencyTyped, logo: logoChosen };
      else if (agencyChanged) delete report.agency;
      if (lang.value !== languageRead || agencyChanged) settings.report = report;
      await apiAnswer('PUT', `/api/clients/${client.id}/config`, { ...config, ...settings, brands }, version);
      // Shown again from the file as saved: the summary, the periods (in the new timezone) and the next step follow it.
      await showClients(client.id);
      say(t('saved'));
      void checkHandlesAfterSave(client);
    }),
  );
  // The client's timezone (its months and hours) and its reports' language, set at creation, changed here.
  const zoneRead = typeof config.timezone === 'string' ? config.timezone : 'UTC';
  const languageRead = client.language;
  const zone = el('input', { name: 'client-timezone', list: 'timezones', value: zoneRead });
  const lang = languageSelect({ name: 'client-language' }, languageRead);
  // The agency whose name and logo the report's cover carries (white label).
  const agencyFields = ((config.report as { agency?: { name?: string; logo?: string } } | undefined)?.agency ?? {}) as { name?: string; logo?: string };
  const agencyRead = { name: agencyFields.name ?? '', logo: agencyFields.logo };
  const agency = el('input', { name: 'agency-name', value: agencyRead.name });
  const logo = await agencyLogoField(client);
  const section = el(
    'section',
    { id: 'brands' },
    el('h2', {}, t('brands')),
    el('p', {}, el('label', {}, t('timezone'), zone), el('label', {}, t('language'), lang), el('label', {}, t('agency'), agency)),
    logo.element,
    el('p', {}, t('brandsHint')),
    lists,
    rows,
    el('p', {}, newName, ' ', add),
    el('p', {}, otherPlatform, ' ', addPlatform),
    save,
  );
  // Edited and not saved yet: the language switch asks before it reloads the page (a save shows the section anew).
  section.addEventListener('input', () => {
    section.dataset.unsaved = 'yes';
  });
  return section;
}

/**
 * The agency's logo on the report's cover: the one the config names, shown; a
 * new one is sent to the client's folder (checked there by its content) and
 * named in the config when the brands are saved, as is taking it away.
 */
async function agencyLogoField(client: ClientSummary): Promise<{ element: HTMLElement; value: () => string | undefined }> {
  const named = await api<{ logo: string | null; dataUrl: string | null; problem: string | null }>('GET', `/api/clients/${client.id}/logo`);
  let chosen = named.logo ?? undefined;
  const file = el('input', { type: 'file', name: 'agency-logo', accept: 'image/png,image/jpeg,image/svg+xml' });
  const preview = el('img', { class: 'logo-preview', alt: t('logo') });
  const note = el('span', {});
  const remove = el('button', { type: 'button', class: 'secondary', 'data-action': 'remove-logo' }, t('removeLogo'));
  const element = el('p', { class: 'logo-field' }, el('label', {}, t('logo'), file), preview, note, remove);
  const show = (dataUrl: string | null, problem: string | null = null) => {
    preview.hidden = dataUrl === null;
    if (dataUrl !== null) preview.src = dataUrl;
    remove.hidden = chosen === undefined;
    note.textContent = problem !== null ? `${t('logoUnreadable')} ${problem}` : chosen === undefined ? t('logoNone') : '';
  };
  // Picked or taken away, the form has a change to save, as when a field is typed in.
  const changed = () => element.dispatchEvent(new Event('input', { bubbles: true }));
  file.addEventListener('change', () =>
    void act(async () => {
      const picked = file.files?.[0];
      if (!picked) return;
      const form = new FormData();
      form.append('file', picked, picked.name);
      file.value = '';
      const received = await api<{ logo: string; dataUrl: string }>('POST', `/api/clients/${client.id}/logo`, form);
      chosen = received.logo;
      show(received.dataUrl);
      changed();
      say(t('logoReceived'));
    }),
  );
  remove.addEventListener('click', () => {
    chosen = undefined;
    show(null);
    changed();
  });
  show(named.dataUrl, named.problem);
  return { element, value: () => chosen };
}

interface CheckJson {
  /** Set when the period holds no post at all: the days the data runs between (its one sentence says so). */
  dataSpan: { lastBefore: string | null; firstAfter: string | null } | null;
  configWarnings: Array<{ brand: string; platform: string | null; kind: 'handle' | 'topic'; message: string }>;
  accountsInData: Array<{ platform: string; repliers: Array<{ handle: string; n: number }>; mentioned: Array<{ handle: string; n: number }> }>;
  coverage: Array<{ brand: string; name: string; platform: string; inbound: number; coverage: { inboundMeasured: number; brandPosts: number; warnings: string[] } | null; noData: boolean }>;
  sentences: string[];
}

/**
 * The coverage rows to show: a brand's "all platforms" row is left out when one platform holds all its data and
 * says the same (the same counts and warnings), since the two rows would repeat each other.
 */
function withoutRepeatedTotals(rows: CheckJson['coverage']): CheckJson['coverage'] {
  const same = (a: CheckJson['coverage'][number], b: CheckJson['coverage'][number]) =>
    a.inbound === b.inbound && a.coverage?.inboundMeasured === b.coverage?.inboundMeasured && a.coverage?.brandPosts === b.coverage?.brandPosts && a.coverage?.warnings.join() === b.coverage?.warnings.join();
  return rows.filter((row) => {
    if (row.platform !== 'all') return true;
    const held = rows.filter((other) => other.brand === row.brand && other.platform !== 'all' && !other.noData);
    return !(held.length === 1 && held[0] !== undefined && same(held[0], row));
  });
}

/** The newest month the data spans whole and fills at least half of (the partial-period rule); else the fullest. */
function firstMonthOffered(months: MonthWithData[]): MonthWithData | undefined {
  const busiest = months.reduce<MonthWithData | undefined>((best, entry) => (best === undefined || entry.posts > best.posts ? entry : best), undefined);
  return months.find((entry) => entry.complete && entry.days * 2 >= entry.monthDays) ?? busiest;
}

/**
 * After the brands are saved, their accounts checked against the data of the month the check offers: a misspelt
 * handle is said at once, with the closest the data holds, not at the next check. Said in the status line, unless the
 * user has done something else meanwhile.
 */
async function checkHandlesAfterSave(client: ClientSummary): Promise<void> {
  const month = firstMonthOffered(await monthsWithData(client).catch(() => []))?.month;
  // Nothing to check, or the user started something else meanwhile: its status stays.
  if (month === undefined || statusLine.textContent !== t('saved')) return;
  const checking = `${t('saved')} ${t('checkingHandles')} ${month}…`;
  say(checking);
  let check: CheckJson;
  try {
    check = await api<CheckJson>('GET', `/api/clients/${client.id}/check?period=${encodeURIComponent(month)}&language=${language}`);
  } catch {
    // The check section says why when it is run; the save itself went through.
    if (statusLine.textContent === checking) say(t('saved'));
    return;
  }
  if (statusLine.textContent !== checking) return;
  if (check.dataSpan) {
    say(t('saved'));
    return;
  }
  const handles = check.configWarnings.filter((warning) => warning.kind === 'handle');
  if (handles.length === 0) say(`${t('saved')} ${t('handlesInData')} ${month}.`);
  else say(`${t('saved')} ${handles.map((warning) => `${warning.brand}, ${labelOf('platform', warning.platform ?? '')} — ${warning.message}`).join(' · ')}`, true);
}

/**
 * A period field offering the months that hold data (newest first, with their
 * posts and the days that hold posts); it starts on the newest month the data
 * spans whole and holds posts on at least half of its days (the newest is often the
 * current month, a few days in; a month's edge may hold a few late replies).
 */
function periodInput(client: ClientSummary, section: string): HTMLElement {
  // An example of the shape a period has: last month, until the data offers its own months.
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const input = el('input', { name: 'period', list: `months-${section}`, placeholder: lastMonth.toISOString().slice(0, 7) });
  const list = el('datalist', { id: `months-${section}` });
  const load = () =>
    monthsWithData(client)
      .then((months) => {
        const start = firstMonthOffered(months);
        if (input.value === '' && start) input.value = start.month;
        if (start) input.placeholder = start.month;
        const label = (entry: MonthWithData) =>
          `${entry.month}: ${entry.posts.toLocaleString(language)} ${t('postsWord')}, ${entry.days} ${t(entry.days === 1 ? 'dayWord' : 'daysWord')}`;
        list.replaceChildren(...months.map((entry) => el('option', { value: entry.month }, label(entry))));
        empty.textContent = months.length === 0 ? t('noDataYet') : '';
      })
      .catch(() => undefined);
  // Before any import there is nothing to check or report: said beside the field, instead of an error after a click.
  const empty = el('span', { class: 'note', 'data-note': 'no-data-yet' });
  void load();
  afterImport.push(() => void load());
  return el('span', {}, input, list, ' ', empty);
}

function periodOf(field: HTMLElement): string {
  return field.querySelector('input')?.value.trim() ?? '';
}

/** On the all-platforms row, a brand with posts of its own lacks them only on some platforms: its no-brand-posts says so. */
function partly(row: CheckJson['coverage'][number], code: string): string {
  return code === 'no-brand-posts' && row.platform === 'all' && (row.coverage?.brandPosts ?? 0) > 0 ? 'no-brand-posts-somewhere' : code;
}

function accountsList({ platform, repliers, mentioned }: CheckJson['accountsInData'][number]): HTMLElement {
  const named = (accounts: Array<{ handle: string; n: number }>) => accounts.map(({ handle, n }) => `${handle} (${n.toLocaleString(language)})`).join(', ');
  const parts = [...(repliers.length > 0 ? [`${t('repliersMost')}${t('colon')}${named(repliers)}`] : []), ...(mentioned.length > 0 ? [`${t('mentionedMost')}${t('colon')}${named(mentioned)}`] : [])];
  return el('p', { class: 'accounts', 'data-platform': platform }, `${t('accountsInData').replace('{platform}', labelOf('platform', platform))}${t('colon')}${parts.join(' · ')}`);
}

function checkSection(client: ClientSummary): HTMLElement {
  const period = periodInput(client, 'check');
  const result = el('div', {});
  const run = el('button', { type: 'button' }, t('runCheck'));
  run.addEventListener('click', () =>
    void act(async () => {
      // The result of another period goes at once: a check that fails leaves no figures that look like its own.
      result.replaceChildren();
      const check = await api<CheckJson>('GET', `/api/clients/${client.id}/check?period=${encodeURIComponent(periodOf(period))}&language=${language}`);
      // A period without a single post: which period to pick, instead of every handle and brand blamed for it.
      if (check.dataSpan) {
        result.replaceChildren(el('p', { class: 'warning', 'data-note': 'empty-period' }, check.sentences.join(' ')));
        return;
      }
      result.replaceChildren(
        el('h3', {}, t('configWarnings')),
        check.configWarnings.length === 0
          ? el('p', {}, t('configMatches'))
          : el('ul', {}, ...check.configWarnings.map((warning) => el('li', { class: 'warning' }, `${warning.brand}${warning.platform ? `, ${labelOf('platform', warning.platform)}` : ''} — ${warning.message}`))),
        // A handle that matches nothing and spells like nothing: the accounts the data does hold there, as check prints them.
        ...check.accountsInData.map((entry) => accountsList(entry)),
        el('h3', {}, t('coverage')),
        table(
          [t('brand'), t('platform'), t('inbound'), t('measured'), t('ownPosts'), t('warnings')],
          withoutRepeatedTotals(check.coverage).map((row) => [row.name, row.platform === 'all' ? t('allPlatforms') : labelOf('platform', row.platform), row.inbound, row.coverage?.inboundMeasured ?? '-', row.coverage?.brandPosts ?? '-', row.coverage?.warnings.map((code) => labelOf('warning', partly(row, code))).join(', ') || (row.noData ? t('noData') : t('noWarning'))]),
        ),
        el('p', { class: 'note' }, t('measuredNote')),
        check.sentences.length === 0 ? el('p', {}, t('allMeasured')) : el('ul', { class: 'sentences' }, ...check.sentences.map((sentence) => el('li', {}, sentence))),
      );
    }),
  );
  return el('section', { id: 'check' }, el('h2', {}, t('check')), el('label', {}, t('period'), period), run, result);
}

function reportSection(client: ClientSummary): HTMLElement {
  const period = periodInput(client, 'report');
  const lang = languageSelect({}, client.language || language);
  const result = el('div', {});
  const run = el('button', { type: 'button' }, t('generate'));
  const withToken = (url: string) => `${url}?token=${encodeURIComponent(token)}`;
  // A report's files: the PDF, deck and workbook to download, the HTML to open, and the HTML shown in the page.
  const show = (written: { files: Record<string, string | null> }) => {
    const links = Object.entries(written.files).flatMap(([kind, url]) =>
      url ? [el('a', kind === 'html' ? { href: withToken(url), target: '_blank', rel: 'noopener' } : { href: withToken(url), download: '' }, kind.toUpperCase())] : [],
    );
    result.replaceChildren(el('p', { class: 'files' }, `${t('reportFiles')} `, ...links), written.files.html ? el('iframe', { src: withToken(written.files.html), sandbox: '', title: t('report') }) : el('span'));
  };
  const reports = [...client.reports];
  const earlier = el('p', { class: 'earlier' });
  const listEarlier = () => {
    earlier.replaceChildren(...(reports.length > 0 ? [`${t('reports')}${t('colon')}`] : []));
    for (const folder of reports) {
      const open = el('button', { type: 'button', class: 'secondary', 'data-report': folder }, folder);
      open.addEventListener('click', () => void act(async () => show(await api('GET', `/api/clients/${client.id}/reports/${folder}`))));
      earlier.append(open, ' ');
    }
  };
  listEarlier();
  run.addEventListener('click', () =>
    void act(async () => {
      const folder = `${periodOf(period).replace('..', '-to-')}-${lang.value}`;
      // The same period and language again replaces the earlier report: said before, not after.
      if (reports.includes(folder) && !window.confirm(`${t('replaceReport')} ${folder}${t('questionMark')}`)) return;
      const written = await api<{ folder: string; files: Record<string, string | null> }>('POST', `/api/clients/${client.id}/reports`, { period: periodOf(period), language: lang.value });
      show(written);
      reports.splice(0, reports.length, written.folder, ...reports.filter((name) => name !== written.folder));
      listEarlier();
    }, client.id),
  );
  return el('section', { id: 'report' }, el('h2', {}, t('report')), el('label', {}, t('period'), period), el('label', {}, t('language'), lang), run, result, earlier);
}

/** The page's language switch, in the header: the same address (its token kept) in another language. */
function languageSwitch(): HTMLElement {
  const names: Record<Language, string> = { en: 'English', es: 'Español', fr: 'Français' };
  const select = el('select', { name: 'page-language', 'aria-label': t('language') }, ...PAGE_LANGUAGES.map((code) => el('option', { value: code }, names[code])));
  select.value = language;
  select.addEventListener('change', () => {
    if (document.querySelector<HTMLElement>('#brands')?.dataset.unsaved === 'yes' && !window.confirm(t('leaveUnsaved'))) {
      select.value = language;
      return;
    }
    const address = new URL(location.href);
    address.searchParams.set('language', select.value);
    const shown = document.querySelector('.clients button.current')?.getAttribute('data-client');
    if (shown) address.searchParams.set('client', shown);
    else address.searchParams.delete('client');
    location.assign(address.href);
  });
  return select;
}

statusLine.before(languageSwitch());

if (token === '') {
  app.replaceChildren(el('p', { class: 'problem' }, t('noToken')));
} else {
  // The client the language switch was pressed on, shown again.
  void act(() => showClients(new URLSearchParams(location.search).get('client')));
}

export {};
