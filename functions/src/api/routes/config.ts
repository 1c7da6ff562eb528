import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { languages, minPasswordLength, specialties } from '../../domain/practice'
import * as practices from '../../store/practices'
import type { AppEnv } from '../env'
import { jsonResponse } from '../schemas'
import { ClientConfig } from './config-schemas'

const getConfig = createRoute({
  method: 'get',
  path: '/config',
  tags: ['Health'],
  summary: 'What the web app needs to know about this installation',
  responses: { 200: jsonResponse(ClientConfig, 'Installation settings safe to show anyone') },
})

export const configApi = new OpenAPIHono<AppEnv>().openapi(getConfig, async (c) =>
  c.json(
    {
      mailMode: c.var.deps.mailer.mode,
      languages: [...languages],
      specialties: [...specialties],
      minPasswordLength,
      allowDemo: c.var.deps.config.ALLOW_DEMO,
      signupOpen: c.var.deps.config.ALLOW_SIGNUP || !(await practices.anyExists(c.var.db)),
    },
    200,
  ),
)
