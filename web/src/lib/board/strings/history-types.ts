type Count = (n: number) => string
type Say = (what: string) => string

/** What an entry of the history did, after the actor's name: "added a note to Pains". */
export interface HistoryStrings {
  removedArea: string
  aTouchPoint: string
  hiddenVote: string
  addedQuote: Say
  addedNote: Say
  editedNote: string
  movedNote: Say
  colouredNote: Say
  grouped: Say
  ungrouped: string
  removedNote: string
  voted: string
  unvoted: string
  steppedTo: (position: number, title: string) => string
  timerStopped: string
  timerSet: Say
  notesHidden: string
  notesRevealed: string
  locked: string
  unlocked: string
  archived: string
  restored: string
  anonymousOn: string
  anonymousOff: string
  gaveDots: Count
  votesHidden: string
  votesRevealed: string
  renamed: string
  emotionCleared: Say
  emotionSet: (where: string, level: string) => string
  actionAdded: string
  actionDone: string
  actionReopened: string
  actionChanged: string
  actionRemoved: string
}
