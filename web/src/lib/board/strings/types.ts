import type { NoteColour } from '$domain/boards/board'
import type { HistoryStrings } from './history-types'

/**
 * The shape of the board's words: `en` and `es` are both declared as `BoardStrings`, so a string
 * missing in one language fails `npm run check`. Counts are functions of the number, because
 * Spanish plurals are not English ones plus "s".
 */
export type BoardLanguage = 'en' | 'es'

type Count = (n: number) => string
type Say = (what: string) => string

export interface BoardStrings {
  /** The language itself: dates on the board are written in it. */
  language: BoardLanguage
  addNote: string
  addNoteTo: Say
  emotion: string
  emotionAt: Say
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
  notesIn: Say
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
  timeLeft: Say
  timeIsUp: string
  reconnecting: string
  offline: string
  /** What happens to changes not yet sent; `later` while offline (sent once back online). */
  kept: (pending: number, later: boolean) => string
  /** The last joint of a list: "Ana, Ben and Cy". */
  and: string
  cancel: string
  save: string
  close: string
  loading: string
  /** The page's `<title>`: "Skin check · Workshop · Touchpoint". */
  workshop: string
  backToWorkshops: string
  about: Say
  here: Count
  you: string
  facilitatorSuffix: string
  header: {
    writingIn: (name: string, area: string) => string
    someoneWritingIn: Say
    dotsLeft: (left: number, limit: number) => string
  }
  area: {
    quotesTitle: string
    quotesOf: (quotes: number, notes: number) => string
    yourNoteFor: Say
    addNoteButton: string
    postAnonymously: string
  }
  timer: {
    stepTitle: (position: number, total: number, title: string) => string
    thisStep: string
    noTimer: string
    start: Count
    restart: Count
    plusOneLabel: string
    plusOne: string
    stop: string
    previous: string
    next: string
    upFor: Say
    oneMinuteFor: Say
    minutes: Count
    seconds: Count
    left: Say
  }
  stepList: {
    label: string
    current: string
    none: string
    modes: Record<'write' | 'vote' | 'discuss' | 'act', string>
    minutes: Count
  }
  note: {
    /** The author line of one's own note. */
    you: string
    hidden: string
    hiddenNote: string
    untilReveal: string
    edit: string
    addingComment: string
    saving: string
    anonymous: string
    vote: string
    voteFor: Say
    removeVote: string
    removeVoteFrom: Say
    options: Say
    moveTo: string
    moveUp: string
    moveDown: string
    changeGroup: string
    groupItem: string
    colour: string
    delete: string
    dragToMove: string
    votes: Count
    yours: Count
    writeFirst: string
    editorHint: string
    characters: string
    colours: Record<NoteColour, string>
    review: string
    patientComment: string
    /** A review's rating on its site: "4 stars"; Facebook's yes or no instead. */
    stars: Count
    recommends: string
    doesNotRecommend: string
  }
  dialogs: {
    moveTitle: string
    moveDescription: string
    area: string
    move: string
    groupTitle: string
    groupDescription: string
    groupLabel: string
    groupHint: string
    removeFromGroup: string
    deleteTitle: string
    deleteDescription: Say
    deleteNote: string
  }
  actionList: {
    open: Count
    done: Count
    boardLoading: string
    archived: string
    locked: string
    guestsRead: string
    none: string
    addFirst: string
    saved: string
    deleted: string
    added: Say
    noOwner: string
    due: Say
    overdue: string
    doneMark: string
    doneLabel: string
    fromNote: Say
    /** A committee member promotes the action to a governance case. */
    openCase: string
    edit: string
    delete: string
    deleteTitle: string
    deleteDescription: Say
    deleteAction: string
    working: string
    describe: string
    tooLong: string
    action: string
    dueLabel: string
    newAction: string
    whatWillBeDone: string
    dueOptional: string
    owner: string
    fromNoteOptional: string
    mostDotsFirst: string
    noNote: string
    noNotesYet: string
    dots: Count
    addAction: string
  }
  share: {
    heading: string
    boardLink: string
    boardLinkHint: string
    boardLinkHintStaff: string
    copy: string
    /** Said after Copy to screen readers: "Copy board link". */
    copyBoardSuffix: string
    copyGuestSuffix: string
    copied: Say
    pressToCopy: Say
    qrBoard: string
    qrGuest: string
    qrFailed: string
    qrLoading: string
    guestLink: string
    guestIntro: string
    linkWorksFor: string
    hours: Count
    days: Count
    creating: string
    createAnother: string
    create: string
    restoreToInvite: string
    createFailed: string
    created: Say
    showLargeQr: string
    scanToJoin: Say
    theBoard: string
    scanHint: Say
    linksWork: string
    linksHeading: string
    link: Count
    made: (when: string, by: string) => string
    revoked: string
    joined: Count
    revoke: string
    /** Said after Revoke to screen readers: "Revoke link 2". */
    revokeSuffix: Count
    revoking: string
    revokedStatus: Count
    loadFailed: string
    revokeFailed: string
    expired: string
    expiresToday: Say
    expiresTomorrow: Say
    expiresOn: (day: string, time: string) => string
  }
  exports: {
    heading: string
    markdownDownloaded: string
    markdownFailed: string
    notShown: string
    makingPicture: string
    pictureDownloaded: string
    pictureFailed: string
    preparing: string
    downloadMarkdown: string
    markdownHint: string
    downloadPng: string
    pngHint: string
    replay: string
    replayHint: string
    followUpActions: string
    due: Say
    doneSuffix: string
  }
  evidencePanel: {
    boardLoading: string
    archived: string
    locked: string
    staffOnly: string
    intro: string
    searchFailed: string
    none: string
    noneFound: string
    found: Count
    foundMore: Count
    commentsFound: string
    showingNewest: Count
    searching: string
    search: string
    clear: string
    searchLabel: string
    words: string
    wordsPlaceholder: string
    theme: string
    anyTheme: string
    touchpoint: string
    anyTouchpoint: string
    sentiment: string
    any: string
    sentiments: Record<'negative' | 'neutral' | 'positive', string>
    sentimentPrefix: string
    whereInJourney: string
    alreadyOnBoard: string
    adding: string
    addTo: Say
    addQuotesTo: string
    cannotAddNow: string
  }
  votes: {
    dotsPerPerson: string
    dotsHint: string
    dotsError: string
    error: string
    sheetDotsLeft: (left: number, limit: number) => string
    votingOff: string
    nobodyConnected: string
    everyonePlaced: Count
    stillToPlace: (left: number, total: number) => string
    dotsOf: (used: number, limit: number) => string
    notVotedYet: string
    personLeft: (name: string, left: number) => string
    notVotedList: Say
    everyoneVoted: string
    dotsLeftList: Say
  }
  banners: {
    archived: string
    lockedFacilitator: string
    locked: string
    faceDown: string
  }
  facilitator: {
    boardSettings: string
    archived: string
    titleAndPersona: string
    votes: string
    giveTitle: string
    sayWho: string
    tooLong: string
    boardTitle: string
    whoAbout: string
    title: string
    persona: string
    editTitle: string
  }
  jump: { areas: string; jumpTo: string; chooseArea: string }
  dismiss: string
  notices: {
    noSuchBoard: string
    mistyped: string
    askForLink: string
    goToWorkshops: string
    notOnBoard: string
    guestExpired: string
    guestExpiredReplay: string
    signInToOpen: string
    signInAsStaff: string
    opening: string
    connecting: string
  }
  replay: {
    title: Say
    replay: string
    stepZero: Count
    caption: (position: number, total: number, time: string, line: string) => string
    anonymous: string
    back: string
    controls: string
    play: string
    pause: string
    speed: string
    position: string
    faceDown: string
    historyFailed: string
    checkConnection: string
    tryAgain: string
    loadingReplay: string
    changesLoaded: Count
  }
  /** What an entry of the history did, after the actor's name: "added a note to Pains". */
  history: HistoryStrings
  /** The server's refusal in the board's language, from its code and English words. */
  refusal: (code: string, detail: string) => string
}
