import { redirect } from '@sveltejs/kit'
import { session } from '$lib/session.svelte'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch }) => {
  if (await session.ready({ fetch })) redirect(307, '/home')
}
