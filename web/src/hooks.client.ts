import type { HandleClientError } from '@sveltejs/kit'
import { ApiError } from '$lib/api'

export const handleError: HandleClientError = ({ error, status }) => {
  if (error instanceof ApiError) {
    return { message: error.detail || error.title }
  }
  if (status !== 404) console.error(error)
  return { message: 'Touchpoint could not load this page.' }
}
