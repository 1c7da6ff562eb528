import type { EditorQuestion } from './editor-model'

/** What the card says after the type: "1 to 5", "3 options", "up to 500 characters". */
export function typeDetail(question: EditorQuestion): string {
  switch (question.type) {
    case 'nps':
      return '0 to 10'
    case 'rating':
      return `${question.min} to ${question.max}`
    case 'single':
    case 'multi':
      return `${question.options.length} options`
    case 'text':
      return `up to ${question.maxLength} characters`
    default:
      return ''
  }
}

/** Where a yes/no question skips to, in words: "the end", "question 4", "a removed question". */
export function skipTargetName(
  question: EditorQuestion,
  questions: readonly EditorQuestion[],
): string {
  if (question.skipTo === 'end') return 'the end'
  const target = questions.findIndex((q) => q.id === question.skipTo)
  return target >= 0 ? `question ${target + 1}` : 'a removed question'
}

/** Whether a skip rule points at a question that reordering has put before this one. */
export function skipGoesBack(question: EditorQuestion, later: readonly EditorQuestion[]): boolean {
  return (
    question.type === 'yesno' &&
    !!question.skipWhen &&
    question.skipTo !== 'end' &&
    !later.some((q) => q.id === question.skipTo)
  )
}
