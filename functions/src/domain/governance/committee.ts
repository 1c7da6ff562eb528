import { z } from 'zod'
import { plainString } from '../plain-text'
import { Id } from '../practice'

/**
 * The governance committee: its charter (the criteria for how patient input and design ideas are
 * used, and who sits on it) and its meetings (agenda, minutes, decisions linked to cases).
 */

const Text = (max: number) =>
  plainString().trim().min(1, 'Required').max(max, `Use at most ${max} characters`)

export const CharterBody = z.object({
  /** Markdown-free plain text, shown with its line breaks. */
  criteria: Text(8000),
  /** Committee members without an account: a patient representative, as a guest. */
  guests: z
    .array(z.object({ name: Text(100), role: Text(100) }))
    .max(10)
    .default([]),
  /** How often it meets, in words ("Monthly, first Tuesday, 30 minutes"). */
  cadence: Text(200).optional(),
})
export type CharterBody = z.infer<typeof CharterBody>

export const Charter = CharterBody.extend({
  version: z.literal(1).default(1),
  updatedAt: z.iso.datetime().optional(),
  updatedBy: Id.optional(),
})
export type Charter = z.infer<typeof Charter>

export const Decision = z.object({
  text: Text(1000),
  /** The cases the decision is about. */
  caseIds: z.array(Id).max(20).default([]),
})

export const NewMeeting = z.object({
  /** The day it met (or meets). */
  date: z.iso.date(),
  /** `workshops/agendas/` id; the governance committee's agenda by default. */
  agendaId: z.string().min(1).max(60).default('governance-committee'),
  attendees: z.array(Id).max(40).default([]),
  guests: z.array(Text(100)).max(10).default([]),
  minutes: Text(20000).optional(),
  decisions: z.array(Decision).max(40).default([]),
})
export type NewMeeting = z.infer<typeof NewMeeting>

export const Meeting = NewMeeting.extend({
  id: Id,
  version: z.literal(1).default(1),
  createdBy: Id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Meeting = z.infer<typeof Meeting>

/**
 * `PATCH /api/governance/meetings/{id}`: the minutes, who came, the decisions (each replaces the
 * stored list as a whole), the date.
 */
export const MeetingChanges = z
  .object({
    date: z.iso.date().optional(),
    attendees: z.array(Id).max(40).optional(),
    guests: z.array(Text(100)).max(10).optional(),
    minutes: Text(20000).optional(),
    decisions: z.array(Decision).max(40).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'Change at least one field')
export type MeetingChanges = z.infer<typeof MeetingChanges>

/**
 * One line of the committee's own audit trail: a change to its charter or a meeting, who made it
 * and when. Written in the same transaction as the change (store/governance-committee.ts), as a
 * case's history is.
 */
export const CommitteeHistoryEntry = z.object({
  at: z.iso.datetime(),
  by: Id,
  /** The person's name when written, so the trail reads the same after they leave. */
  byName: z.string().optional(),
  what: z.enum(['charter', 'meeting']),
  meetingId: Id.optional(),
  change: z.string(),
})
export type CommitteeHistoryEntry = z.infer<typeof CommitteeHistoryEntry>
