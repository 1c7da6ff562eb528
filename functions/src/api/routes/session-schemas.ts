import { z } from 'zod'
import { Email } from '../../domain/practice'

/** `POST /api/session`: sign in with e-mail and password. */
export const SignIn = z.object({ email: Email, password: z.string().min(1, 'Required').max(200) })
