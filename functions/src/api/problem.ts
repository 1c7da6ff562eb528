import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import { z } from 'zod'

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string(),
    /** The request field the problem is about (the first one, when there are several). */
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof Problem>

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'No longer available',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Something went wrong',
  502: 'The site refused',
  503: 'Service unavailable',
}

export interface ProblemInput {
  status: ContentfulStatusCode
  code: string
  detail: string
  field?: string | undefined
  errors?: { field: string; message: string }[]
  /** RFC 9457 extension members, e.g. the reply check's `warnings`. */
  extensions?: Record<string, unknown> | undefined
}

export function problem(
  c: Context,
  { status, code, detail, field, errors, extensions }: ProblemInput,
) {
  const body: Problem = {
    ...extensions,
    type: `https://touchpoint.dev/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    requestId: (c.get('requestId') as string | undefined) ?? '',
    ...(field ? { field } : {}),
    ...(errors ? { errors } : {}),
  }
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' })
}

/** One problem naming every invalid field; `field` is the first, for forms that focus it. */
export function validationProblem(c: Context, error: ZodError, target: string) {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : target,
    message: issue.message,
  }))
  const first = errors[0]
  return problem(c, {
    status: 400,
    code: 'invalid',
    detail: first ? `${first.field}: ${first.message}` : 'The request is not valid.',
    field: first?.field,
    errors,
  })
}

/** OpenAPI response entries for the problems a route can answer. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: titles[status] ?? 'Error',
        content: { 'application/problem+json': { schema: Problem } },
      },
    ]),
  )
}
