/**
 * The board page's own words in each language a board can be created in. The canvas text (area
 * titles, prompts) arrives already translated with the board; these are the page's labels,
 * buttons, headings, banners and announcements. As on the patient page, a typed object with no
 * runtime: `es` is declared as `BoardStrings`, so a missing Spanish string fails `npm run check`.
 *
 * @example
 * const t = boardStrings(board.language)
 * t.addNote // 'Añadir una nota'
 */
export type BoardLanguage = 'en' | 'es'

export interface BoardStrings {
  addNote: string
  addNoteTo: (area: string) => string
  emotion: string
  emotionAt: (area: string) => string
  notSet: string
  steps: string
  evidence: string
  actions: string
  shareExport: string
  boardTools: string
  showBoardTools: string
  hideBoardTools: string
  presenterMode: string
  presenterHint: string
  leave: string
  hideVotesUntilReveal: string
  hideVotesHint: string
  hideNotes: string
  hideNotesHint: string
  lockBoard: string
  lockBoardHint: string
  allowAnonymous: string
  votesHiddenBanner: string
  votesHiddenTally: string
  someone: string
  noNotesYet: string
  notesIn: (area: string) => string
  group: string
  writing: (names: string, count: number) => string
  onBoardNow: string
  /** The connection pill in the header. */
  connectionStatus: Record<
    'loading' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'not-found' | 'signed-out',
    string
  >
  /** -2…+2 in words. */
  emotionLevels: Record<number, string>
  /** The header's step line: "Step 2 of 5", "6:42 left", "Time is up". */
  stepOf: (position: number, total: number) => string
  timeLeft: (clock: string) => string
  timeIsUp: string
  reconnecting: string
  offline: string
  /** What happens to changes not yet sent; `later` while offline (sent once back online). */
  kept: (pending: number, later: boolean) => string
}

export const en: BoardStrings = {
  addNote: 'Add a note',
  addNoteTo: (area) => `Add a note to ${area}`,
  emotion: 'Emotion',
  emotionAt: (area) => `Emotion at ${area}`,
  notSet: 'Not set',
  steps: 'Steps',
  evidence: 'Evidence',
  actions: 'Actions',
  shareExport: 'Share & export',
  boardTools: 'Board tools',
  showBoardTools: 'Show board tools',
  hideBoardTools: 'Hide board tools',
  presenterMode: 'Presenter mode',
  presenterHint: 'Presenter mode · Esc leaves',
  leave: 'Leave',
  hideVotesUntilReveal: 'Hide votes until you reveal',
  hideVotesHint:
    'Everyone sees only their own dots, so nobody follows the first ones. Turn off to reveal.',
  hideNotes: 'Hide notes while people write',
  hideNotesHint: 'Everyone sees only their own notes until you reveal.',
  lockBoard: 'Lock board',
  lockBoardHint: 'Only you can change notes and actions while it is locked.',
  allowAnonymous: 'Allow anonymous notes',
  votesHiddenBanner:
    'Votes are hidden: you see only your own dots until the facilitator reveals them.',
  votesHiddenTally: 'Votes are hidden: the count shows after you reveal them.',
  someone: 'Someone',
  noNotesYet: 'No notes yet.',
  notesIn: (area) => `Notes in ${area}`,
  group: 'Group',
  writing: (names, count) => `${names} ${count === 1 ? 'is' : 'are'} writing…`,
  onBoardNow: 'On the board now',
  connectionStatus: {
    loading: 'Loading',
    connecting: 'Connecting',
    live: 'Live',
    reconnecting: 'Reconnecting',
    offline: 'Offline',
    'not-found': 'Not found',
    'signed-out': 'Signed out',
  },
  emotionLevels: {
    [-2]: 'very negative',
    [-1]: 'negative',
    0: 'neutral',
    1: 'positive',
    2: 'very positive',
  },
  stepOf: (position, total) => `Step ${position} of ${total}`,
  timeLeft: (clock) => `${clock} left`,
  timeIsUp: 'Time is up',
  reconnecting: 'Reconnecting…',
  offline: 'You are offline.',
  kept: (pending, later) =>
    `${pending === 0 ? 'Your notes are' : pending === 1 ? '1 change is' : `${pending} changes are`} kept and will be sent${later ? ' when you are back online' : ''}.`,
}

export const es: BoardStrings = {
  addNote: 'Añadir una nota',
  addNoteTo: (area) => `Añadir una nota a ${area}`,
  emotion: 'Emoción',
  emotionAt: (area) => `Emoción en ${area}`,
  notSet: 'Sin definir',
  steps: 'Pasos',
  evidence: 'Evidencia',
  actions: 'Acciones',
  shareExport: 'Compartir y exportar',
  boardTools: 'Herramientas del tablero',
  showBoardTools: 'Mostrar herramientas del tablero',
  hideBoardTools: 'Ocultar herramientas del tablero',
  presenterMode: 'Modo presentación',
  presenterHint: 'Modo presentación · Esc para salir',
  leave: 'Salir',
  hideVotesUntilReveal: 'Ocultar los votos hasta revelarlos',
  hideVotesHint:
    'Cada persona ve solo sus propios puntos, así nadie sigue a los primeros. Desactívelo para revelarlos.',
  hideNotes: 'Ocultar las notas mientras se escribe',
  hideNotesHint: 'Cada persona ve solo sus propias notas hasta que las revele.',
  lockBoard: 'Bloquear el tablero',
  lockBoardHint: 'Mientras está bloqueado, solo usted puede cambiar notas y acciones.',
  allowAnonymous: 'Permitir notas anónimas',
  votesHiddenBanner:
    'Los votos están ocultos: solo ve sus propios puntos hasta que la persona facilitadora los revele.',
  votesHiddenTally: 'Los votos están ocultos: el recuento aparece cuando los revele.',
  someone: 'Alguien',
  noNotesYet: 'Todavía no hay notas.',
  notesIn: (area) => `Notas en ${area}`,
  group: 'Grupo',
  writing: (names, count) => `${names} ${count === 1 ? 'está' : 'están'} escribiendo…`,
  onBoardNow: 'En el tablero ahora',
  connectionStatus: {
    loading: 'Cargando',
    connecting: 'Conectando',
    live: 'En directo',
    reconnecting: 'Reconectando',
    offline: 'Sin conexión',
    'not-found': 'No encontrado',
    'signed-out': 'Sesión cerrada',
  },
  emotionLevels: {
    [-2]: 'muy negativa',
    [-1]: 'negativa',
    0: 'neutra',
    1: 'positiva',
    2: 'muy positiva',
  },
  stepOf: (position, total) => `Paso ${position} de ${total}`,
  timeLeft: (clock) => `quedan ${clock}`,
  timeIsUp: 'Se acabó el tiempo',
  reconnecting: 'Reconectando…',
  offline: 'No tiene conexión.',
  kept: (pending, later) =>
    `${pending === 0 ? 'Sus notas se guardan y se enviarán' : pending === 1 ? '1 cambio se guarda y se enviará' : `${pending} cambios se guardan y se enviarán`}${later ? ' cuando vuelva a tener conexión' : ''}.`,
}

/** The strings for a board's language; English for anything unknown. */
export function boardStrings(language: string | undefined): BoardStrings {
  return language === 'es' ? es : en
}
