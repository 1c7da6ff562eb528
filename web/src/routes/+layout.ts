import { ApiError } from '$lib/api'
import { session } from '$lib/session.svelte'
import type { LayoutLoad } from './$types'

// A single-page app: the API serves the static build and answers every other path with it.
export const ssr = false
export const prerender = false

export const load: LayoutLoad = async ({ fetch }) => {
  // Every page needs to know who is signed in and how the server is set up; ask once.
  try {
    await session.ready({ fetch })
    return { unavailable: null }
  } catch (error) {
    // An error thrown here would get SvelteKit's bare fallback page; the layout explains instead.
    return {
      unavailable:
        error instanceof ApiError ? error.detail || error.title : 'Touchpoint could not start.',
    }
  }
}
