/**
 * How the app addresses a person from the single free-text name they typed: people write titles
 * ("Dr. Helen Okafor"), roles in brackets ("Pat (patient advisor)") and emoji into that field, and
 * none of those belong in "Welcome, …" or in a two-letter avatar.
 */

/** Titles written before a name, compared without their dot and case (English and Spanish). */
const titles = new Set([
  'dr',
  'dra',
  'drs',
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'prof',
  'sr',
  'sra',
  'srta',
  'lic',
  'ing',
])

/** Lower-case particles inside surnames ("Juan de la Cruz"): part of the name, never an initial. */
const particles = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'da',
  'di',
  'do',
  'du',
  'van',
  'von',
])

interface NameParts {
  title: string | undefined
  words: string[]
}

/** Bracketed asides anywhere ("(Committee chair)", "[guest]"), then what is not part of a word. */
function parts(name: string): NameParts {
  const withoutAsides = name.replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ')
  const words = withoutAsides
    .split(/\s+/)
    // Keep letters, combining marks, digits inside, apostrophes and hyphens; drop emoji and symbols.
    .map((word) => word.replace(/[^\p{L}\p{M}\p{N}'’.-]/gu, '').replace(/^[-'’.]+|[-'’]+$/gu, ''))
    .filter((word) => /\p{L}/u.test(word))
  let title: string | undefined
  while (words.length > 1 && titles.has(words[0]!.replace(/\.$/, '').toLowerCase())) {
    title ??= words[0]
    words.shift()
  }
  return { title, words: words.map((word) => word.replace(/\.$/, '')) }
}

/**
 * The name to greet someone by: the first given name, or the title and surname when that is all
 * there is. Falls back to the name as typed when nothing in it looks like a name.
 *
 * @example
 * greetingName('Dr. Helen Okafor (Committee chair)') // 'Helen'
 * greetingName('Dra. Okafor') // 'Dra. Okafor'
 * greetingName('🌟 Ana Núñez') // 'Ana'
 */
export function greetingName(name: string): string {
  const { title, words } = parts(name)
  const first = words[0]
  if (!first) return name.trim()
  if (title && words.length === 1) return `${title} ${first}`
  return first
}

/**
 * One or two capital letters for an avatar: the first letters of the first two words of the name
 * itself (titles, bracketed asides, emoji and surname particles left out). A Spanish name's second
 * word is the first surname, so "Ana Núñez López" is "AN".
 *
 * @example
 * initials('Pat (patient advisor)') // 'P'
 * initials('Dr. Helen Okafor') // 'HO'
 * initials('María de la Cruz') // 'MC'
 */
export function initials(name: string): string {
  const { words } = parts(name)
  const significant = words.filter((word, index) => index === 0 || !particles.has(word))
  const letters = significant.slice(0, 2).map((word) => firstLetter(word).toLocaleUpperCase())
  return letters.join('') || '?'
}

/** The first letter with its accents ("Ñ", not "N" and a loose tilde). */
function firstLetter(word: string): string {
  const match = /\p{L}\p{M}*/u.exec(word)
  return match ? match[0] : word.charAt(0)
}
