import { networkInterfaces } from 'node:os'

/**
 * The origin links (survey, join, guest) start with when `PUBLIC_URL` is unset: the address the
 * server listens on. Listening on every interface (`HOST=0.0.0.0`, so phones in the room can
 * join a board) means the machine's own network address, which those phones can reach;
 * "localhost" would send them to themselves.
 */
export function linkOrigin(listeningUrl: string, host: string): string {
  const url = new URL(listeningUrl)
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal)
    if (lan) url.hostname = lan.address
  }
  return url.origin
}
