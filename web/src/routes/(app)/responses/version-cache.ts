import * as surveysApi from '$lib/api-surveys'
import type { SurveyVersion } from '$lib/api-surveys'

/**
 * Published versions never change, so each is fetched once per visit to the page, however many of
 * its responses are shown; concurrent asks share one request. A failed fetch is forgotten, so the
 * next page of responses tries again.
 */
export class VersionCache {
  readonly #requests = new Map<string, Promise<SurveyVersion | null>>()

  static key(surveyId: string, version: number): string {
    return `${surveyId}#${version}`
  }

  get(surveyId: string, version: number): Promise<SurveyVersion | null> {
    const key = VersionCache.key(surveyId, version)
    let request = this.#requests.get(key)
    if (!request) {
      request = surveysApi.surveys.version(surveyId, version).catch(() => {
        this.#requests.delete(key)
        return null
      })
      this.#requests.set(key, request)
    }
    return request
  }
}
