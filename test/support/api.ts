import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type App } from '../../functions/src/api/app'
import { outboxMessenger } from '../../functions/src/messaging/outbox'
import { localFileSecrets } from '../../functions/src/secrets/local-file-secrets'
import type { Db } from '../../functions/src/store/db'
import { testConfig } from './db'

export function testApp(db: Db, overrides: Record<string, string> = {}): App {
  return createApp({
    config: testConfig(overrides),
    db,
    mailer: outboxMessenger(db),
    // Each app keeps review-site secrets in a folder of its own, never the repository's .data/.
    secrets: localFileSecrets(mkdtempSync(join(tmpdir(), 'touchpoint-secrets-'))),
    // Tests play many clients from one process; each Caller names its address in this header.
    clientAddress: (c) => c.req.header('x-test-client-address'),
  })
}

export const uniqueEmail = (who = 'person') =>
  `${who}-${randomBytes(5).toString('hex')}@example.test`

export const goodPassword = 'a long enough password'

/** A network of its own for each caller (an IPv6 /64), so per-network limits never meet by chance. */
export const randomAddress = () =>
  `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}::7`

/**
 * A signed-in API caller: keeps the session cookie and CSRF token like a browser would, so tests
 * read as a person using the API.
 */
export class Caller {
  cookie = ''
  csrfToken = ''

  constructor(
    readonly app: App,
    readonly address = randomAddress(),
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.request(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        'x-test-client-address': this.address,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const setCookie = res.headers.get('set-cookie')
    if (setCookie?.startsWith('tp_session=')) this.cookie = setCookie.split(';')[0] ?? ''
    const text = await res.text()
    const isJson = /json/.test(res.headers.get('content-type') ?? '')
    // Non-JSON answers (CSV, images) come back as their text.
    const json = text
      ? isJson
        ? (JSON.parse(text) as Record<string, any>)
        : (text as any)
      : undefined
    if (json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken
    return { status: res.status, headers: res.headers, body: json as any }
  }

  /** Another caller holding the same session, so a test can act without changing this one. */
  clone(): Caller {
    return Object.assign(new Caller(this.app, this.address), {
      cookie: this.cookie,
      csrfToken: this.csrfToken,
    })
  }

  get = (path: string) => this.request('GET', path)
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {})
  patch = (path: string, body: unknown) => this.request('PATCH', path, body)
  delete = (path: string) => this.request('DELETE', path)
}

/** Create a practice through the API; the returned caller is signed in as its owner. */
export async function freshPractice(app: App, name = 'Sunrise Dermatology') {
  const owner = new Caller(app)
  const email = uniqueEmail('owner')
  const res = await owner.post('/api/practices', {
    practiceName: name,
    specialty: 'dermatology',
    timeZone: 'America/Chicago',
    ownerName: 'Dana Owner',
    email,
    password: goodPassword,
  })
  if (res.status !== 201) throw new Error(`could not create practice: ${JSON.stringify(res.body)}`)
  return {
    owner,
    email,
    practiceId: res.body.practice.id as string,
    ownerId: res.body.user.id as string,
  }
}

/** Invite someone with a role and have them accept; returns their signed-in caller. */
export async function addMember(app: App, owner: Caller, role: 'manager' | 'staff' | 'committee') {
  const email = uniqueEmail(role)
  const invited = await owner.post('/api/invitations', { email, role })
  if (invited.status !== 201) throw new Error(`could not invite: ${JSON.stringify(invited.body)}`)
  const token = new URL(invited.body.link).hash.replace('#token=', '')
  const member = new Caller(app, `198.51.100.${randomBytes(1)[0]}`)
  const joined = await member.post('/api/join', {
    token,
    name: `Sam ${role}`,
    password: goodPassword,
  })
  if (joined.status !== 201) throw new Error(`could not join: ${JSON.stringify(joined.body)}`)
  return {
    member,
    email,
    userId: joined.body.user.id as string,
    invitationId: invited.body.invitation.id as string,
  }
}
