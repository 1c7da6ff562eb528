import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../../../functions/src/local/dynamodb-local'
import { goodPassword, uniqueEmail } from '../../support/api'

// The local server as `npm start` runs it, in its own process: start, data kept across restarts,
// clean shutdown, and the messages a new user sees when something is in the way.
const root = new URL('../../..', import.meta.url).pathname
const started: ChildProcess[] = []

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/\S+)/.exec(stdout)
      if (match) {
        clearInterval(timer)
        done(match[1]!)
      } else if (child.exitCode !== null) {
        clearInterval(timer)
        fail(new Error(`server exited ${child.exitCode}: ${stderr}`))
      }
    }, 50)
  })
  url.catch(() => {}) // tests that expect a failed start read `exited` instead
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  return { child, url, exited, output: () => ({ stdout, stderr }) }
}

/** DynamoDB Local JVMs whose command line names this data folder. */
function jvmsFor(dataDir: string): string[] {
  const found = spawnSync('pgrep', ['-f', `DynamoDBLocal.jar.*${dataDir}`], { encoding: 'utf8' })
  return found.stdout.split('\n').filter(Boolean)
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 100))
  }
  return true
}

describe('the local server', () => {
  it('keeps data across a restart and stops DynamoDB Local on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-start-'))
    const port = String(await freePort())
    const first = startServer({ DATA_DIR: dataDir, PORT: port })
    const url = await first.url
    expect(url).toBe(`http://localhost:${port}`)
    const email = uniqueEmail('restart')
    const created = await fetch(`${url}/api/practices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        practiceName: 'Persistent Practice',
        specialty: 'dental',
        timeZone: 'UTC',
        ownerName: 'Pat Persistent',
        email,
        password: goodPassword,
      }),
    })
    expect(created.status).toBe(201)
    expect(jvmsFor(dataDir)).toHaveLength(1)

    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(jvmsFor(dataDir)).toEqual([])

    const second = startServer({ DATA_DIR: dataDir, PORT: port })
    const again = await second.url
    const signedIn = await fetch(`${again}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: goodPassword }),
    })
    expect(signedIn.status).toBe(200)
    expect(((await signedIn.json()) as { practice: { name: string } }).practice.name).toBe(
      'Persistent Practice',
    )
    second.child.kill('SIGINT')
    expect(await second.exited).toBe(0)
    // Two JVM and server starts: generous on a busy two-core machine.
  }, 120_000)

  it('leaves no DynamoDB Local behind when the server is killed outright', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-kill-'))
    const server = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) })
    await server.url
    expect(jvmsFor(dataDir)).toHaveLength(1)
    server.child.kill('SIGKILL')
    await server.exited
    expect(await until(() => jvmsFor(dataDir).length === 0)).toBe(true)
  }, 60_000)

  it('says in one line which port is taken and how to choose another', async () => {
    const blocker = createServer()
    const port = await freePort()
    await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', () => done()))
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-port-'))
      const server = startServer({ DATA_DIR: dataDir, PORT: String(port) })
      expect(await server.exited).toBe(1)
      const { stderr } = server.output()
      expect(stderr.trim().split('\n')).toEqual([
        `Touchpoint could not start: Port ${port} is already in use: stop the program using it, or run PORT=${port + 1} npm start`,
      ])
      expect(await until(() => jvmsFor(dataDir).length === 0)).toBe(true)
    } finally {
      blocker.close()
    }
  })

  it('says how to get Java when it is missing', async () => {
    const server = startServer({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'touchpoint-java-')),
      PATH: '/nonexistent',
    })
    expect(await server.exited).toBe(1)
    expect(server.output().stderr).toMatch(
      /^Touchpoint could not start: Java 17 is needed .*openjdk-17-jre-headless.*DYNAMODB_ENDPOINT/,
    )
  })
})
