/**
 * Postings in the index file: each term's list of [section, term frequency] pairs is stored as one short
 * string ("3 1b:2 2f", base 36, `:tf` only when above 1) and decoded the first time a query asks for that
 * term. Parsing some twenty thousand little arrays at every cold `pat search` (and the garbage collector
 * then copying them) cost more than the search itself; a query needs a handful of terms.
 */
import type { Field, KbIndex } from './types.js'

/** The fields a section is indexed by. (Here, not in build-index.ts, so a search need not load the builder.) */
export const FIELDS: Field[] = ['title', 'trail', 'terms', 'text', 'asked']

export type PostingList = Array<[number, number]>

export function encodePostings (list: PostingList): string {
  return list.map(([i, tf]) => (tf === 1 ? i.toString(36) : `${i.toString(36)}:${tf.toString(36)}`)).join(' ')
}

export function decodePostings (encoded: string): PostingList {
  return encoded.split(' ').map(p => {
    const at = p.indexOf(':')
    return at < 0 ? [parseInt(p, 36), 1] : [parseInt(p.slice(0, at), 36), parseInt(p.slice(at + 1), 36)]
  })
}

const decoded = new WeakMap<KbIndex, Map<string, PostingList | undefined>>()

/** The sections holding a term in one field, with the term's frequency there; undefined when none do. */
export function postingList (idx: KbIndex, field: Field, term: string): PostingList | undefined {
  let m = decoded.get(idx)
  if (!m) { m = new Map(); decoded.set(idx, m) }
  const key = `${field} ${term}`
  if (m.has(key)) return m.get(key)
  const encoded = Object.hasOwn(idx.postings[field], term) ? idx.postings[field][term] : undefined
  const list = encoded ? decodePostings(encoded) : undefined
  m.set(key, list)
  return list
}

const frequencies = new WeakMap<KbIndex, Map<string, number>>()

/**
 * How many sections hold the term in their text (its document frequency): counted in the encoded list, not
 * decoded — a query asks it of every form and correction of its words, most never scored.
 */
export function textFrequency (idx: KbIndex, term: string): number {
  let m = frequencies.get(idx)
  if (!m) { m = new Map(); frequencies.set(idx, m) }
  let n = m.get(term)
  if (n === undefined) {
    const encoded = Object.hasOwn(idx.postings.text, term) ? idx.postings.text[term] : undefined
    n = 0
    if (encoded) { n = 1; for (let at = encoded.indexOf(' '); at >= 0; at = encoded.indexOf(' ', at + 1)) n++ }
    m.set(term, n)
  }
  return n
}
