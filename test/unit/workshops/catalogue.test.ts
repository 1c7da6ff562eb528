import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Agenda, agendaIn, agendaMinutes } from '../../../functions/src/domain/agendas'
import { checkAnswers } from '../../../functions/src/domain/answers'
import { Canvas } from '../../../functions/src/domain/boards/canvas'
import { Journey, standardTouchpoints } from '../../../functions/src/domain/journeys'
import { languages, specialties, type Specialty } from '../../../functions/src/domain/practice'
import { compositeIds, SurveyTemplate } from '../../../functions/src/domain/surveys'
import { fold, PolarityLexicon, ThemeLexicon } from '../../../functions/src/domain/themes'
import {
  agendas,
  canvases,
  journeyFor,
  journeys,
  polarityLexicons,
  surveyTemplates,
  themes,
} from '../../../workshops'

const workshops = new URL('../../../workshops/', import.meta.url)

/** The files as they are on disk: the loader must list each, and zod must not drop a field. */
function readFolder(folder: 'surveys' | 'journeys' | 'canvases' | 'agendas') {
  const dir = new URL(`${folder}/`, workshops)
  const names = readdirSync(dir).sort()
  return names.map((name) => ({
    name,
    data: name.endsWith('.json')
      ? (JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as unknown)
      : undefined,
  }))
}
const surveyFiles = readFolder('surveys')
const journeyFiles = readFolder('journeys')
const canvasFiles = readFolder('canvases')
const agendaFiles = readFolder('agendas')

function template(id: string): SurveyTemplate {
  const found = surveyTemplates.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`No template "${id}"`)
  return found
}

/**
 * Every object in `value` that is a Localized string (it has a language key), with its path. The
 * walk is over the raw file, so a string the schema does not know about is checked too.
 */
function localizedStrings(
  value: unknown,
  path = '',
): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => localizedStrings(item, `${path}[${index}]`))
  }
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  if (languages.some((language) => language in record)) return [{ path, text: record }]
  return Object.entries(record).flatMap(([key, item]) =>
    localizedStrings(item, path ? `${path}.${key}` : key),
  )
}

/** Paths of strings that lack a language, have an empty one, or carry a language we do not ship. */
function incompleteStrings(value: unknown): string[] {
  return localizedStrings(value)
    .filter(
      ({ text }) =>
        Object.keys(text).sort().join() !== [...languages].sort().join() ||
        languages.some((language) => {
          const string = text[language]
          return typeof string !== 'string' || string.trim() === ''
        }),
    )
    .map(({ path }) => path)
}

const standard = new Set<string>(standardTouchpoints)
const frequency = ['never', 'sometimes', 'usually', 'always']

