import { redirect } from '@sveltejs/kit'
import { session } from '$lib/session.svelte'
import type { LayoutLoad } from './$types'

export const load: LayoutLoad = async ({ fetch, url }) => {
  const me = await session.ready({ fetch })
  if (!me) redirect(307, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`)
}
