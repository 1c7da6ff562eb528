import { ApiError } from '$lib/api'
import { session } from '$lib/session.svelte'
import type { LayoutLoad } from './$types'

// A single-page app: the API serves the static build and answers every other path with it.
export const ssr = false
export const prerender = false

export const load: LayoutLoad = async ({ fetch, route, untrack }) => {
  // Patients' pages (/s/…) are public and open on phones: they need neither the staff session nor
  // the staff styles, and must not wait for either. `untrack`: no re-run on every navigation.
  if (untrack(() => route.id)?.startsWith('/(patient)')) return { unavailable: null }
  // The staff styles load here rather than from +layout.svelte (which would link them from the
  // HTML every route shares, patients' pages included). Waiting for them keeps pages from ever
  // painting unstyled, as the link in the HTML did.
  const styles = import('../app.css')
  // Every page needs to know who is signed in and how the server is set up; ask once.
  try {
    await Promise.all([session.ready({ fetch }), styles])
    return { unavailable: null }
  } catch (error) {
    await styles.catch(() => undefined)
    // An error thrown here would get SvelteKit's bare fallback page; the layout explains instead.
    return {
      unavailable:
        error instanceof ApiError ? error.detail || error.title : 'Touchpoint could not start.',
    }
  }
}