describe('survey templates', () => {
  it('are JSON files, each loaded by workshops/index.ts', () => {
    expect(
      surveyFiles.filter((file) => !file.name.endsWith('.json')).map((file) => file.name),
    ).toEqual([])
    expect(surveyTemplates).toHaveLength(surveyFiles.length)
    for (const file of surveyFiles) {
      expect(surveyTemplates, file.name).toContainEqual(SurveyTemplate.parse(file.data))
    }
  })

  it.each(surveyFiles)('$name fits the schema, named after its id', ({ name, data }) => {
    const result = SurveyTemplate.safeParse(data)
    expect(result.error?.issues ?? []).toEqual([])
    expect(`${result.data?.id}.json`).toBe(name)
  })

  it.each(surveyFiles)('$name has no field the schema would silently drop', ({ data }) => {
    // zod strips unknown keys: a misspelt "lowlabel" would vanish without an error.
    expect(SurveyTemplate.parse(data)).toMatchObject(data as object)
  })

  it('have unique ids', () => {
    const ids = surveyTemplates.map((candidate) => candidate.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(surveyTemplates.map((candidate) => [candidate.id, candidate] as const))(
    '%s has unique question ids',
    (_id, candidate) => {
      const ids = candidate.questions.map((question) => question.id)
      expect(new Set(ids).size).toBe(ids.length)
    },
  )

  it.each(surveyFiles)('$name is complete in English and Spanish', ({ data }) => {
    expect(localizedStrings(data).length).toBeGreaterThan(5)
    expect(incompleteStrings(data)).toEqual([])
    const parsed = SurveyTemplate.parse(data)
    expect(parsed.languages).toEqual(['en', 'es'])
    for (const field of ['title', 'description', 'intro', 'thankYou'] as const) {
      expect(parsed[field], field).toBeDefined()
    }
  })

  it.each(surveyTemplates.map((candidate) => [candidate.id, candidate] as const))(
    '%s skips only forward, past at least one question',
    (_id, candidate) => {
      candidate.questions.forEach((question, index) => {
        if (question.type !== 'yesno' || !question.skip || question.skip.to === 'end') return
        const to = question.skip.to
        const target = candidate.questions.findIndex((other) => other.id === to)
        expect(target, `${question.id} skips to "${to}"`).toBeGreaterThan(index + 1)
      })
    },
  )

  it('measure only touch points that every journey has', () => {
    for (const candidate of surveyTemplates) {
      for (const question of candidate.questions) {
        if (!question.touchpoint) continue
        for (const journey of journeys) {
          const ids = journey.touchpoints.map((touchpoint) => touchpoint.id)
          expect(ids, `${candidate.id}/${question.id} in ${journey.specialty}`).toContain(
            question.touchpoint,
          )
        }
      }
    }
  })
})

describe('the visit pulse', () => {
  const pulse = template('visit-pulse')

  it('requires only the likelihood to recommend', () => {
    const required = pulse.questions.filter((question) => question.required)
    expect(required.map((question) => question.type)).toEqual(['nps'])
  })

  it('rates each standard touch point from 1 to 5, in journey order', () => {
    const ratings = pulse.questions.filter((question) => question.type === 'rating')
    expect(ratings.map((question) => question.touchpoint)).toEqual([...standardTouchpoints])
    for (const rating of ratings) expect([rating.min, rating.max]).toEqual([1, 5])
  })

  it('ends with one thing to improve and permission to contact', () => {
    expect(pulse.questions.slice(-2).map((question) => question.type)).toEqual(['text', 'yesno'])
  })

  it('asks for the recommendation first, so every other answer is optional', () => {
    expect(checkAnswers(pulse, {})).toEqual({
      ok: false,
      problems: [{ questionId: 'recommend', message: 'An answer is required' }],
    })
    expect(checkAnswers(pulse, { recommend: 9 }).ok).toBe(true)
  })
})

describe('the CG-CAHPS template', () => {
  const cahps = template('cg-cahps-visit')

  it('covers all four composites', () => {
    const composites = new Set(
      cahps.questions.flatMap((question) =>
        'composite' in question && question.composite ? [question.composite] : [],
      ),
    )
    expect([...composites].sort()).toEqual([...compositeIds].sort())
  })

  it('has one 0-10 provider rating, outside the composites', () => {
    const ratings = cahps.questions.filter((question) => question.type === 'rating')
    expect(ratings).toHaveLength(1)
    expect(ratings[0]).toMatchObject({ min: 0, max: 10 })
    expect(ratings[0]?.composite).toBeUndefined()
  })

  it('scores Never/Sometimes/Usually/Always items by "Always" and yes/no items by "Yes"', () => {
    for (const question of cahps.questions) {
      if (question.type === 'single') {
        expect(
          question.options.map((option) => option.value),
          question.id,
        ).toEqual(frequency)
        expect(question.topBox, question.id).toEqual(['always'])
        expect(question.composite, question.id).toBeDefined()
      }
      if (question.type === 'yesno' && question.composite) {
        expect(question.topBox, question.id).toEqual([true])
      }
    }
  })

  it('puts every screener before its follow-up, skipped on "No"', () => {
    const screeners = cahps.questions.filter(
      (question) => question.type === 'yesno' && question.skip,
    )
    expect(screeners.length).toBeGreaterThanOrEqual(4)
    for (const screener of screeners) {
      if (screener.type === 'yesno') expect(screener.skip?.when, screener.id).toBe(false)
    }
  })
})

describe('answers to the CG-CAHPS template', () => {
  const cahps = template('cg-cahps-visit')

  it('passes over the urgent-care follow-up when the patient answers No to the screener', () => {
    const checked = checkAnswers(cahps, {
      'urgent-contact': false,
      'routine-contact': true,
      'routine-appointment': 'usually',
    })
    expect(checked).toEqual({
      ok: true,
      answers: {
        'urgent-contact': false,
        'routine-contact': true,
        'routine-appointment': 'usually',
      },
      skipped: ['urgent-appointment'],
    })
  })

  it('refuses an answer to a follow-up its screener skipped', () => {
    const checked = checkAnswers(cahps, { 'urgent-contact': false, 'urgent-appointment': 'always' })
    expect(checked).toEqual({
      ok: false,
      problems: [{ questionId: 'urgent-appointment', message: expect.stringContaining('skipped') }],
    })
  })

  it('takes the follow-up when the patient answers Yes', () => {
    const checked = checkAnswers(cahps, { 'urgent-contact': true, 'urgent-appointment': 'always' })
    expect(checked).toEqual({
      ok: true,
      answers: { 'urgent-contact': true, 'urgent-appointment': 'always' },
      skipped: [],
    })
  })

  it('lands a skip on the question after the follow-up, which is answered as usual', () => {
    const checked = checkAnswers(cahps, { 'test-ordered': false, 'provider-rating': 0 })
    expect(checked).toEqual({
      ok: true,
      answers: { 'test-ordered': false, 'provider-rating': 0 },
      skipped: ['test-results'],
    })
  })

  it('skips every follow-up when every screener is No', () => {
    const screeners = ['urgent-contact', 'routine-contact', 'question-contact', 'test-ordered']
    const checked = checkAnswers(cahps, {
      ...Object.fromEntries(screeners.map((id) => [id, false])),
      'took-medicines': false,
      'staff-helpful': 'always',
    })
    expect(checked.ok && checked.skipped).toEqual([
      'urgent-appointment',
      'routine-appointment',
      'question-answered',
      'test-results',
      'medicines-discussed',
    ])
  })

  it('holds the provider rating to 0-10', () => {
    expect(checkAnswers(cahps, { 'provider-rating': 10 }).ok).toBe(true)
    expect(checkAnswers(cahps, { 'provider-rating': 11 }).ok).toBe(false)
  })
})

describe('journeys', () => {
  it('exist for every specialty and the general journey, one JSON file each', () => {
    expect(journeyFiles.map((file) => file.name)).toEqual(
      [...specialties, 'general'].map((specialty) => `${specialty}.json`).sort(),
    )
  })

  it.each(journeyFiles)(
    '$name fits the schema, is named after its specialty and is loaded',
    (file) => {
      const result = Journey.safeParse(file.data)
      expect(result.error?.issues ?? []).toEqual([])
      expect(`${result.data?.specialty}.json`).toBe(file.name)
      expect(result.data).toMatchObject(file.data as object)
      expect(journeys).toContainEqual(result.data)
    },
  )

  it.each(journeyFiles)('$name is complete in English and Spanish', ({ data }) => {
    expect(incompleteStrings(data)).toEqual([])
  })

  it.each(journeys.map((journey) => [journey.specialty, journey] as const))(
    '%s has the six standard touch points in order, and at most two of its own',
    (_specialty, journey) => {
      const ids = journey.touchpoints.map((touchpoint) => touchpoint.id)
      expect(ids.filter((id) => standard.has(id))).toEqual([...standardTouchpoints])
      expect(ids.length - standardTouchpoints.length).toBeLessThanOrEqual(2)
    },
  )

  it("finds a practice's journey by specialty, falling back to the general one", () => {
    for (const specialty of specialties) expect(journeyFor(specialty).specialty).toBe(specialty)
    expect(journeyFor('podiatry' as Specialty).specialty).toBe('general')
  })
})

describe('the Journey schema', () => {
  const general = journeyFor('podiatry' as Specialty)

  it('requires English and Spanish for every name and description', () => {
    const [first, ...rest] = general.touchpoints
    const missing = { ...general, touchpoints: [{ ...first, name: { en: 'Booking' } }, ...rest] }
    expect(Journey.safeParse(missing).error?.issues).toMatchObject([
      { path: ['touchpoints', 0, 'name', 'es'], message: 'Missing the es text' },
    ])
  })

  it('refuses a touch point id used twice, and journeys shorter than three', () => {
    const twice = { ...general, touchpoints: [...general.touchpoints, general.touchpoints[0]] }
    expect(Journey.safeParse(twice).error?.issues).toMatchObject([
      { path: ['touchpoints', 6, 'id'], message: 'Touch point "booking" is used twice' },
    ])
    const short = { ...general, touchpoints: general.touchpoints.slice(0, 2) }
    expect(Journey.safeParse(short).success).toBe(false)
  })
})

/** A top-level lexicon file as it is on disk. */
function readLexicon(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, workshops), 'utf8')) as unknown
}

