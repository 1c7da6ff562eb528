import { redirect } from '@sveltejs/kit'
import { session } from '$lib/session.svelte'
import { safeNext } from '$lib/next'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, url }) => {
  const next = safeNext(url.searchParams.get('next'))
  if (await session.ready({ fetch })) redirect(307, next)
  return {
    next,
    expired: url.searchParams.has('expired'),
    passwordReset: url.searchParams.has('reset'),
    signedOutEverywhere: url.searchParams.get('signedOut') === 'everywhere',
  }
}
