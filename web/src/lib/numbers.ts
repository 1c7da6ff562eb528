import type { Language } from './api'

/** One number formatter per language (US English and US Spanish, like `$lib/dates`). */
const formatters: Record<Language, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US'),
  es: new Intl.NumberFormat('es-US'),
}

/**
 * A count as the page's language writes it, so no page calls `toLocaleString` on its own.
 *
 * @example
 * formatNumber(1234) // '1,234'
 * formatNumber(1234, 'es') // '1,234'
 */
export function formatNumber(n: number, language: Language = 'en'): string {
  return formatters[language].format(n)
}
