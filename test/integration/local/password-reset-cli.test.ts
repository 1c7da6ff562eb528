import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, inject, it } from 'vitest'
import { Caller, freshPractice, goodPassword, testApp } from '../../support/api'
import { testDb } from '../../support/db'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const db = await testDb()
const app = testApp(db)

function run(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/password-reset.mjs', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      TABLE_NAME: db.table,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      PUBLIC_URL: 'http://localhost:8787',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  })
}

describe('npm run password:reset', () => {
  it("gives a practice's only owner a single-use reset link that sets a new password", async () => {
    const { email } = await freshPractice(app)
    const done = run('--email', email)
    expect(done.status, done.stderr).toBe(0)
    const link = /http:\/\/localhost:8787\/reset-password#token=(\S+)/.exec(done.stdout)
    expect(link, done.stdout).not.toBeNull()
    const token = link![1]!
    // The command names no one: the address stays off the terminal's scrollback.
    expect(done.stdout).not.toContain(email)

    const newPassword = 'copper lantern on a quiet harbour'
    const set = await new Caller(app).post('/api/password-reset/confirm', {
      token,
      password: newPassword,
    })
    expect(set.status, JSON.stringify(set.body)).toBe(204)
    const old = await new Caller(app).post('/api/session', { email, password: goodPassword })
    expect(old.status).toBe(401)
    const fresh = await new Caller(app).post('/api/session', { email, password: newPassword })
    expect(fresh.status).toBe(200)
    // Single use.
    const again = await new Caller(app).post('/api/password-reset/confirm', {
      token,
      password: 'another copper lantern at dusk',
    })
    expect(again.status).toBe(410)
  }, 90_000)

  it('says so, and exits 1, for an address no one signs in with', () => {
    const done = run('--email', 'nobody-here@example.test')
    expect(done.status).toBe(1)
    expect(done.stdout).toContain('No one signs in with that e-mail address')
    expect(done.stdout).not.toContain('reset-password#token=')
  }, 60_000)
})
