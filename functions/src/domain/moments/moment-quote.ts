import { redactQuote } from '../redact'

const date = '[date removed]'

const months =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const meses =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre'

/**
 * Dates without a year: the quotes elsewhere keep "on March 3" (a board's evidence needs little),
 * but a moment is read aloud to the whole team and pinned in the break room, and a day and month
 * next to a story is enough for a colleague to find the patient's visit.
 */
const dayAndMonth: RegExp[] = [
  new RegExp(`\\b(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'giu'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${months})\\b\\.?`, 'giu'),
  new RegExp(`\\b(?:el\\s+)?\\d{1,2}\\s+de\\s+(?:${meses})\\b`, 'giu'),
]

/** 3/14 and 14-03: a slash or hyphen (a dot is a decimal), both parts a plausible month and day. */
const numericDayAndMonth = /\b(\d{1,2})[/-](\d{1,2})\b(?![/-]\d)(?!\s*(?:stars?|estrellas?))/g

/** "4/5" and "10/10" are ratings: out of 5 or 10, the first no larger. */
const isRating = (a: number, b: number) => (b === 5 || b === 10) && a <= b

function removeNumericDates(text: string): string {
  return text.replace(numericDayAndMonth, (whole, first: string, second: string) => {
    const [a, b] = [Number(first), Number(second)]
    const plausible =
      (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31)
    return plausible && !isRating(a, b) ? date : whole
  })
}

/**
 * A patient's words as a moment shows them: no patient names, e-mail addresses, phone numbers,
 * ID numbers, birth dates or dates (with or without a year); staff and provider names and
 * their aliases kept, because who rose to the occasion is the point.
 *
 * @example
 * momentQuote('On March 3 Ana called my son Leo back at 555-010-0199', ['Ana Núñez'])
 * // 'On [date removed] Ana called my son [removed name] back at [phone removed]'
 */
export function momentQuote(text: string, keep: readonly string[]): string {
  let quote = redactQuote(text, { keep })
  for (const pattern of dayAndMonth) quote = quote.replace(pattern, date)
  quote = removeNumericDates(quote)
  return quote.replace(/\s+/g, ' ').trim()
}
