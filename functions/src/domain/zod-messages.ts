import { z } from 'zod'

/**
 * Plain-language messages for the problems a person most often meets in a form. Zod's defaults
 * ("Invalid input: expected string, received undefined") are written for programmers.
 */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required'
    return undefined
  },
})
