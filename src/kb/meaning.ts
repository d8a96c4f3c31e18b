/**
 * The last step of ranking (docs/search.md step 9): the candidates re-ordered by how near in meaning the
 * query is to one of their sentences or asked phrases, beside their score. Words alone miss a question put
 * in other words ("does going selective save shippers money on freight" for "transportation costs are
 * reduced"); word vectors (word-vectors.ts) see "freight" near "transportation" and "save" near "reduced".
 * Without the vector files (not built, or built for other content) the ranking stays as it was.
 */
import { join } from 'node:path'
import { builtFor, builtVectorsPath, contentDir } from './load.js'
import { centred, textVector } from './meaning-words.js'
import { oncePerIndex } from './memo.js'
import { readPassageVectors, type PassageVectors } from './passage-vectors.js'
import type { KbIndex } from './types.js'
import { readWordVectors, type WordVectors } from './word-vectors.js'

export interface MeaningTables { words: WordVectors, passages: PassageVectors }

/** The shipped word-vector table's path. */
export const wordVectorsPath = (): string => join(contentDir(), 'word-vectors.bin')

/**
 * The tables for an index, opened once: undefined when either file is missing or damaged, or the passages'
 * vectors were built for other content (a team's own documents come after the shipped ones and have none).
 */
export const meaningTables = oncePerIndex((idx: KbIndex): MeaningTables | undefined => {
  const words = readWordVectors(wordVectorsPath())
  const passages = words && readPassageVectors(builtVectorsPath())
  if (words && passages && passages.dims === words.dims && passages.sections <= idx.sections.length &&
    builtFor(idx, passages.fingerprint)) return { words, passages }
  words?.close(); passages?.close()
  return undefined
})

/**
 * The candidates (section, score) ordered by their share of the best score + weight × (1 + the cosine of
 * the query to their nearest unit). A section without vectors (a team's own) counts the candidates' mean
 * cosine: neither lifted nor pushed down.
 */
export function byMeaning (ranked: ReadonlyArray<[number, number]>, words: readonly string[], weight: number, tables: MeaningTables | undefined): Array<[number, number]> {
  if (!tables || ranked.length < 2 || weight <= 0) return [...ranked]
  const q = textVector(words, tables.words)
  if (!q) return [...ranked]
  centred(q, tables.passages.mean)
  const cos = ranked.map(([i]) => tables.passages.nearest(i, q))
  const known = cos.filter((c): c is number => c !== undefined)
  const neutral = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0
  const top = Math.max(...ranked.map(([, s]) => s))
  if (!(top > 0)) return [...ranked]
  return ranked.map(([i, s], k): [number, number] => [i, s / top + weight * (1 + (cos[k] ?? neutral))])
    .sort((a, b) => b[1] - a[1])
}
