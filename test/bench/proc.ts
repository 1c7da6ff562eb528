/**
 * Child processes for the bench: each in its own process group, with its output kept for error
 * messages, its CPU time readable from /proc, and a stop() that leaves no process and no port behind.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { createInterface } from 'node:readline'

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Reject with a message naming what timed out, instead of hanging the bench. */
export async function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: timed out after ${ms / 1000} s`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** How many process groups the bench started, and how many it saw fully gone after stopping. */
export const accounting = { started: 0, verifiedGone: 0 }

/** Groups not yet stopped, so that an interrupted bench can stop them before anything else. */
const live = new Set<Group>()

/** Stop every group still running (on Ctrl-C, a timeout or an error). */
export async function stopAllGroups(): Promise<void> {
  await Promise.allSettled([...live].map((group) => group.stop()))
}

export interface Group {
  pid: number
  child: ChildProcess
  /** The last lines the process printed (stdout and stderr), for error messages. */
  output(): string
  /** Write one line to the process's stdin (spawned with `stdin: true`). */
  send(line: string): void
  /** Resolves with the first stdout line `match` accepts; rejects if the process exits first. */
  waitForLine(match: (line: string) => boolean, what: string, timeoutMs: number): Promise<string>
  /** SIGTERM the group, SIGKILL what is left, and wait until every descendant is gone. */
  stop(): Promise<void>
}

/** Spawn `command` as the leader of a new process group, so the whole tree can be killed. */
export function spawnGroup(
  command: string,
  args: string[],
  options: {
    cwd: string
    env: NodeJS.ProcessEnv
    stdin?: boolean
    onLine?: (line: string) => void
  },
): Group {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  })
  if (!child.pid) throw new Error(`Could not start ${command} ${args.join(' ')}`)
  accounting.started++
  // Writing to a process that has just died must not crash the bench (EPIPE).
  child.stdin?.on('error', () => undefined)
  const pid = child.pid
  const lines: string[] = []
  const waiters = new Set<(line: string) => void>()
  const keep = (line: string) => {
    lines.push(line)
    if (lines.length > 80) lines.shift()
  }
  createInterface({ input: child.stdout! }).on('line', (line) => {
    keep(line)
    options.onLine?.(line)
    for (const waiter of waiters) waiter(line)
  })
  createInterface({ input: child.stderr! }).on('line', keep)
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const hasExited = () => child.exitCode !== null || child.signalCode !== null

  const output = () => lines.join('\n')

  const send = (line: string) => {
    if (!child.stdin) throw new Error('spawned without stdin')
    child.stdin.write(`${line}\n`)
  }

  const waitForLine = (match: (line: string) => boolean, what: string, timeoutMs: number) =>
    withTimeout(
      what,
      timeoutMs,
      new Promise<string>((done, fail) => {
        const waiter = (line: string) => {
          if (!match(line)) return
          waiters.delete(waiter)
          done(line)
        }
        waiters.add(waiter)
        // A short grace lets lines printed just before the exit arrive first.
        void exited.then(() =>
          setTimeout(() => {
            waiters.delete(waiter)
            fail(new Error(`the process exited (${describeExit(child)})`))
          }, 100),
        )
      }),
    ).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err)
      const named = message.startsWith(what) ? message : `${what}: ${message}`
      throw new Error(`${named}\n--- last output ---\n${output()}`)
    })

  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      live.delete(group)
      // Note every descendant now: some (the JVM's watchdog shell) live in their own group.
      const tree = descendants(pid)
      signalGroup(pid, 'SIGTERM')
      await Promise.race([exited, sleep(10_000)])
      if (!hasExited()) signalGroup(pid, 'SIGKILL')
      await Promise.race([exited, sleep(3_000)])
      const deadline = Date.now() + 5_000
      while (tree.some(isAlive) && Date.now() < deadline) await sleep(100)
      for (const proc of tree.filter(isAlive)) killQuietly(proc.pid, 'SIGKILL')
      await sleep(200)
      const left = tree.filter(isAlive)
      if (left.length > 0 || !hasExited()) {
        throw new Error(`Processes still running after stop: ${[pid, ...left.map((p) => p.pid)]}`)
      }
      accounting.verifiedGone++
    })())

  const group: Group = { pid, child, output, send, waitForLine, stop }
  live.add(group)
  return group
}

function describeExit(child: ChildProcess) {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal)
  } catch {
    // Gone already.
  }
}

interface ProcStat {
  pid: number
  ppid: number
  comm: string
  /** Start time in clock ticks since boot: tells a live process from a later one reusing its pid. */
  startTime: number
  /** User plus system CPU time, in clock ticks. */
  cpuTicks: number
}

function readStat(pid: number): ProcStat | undefined {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // The command name is in parentheses and may itself contain spaces or parentheses.
  const close = text.lastIndexOf(')')
  const comm = text.slice(text.indexOf('(') + 1, close)
  const fields = text
    .slice(close + 2)
    .split(' ')
    .map((field) => Number(field))
  // fields[0] is field 3 (state) of proc(5): field N is fields[N - 3].
  const at = (n: number) => fields[n - 3] ?? 0
  return { pid, ppid: at(4), comm, startTime: at(22), cpuTicks: at(14) + at(15) }
}

function isAlive(proc: ProcStat): boolean {
  const now = readStat(proc.pid)
  return now !== undefined && now.startTime === proc.startTime && !isZombie(proc.pid)
}

function isZombie(pid: number): boolean {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return text.slice(text.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}

const hasProc = existsSync('/proc/self/stat')

function allProcesses(): ProcStat[] {
  if (!hasProc) return []
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined)
}

/** Every process below `pid` (children, grandchildren…), as they are right now. */
export function descendants(pid: number): ProcStat[] {
  const all = allProcesses()
  const found: ProcStat[] = []
  const queue = [pid]
  while (queue.length > 0) {
    const parent = queue.shift()!
    for (const proc of all) {
      if (proc.ppid === parent) {
        found.push(proc)
        queue.push(proc.pid)
      }
    }
  }
  return found
}

/** Wait until `pid` is gone (or a zombie); false if it is still running after `ms`. */
export async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  for (;;) {
    const stat = readStat(pid)
    if (!stat || isZombie(pid)) return true
    if (Date.now() > deadline) return false
    await sleep(100)
  }
}

/** The children of this process whose command is `comm` (e.g. the DynamoDB Local JVM: java). */
export function childrenNamed(comm: string): number[] {
  return allProcesses()
    .filter((proc) => proc.ppid === process.pid && proc.comm === comm)
    .map((proc) => proc.pid)
}

let clockTicks: number | undefined
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clockTicks = 100
    }
  }
  return clockTicks
}

/** CPU seconds (user + system) a process has used so far, or NaN where /proc is missing. */
export function cpuSeconds(pid: number): number {
  const stat = readStat(pid)
  return stat ? stat.cpuTicks / ticksPerSecond() : Number.NaN
}

/** CPU seconds this process has used so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

/** True when nothing listens on 127.0.0.1:port (we can bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
    server.once('error', () => done(false))
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)))
  })
}

/** CPU seconds all cores of the machine have spent busy since boot (from /proc/stat), or NaN. */
export function machineBusySeconds(): number {
  try {
    const first = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
    const ticks = first.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal: idle, iowait and steal (the hypervisor
    // running someone else) are not this machine's work.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = ticks
    return (user + nice + system + irq + softirq) / ticksPerSecond()
  } catch {
    return Number.NaN
  }
}
