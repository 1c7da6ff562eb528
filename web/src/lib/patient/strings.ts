import type { Language, Localized, ReviewSite } from './types'

/**
 * Every word of its own the patient page shows, in each language a survey can be offered in. The
 * survey's text (title, questions, options, thank-you) arrives already translated from the server,
 * so the page itself needs only a few dozen short strings. A typed object holds them with no
 * runtime, no build step and no bytes beyond the words: an i18n library, even a compiled one like
 * Paraglide, would add machinery to the page whose size budget is tightest, and a missing
 * translation here is a type error rather than a blank button.
 */
export interface Strings {
  languageName: string
  languageLabel: string
  loading: string
  progress: (position: number, total: number) => string
  back: string
  next: string
  send: string
  sending: string
  required: string
  requiredError: string
  invalidAnswer: string
  yes: string
  no: string
  chooseAll: string
  chooseUpTo: (count: number) => string
  /** A provider question in the staff preview of a practice with no providers yet. */
  providersAppearHere: string
  characterCount: (used: number, max: number) => string
  charactersLeft: (left: number) => string
  resumed: string
  heldText: string
  continueResumed: string
  refusedSummary: (count: number) => string
  nearLimit: (left: number) => string
  pasteCut: (cut: number, max: number) => string
  changed: string
  startOver: string
  savedTitle: string
  savedLater: string
  savedOffline: string
  savedBusy: string
  savedError: string
  tryNow: string
  unknownTitle: string
  unknownBody: string
  closedTitle: string
  closedBody: string
  unreachableTitle: string
  unreachableBody: string
  unreachableKept: string
  idleTitle: string
  idleCountdown: (seconds: number) => string
  stillHere: string
  kioskNext: (seconds: number) => string
  kioskDone: string
  retry: string
  thanksTitle: string
  thanksSent: string
  reviewIntro: string
  reviewOn: (site: ReviewSite) => string
  canClose: string
}

const siteNames: Record<ReviewSite, string> = {
  google: 'Google',
  yelp: 'Yelp',
  facebook: 'Facebook',
  healthgrades: 'Healthgrades',
  zocdoc: 'Zocdoc',
  vitals: 'Vitals',
  other: '',
}

const en: Strings = {
  languageName: 'English',
  languageLabel: 'Language',
  loading: 'Loading…',
  progress: (position, total) => `Question ${position} of ${total}`,
  back: 'Back',
  next: 'Next',
  send: 'Send',
  sending: 'Sending…',
  required: 'Required',
  requiredError: 'Please answer this question to go on.',
  invalidAnswer: 'Please check this answer and try again.',
  yes: 'Yes',
  no: 'No',
  chooseAll: 'Choose all that apply.',
  chooseUpTo: (count) => `Choose up to ${count}.`,
  providersAppearHere: 'Your providers appear here.',
  characterCount: (used, max) => `${used} of ${max} characters`,
  charactersLeft: (left) => (left === 1 ? '1 character left' : `${left} characters left`),
  resumed: 'Welcome back. We kept the answers you gave on this phone.',
  heldText: 'Anything you wrote stays hidden unless you continue.',
  continueResumed: 'Continue where I left off',
  refusedSummary: (count) =>
    count === 1 ? 'Please check this answer:' : `Please check these ${count} answers:`,
  nearLimit: (left) =>
    left === 0
      ? 'You have reached the limit. Anything more you type will not be added.'
      : `Almost at the limit: ${left.toLocaleString('en')} ${left === 1 ? 'character' : 'characters'} left.`,
  pasteCut: (cut, max) =>
    `What you pasted was too long: the last ${cut.toLocaleString('en')} ${cut === 1 ? 'character was' : 'characters were'} left out to stay within ${max.toLocaleString('en')}.`,
  startOver: 'Start over',
  changed:
    'This survey changed while you were answering it. Please check your answers and send them again.',
  savedTitle: 'Almost done',
  savedLater: 'If you close this page, we’ll send your answers the next time you open this survey.',
  savedOffline: 'Saved on this phone; we’ll send it when you’re back online.',
  savedBusy:
    'Many people are sending answers right now. Your answers are saved on this phone, and we’ll try again in a moment.',
  savedError:
    'Something went wrong on our side. Your answers are saved on this phone, and we’ll try again shortly.',
  tryNow: 'Try again now',
  unknownTitle: 'We can’t find this survey',
  unknownBody: 'Check the link you were given, or ask the practice for a new one.',
  closedTitle: 'This survey isn’t taking answers',
  closedBody: 'Thank you for wanting to share your experience. You can close this page.',
  unreachableTitle: 'We can’t reach the practice right now',
  unreachableBody: 'Check that your phone is connected to the internet, then try again.',
  unreachableKept: 'Your answers are kept on this device; try again in a moment.',
  idleTitle: 'Are you still there?',
  idleCountdown: (seconds) => `Starting over in ${seconds} s…`,
  stillHere: 'I’m still here',
  kioskNext: (seconds) => `This screen starts over for the next person in ${seconds} s.`,
  kioskDone: 'Done',
  retry: 'Try again',
  thanksTitle: 'Thank you!',
  thanksSent: 'Your answers have been sent.',
  reviewIntro: 'If you would like, you can also share your experience online:',
  reviewOn: (site) => (site === 'other' ? 'Review us online' : `Review us on ${siteNames[site]}`),
  canClose: 'You can close this page now.',
}

