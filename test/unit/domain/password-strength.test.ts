import { describe, expect, it } from 'vitest'
import { passwordWeakness } from '../../../functions/src/domain/password-strength'

describe('passwordWeakness', () => {
  it.each(['password1234', 'aaaaaaaaaaaa', 'qwertyuiop12', '123456789012', 'iloveyou2024'])(
    'refuses the common or repetitive %j',
    async (password) => {
      expect(await passwordWeakness(password, [])).toMatch(/\w/)
    },
  )

  it('refuses a password of only spaces, saying so', async () => {
    expect(await passwordWeakness(' '.repeat(12), [])).toBe('A password cannot be only spaces.')
    expect(await passwordWeakness('\t'.repeat(14), [])).toBe('A password cannot be only spaces.')
  })

  it("refuses the person's own words", async () => {
    const words = ['dana.quorvex@kelbrin.test', 'Kelbrin Family Practice']
    expect(await passwordWeakness('quorvexkelbrin', words)).toMatch(/\w/)
    expect(await passwordWeakness('quorvexkelbrin', [])).toBeUndefined()
  })

  it('accepts long passphrases and random passwords', async () => {
    for (const password of ['a long enough password', 'tranquil-otter-93-lamp', 'x7#Qm2!vLp9@']) {
      expect(await passwordWeakness(password, []), password).toBeUndefined()
    }
  })
})
