import { z } from 'zod'
import { Language, Specialty } from '../../domain/practice'

/** `GET /api/config`: what the web app needs to know about this installation. */
export const ClientConfig = z.object({
  mailMode: z.enum(['outbox', 'ses']),
  languages: z.array(Language),
  specialties: z.array(Specialty),
  minPasswordLength: z.number().int(),
  /** Whether "Explore a demo practice" is offered. */
  allowDemo: z.boolean(),
  /** Whether "Create your practice" works: before the first practice, or where ALLOW_SIGNUP is on. */
  signupOpen: z.boolean(),
})
