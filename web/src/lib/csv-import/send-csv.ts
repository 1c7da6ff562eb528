import { ApiError } from '$lib/api'
import { session } from '$lib/session.svelte'

/**
 * POST a CSV body to an import route with the session's CSRF token; the JSON answer, or the
 * problem as an `ApiError` (the JSON client sends JSON only).
 */
export async function postCsv<T>(path: string, csv: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'text/csv; charset=utf-8',
        'x-csrf-token': session.current.csrfToken,
      },
      body: csv,
    })
  } catch {
    throw new ApiError({
      status: 0,
      title: 'Touchpoint cannot be reached',
      detail: 'Check your connection and try again.',
    })
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      title: typeof body.title === 'string' ? body.title : 'The import failed',
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      errors: Array.isArray(body.errors) ? (body.errors as never) : undefined,
      retryAfterSeconds: Number(response.headers.get('retry-after')) || undefined,
    })
  }
  return body as T
}
