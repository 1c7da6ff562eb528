import { z } from 'zod'
import {
  Email,
  Language,
  MinimumResponses,
  Password,
  PersonName,
  PracticeName,
  ReviewLink,
  Specialty,
  TimeZone,
} from '../../domain/practice'
import { withStrongPassword } from '../strong-password'

/** `POST /api/practices`: a new practice and its owner, with a password no list would guess. */
export const NewPractice = withStrongPassword(
  z.object({
    practiceName: PracticeName,
    specialty: Specialty,
    timeZone: TimeZone,
    ownerName: PersonName,
    email: Email,
    password: Password,
  }),
  'password',
  ['practiceName', 'ownerName', 'email'],
)

/** `PATCH /api/practice`: any of the practice's settings. */
export const PracticeChanges = z
  .object({
    name: PracticeName,
    specialty: Specialty,
    timeZone: TimeZone,
    languages: z
      .array(Language)
      .min(1, 'Choose at least one language')
      .refine((list) => new Set(list).size === list.length, 'Each language once'),
    reviewLinks: z.array(ReviewLink).max(7),
    minimumResponses: MinimumResponses,
  })
  .partial()
