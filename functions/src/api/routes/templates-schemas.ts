import { z } from 'zod'
import { Language } from '../../domain/practice'
import { PraiseTheme } from '../../domain/moments/praise'
import { Theme } from '../../domain/themes'
import { Localized, Slug } from '../../domain/surveys'

/** One entry of `GET /api/survey-templates`: a template without its questions. */
export const TemplateSummary = z.object({
  id: Slug,
  title: Localized,
  description: Localized,
  minutes: z.number().int(),
  languages: z.array(Language),
  questionCount: z.number().int(),
})

/** A theme as the app names it; its terms stay on the server. */
export const ThemeSummary = Theme.pick({ id: true, label: true, touchpoint: true })

/** A praise theme ("Kept us informed") as moments' chips name it; its terms stay on the server. */
export const PraiseThemeSummary = PraiseTheme.pick({ id: true, label: true })
