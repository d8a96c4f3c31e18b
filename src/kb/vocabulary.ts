/**
 * The index's vocabulary: every term, sorted and joined by spaces (`sorted-text.ts`). A query asks whether
 * its words' terms are known, one lookup each; typo correction and word families read the whole list, split
 * once per index.
 */
import { lookupSorted, sortedKeys, sortedText } from './sorted-text.js'
import type { KbIndex } from './types.js'

const SEP = ' '
const NO_VALUE = '\t'

/** The stored vocabulary of these terms. */
export const vocabularyText = (terms: Iterable<string>): string => sortedText([...terms].map(t => [t] as const), SEP, NO_VALUE)

/** The index's terms, as a set to ask. */
export interface Known { has: (term: string) => boolean }

const known = new WeakMap<KbIndex, Known>()

export function knownTerms (idx: KbIndex): Known {
  let k = known.get(idx)
  if (!k) {
    const seen = new Map<string, boolean>()
    k = {
      has: t => {
        let v = seen.get(t)
        if (v === undefined) { v = t !== '' && !t.includes(SEP) && lookupSorted(idx.vocabulary, t, SEP, NO_VALUE) !== undefined; seen.set(t, v) }
        return v
      }
    }
    known.set(idx, k)
  }
  return k
}

const lists = new WeakMap<KbIndex, string[]>()

/** Every term of the index, sorted. */
export function vocabularyList (idx: KbIndex): string[] {
  let l = lists.get(idx)
  if (!l) { l = sortedKeys(idx.vocabulary, SEP, NO_VALUE); lists.set(idx, l) }
  return l
}