const es: Strings = {
  languageName: 'Español',
  languageLabel: 'Idioma',
  loading: 'Cargando…',
  progress: (position, total) => `Pregunta ${position} de ${total}`,
  back: 'Atrás',
  next: 'Siguiente',
  send: 'Enviar',
  sending: 'Enviando…',
  required: 'Obligatoria',
  requiredError: 'Responda esta pregunta para continuar.',
  invalidAnswer: 'Revise esta respuesta e inténtelo de nuevo.',
  yes: 'Sí',
  no: 'No',
  chooseAll: 'Elija todas las que correspondan.',
  chooseUpTo: (count) => (count === 1 ? 'Elija una.' : `Elija hasta ${count}.`),
  providersAppearHere: 'Aquí aparecerán sus profesionales de salud.',
  characterCount: (used, max) => `${used} de ${max} caracteres`,
  charactersLeft: (left) => (left === 1 ? 'Queda 1 carácter' : `Quedan ${left} caracteres`),
  resumed: 'Hola de nuevo. Guardamos en este teléfono las respuestas que ya dio.',
  heldText: 'Lo que escribió sigue oculto a menos que continúe.',
  continueResumed: 'Continuar donde lo dejé',
  refusedSummary: (count) =>
    count === 1 ? 'Revise esta respuesta:' : `Revise estas ${count} respuestas:`,
  nearLimit: (left) =>
    left === 0
      ? 'Llegó al límite. Lo que escriba de más no se añadirá.'
      : `Casi en el límite: ${left === 1 ? 'queda 1 carácter' : `quedan ${left.toLocaleString('es')} caracteres`}.`,
  pasteCut: (cut, max) =>
    `Lo que pegó era demasiado largo: ${cut === 1 ? 'se dejó fuera el último carácter' : `se dejaron fuera los últimos ${cut.toLocaleString('es')} caracteres`} para no pasar de ${max.toLocaleString('es')}.`,
  startOver: 'Empezar de nuevo',
  changed: 'Esta encuesta cambió mientras la respondía. Revise sus respuestas y envíelas de nuevo.',
  savedTitle: 'Ya casi terminamos',
  savedLater:
    'Si cierra esta página, enviaremos sus respuestas la próxima vez que abra esta encuesta.',
  savedOffline: 'Guardado en este teléfono; lo enviaremos cuando vuelva a tener conexión.',
  savedBusy:
    'Muchas personas están enviando respuestas en este momento. Sus respuestas están guardadas en este teléfono y lo intentaremos de nuevo en un momento.',
  savedError:
    'Algo salió mal de nuestro lado. Sus respuestas están guardadas en este teléfono y lo intentaremos de nuevo en breve.',
  tryNow: 'Intentar ahora',
  unknownTitle: 'No encontramos esta encuesta',
  unknownBody: 'Revise el enlace que recibió o pida uno nuevo al consultorio.',
  closedTitle: 'Esta encuesta no está recibiendo respuestas',
  closedBody: 'Gracias por querer compartir su experiencia. Ya puede cerrar esta página.',
  unreachableTitle: 'No podemos comunicarnos con el consultorio en este momento',
  unreachableBody: 'Revise que su teléfono esté conectado a internet e inténtelo de nuevo.',
  unreachableKept:
    'Sus respuestas están guardadas en este dispositivo; inténtelo de nuevo en un momento.',
  idleTitle: '¿Sigue ahí?',
  idleCountdown: (seconds) => `Se empezará de nuevo en ${seconds} s…`,
  stillHere: 'Sigo aquí',
  kioskNext: (seconds) => `Esta pantalla se reiniciará para la siguiente persona en ${seconds} s.`,
  kioskDone: 'Listo',
  retry: 'Reintentar',
  thanksTitle: '¡Gracias!',
  thanksSent: 'Sus respuestas se enviaron.',
  reviewIntro: 'Si lo desea, también puede compartir su experiencia en línea:',
  reviewOn: (site) =>
    site === 'other' ? 'Déjenos una reseña en línea' : `Déjenos una reseña en ${siteNames[site]}`,
  canClose: 'Ya puede cerrar esta página.',
}

