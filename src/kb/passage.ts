/**
 * A section read as sentences, for ranking and for excerpts: its sentences' texts, their stemmed terms and
 * neighbouring-term pairs, the terms of its headings, and (when an excerpt first marks one) each sentence's
 * word spans. Built the first time a section is re-ranked and kept per index.
 */
import { perIndex } from './memo.js'
import { subSectionIndices } from './outline.js'
import { plain, sentences } from './text.js'
import { terms } from './tokens.js'
import type { KbIndex } from './types.js'

/** Each section's title and then its sentences as sets of stemmed terms, built the first time the section is re-ranked. */
export interface Sentences {
  texts: string[]
  sets: Array<Set<string>>
  pairs: Array<Set<string>>
  /** The terms of the title and the headings above it: they stand behind every sentence of the section. */
  heading?: Set<string>
  /** Every term of the section's sentences: a query term outside it is skipped for every sentence at once. */
  all?: Set<string>
  /** Per sentence, its words' spans and terms (built when an excerpt first marks the sentence). */
  marks?: Array<WordSpans | undefined>
}

/** A sentence's words: where each starts and ends, and its index term (for marking matches). */
export interface WordSpans { starts: number[], ends: number[], terms: string[], /** a hyphenated prefix's two spans: their joined word's term */ joined: Array<string | undefined> }

const headingKey = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()

/** A section's sub-sections' titles (normalised): a line naming one answers nothing, the sub-section does. */
function childTitles (idx: KbIndex, i: number): Set<string> {
  return new Set(subSectionIndices(idx, i).map(j => headingKey(idx.sections[j]!.title)))
}
const sentenceCache = perIndex<Sentences, number>()

export function sentenceData (idx: KbIndex, i: number): Sentences {
  return sentenceCache(idx, i, () => {
    const s = idx.sections[i]!
    const texts = sentences(plain(s.text))
    // A line that only names a sub-section (a list of the parts to come) answers nothing: the sub-section does.
    const children = childTitles(idx, i)
    // The sentences' terms were stemmed when the index was built; an index without them is stemmed here.
    const built = (idx.sentenceTerms?.[i] ?? s.sentenceTerms)?.split('\n')
    const stemmedSentence = (t: string, k: number): string[] => (built && built.length === texts.length ? (built[k]! ? built[k]!.split(' ') : []) : terms(t))
    const seqs = [terms(s.title), ...texts.map((t, k) => (children.size > 0 && children.has(headingKey(t)) ? [] : stemmedSentence(t, k)))]
    return {
      texts,
      sets: seqs.map(q => new Set(q)),
      pairs: seqs.map(q => new Set(q.slice(1).map((t, k) => `${q[k]} ${t}`))),
      heading: new Set(terms(`${s.title} ${s.trail.join(' ')}`)),
      all: new Set(seqs.slice(1).flat())
    }
  })
}

export const sentencesOf = (idx: KbIndex, i: number): Array<Set<string>> => sentenceData(idx, i).sets
