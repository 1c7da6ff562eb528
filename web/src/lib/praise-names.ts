import type { PraiseThemes } from '$contract'
import type { Language } from './api'

/**
 * Praise theme id → its label in the practice's first language (English where it has none).
 *
 * @example
 * praiseNames(data.praise, 'es').get('kept-informed') // 'Nos mantuvo informados'
 */
export function praiseNames(
  themes: PraiseThemes['items'],
  language: Language,
): Map<string, string> {
  return new Map(themes.map((t) => [t.id, t.label[language] ?? t.label.en ?? t.id]))
}
