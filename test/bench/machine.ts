/** What the figures were measured on: they only compare within one run on one machine. */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memory: string
  node: string
  os: string
  java: string
}

function osName(): string {
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`
  if (!existsSync('/etc/os-release')) return kernel
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
  return pretty ? `${pretty} (${kernel})` : kernel
}

function javaVersion(): string {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 10_000 })
  return probe.stderr?.split('\n')[0]?.trim() || 'unknown'
}

export function describeMachine(): Machine {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: osName(),
    java: javaVersion(),
  }
}
