import { validate } from '@readme/openapi-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { testApp } from '../../support/api'
import { testDb } from '../../support/db'

let app: App
beforeAll(async () => {
  app = testApp(await testDb())
})

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json()
    const result = await validate(structuredClone(doc) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
  })

  it('declares the public contract routes', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, object>
    }
    expect(Object.keys(doc.paths['/api/health'] ?? {})).toContain('get')
    expect(Object.keys(doc.paths['/api/practices'] ?? {})).toContain('post')
    expect(Object.keys(doc.paths['/api/session'] ?? {}).sort()).toEqual(['delete', 'post'])
    expect(Object.keys(doc.paths['/api/me'] ?? {})).toContain('get')
  })

  it('answers unknown API routes with a problem+json 404', async () => {
    const res = await app.request('/api/nothing-here')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})
