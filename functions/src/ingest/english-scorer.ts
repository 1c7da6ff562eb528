import type { ItemToken, Model } from 'wink-nlp'
import type winkNLP from 'wink-nlp'
import type { EnglishWord, ReadEnglishWords } from '../domain/sentiment'
import { isClauseEnd, tokenize } from '../domain/themes'

/**
 * wink-nlp's reading of English comments, for the comment reader: its model is 77% of the HTTP
 * Lambda's code and takes about 0.4 s to read, so it is imported on the first English comment,
 * once per process, and never at cold start. In the Lambda bundle both packages are external and
 * ship beside it as their own files (infra/lib/node-bundling.ts).
 */

/** What `import()` of the two packages gives: wink's factory and its English model. */
export interface WinkModules {
  winkNLP: typeof winkNLP
  model: Model
}

type Nlp = ReturnType<typeof winkNLP>

/** The packages as installed; the infra test hands in the copies shipped in the Lambda asset. */
export async function importWink(): Promise<WinkModules> {
  const [nlp, model] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')])
  return { winkNLP: nlp.default, model: model.default }
}

/** Enough for a clinic's vocabulary; a process that meets more words starts the cache over. */
const winkWordsMax = 50_000

/** wink splits "can't", "won't", "shan't" into these and "n't". */
const contractionHeads = new Set(['ca', 'wo', 'sha'])

/**
 * A reader of English comments that loads wink on its first call and keeps it. A failed load is
 * forgotten, so the next comment tries again rather than failing for the life of the process.
 *
 * @example
 * const readEnglish = createEnglishReader()
 * await readEnglish("didn't listen") // [{ text: 'did', … }, { text: 'not', negated: true, … }, …]
 */
export function createEnglishReader(
  load: () => Promise<WinkModules> = importWink,
): ReadEnglishWords {
  let loading: Promise<Nlp> | undefined
  const wink = () =>
    (loading ??= load().then(
      ({ winkNLP, model }) => winkNLP(model),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    ))

  const winkWords = new Map<string, number>()
  /**
   * wink's polarity of one word read alone, on AFINN's scale. wink scores only whole sentences
   * (the mean of their terms), so each word is read alone for our calibration to replace it word
   * by word.
   */
  const winkPolarity = (nlp: Nlp, word: string): number => {
    let polarity = winkWords.get(word)
    if (polarity === undefined) {
      if (winkWords.size >= winkWordsMax) winkWords.clear()
      polarity = Number(nlp.readDoc(word).out(nlp.its.sentiment)) * 5 || 0
      winkWords.set(word, polarity)
    }
    return polarity
  }

  return async (text) => {
    const nlp = await wink()
    const its = nlp.its
    const words: EnglishWord[] = []
    nlp
      .readDoc(text)
      .tokens()
      .each((token: ItemToken) => {
        const type = String(token.out(its.type))
        const negated = token.out(its.negationFlag) === true
        const raw = token.out()
        if (type === 'emoji' || type === 'emoticon') {
          words.push({ text: raw, negated, polarity: winkPolarity(nlp, raw) })
          return
        }
        // wink's normal form opens contractions ("n't" → "not", "ca" → "can") but also respells
        // ("through" → "thru"), so it is taken only for contractions; either is split as the
        // lexicons are ("check-in" → "check", "in").
        const word =
          /['’]/u.test(raw) || contractionHeads.has(raw.toLowerCase())
            ? String(token.out(its.normal))
            : raw
        for (const part of tokenize(word)) {
          words.push({
            text: part,
            negated,
            polarity: isClauseEnd(part) ? 0 : winkPolarity(nlp, part),
          })
        }
      })
    return words
  }
}
