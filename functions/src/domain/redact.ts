/**
 * Quotes leave the response they came from (a dashboard on a projector, a note on a board), so
 * whatever identifies the patient goes first: e-mail addresses, phone numbers and dates of birth.
 * Patterns err on the side of removing: a stray date in a quote is a small loss, a birth date on
 * a meeting-room screen is not.
 */
const patterns: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail removed]'],
  // Dates: 03/14/1985, 14-03-85, 1985-03-14, "March 14, 1985", "14 de marzo de 1985".
  [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/g, '[date removed]'],
  [/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, '[date removed]'],
  [
    /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/gi,
    '[date removed]',
  ],
  [
    /\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+de)?\s+\d{4}\b/gi,
    '[date removed]',
  ],
  // Phones: 7 or more digits with the usual separators, optionally +country and (area).
  [
    /(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{3,4}[\s.-]?\d{3,4}(?:[\s.-]?\d{2,4})?\b/g,
    '[phone removed]',
  ],
]

/**
 * The text with e-mail addresses, phone numbers and dates removed.
 *
 * @example
 * redactQuote('Call me at (555) 010-0199 or jo@example.com, born 3/14/1985')
 * // 'Call me at [phone removed] or [e-mail removed], born [date removed]'
 */
export function redactQuote(text: string): string {
  let redacted = text
  for (const [pattern, replacement] of patterns) redacted = redacted.replace(pattern, replacement)
  return redacted
}
