import { redirect } from '@sveltejs/kit'
import { session } from '$lib/session.svelte'
import type { LayoutLoad } from './$types'

// Meeting mode is for the practice's staff: signed-out visitors sign in first and come back.
export const load: LayoutLoad = async ({ fetch, url }) => {
  const me = await session.ready({ fetch })
  if (!me) redirect(307, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`)
}
