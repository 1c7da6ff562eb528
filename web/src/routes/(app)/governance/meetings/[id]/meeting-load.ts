import type { Agenda, Items } from '$contract'
import * as api from '$lib/api'
import * as governanceApi from '$lib/api-governance'
import type { RequestOptions } from '$lib/api'
import { isoDateIn } from '$lib/dates'
import { session } from '$lib/session.svelte'
import { reads } from '../../governance-reads'
import { agendaFacts, type FactOutcome } from './agenda-facts'

/** Statuses whose fixes have taken effect, so their outcome is worth asking for. */
const measured = new Set(['fix-in-place', 'measuring', 'closed'])

/**
 * What a committee meeting's page and its print page show: the meeting, its agenda, the team
 * and charter (attendees, guests), the cases (decisions link them) and the agenda's live data.
 */
export async function loadMeeting(meetingId: string, options: RequestOptions) {
  const [meeting, agendas, team, charter, register, actions, meetings] = await Promise.all([
    governanceApi.meetings.get(meetingId, options),
    // The committee meets in English for now, as the rest of its pages read.
    api.get<Items<Agenda>>('/api/agendas?audience=committee&language=en', options),
    api.team.get(options),
    reads.charter(options),
    reads.cases(100, options),
    // Everyone's open work: the committee goes through what is due and overdue.
    reads.actions({ status: 'active' }, options),
    governanceApi.meetings.list(options),
  ])
  const agenda = agendas.items.find((a) => a.id === meeting.agendaId) ?? agendas.items[0]
  const previous = meetings.items
    .filter((m) => m.id !== meeting.id && m.date < meeting.date)
    .toSorted((a, b) => b.date.localeCompare(a.date))[0]
  const outcomes = await loadOutcomes(
    register.items.filter((c) => measured.has(c.status) && c.counts.fixes > 0),
    options,
  )
  const today = isoDateIn(new Date(), session.current.practice.timeZone)
  return {
    meeting,
    agenda,
    members: team.members,
    charter,
    cases: register.items,
    facts: agendaFacts({
      cases: register.items,
      actions: actions.items,
      outcomes,
      today,
      meetingDate: meeting.date,
      previousMeetingDate: previous?.date,
    }),
  }
}

/** Each measured case's fixes with their verdict; a fix whose outcome cannot be read is left out. */
async function loadOutcomes(
  measuredCases: readonly { id: string; title: string }[],
  options: RequestOptions,
): Promise<FactOutcome[]> {
  const details = await Promise.all(
    measuredCases.slice(0, 20).map((c) => governanceApi.cases.get(c.id, options)),
  )
  const fixes = details.flatMap((detail) => detail.fixes.map((fix) => ({ detail, fix })))
  const answers = await Promise.allSettled(
    fixes.map(({ fix }) => governanceApi.fixes.outcome(fix.id, {}, options)),
  )
  return fixes.flatMap(({ detail, fix }, i) => {
    const answer = answers[i]
    if (answer?.status !== 'fulfilled') return []
    return [
      {
        caseId: detail.id,
        caseTitle: detail.title,
        fixId: fix.id,
        fixTitle: fix.title,
        effectiveOn: fix.effectiveOn,
        verdict: answer.value.verdict,
      },
    ]
  })
}

export type MeetingData = Awaited<ReturnType<typeof loadMeeting>>
