/**
 * The index's vocabulary: every term, sorted and joined by spaces (`sorted-text.ts`). A query asks whether
 * its words' terms are known, one lookup each; typo correction and word families read the whole list, split
 * once per index.
 */
import { oncePerIndex } from './memo.js'
import { lookupSorted, sortedKeys, sortedText } from './sorted-text.js'
import type { KbIndex } from './types.js'

const SEP = ' '
const NO_VALUE = '\t'

/** The stored vocabulary of these terms. */
export const vocabularyText = (terms: Iterable<string>): string => sortedText([...terms].map(t => [t] as const), SEP, NO_VALUE)

/** The index's terms, as a set to ask. */
export interface Known { has: (term: string) => boolean }

export const knownTerms = oncePerIndex((idx: KbIndex): Known => {
  const seen = new Map<string, boolean>()
  return {
    has: t => {
      let v = seen.get(t)
      if (v === undefined) { v = t !== '' && !t.includes(SEP) && lookupSorted(idx.vocabulary, t, SEP, NO_VALUE) !== undefined; seen.set(t, v) }
      return v
    }
  }
})

/** Every term of the index, sorted. */
export const vocabularyList = oncePerIndex((idx: KbIndex): string[] => sortedKeys(idx.vocabulary, SEP, NO_VALUE))
