import { z } from 'zod'

/** `POST /api/password-check`: a password being typed, and the words the form will check it with. */
export const PasswordCheckBody = z.object({
  password: z.string().max(200, 'Use at most 200 characters'),
  /**
   * The person's own words the form sends with the password (name, e-mail, practice name), so
   * the answer matches the one at submit. Absent: none.
   */
  userWords: z.array(z.string().max(254)).max(10).optional(),
})

/** Whether the password would be accepted, zxcvbn's score (0-4), and why not. */
export const PasswordCheck = z.object({
  acceptable: z.boolean(),
  score: z.number().int().min(0).max(4),
  reason: z.string().optional(),
})