export const strings: Record<Language, Strings> = { en, es }

/**
 * A waiting-room kiosk is not the patient's phone, and the next patient will pick it up: what it
 * says about keeping answers names the tablet (or nothing) instead.
 */
type KioskWording = Pick<
  Strings,
  'savedOffline' | 'savedBusy' | 'savedError' | 'savedLater' | 'unreachableBody'
>
const kioskWording: Record<Language, KioskWording> = {
  en: {
    savedOffline: 'Saved on this tablet; we’ll send it when the connection is back.',
    savedBusy:
      'Many people are sending answers right now. Your answers are saved on this tablet, and we’ll try again in a moment.',
    savedError:
      'Something went wrong on our side. Your answers are saved on this tablet, and we’ll try again shortly.',
    savedLater:
      'You can leave this screen now: your answers will be sent even after the next person starts, and they won’t see them.',
    unreachableBody: 'Check that this tablet is connected to the internet, then try again.',
  },
  es: {
    savedOffline: 'Guardado en esta tableta; lo enviaremos cuando vuelva la conexión.',
    savedBusy:
      'Muchas personas están enviando respuestas en este momento. Sus respuestas están guardadas en esta tableta y lo intentaremos de nuevo en un momento.',
    savedError:
      'Algo salió mal de nuestro lado. Sus respuestas están guardadas en esta tableta y lo intentaremos de nuevo en breve.',
    savedLater:
      'Ya puede dejar esta pantalla: sus respuestas se enviarán aunque la siguiente persona empiece, y no podrá verlas.',
    unreachableBody: 'Revise que esta tableta esté conectada a internet e inténtelo de nuevo.',
  },
}

/**
 * The page's words in `language`, worded for a waiting-room kiosk when `kiosk` is set.
 *
 * @example
 * textFor('en', { kiosk: true }).savedOffline // 'Saved on this tablet; …'
 */
export function textFor(language: Language, { kiosk }: { kiosk: boolean }): Strings {
  return kiosk ? { ...strings[language], ...kioskWording[language] } : strings[language]
}

/** The text in the wanted language, else the first one the survey has. */
export function localize(text: Localized | undefined, language: Language): string {
  if (!text) return ''
  return text[language] ?? Object.values(text)[0] ?? ''
}

/**
 * The first of the browser's preferred languages the survey offers (`es-MX` counts as `es`),
 * else the survey's first language.
 */
export function preferredLanguage(offered: readonly Language[], wanted: readonly string[]) {
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0]
    const match = offered.find((language) => language === base)
    if (match) return match
  }
  return offered[0] ?? 'en'
}
