import type { Analysis } from './analysis'

/**
 * The analysis's line in the case's audit trail: what changed, counted, never the causes' words
 * (they may quote patients, and the trail is read by every signed-in role).
 *
 * @example
 * analysisChange(before, after) // 'Analysis: 2 causes added, 1 marked root cause'
 */
export function analysisChange(before: Analysis, after: Analysis): string {
  const was = new Map(before.causes.map((cause) => [cause.id, cause]))
  const now = new Map(after.causes.map((cause) => [cause.id, cause]))
  let added = 0
  let removed = 0
  let edited = 0
  let rooted = 0
  let unrooted = 0
  for (const cause of after.causes) {
    const old = was.get(cause.id)
    if (!old) {
      added++
      if (cause.root) rooted++
      continue
    }
    if (old.root !== cause.root) {
      if (cause.root) rooted++
      else unrooted++
    }
    const same =
      old.category === cause.category &&
      old.text === cause.text &&
      JSON.stringify(old.whys) === JSON.stringify(cause.whys) &&
      JSON.stringify(old.evidence) === JSON.stringify(cause.evidence)
    if (!same) edited++
  }
  for (const cause of before.causes) if (!now.has(cause.id)) removed++
  const fold = (list: readonly string[]) => new Set(list.map((c) => c.toLocaleLowerCase()))
  const oldCategories = fold(before.categories)
  const newCategories = fold(after.categories)
  const categoriesAdded = [...newCategories].filter((c) => !oldCategories.has(c)).length
  const categoriesRemoved = [...oldCategories].filter((c) => !newCategories.has(c)).length

  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
  const parts = [
    added && `${plural(added, 'cause')} added`,
    edited && `${plural(edited, 'cause')} changed`,
    removed && `${plural(removed, 'cause')} removed`,
    rooted && `${rooted} marked root cause`,
    unrooted && `${unrooted} no longer root cause`,
    categoriesAdded && `${plural(categoriesAdded, 'category', 'categories')} added`,
    categoriesRemoved && `${plural(categoriesRemoved, 'category', 'categories')} removed`,
  ].filter(Boolean)
  return `Analysis: ${parts.length > 0 ? parts.join(', ') : 'saved, nothing changed'}`
}
