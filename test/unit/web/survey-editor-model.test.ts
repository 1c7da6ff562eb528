import { describe, expect, it } from 'vitest'
import type { Question, SurveyDefinition } from '../../../web/src/lib/api-surveys'
import {
  toDefinition,
  type EditorDraft,
} from '../../../web/src/routes/(app)/surveys/[id]/editor-definition'
import {
  describe as describePath,
  fieldId,
  keyPathOf,
  nearestShown,
} from '../../../web/src/routes/(app)/surveys/[id]/editor-fields'
import {
  blankQuestion,
  toEditorQuestion,
} from '../../../web/src/routes/(app)/surveys/[id]/editor-model'
import {
  humanMessage,
  missingText,
} from '../../../web/src/routes/(app)/surveys/[id]/editor-validation'
import {
  skipGoesBack,
  skipTargetName,
  typeDetail,
} from '../../../web/src/routes/(app)/surveys/[id]/question-card-text'

const all = ['en', 'es'] as const

// One question of every type, each with the settings the editor keeps without showing them.
const questions: Question[] = [
  {
    id: 'recommend',
    type: 'nps',
    required: true,
    prompt: { en: 'Would you recommend us?', es: '¿Nos recomendaría?' },
    lowLabel: { en: 'Not at all likely' },
    highLabel: { en: 'Extremely likely' },
    touchpoint: 'visit',
  },
  {
    id: 'provider',
    type: 'rating',
    required: true,
    prompt: { en: 'How was your provider?' },
    help: { en: 'Think of your most recent visit' },
    min: 1,
    max: 5,
    composite: 'provider-communication',
    measure: 'provider-rating',
  },
  {
    id: 'wait',
    type: 'single',
    required: false,
    prompt: { en: 'How long did you wait?' },
    options: [
      { value: 'short', label: { en: 'Under 10 minutes' } },
      { value: 'long', label: { en: 'Longer' } },
    ],
    topBox: ['short'],
  },
  {
    id: 'reasons',
    type: 'multi',
    required: false,
    prompt: { en: 'Why did you come?' },
    options: [
      { value: 'checkup', label: { en: 'Check-up' } },
      { value: 'pain', label: { en: 'Pain' } },
    ],
    maxChoices: 1,
  },
  {
    id: 'called',
    type: 'yesno',
    required: false,
    prompt: { en: 'Did we call you back?' },
    skip: { when: false, to: 'comment' },
    topBox: [true],
  },
  {
    id: 'comment',
    type: 'text',
    required: false,
    prompt: { en: 'Anything else?' },
    maxLength: 500,
  },
] as Question[]

const definition = {
  title: { en: 'After your visit' },
  intro: { en: 'Two minutes, no more.' },
  languages: ['en'],
  questions,
} as SurveyDefinition

function draftOf(source: SurveyDefinition): EditorDraft {
  return {
    title: { ...source.title },
    intro: { ...source.intro },
    thankYou: { ...source.thankYou },
    languages: [...source.languages],
    questions: source.questions.map(toEditorQuestion),
  }
}

describe('the survey editor model', () => {
  it('turns every question type back into the definition it was read from', () => {
    expect(toDefinition(draftOf(definition), all)).toEqual(definition)
  })

  it('gives every question and option a key of its own, not the definition', () => {
    const draft = draftOf(definition)
    const keys = draft.questions.flatMap((q) => [q.key, ...q.options.map((o) => o.key)])
    expect(new Set(keys).size).toBe(keys.length)
    expect(JSON.stringify(toDefinition(draft, all))).not.toContain(draft.questions[0]?.key)
  })

  it('saves trimmed texts without blank languages or blank optional texts, languages in server order', () => {
    const draft = draftOf(definition)
    draft.title = { en: '  After your visit ', es: '   ' }
    draft.intro = { en: ' ', es: '' }
    draft.thankYou = { es: ' ¡Gracias! ' }
    draft.languages = ['es', 'en']
    const saved = toDefinition(draft, all)
    expect(saved.title).toEqual({ en: 'After your visit' })
    expect(saved).not.toHaveProperty('intro')
    expect(saved.thankYou).toEqual({ es: '¡Gracias!' })
    expect(saved.languages).toEqual(['en', 'es'])
  })

  it('drops a removed option from the best answers, and a yes/no question keeps only true or false', () => {
    const draft = draftOf(definition)
    const single = draft.questions[2]!
    single.options = single.options.slice(1)
    const yesno = draft.questions[4]!
    yesno.kept.topBox = [true, 'yes']
    yesno.skipWhen = ''
    const saved = toDefinition(draft, all).questions
    expect(saved[2]).toMatchObject({ options: [{ value: 'long' }], topBox: [] })
    expect(saved[4]).toMatchObject({ topBox: [true] })
    expect(saved[4]).not.toHaveProperty('skip')
  })

  it('starts a new question with standard wording where there is one, and two options to fill in', () => {
    expect(blankQuestion('nps', 'recommend-2').prompt.en).toBe(
      'How likely are you to recommend our practice to a friend or family member?',
    )
    const choice = blankQuestion('single', 'choice')
    expect(choice.options).toHaveLength(2)
    expect(choice.options.every((option) => option.autoValue && option.value === '')).toBe(true)
    expect(toDefinition({ ...draftOf(definition), questions: [choice] }, all).questions[0]).toEqual(
      {
        id: 'choice',
        type: 'single',
        prompt: {},
        required: false,
        options: [
          { value: '', label: {} },
          { value: '', label: {} },
        ],
        topBox: [],
      },
    )
  })
})