describe('the theme lexicon', () => {
  const file = readLexicon('themes.json')

  it('fits the schema with no field the schema would drop, and is what index.ts loads', () => {
    const result = ThemeLexicon.safeParse(file)
    expect(result.error?.issues ?? []).toEqual([])
    expect(result.data).toMatchObject(file as object)
    expect(themes).toEqual(result.data?.themes)
  })

  it('has unique theme ids, among them the eight the reports name', () => {
    const ids = themes.map((theme) => theme.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining([
        'wait-time',
        'staff-courtesy',
        'clinician-communication',
        'billing-cost',
        'scheduling-access',
        'facility-cleanliness',
        'results-records',
        'phone-follow-up',
      ]),
    )
  })

  it('ties every theme to a touch point of the general journey', () => {
    const touchpoints = journeyFor('general' as Specialty).touchpoints.map(
      (touchpoint) => touchpoint.id,
    )
    for (const theme of themes) expect(touchpoints, theme.id).toContain(theme.touchpoint)
  })

  it.each(themes.map((theme) => [theme.id, theme] as const))(
    '%s has a label and terms that find it in English and Spanish',
    (_id, theme) => {
      for (const language of languages) {
        expect(theme.label[language]?.trim(), language).toBeTruthy()
        const finding = theme.terms[language].filter((term) => !term.startsWith('!'))
        expect(finding.length, language).toBeGreaterThan(0)
      }
    },
  )

  it.each(themes.map((theme) => [theme.id, theme] as const))(
    '%s lists no term twice, accents aside',
    (_id, theme) => {
      for (const language of languages) {
        const folded = theme.terms[language].map(fold)
        expect(
          folded.filter((term, index) => folded.indexOf(term) !== index),
          language,
        ).toEqual([])
      }
    },
  )
})

