import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { z } from 'zod'
import { Id } from '../../domain/practice'
import type { Db } from '../../store/db'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'

interface CollectionStore<T extends { id: string }> {
  list(db: Db, practiceId: string): Promise<T[]>
  create(db: Db, practiceId: string, item: T): Promise<void>
  update(db: Db, practiceId: string, id: string, changes: Partial<Omit<T, 'id'>>): Promise<T>
  remove(db: Db, practiceId: string, id: string): Promise<void>
}

/**
 * List, add, change and remove routes for a practice's small collections (locations, providers).
 * Everyone in the practice reads; owners and managers change.
 */
export function collectionApi<S extends z.ZodObject<{ id: typeof Id }>>(spec: {
  path: string
  tag: string
  noun: string
  schema: S
  /** What adding one takes, with defaults for the fields a person may leave out. */
  input: z.ZodType<Omit<z.infer<S>, 'id'>>
  /**
   * Checks what only the practice's own data can tell (e.g. that referenced locations exist, that
   * a name is not taken); `id` is the item being changed, absent when adding one.
   */
  check?: (db: Db, practiceId: string, input: Partial<z.infer<S>>, id?: string) => Promise<void>
  store: CollectionStore<z.infer<S>>
  /** Runs after an item is removed, to drop references to it elsewhere. */
  afterRemove?: (db: Db, practiceId: string, id: string) => Promise<void>
}) {
  const { path, tag, noun, schema, input: Input, store, check, afterRemove } = spec
  // Changes come from the stored shape, not the input: a default must not overwrite a kept value.
  const Changes = schema.omit({ id: true }).partial()
  const read = [requireSession(), requireAbility('practice:read')]
  const manage = [requireSession(), requireAbility('practice:manage')]
  const params = z.object({ id: Id })

  const list = createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary: `The practice's ${noun}s`,
    security: sessionSecurity,
    middleware: read,
    responses: {
      200: jsonResponse(z.object({ items: z.array(schema) }), `Every ${noun}`),
      ...problemResponses(401, 403),
    },
  })
  const add = createRoute({
    method: 'post',
    path,
    tags: [tag],
    summary: `Add a ${noun}`,
    security: sessionSecurity,
    middleware: manage,
    request: jsonBody(Input),
    responses: {
      201: jsonResponse(schema, `The new ${noun}`),
      ...problemResponses(400, 401, 403, 409),
    },
  })
  const change = createRoute({
    method: 'patch',
    path: `${path}/{id}`,
    tags: [tag],
    summary: `Change a ${noun}`,
    security: sessionSecurity,
    middleware: manage,
    request: { params, ...jsonBody(Changes) },
    responses: {
      200: jsonResponse(schema, `The ${noun} as saved`),
      ...problemResponses(400, 401, 403, 404, 409),
    },
  })
  const remove = createRoute({
    method: 'delete',
    path: `${path}/{id}`,
    tags: [tag],
    summary: `Remove a ${noun}`,
    security: sessionSecurity,
    middleware: manage,
    request: { params },
    responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
  })

  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      return c.json({ items: await store.list(c.var.db, c.var.auth.practice.id) }, 200)
    })
    .openapi(add, async (c) => {
      const input = c.req.valid('json') as unknown as Omit<z.infer<S>, 'id'>
      await check?.(c.var.db, c.var.auth.practice.id, input as Partial<z.infer<S>>)
      const item = { ...input, id: ulid() } as z.infer<S>
      await store.create(c.var.db, c.var.auth.practice.id, item)
      return c.json(item, 201)
    })
    .openapi(change, async (c) => {
      const changes = c.req.valid('json') as unknown as Partial<z.infer<S>>
      const { id } = c.req.valid('param')
      await check?.(c.var.db, c.var.auth.practice.id, changes, id)
      const item = await store.update(c.var.db, c.var.auth.practice.id, id, changes)
      return c.json(item, 200)
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param')
      await store.remove(c.var.db, c.var.auth.practice.id, id)
      await afterRemove?.(c.var.db, c.var.auth.practice.id, id)
      return c.body(null, 204)
    })
}
