import { describe, expect, it } from 'vitest'
import { praise } from '../../../../workshops'
import { rankCandidates, type StoryIn } from '../../../../functions/src/domain/moments/candidates'
import { commentReader } from '../../../../functions/src/ingest/comment-reader'
import { roster } from './roster'

const options = {
  people: roster,
  lexicon: praise,
  sentiment: async (text: string, language: 'en' | 'es') =>
    (await commentReader.analyze(text, language)).sentiment,
}

let n = 0
const story = (text: string, changes: Partial<StoryIn> = {}): StoryIn => ({
  origin: { kind: 'response', id: `r${++n}` },
  text,
  language: 'en',
  at: '2026-11-24T15:00:00.000Z',
  ...changes,
})

const pick = async (...stories: StoryIn[]) => rankCandidates(stories, options)

describe('rankCandidates', () => {
  it('picks praise of a named provider, with who and why', async () => {
    const [candidate] = await pick(
      story('Dr. Okafor listened to every question and explained it all.'),
    )
    expect(candidate?.staff).toEqual([{ kind: 'provider', id: 'okafor', name: 'Dr. Helen Okafor' }])
    expect(candidate?.reason).toContain('Praises Dr. Helen Okafor')
    expect(candidate?.praise).toEqual(expect.arrayContaining(['listened', 'explained']))
    expect(candidate?.rank).toBe(1)
  })

  it('picks a failure put right and ranks it above plain praise', async () => {
    const ranked = await pick(
      story('Luisito was nice.'),
      story('The wait was long but Luisito kept us informed and got us in before lunch.'),
    )
    expect(ranked.map((c) => c.recovery)).toEqual([true, false])
    expect(ranked[0]?.reason).toContain('Tells of a failure put right')
    expect(ranked[0]?.staff.map((p) => p.id)).toEqual(['luis'])
  })

  it('picks a recovery in Spanish', async () => {
    const [candidate] = await pick(
      story('Esperamos mucho, pero la Dra. Márquez nos explicó todo con paciencia.', {
        language: 'es',
      }),
    )
    expect(candidate?.recovery).toBe(true)
    expect(candidate?.staff.map((p) => p.id)).toEqual(['marquez'])
  })

  it('leaves out a story that names someone in a complaint, even beside praise', async () => {
    expect(await pick(story('Luis was rude and ignored us at the desk.'))).toEqual([])
    expect(await pick(story('Dr. Kapoor was wonderful but Luis was rude and ignored us.'))).toEqual(
      [],
    )
  })

  it('leaves out a complaint whose praise words are negated, in English and Spanish', async () => {
    // "never called me back" is not "called me back"; "poco amable" is not "amable".
    expect(await pick(story('Luis never called me back about the billing error.'))).toEqual([])
    const es = { language: 'es' as const }
    expect(await pick(story('Luisito fue poco amable cuando pregunté por la espera.', es))).toEqual(
      [],
    )
    expect(
      await pick(story('La Dra. Márquez tenía prisa y no respondió mis preguntas.', es)),
    ).toEqual([])
  })

  it('leaves out a story that names someone who asked not to be featured', async () => {
    expect(await pick(story('Kim was so kind and helpful with my mother.'))).toEqual([])
  })

  it('does not claim a shared first name, and offers both people', async () => {
    const [candidate] = await pick(
      story('The line was long but Ana kept us informed the whole time.'),
    )
    expect(candidate?.staff).toEqual([])
    expect(candidate?.possibleStaff.map((p) => p.id).sort()).toEqual(['ana-nunez', 'ana-ruiz'])
    expect(candidate?.reason).toContain('"Ana" could be')
  })

  it('ignores comments that neither name anyone nor tell of a recovery', async () => {
    expect(await pick(story('Parking was hard to find.'), story('Fine.'))).toEqual([])
  })

  it("takes every colleague's story, naming whom they named", async () => {
    const [candidate] = await pick(
      story('Maria stayed after close to sort out a family’s insurance.', {
        origin: { kind: 'staff', id: 's1' },
        staff: [{ kind: 'user', id: 'maria' }],
      }),
    )
    expect(candidate?.staff.map((p) => p.id)).toEqual(['maria'])
    expect(candidate?.reason).toContain('A colleague saw it happen')
  })

  it("keeps a colleague's story whose words sound sad, as a complaint's would", async () => {
    // A colleague tells what went wrong before staff put it right: never a complaint about them.
    const [candidate] = await pick(
      story(
        "A patient's ride fell through after her biopsy. Luis waited with her in the lobby, called a cab and stayed until it came.",
        { origin: { kind: 'staff', id: 's2' }, staff: [{ kind: 'user', id: 'luis' }] },
      ),
    )
    expect(candidate?.staff.map((p) => p.id)).toEqual(['luis'])
  })

  it("de-identifies the quote: the patient's name and dates go, the staff's stay", async () => {
    const [candidate] = await pick(
      story('On March 3 Luisito helped my son Leo, call me at 555-010-0199. Dr. O was kind.'),
    )
    expect(candidate?.quote).toBe(
      'On [date removed] Luisito helped my son [removed name], call me at [phone removed]. Dr. O was kind.',
    )
  })
})