describe('the polarity lexicons', () => {
  it.each(languages.map((language) => [language] as const))(
    'sentiment-%s.json fits the schema, is for its language and is what index.ts loads',
    (language) => {
      const file = readLexicon(`sentiment-${language}.json`)
      const result = PolarityLexicon.safeParse(file)
      expect(result.error?.issues ?? []).toEqual([])
      expect(result.data).toMatchObject(file as object)
      expect(result.data?.language).toBe(language)
      expect(polarityLexicons[language]).toEqual(result.data)
    },
  )

  it.each(languages.map((language) => [language, polarityLexicons[language]] as const))(
    '%s scores every term within -5..5 and every intensifier above 0',
    (_language, lexicon) => {
      const outside = Object.entries(lexicon.terms).filter(([, value]) => value < -5 || value > 5)
      expect(outside).toEqual([])
      expect(Object.values(lexicon.intensifiers).every((factor) => factor > 0)).toBe(true)
    },
  )

  it('scores Spanish on its own: at least 300 terms of both signs, and its negators', () => {
    const spanish = polarityLexicons.es
    const values = Object.values(spanish.terms)
    expect(values.length).toBeGreaterThanOrEqual(300)
    expect(values.filter((value) => value > 0).length).toBeGreaterThan(100)
    expect(values.filter((value) => value < 0).length).toBeGreaterThan(100)
    expect(spanish.negators).toEqual(
      expect.arrayContaining(['no', 'nunca', 'nada', 'ni', 'tampoco', 'jamás', 'sin']),
    )
    expect(Object.keys(spanish.intensifiers)).toEqual(expect.arrayContaining(['muy', 'demasiado']))
  })

  it('calibrates English so neutral words are not praise', () => {
    for (const word of ['okay', 'ok', 'fine', 'alright', 'decent', 'average']) {
      expect(polarityLexicons.en.terms[word], word).toBe(0)
    }
  })

  it('refuses a term listed twice once accents are folded', () => {
    const spanish = polarityLexicons.es
    const twice = { ...spanish, terms: { ...spanish.terms, esta: 1, está: 1 } }
    expect(PolarityLexicon.safeParse(twice).error?.issues).toMatchObject([
      { path: ['terms', 'está'], message: '"está" is already listed as terms "esta"' },
    ])
  })
})

