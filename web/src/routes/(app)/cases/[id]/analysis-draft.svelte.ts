import type { Analysis, AnalysisBody, EvidenceKind } from '../cases-api'

/** A cause as the editor holds it: a key that survives renames, and its chain of whys. */
export interface DraftCause {
  key: string
  id?: string | undefined
  category: string
  text: string
  whys: string[]
  evidence: { kind: EvidenceKind; id: string }[]
  root: boolean
}

let keys = 0
const nextKey = () => `c${++keys}`

/**
 * The fishbone being edited: categories (rename, add, remove), causes per category with their own
 * whys, cited evidence and the root-cause mark. Knows whether it differs from what was saved, so
 * the page can guard against leaving with unsaved changes.
 */
export class AnalysisDraft {
  categories = $state<string[]>([])
  causes = $state<DraftCause[]>([])
  #saved = $state('')

  constructor(analysis: Analysis) {
    this.reset(analysis)
  }

  reset(analysis: Analysis): void {
    this.categories = [...analysis.categories]
    this.causes = analysis.causes.map((cause) => ({
      key: nextKey(),
      id: cause.id,
      category: cause.category,
      text: cause.text,
      whys: [...cause.whys],
      evidence: cause.evidence.map((e) => ({ kind: e.kind, id: e.id })),
      root: cause.root,
    }))
    this.#saved = JSON.stringify(this.body())
  }

  get dirty(): boolean {
    return JSON.stringify(this.body()) !== this.#saved
  }

  causesOf(category: string): DraftCause[] {
    return this.causes.filter((cause) => cause.category === category)
  }

  /** Renames a bone; its causes move with it. */
  renameCategory(index: number, name: string): void {
    const before = this.categories[index]
    this.categories[index] = name
    for (const cause of this.causes) if (cause.category === before) cause.category = name
  }

  addCategory(name: string): void {
    this.categories.push(name)
  }

  /** Removes a bone and the causes on it. */
  removeCategory(index: number): void {
    const [gone] = this.categories.splice(index, 1)
    this.causes = this.causes.filter((cause) => cause.category !== gone)
  }

  addCause(category: string): DraftCause {
    const cause: DraftCause = {
      key: nextKey(),
      category,
      text: '',
      whys: [],
      evidence: [],
      root: false,
    }
    this.causes.push(cause)
    return cause
  }

  removeCause(key: string): void {
    this.causes = this.causes.filter((cause) => cause.key !== key)
  }

  /** What `PUT /api/cases/{id}/analysis` takes. */
  body(): AnalysisBody {
    return {
      categories: this.categories.map((c) => c.trim()),
      causes: this.causes.map((cause) => ({
        ...(cause.id && { id: cause.id }),
        category: cause.category.trim(),
        text: cause.text.trim(),
        whys: cause.whys.map((why) => why.trim()).filter(Boolean),
        evidence: cause.evidence,
        root: cause.root,
      })),
    }
  }

  /** Problems to show before saving, by the field's place: `categories.2`, `causes.c4.text`. */
  problems(): Record<string, string> {
    const found: Record<string, string> = {}
    // A local check, not reactive state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const seen = new Set<string>()
    this.categories.forEach((category, i) => {
      const name = category.trim().toLocaleLowerCase()
      if (!name) found[`categories.${i}`] = 'Name the category'
      else if (seen.has(name)) found[`categories.${i}`] = 'Already a category'
      seen.add(name)
    })
    for (const cause of this.causes) {
      if (!cause.text.trim()) found[`causes.${cause.key}.text`] = 'Say what the cause is'
    }
    return found
  }
}
