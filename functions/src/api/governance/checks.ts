import { Invalid } from '../../domain/errors'
import type { HistoryEntry } from '../../domain/governance/history'
import type { Practice, User } from '../../domain/practice'
import { dayOf } from '../../domain/calendar'
import type { Db } from '../../store/db'
import * as journeys from '../../store/journeys'
import * as locations from '../../store/locations'
import * as users from '../../store/users'

/**
 * What the governance routes check of the ids a body names: each must be this practice's (the
 * practice comes from the session), else a 400 naming the field, as for any other wrong input.
 */

/** Every field at once, so one answer names them all. */
export class FieldErrors {
  readonly errors: { field: string; message: string }[] = []
  add(field: string, message: string) {
    this.errors.push({ field, message })
  }
  throwIfAny(): void {
    const [first] = this.errors
    if (first) throw new Invalid(`${first.field}: ${first.message}`, first.field, this.errors)
  }
}

/** The touch point is in the practice's journey. */
export async function checkTouchpoint(
  db: Db,
  practice: Pick<Practice, 'id' | 'specialty'>,
  touchpointId: string,
  field: string,
  errors: FieldErrors,
): Promise<void> {
  const journey = await journeys.get(db, practice.id, practice.specialty)
  if (!journey.touchpoints.some((touchpoint) => touchpoint.id === touchpointId)) {
    errors.add(field, "Not a touch point of the practice's journey")
  }
}

export async function checkLocation(
  db: Db,
  practiceId: string,
  locationId: string,
  field: string,
  errors: FieldErrors,
): Promise<void> {
  if (!(await locations.get(db, practiceId, locationId))) {
    errors.add(field, 'Not a location of this practice')
  }
}

/** The member of this practice with this id, or a field error. */
export async function checkMember(
  db: Db,
  practiceId: string,
  userId: string,
  field: string,
  errors: FieldErrors,
): Promise<User | undefined> {
  const user = await users.get(db, practiceId, userId)
  if (!user) errors.add(field, 'Not a member of this practice')
  return user
}

/** Today in the practice's time zone (YYYY-MM-DD): what due dates and fix dates compare with. */
export const todayOf = (practice: Pick<Practice, 'timeZone'>, now = new Date()) =>
  dayOf(now, practice.timeZone)

/** A line of a case's trail, signed by the person making the change. */
export function line(
  user: Pick<User, 'id' | 'name'>,
  at: string,
  what: HistoryEntry['what'],
  change: string,
): HistoryEntry {
  return { at, by: user.id, byName: user.name, what, change }
}
