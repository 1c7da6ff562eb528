import type { z } from 'zod'
import { passwordStrength } from '../domain/password-strength'

/**
 * The request schema with its new password checked against common and breached passwords and
 * the person's own words (the other fields named), in the same parse as every other field, so
 * one problem+json names every wrong field, the password's reason included.
 *
 * @example
 * export const NewPractice = withStrongPassword(z.object({ email, password }), 'password', ['email'])
 */
export function withStrongPassword<S extends z.ZodObject>(
  schema: S,
  passwordField: keyof z.infer<S> & string,
  wordFields: (keyof z.infer<S> & string)[],
): S {
  return schema.superRefine(async (value: Record<string, unknown>, ctx) => {
    const password = value[passwordField]
    // Too short or not text: the field's own rule already said so.
    if (typeof password !== 'string' || password.length > 200) return
    const words = wordFields
      .map((field) => value[field])
      .filter((word): word is string => typeof word === 'string')
    const { reason } = await newPasswordStrength(password, words)
    if (reason) ctx.addIssue({ code: 'custom', path: [passwordField], message: reason })
  }) as S
}

/**
 * The rule every new password meets, with the service's own name among the person's words: what
 * the forms enforce at submit and `POST /api/password-check` answers while the person types.
 *
 * @example
 * await newPasswordStrength('touchpoint2026', []) // { score: 1, reason: '…' }
 */
export function newPasswordStrength(password: string, userWords: string[]) {
  return passwordStrength(password, ['touchpoint', ...userWords])
}
