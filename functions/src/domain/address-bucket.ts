/**
 * The unit a client address is counted in: an IPv4 address on its own, an IPv6 address by its
 * /64, since one household or phone is handed a whole /64 and can pick any address inside it.
 * IPv4-mapped IPv6 (`::ffff:203.0.113.7`, as Node reports IPv4 on a dual-stack socket) is IPv4.
 *
 * @example
 * addressBucket('203.0.113.7') // '203.0.113.7'
 * addressBucket('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 * addressBucket('::ffff:203.0.113.7') // '203.0.113.7'
 */
export function addressBucket(address: string | undefined): string {
  const trimmed = (address ?? '').trim().toLowerCase().replace(/%.*$/, '') // drop a zone id
  if (!trimmed.includes(':')) return trimmed || 'unknown'
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed)
  if (mapped?.[1]) return mapped[1]
  const hextets = expand(trimmed)
  if (!hextets) return trimmed
  return `${hextets.slice(0, 4).join(':')}::/64`
}

/** The eight hextets of an IPv6 address without leading zeros, or undefined when it is not one. */
function expand(address: string): string[] | undefined {
  const [head = '', tail, extra] = address.split('::')
  if (extra !== undefined) return undefined
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right]
  if (!all.every((part) => /^[0-9a-f]{1,4}$/.test(part))) return undefined
  return all.map((part) => part.replace(/^0+(?=.)/, ''))
}
