const englishPlurals = new Intl.PluralRules('en')

/**
 * A count with its noun in the right number, for text the server writes (e-mails, error
 * details): "1 day", "7 days", "1 minute". Give `many` for nouns that do not just add an s.
 *
 * @example
 * countOf(1, 'day') // '1 day'
 * countOf(15, 'minute') // '15 minutes'
 * countOf(2, 'reply', 'replies') // '2 replies'
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${englishPlurals.select(n) === 'one' ? one : many}`
}
