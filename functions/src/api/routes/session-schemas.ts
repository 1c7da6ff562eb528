import { z } from 'zod'
import { Email, Password } from '../../domain/practice'
import { withStrongPassword } from '../strong-password'

/** `POST /api/session`: sign in with e-mail and password. */
export const SignIn = z.object({ email: Email, password: z.string().min(1, 'Required').max(200) })

/** `POST /api/me/password`: the current password proves it is the person, then the new one. */
export const ChangePassword = withStrongPassword(
  z.object({
    currentPassword: z.string().min(1, 'Required').max(200),
    newPassword: Password,
  }),
  'newPassword',
  [],
)

/** `POST /api/password-reset`: send a reset link to this address, if it has an account. */
export const PasswordResetRequest = z.object({ email: Email })

/** The one answer to every reset request, whether or not the address has an account. */
export const PasswordResetRequested = z.object({ status: z.literal('sent-if-known') })

/** `POST /api/password-reset/confirm`: the token from the link and the new password. */
export const PasswordResetConfirm = withStrongPassword(
  z.object({ token: z.string().min(20).max(100), password: Password }),
  'password',
  [],
)
