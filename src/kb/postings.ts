/**
 * Postings in the index file: each term's list of [section, term frequency] pairs is stored as one short
 * string ("3 1b:2 2f", base 36, `:tf` only when above 1) and decoded the first time a query asks for that
 * term. Parsing some twenty thousand little arrays at every cold `pat search` (and the garbage collector
 * then copying them) cost more than the search itself; a query needs a handful of terms.
 *
 * The asked field's entries also say which of the passage's asked phrases hold the term ("3.4.a": section 3,
 * its phrases 4 and 10), on a passage's first part only; a term's frequency there is then the number of
 * phrases unless `:tf` says otherwise. `nearest-asked.ts` reads them.
 *
 * A field's lists are one string of "term⇥list" lines sorted by term (`sorted-text.ts`): found by halving,
 * not parsed whole.
 */
import { perIndex } from './memo.js'
import { lookupSorted, sortedText } from './sorted-text.js'
import type { Field, KbIndex, Postings } from './types.js'

/** The fields a section is indexed by. (Here, not in build-index.ts, so a search need not load the builder.) */
export const FIELDS: Field[] = ['title', 'trail', 'terms', 'text', 'asked']

export type PostingList = Array<[number, number]>

/** `phrases[k]`: the numbers of the phrases holding the term, for the k-th entry of `list` (asked field only). */
export function encodePostings (list: PostingList, phrases?: ReadonlyArray<readonly number[] | undefined>): string {
  return list.map(([i, tf], k) => {
    const held = phrases?.[k] ?? []
    const plain = held.length === 0 ? tf === 1 : tf === held.length
    return `${i.toString(36)}${plain ? '' : `:${tf.toString(36)}`}${held.map(n => `.${n.toString(36)}`).join('')}`
  }).join(' ')
}

export function decodePostings (encoded: string): PostingList {
  return encoded.split(' ').map(p => {
    const dot = p.indexOf('.')
    const head = dot < 0 ? p : p.slice(0, dot)
    const at = head.indexOf(':')
    if (at >= 0) return [parseInt(head.slice(0, at), 36), parseInt(head.slice(at + 1), 36)]
    return [parseInt(head, 36), dot < 0 ? 1 : phrasesNamed(p, dot)]
  })
}

/** How many phrase numbers an asked entry names from its first dot on. */
function phrasesNamed (entry: string, dot: number): number {
  let n = 0
  for (let k = dot; k >= 0; k = entry.indexOf('.', k + 1)) n++
  return n
}

/** A field's stored postings: each term's encoded list, one line each. */
export const postingsText = (lists: Iterable<readonly [string, string]>): Postings => sortedText(lists, '\n', '\t')

const encodedCache = perIndex<string | undefined>()

/** A term's encoded list in one field; undefined when no section holds it there. */
export function encodedPostings (idx: KbIndex, field: Field, term: string): string | undefined {
  return encodedCache(idx, `${field} ${term}`, () =>
    (term === '' || /[\t\n]/.test(term) ? undefined : lookupSorted(idx.postings[field], term, '\n', '\t')) || undefined)
}

const decoded = perIndex<PostingList | undefined>()

/** The sections holding a term in one field, with the term's frequency there; undefined when none do. */
export function postingList (idx: KbIndex, field: Field, term: string): PostingList | undefined {
  return decoded(idx, `${field} ${term}`, () => {
    const encoded = encodedPostings(idx, field, term)
    return encoded ? decodePostings(encoded) : undefined
  })
}

const frequencies = perIndex<number>()

/**
 * How many sections hold the term in their text (its document frequency): counted in the encoded list, not
 * decoded — a query asks it of every form and correction of its words, most never scored.
 */
export function textFrequency (idx: KbIndex, term: string): number {
  return frequencies(idx, term, () => {
    const encoded = encodedPostings(idx, 'text', term)
    let n = 0
    if (encoded) { n = 1; for (let at = encoded.indexOf(' '); at >= 0; at = encoded.indexOf(' ', at + 1)) n++ }
    return n
  })
}
