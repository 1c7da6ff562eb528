import { tick } from 'svelte'
import { ApiError } from './api'

/**
 * Submission state for one form: busy flag, messages for named fields, and messages that belong to
 * no field. Server answers (problem+json) and client checks produce the same shape, so a message
 * always appears beside its field and in the summary announced above the form.
 */
export class FormState<F extends string> {
  busy = $state(false)
  errors = $state<Partial<Record<F, string>>>({})
  /** Messages not tied to a field (wrong password, throttling, network). */
  general = $state<string | null>(null)
  readonly #fields: readonly F[]
  readonly #labels: Record<F, string>

  /** @param labels each field the form has, with the label people see beside it */
  constructor(labels: Record<F, string>) {
    this.#labels = labels
    this.#fields = Object.keys(labels) as F[]
  }

  /** Everything to announce, in the order of the fields on the page. */
  get summary(): string[] {
    const messages = this.#fields.flatMap((field) => {
      const message = this.errors[field]
      return message ? [`${this.#labels[field]}: ${message}`] : []
    })
    return this.general ? [this.general, ...messages] : messages
  }

  clear(): void {
    this.errors = {}
    this.general = null
  }

  /**
   * Runs `action` unless `validate` finds problems, shows whatever goes wrong, and moves focus to
   * the first field with a message. `explain` may turn a known failure into a general message.
   */
  async submit(
    form: HTMLFormElement,
    action: () => Promise<void>,
    options: {
      validate?: () => Partial<Record<F, string>>
      explain?: (error: ApiError) => string | null
    } = {},
  ): Promise<boolean> {
    if (this.busy) return false
    this.clear()
    const problems = options.validate?.() ?? {}
    if (Object.values(problems).some(Boolean)) {
      this.errors = problems
      await this.#focusFirstInvalid(form)
      return false
    }
    this.busy = true
    try {
      await action()
      return true
    } catch (error) {
      this.#show(error, options.explain)
      await this.#focusFirstInvalid(form)
      return false
    } finally {
      this.busy = false
    }
  }

  #show(error: unknown, explain?: (error: ApiError) => string | null): void {
    if (!(error instanceof ApiError)) {
      this.general = 'Something went wrong. Please try again.'
      console.error(error)
      return
    }
    const explained = explain?.(error)
    if (explained) {
      this.general = explained
      return
    }
    const errors: Partial<Record<F, string>> = {}
    const unplaced: string[] = []
    const place = (path: string | undefined, message: string) => {
      const field = path ? this.#fieldFor(path) : undefined
      if (field && !errors[field]) errors[field] = message
      else unplaced.push(message)
    }
    for (const item of error.errors ?? []) place(item.field, item.message)
    if (error.field && !error.errors?.length) place(error.field, error.detail || error.title)
    this.errors = errors
    if (unplaced.length) this.general = unplaced.join(' ')
    else if (!Object.keys(errors).length) this.general = error.detail || error.title
  }

  /** Server paths may be `email`, `body.email` or `/locationIds/0`: match any segment. */
  #fieldFor(path: string): F | undefined {
    const segments = path.split(/[./[\]]/).filter(Boolean)
    return this.#fields.find((field) => segments.includes(field))
  }

  async #focusFirstInvalid(form: HTMLFormElement): Promise<void> {
    await tick()
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }
}
