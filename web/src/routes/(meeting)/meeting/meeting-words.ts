import type { Language } from '$lib/api'

/**
 * Meeting mode's words in English and Spanish, and its figures written as a room says them:
 * "NPS 42 (likely between 30 and 54, 88 answers)". Rounded here and only here (the API never
 * rounds), and "not enough answers yet" wherever a figure rests on fewer answers than the
 * practice's minimum, so the room never reads certainty into a handful of answers.
 */
const en = {
  agenda: 'Agenda',
  agendaItems: 'Agenda items',
  language: 'Language',
  leave: 'Leave meeting mode',
  leaveHint: 'Esc leaves',
  keysHint: '← → move between items · Space starts and pauses the timer',
  fullScreen: 'Full screen',
  item: (n: number, of: number) => `Item ${n} of ${of}`,
  minutes: (n: number) => `${n} min`,
  previous: 'Previous',
  next: 'Next',
  start: 'Start timer',
  pause: 'Pause timer',
  resume: 'Resume timer',
  reset: 'Reset',
  timer: 'Timer',
  left: 'left',
  over: 'over',
  oneMinuteLeft: 'Less than a minute left',
  overTime: 'Over time',
  paused: 'Paused',
  prompts: 'Ask the room',
  loadFailed: 'This could not be loaded. Check the connection and reload the page.',
  // The moment
  who: 'Who',
  whatTheyDid: 'What they did',
  patientGain: 'What the patient gained',
  noMoment: 'No moment has been picked for this week yet.',
  pickMoment: "Pick this week's moment",
  askManager: 'Your manager picks it on the Moments page. Saw one happen? Tell it there.',
  tellOne: 'Open Moments',
  // The numbers
  thisWeek: 'This week',
  lastFourWeeks: 'Last 4 weeks',
  nps: 'Net Promoter Score',
  weakest: 'Weakest touch point',
  reviews: 'Review average',
  notEnough: 'Not enough answers yet',
  notEnoughReviews: 'Not enough reviews yet',
  shortOf: (n: number, minimum: number) => `${n} of ${minimum} needed`,
  likely: (low: string, high: string) => `likely between ${low} and ${high}`,
  answers: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
  reviewCount: (n: number) => (n === 1 ? '1 review' : `${n} reviews`),
  ratedTopBox: (share: string) => `${share} rated it 4 or 5`,
  stars: (value: string) => `${value} stars`,
  // The actions
  noActions: 'No open follow-up actions. Decide a few at the end of the next workshop.',
  noOwner: 'No owner yet',
  noDate: 'No date',
  due: (day: string) => `Due ${day}`,
  overdue: (day: string) => `Overdue since ${day}`,
  onBoard: 'On',
  more: (n: number) => `and ${n} more on the boards`,
  openWorkshops: 'Open Workshops',
  // The board
  lastBoard: 'The last board',
  openBoard: (title: string) => `Open “${title}”`,
  noBoard: 'No workshop board yet.',
  newBoard: 'Start a new board',
}

export type MeetingWords = typeof en

const es: MeetingWords = {
  agenda: 'Agenda',
  agendaItems: 'Puntos de la agenda',
  language: 'Idioma',
  leave: 'Salir del modo reunión',
  leaveHint: 'Esc para salir',
  keysHint: '← → para pasar de un punto a otro · Espacio inicia y pausa el temporizador',
  fullScreen: 'Pantalla completa',
  item: (n, of) => `Punto ${n} de ${of}`,
  minutes: (n) => `${n} min`,
  previous: 'Anterior',
  next: 'Siguiente',
  start: 'Iniciar temporizador',
  pause: 'Pausar temporizador',
  resume: 'Reanudar temporizador',
  reset: 'Reiniciar',
  timer: 'Temporizador',
  left: 'restantes',
  over: 'de más',
  oneMinuteLeft: 'Queda menos de un minuto',
  overTime: 'Tiempo cumplido',
  paused: 'En pausa',
  prompts: 'Pregunte al grupo',
  loadFailed: 'No se pudo cargar. Revise la conexión y vuelva a cargar la página.',
  who: 'Quién',
  whatTheyDid: 'Lo que hizo',
  patientGain: 'Lo que ganó el paciente',
  noMoment: 'Todavía no se eligió el momento de esta semana.',
  pickMoment: 'Elegir el momento de la semana',
  askManager: 'Su gerente lo elige en la página Momentos. ¿Vio uno? Cuéntelo allí.',
  tellOne: 'Abrir Momentos',
  thisWeek: 'Esta semana',
  lastFourWeeks: 'Últimas 4 semanas',
  nps: 'Net Promoter Score (NPS)',
  weakest: 'Punto de contacto más débil',
  reviews: 'Promedio de reseñas',
  notEnough: 'Todavía no hay suficientes respuestas',
  notEnoughReviews: 'Todavía no hay suficientes reseñas',
  shortOf: (n, minimum) => `${n} de ${minimum} necesarias`,
  likely: (low, high) => `probablemente entre ${low} y ${high}`,
  answers: (n) => (n === 1 ? '1 respuesta' : `${n} respuestas`),
  reviewCount: (n) => (n === 1 ? '1 reseña' : `${n} reseñas`),
  ratedTopBox: (share) => `${share} le dio 4 o 5`,
  stars: (value) => `${value} estrellas`,
  noActions: 'No hay acciones pendientes. Decidan algunas al final del próximo taller.',
  noOwner: 'Sin responsable',
  noDate: 'Sin fecha',
  due: (day) => `Vence el ${day}`,
  overdue: (day) => `Vencida desde el ${day}`,
  onBoard: 'En',
  more: (n) => `y ${n} más en los tableros`,
  openWorkshops: 'Abrir Talleres',
  lastBoard: 'El último tablero',
  openBoard: (title) => `Abrir «${title}»`,
  noBoard: 'Todavía no hay tableros de taller.',
  newBoard: 'Empezar un tablero nuevo',
}

export const meetingWords: Record<Language, MeetingWords> = { en, es }

/** A whole number as the language writes it: 1,234 or 1234 (Spanish groups from five digits). */
export const whole = (n: number, language: Language) =>
  new Intl.NumberFormat(language).format(Math.round(n))

/** NPS points with a sign: +42, −12, 0. */
export function npsPoints(score: number): string {
  const rounded = Math.round(score)
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0'
}

export const percent = (share: number) => `${Math.round(share * 100)}%`

export const oneDecimal = (value: number, language: Language) =>
  new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  )

/** "likely between 30 and 54, 88 answers": the uncertainty a figure carries, in words. */
export function uncertainty(
  words: MeetingWords,
  interval: readonly [number, number] | null,
  write: (value: number) => string,
  count: string,
): string {
  return interval ? `${words.likely(write(interval[0]), write(interval[1]))}, ${count}` : count
}

/** The seconds a timer shows: "4:05" left, or how long it has run over. */
export function clockText(seconds: number): string {
  const whole = Math.abs(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}
