import { goto } from '$app/navigation'
import { resolve } from '$app/paths'
import * as api from './api'
import type { Config, Me, Practice, RequestOptions } from './api'

/**
 * Who is signed in, and the server's configuration. A module-level instance is safe here because
 * the app never renders on the server (`ssr = false`), so there is one session per browser tab.
 */
class Session {
  me = $state<Me | null>(null)
  config = $state<Config | null>(null)
  #loading: Promise<Me | null> | null = null

  constructor() {
    // A 401 from any call while signed in means the session expired or was revoked elsewhere.
    api.setUnauthenticatedHandler(() => {
      if (!this.me) return
      this.set(null)
      const here = location.pathname + location.search
      void goto(resolve(`/signin?next=${encodeURIComponent(here)}&expired=1`), {
        replaceState: true,
      })
    })
  }

  /** Loads the configuration and the current user once; later calls share the first answer. */
  ready(options?: RequestOptions): Promise<Me | null> {
    this.#loading ??= this.#load(options).catch((error: unknown) => {
      this.#loading = null // let the next navigation try again
      throw error
    })
    return this.#loading
  }

  async #load(options?: RequestOptions): Promise<Me | null> {
    const [config, me] = await Promise.all([
      api.config.get(options),
      api.session.me(options).catch((error: unknown) => {
        if (error instanceof api.ApiError && error.status === 401) return null
        throw error
      }),
    ])
    this.config = config
    this.set(me)
    return me
  }

  /** The signed-in user, for pages inside the signed-in area (whose layout guarantees one). */
  get current(): Me {
    if (!this.me) throw new Error('No one is signed in')
    return this.me
  }

  /** The loaded configuration (the root layout waits for it before rendering any page). */
  get settings(): Config {
    if (!this.config) throw new Error('The configuration has not been loaded')
    return this.config
  }

  set(me: Me | null): void {
    this.me = me
    this.#loading = Promise.resolve(me)
    api.setCsrfToken(me?.csrfToken ?? null)
  }

  setPractice(practice: Practice): void {
    if (this.me) this.me.practice = practice
  }

  async signOut(): Promise<void> {
    try {
      await api.session.signOut()
    } finally {
      this.set(null)
    }
  }
}

export const session = new Session()
