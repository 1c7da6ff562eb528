import { describe, expect, it } from 'vitest'
import { evidenceSummary } from '../../../web/src/routes/(workshop)/w/[id]/evidence-areas'

describe('evidenceSummary', () => {
  it('names one comment in the singular', () => {
    expect(evidenceSummary(1, 20)).toBe('1 comment found.')
  })
  it('counts several, says "or more" when the page is full, and says when none match', () => {
    expect(evidenceSummary(3, 20)).toBe('3 comments found.')
    expect(evidenceSummary(20, 20)).toBe('20 or more comments found.')
    expect(evidenceSummary(0, 20)).toBe('No comments match.')
  })
})
