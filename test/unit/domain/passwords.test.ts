import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../../functions/src/domain/passwords'

describe('passwords', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery staple')
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[\w-]+\$[\w-]+$/)
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false)
  })

  it('salts every hash, so equal passwords store differently', async () => {
    expect(await hashPassword('same password here')).not.toBe(
      await hashPassword('same password here'),
    )
  })

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('contrase\u00f1a segura 1')
    expect(await verifyPassword('contrasen\u0303a segura 1', stored)).toBe(true)
  })

  it('answers false for a malformed stored value instead of throwing', async () => {
    expect(await verifyPassword('anything at all', 'bcrypt$whatever')).toBe(false)
    expect(await verifyPassword('anything at all', '')).toBe(false)
  })
})
