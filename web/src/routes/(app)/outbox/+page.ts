import * as api from '$lib/api'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:outbox')
  try {
    const { items } = await api.outbox.list({ fetch })
    // Newest first: the e-mail just triggered is the one people look for.
    const messages = items.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))
    return { messages, unavailable: null }
  } catch (error) {
    // 404: e-mail really is sent (mailMode 'ses'); 403: this role may not read it.
    if (error instanceof api.ApiError && (error.status === 404 || error.status === 403)) {
      return { messages: [], unavailable: error.status }
    }
    throw error
  }
}
