import { createHash } from 'node:crypto'
import type { ContactKind } from './contact-hash'

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A visit's id, the same every time the same visit is imported (so a re-import, or the same file
 * sent twice, never queues a second invitation): a ULID whose time is the visit's and whose random
 * part is a hash of who, where and when. The contact hashes stand for the patient, so the id says
 * nothing about them.
 *
 * @example
 * visitId({ practiceId, visitAt: '2026-11-30T14:30:00.000Z', providerId, contactHashes: { sms: 'k3…' } })
 * // '01KB…' (26 characters; equal for equal input)
 */
export function visitId(parts: {
  practiceId: string
  visitAt: string
  providerId?: string | undefined
  locationId?: string | undefined
  contactHashes: Partial<Record<ContactKind, string>>
}): string {
  const identity = [
    parts.practiceId,
    parts.visitAt,
    parts.providerId ?? '',
    parts.locationId ?? '',
    parts.contactHashes.email ?? '',
    parts.contactHashes.sms ?? '',
  ].join('\n')
  const digest = createHash('sha256').update(identity).digest()
  let time = Date.parse(parts.visitAt)
  let head = ''
  for (let i = 0; i < 10; i++) {
    head = crockford[time % 32]! + head
    time = Math.floor(time / 32)
  }
  // 80 bits of the digest, five bits a character, as a ULID's random part.
  let tail = ''
  for (let i = 0; i < 16; i++) {
    const bit = i * 5
    const pair = (digest[bit >> 3]! << 8) | digest[(bit >> 3) + 1]!
    tail += crockford[(pair >> (11 - (bit & 7))) & 31]
  }
  return head + tail
}