describe('canvases', () => {
  const byId = canvases.map((canvas) => [canvas.id, canvas] as const)

  it('are JSON files, each loaded by workshops/index.ts', () => {
    expect(
      canvasFiles.filter((file) => !file.name.endsWith('.json')).map((file) => file.name),
    ).toEqual([])
    expect(canvases).toHaveLength(canvasFiles.length)
    for (const file of canvasFiles)
      expect(canvases, file.name).toContainEqual(Canvas.parse(file.data))
  })

  it.each(canvasFiles)('$name fits the schema, named after its id', ({ name, data }) => {
    const result = Canvas.safeParse(data)
    expect(result.error?.issues ?? []).toEqual([])
    expect(`${result.data?.id}.json`).toBe(name)
    // Defaults (spans, tone) are added; nothing in the file is lost.
    expect(result.data).toMatchObject(data as object)
  })

  it.each(canvasFiles)('$name is complete in English and Spanish', ({ data }) => {
    expect(localizedStrings(data).length).toBeGreaterThan(10)
    expect(incompleteStrings(data)).toEqual([])
  })

  it('have unique ids, among them the three the product offers', () => {
    const ids = canvases.map((canvas) => canvas.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining(['empathy-map', 'empathy-map-classic', 'journey-map']),
    )
  })

  it.each(byId)('%s has unique area, row and step ids', (_id, canvas) => {
    for (const list of [canvas.areas, canvas.rows, canvas.steps]) {
      const ids = list.map((item) => item.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it.each(byId)('%s has its areas (grid) or rows (journey), not both', (_id, canvas) => {
    if (canvas.kind === 'grid') {
      expect(canvas.areas.length).toBeGreaterThanOrEqual(4)
      expect(canvas.rows).toEqual([])
    } else {
      expect(canvas.rows.length).toBeGreaterThanOrEqual(3)
      expect(canvas.areas).toEqual([])
    }
  })

  it.each(byId.filter(([, canvas]) => canvas.kind === 'grid'))(
    '%s places every area inside its columns, no two on the same cell, no row left empty',
    (_id, canvas) => {
      const taken = new Map<string, string>()
      for (const area of canvas.areas) {
        expect(area.col + area.colSpan - 1, area.id).toBeLessThanOrEqual(canvas.columns)
        for (let row = area.row; row < area.row + area.rowSpan; row++) {
          for (let col = area.col; col < area.col + area.colSpan; col++) {
            const cell = `${row}:${col}`
            expect(taken.get(cell), `${area.id} at ${cell}`).toBeUndefined()
            taken.set(cell, area.id)
          }
        }
      }
      const rows = Math.max(...canvas.areas.map((area) => area.row + area.rowSpan - 1))
      for (let row = 1; row <= rows; row++) {
        expect(
          [...taken.keys()].some((cell) => cell.startsWith(`${row}:`)),
          `row ${row}`,
        ).toBe(true)
      }
    },
  )

  it.each(byId)(
    '%s runs a workshop of 4 to 6 steps, with writing, voting and actions',
    (_id, canvas) => {
      expect(canvas.steps.length).toBeGreaterThanOrEqual(4)
      expect(canvas.steps.length).toBeLessThanOrEqual(6)
      const modes = canvas.steps.map((step) => step.mode)
      expect(modes).toEqual(expect.arrayContaining(['write', 'vote', 'act']))
      // Dots come after the writing they are placed on, and actions after the dots.
      expect(modes.indexOf('write')).toBeLessThan(modes.indexOf('vote'))
      expect(modes.indexOf('vote')).toBeLessThan(modes.lastIndexOf('act'))
      expect(canvas.voteLimit).toBe(3)
    },
  )

  it('give the updated empathy map its goal, four senses and pains and gains', () => {
    const map = canvases.find((canvas) => canvas.id === 'empathy-map')
    expect(map?.areas.map((area) => [area.id, area.tone])).toEqual([
      ['goal', 'goal'],
      ['see', 'neutral'],
      ['say', 'neutral'],
      ['do', 'neutral'],
      ['hear', 'neutral'],
      ['pains', 'pain'],
      ['gains', 'gain'],
    ])
    const journey = canvases.find((canvas) => canvas.id === 'journey-map')
    expect(journey?.rows.map((row) => row.id)).toEqual([
      'doing',
      'thinking',
      'feeling',
      'pains',
      'opportunities',
    ])
  })
})

describe('meeting agendas', () => {
  const byId = agendas.map((agenda) => [agenda.id, agenda] as const)
  const agenda = (id: string) => {
    const found = agendas.find((candidate) => candidate.id === id)
    if (!found) throw new Error(`No agenda "${id}"`)
    return found
  }

  it('are JSON files, each loaded by workshops/index.ts', () => {
    expect(
      agendaFiles.filter((file) => !file.name.endsWith('.json')).map((file) => file.name),
    ).toEqual([])
    expect(agendas).toHaveLength(agendaFiles.length)
    for (const file of agendaFiles)
      expect(agendas, file.name).toContainEqual(Agenda.parse(file.data))
  })

  it.each(agendaFiles)('$name fits the schema, named after its id', ({ name, data }) => {
    const result = Agenda.safeParse(data)
    expect(result.error?.issues ?? []).toEqual([])
    expect(`${result.data?.id}.json`).toBe(name)
  })

  it.each(agendaFiles)('$name has no field the schema would silently drop', ({ data }) => {
    expect(Agenda.parse(data)).toMatchObject(data as object)
  })

  it.each(agendaFiles)('$name is complete in English and Spanish', ({ data }) => {
    expect(localizedStrings(data).length).toBeGreaterThan(5)
    expect(incompleteStrings(data)).toEqual([])
  })

  it('have unique ids, and so do their items', () => {
    const ids = agendas.map((candidate) => candidate.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const [id, candidate] of byId) {
      const itemIds = candidate.items.map((item) => item.id)
      expect(new Set(itemIds).size, id).toBe(itemIds.length)
    }
  })

  it('the weekly staff meeting takes 15-20 minutes: the moment first, then numbers, actions, a board, a close', () => {
    const weekly = agenda('weekly-staff-meeting')
    expect(agendaMinutes(weekly)).toBeGreaterThanOrEqual(15)
    expect(agendaMinutes(weekly)).toBeLessThanOrEqual(20)
    expect(weekly.items.map((item) => item.kind)).toEqual([
      'moment',
      'numbers',
      'actions',
      'board',
      'discussion',
    ])
  })

  it('the daily huddle is shorter than the weekly meeting and opens with the moment', () => {
    const huddle = agenda('daily-huddle')
    expect(agendaMinutes(huddle)).toBeLessThan(agendaMinutes(agenda('weekly-staff-meeting')))
    expect(agendaMinutes(huddle)).toBeLessThanOrEqual(10)
    expect(huddle.items[0]?.kind).toBe('moment')
  })

  it('the weekly meeting is first: meeting mode opens with it', () => {
    expect(agendas[0]?.id).toBe('weekly-staff-meeting')
  })

  it.each(byId)('%s reads in each language with its total minutes', (_id, candidate) => {
    for (const language of languages) {
      const local = agendaIn(candidate, language)
      expect(local.minutes).toBe(agendaMinutes(candidate))
      expect(local.items.map((item) => item.title)).toEqual(
        candidate.items.map((item) => item.title[language]),
      )
    }
  })
})
