import type { Caller } from './api'

/** POST a CSV body as the signed-in caller (the Caller sends JSON only). */
export async function postCsv(caller: Caller, path: string, csv: string, type = 'text/csv') {
  const res = await caller.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': type,
      cookie: caller.cookie,
      'x-csrf-token': caller.csrfToken,
      'x-test-client-address': caller.address,
    },
    body: csv,
  })
  const text = await res.text()
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
  }
}

/** A CSV cell, quoted when it must be (commas, quotes, line breaks). */
export const csvCell = (value: string | number) => {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvOf = (rows: (string | number)[][]) =>
  rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