describe('the survey editor fields', () => {
  const draft = draftOf(definition)
  const [nps, , single] = draft.questions
  const option = single!.options[1]!

  it('maps the server path of a field to a key path that survives reordering', () => {
    expect(keyPathOf('questions.2.options.1.label.es', draft.questions)).toBe(
      `q.${single!.key}.options.${option.key}.label.es`,
    )
    expect(keyPathOf('questions.2.options.9.label', draft.questions)).toBe(
      `q.${single!.key}.options`,
    )
    expect(keyPathOf('questions.9.prompt', draft.questions)).toBe('questions')
    expect(keyPathOf('title.es', draft.questions)).toBe('title.es')
  })

  it('names a key path in words, with its language', () => {
    expect(describePath(`q.${nps!.key}.prompt.es`, draft.questions, all)).toBe(
      'Question 1, question text (Español)',
    )
    expect(describePath(`q.${single!.key}.options.${option.key}.value`, draft.questions, all)).toBe(
      'Question 3, option 2, stored value',
    )
    expect(describePath('thankYou.en', draft.questions, all)).toBe('Thank-you message (English)')
  })

  it('shows an error at the nearest part of the page that exists, or only in the summary', () => {
    const shown = new Set(['q.k1', 'title'])
    expect(nearestShown('q.k1.options.o2.label.es', (path) => shown.has(path))).toBe('q.k1')
    expect(nearestShown('intro.es', (path) => shown.has(path))).toBe('')
    expect(fieldId('q.k1.prompt.es')).toBe('f-q-k1-prompt-es')
  })
})

describe('the survey editor checks', () => {
  it('lists the texts a language lacks, optional ones only where another language has them', () => {
    const draft = draftOf(definition)
    const [nps, rating, single] = draft.questions
    expect(missingText(draft, 'es')).toEqual([
      'title.es',
      'intro.es',
      `q.${nps!.key}.lowLabel.es`,
      `q.${nps!.key}.highLabel.es`,
      `q.${rating!.key}.prompt.es`,
      `q.${rating!.key}.help.es`,
      `q.${single!.key}.prompt.es`,
      ...single!.options.map((option) => `q.${single!.key}.options.${option.key}.label.es`),
      ...draft.questions
        .slice(3)
        .flatMap((q) => [
          `q.${q.key}.prompt.es`,
          ...q.options.map((option) => `q.${q.key}.options.${option.key}.label.es`),
        ]),
    ])
    expect(missingText(draft, 'en')).toEqual([])
  })

  it("puts the server's messages in the editor's words", () => {
    expect(humanMessage('Missing the es text')).toBe('Add the Español text, or turn Español off')
    expect(humanMessage('Required')).toBe('Enter the text')
    expect(humanMessage('Too long')).toBe('Too long')
  })
})

describe('the question card', () => {
  const draft = draftOf(definition)
  const yesno = draft.questions[4]!

  it('sums up what each type asks for', () => {
    expect(draft.questions.map(typeDetail)).toEqual([
      '0 to 10',
      '1 to 5',
      '2 options',
      '2 options',
      '',
      'up to 500 characters',
    ])
  })

  it('names where a skip goes, and notices one that now points backwards', () => {
    expect(skipTargetName(yesno, draft.questions)).toBe('question 6')
    expect(skipGoesBack(yesno, draft.questions.slice(5))).toBe(false)
    expect(skipGoesBack(yesno, [])).toBe(true)
    expect(skipTargetName({ ...yesno, skipTo: 'gone' }, draft.questions)).toBe('a removed question')
    expect(skipTargetName({ ...yesno, skipTo: 'end' }, draft.questions)).toBe('the end')
  })
})
