/**
 * Words and texts as meaning vectors (word-vectors.ts): a text's vector is the sum of its words' vectors,
 * normalised, so "does going selective cut freight costs" and "transportation costs are reduced" point
 * alike though they share one word. Used when the passages' vectors are built and for each query.
 */
import { isStopWord } from './tokens.js'
import type { WordVectors } from './word-vectors.js'

/** A text's words for meaning: lower-case runs of letters, a possessive's 's dropped, stop words left out. */
export function meaningWords (text: string): string[] {
  const t = text.toLowerCase().replace(/[’']s\b/g, '').replace(/[’']/g, '')
  return (t.match(/[a-z]+/g) ?? []).filter(w => w.length > 1 && !isStopWord(w))
}

/** The normalised sum of the words' vectors; undefined when the table holds none of them. */
export function textVector (words: readonly string[], table: WordVectors): Float32Array | undefined {
  const v = new Float32Array(table.dims)
  let any = false
  for (const w of words) {
    const wv = table.lookup(w)
    if (!wv) continue
    any = true
    for (let d = 0; d < v.length; d++) v[d]! += wv[d]!
  }
  return any ? normalise(v) : undefined
}

/** `v` scaled to length 1, in place (a zero vector stays zero). */
export function normalise (v: Float32Array): Float32Array {
  let n = 0
  for (let d = 0; d < v.length; d++) n += v[d]! * v[d]!
  n = Math.sqrt(n)
  if (n > 0) for (let d = 0; d < v.length; d++) v[d]! /= n
  return v
}

/** `v` less `mean`, normalised again: what every text has in common (the documents' subject) taken off. */
export function centred (v: Float32Array, mean: Float32Array): Float32Array {
  for (let d = 0; d < v.length; d++) v[d]! -= mean[d]!
  return normalise(v)
}
