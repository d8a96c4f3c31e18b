/**
 * Trains the intent model (intent.ts) when the index is built (`npm run build`): which shipped passage a
 * query asks for, learnt from the phrases team members ask for each passage (content/asked.json) and its
 * heading — a text classifier of the fastText kind. A text is the sum of its words' vectors, normalised and
 * times `TEMPERATURE`; a passage's logit is its row's dot product with that, plus its bias; softmax over
 * the passages. The word vectors start as the shipped GloVe table's (word-vectors.bin; words it does not
 * hold start at zero) and are trained with the rows, so words that ask for the same passage draw together.
 * (Rows over GloVe's vectors as they are ranked a little worse: 628 first answers of 713 read questions
 * against 632; alone, in a prototype, such a model put the answer first for 446, one with trained words for
 * 517.) Plain stochastic gradient
 * descent, in a fixed order from a fixed seed: the same content gives the same model. Settings chosen on
 * the read relevance sets (docs/search.md step 10). Build-time only: searching never loads this module.
 */
import { meaningWords } from './meaning-words.js'
import { baseId, firstParts } from './outline.js'
import type { KbIndex } from './types.js'
import type { WordVectors } from './word-vectors.js'

/** The trained model: its words' vectors, and per passage (its first part's section) a row and a bias. */
export interface IntentModel {
  dims: number
  temperature: number
  words: Array<[string, Float32Array]>
  /** Each passage's first section, in row order. */
  sections: number[]
  rows: Float32Array
  bias: Float32Array
}

export const TEMPERATURE = 10
const EPOCHS = 30
const RATE = 0.05
const DECAY = 1e-5
/** Errors smaller than this leave a passage's row alone: most of the 272 in every step. */
const SMALL = 1e-4

interface Example { words: Int32Array, label: number }

/** The examples: each shipped passage's asked phrases and heading, as word numbers; and the words. */
function examples (idx: KbIndex, asked: Readonly<Record<string, readonly string[]>>): { sections: number[], data: Example[], vocabulary: Map<string, number> } {
  const first = firstParts(idx)
  const vocabulary = new Map<string, number>()
  const number = (w: string): number => { let n = vocabulary.get(w); if (n === undefined) { n = vocabulary.size; vocabulary.set(w, n) } return n }
  const sections: number[] = []
  const data: Example[] = []
  idx.sections.forEach((s, i) => {
    const phrases = asked[baseId(s.id)]
    if (first[i] !== i || !phrases || s.local) return
    const label = sections.length
    sections.push(i)
    for (const text of [...phrases, s.title]) {
      const words = Int32Array.from(meaningWords(text).map(number))
      if (words.length > 0) data.push({ words, label })
    }
  })
  return { sections, data, vocabulary }
}

/** A seeded linear congruential generator in [0, 1): the same shuffles on every machine. */
function seeded (seed: number): () => number {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

/** The model for an index, its asked phrases and the word-vector table the words start from. */
export function trainIntent (idx: KbIndex, asked: Readonly<Record<string, readonly string[]>>, glove: WordVectors): IntentModel {
  const { sections, data, vocabulary } = examples(idx, asked)
  const dims = glove.dims
  const vectors = new Float32Array(vocabulary.size * dims)
  for (const [w, n] of vocabulary) { const v = glove.lookup(w); if (v) vectors.set(v, n * dims) }
  const random = seeded(12345)
  const rows = new Float32Array(sections.length * dims).map(() => (random() - 0.5) * 0.01)
  const bias = new Float32Array(sections.length)
  const step = stepper(vectors, rows, bias, dims)
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = data.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [data[i], data[j]] = [data[j]!, data[i]!] }
    for (const ex of data) step(ex, RATE * (1 - epoch / EPOCHS))
  }
  const words = [...vocabulary].map(([w, n]): [string, Float32Array] => [w, vectors.slice(n * dims, (n + 1) * dims)])
  return { dims, temperature: TEMPERATURE, words, sections, rows, bias }
}

/** One step of gradient descent on one example: softmax's error into the rows, then through them into the words. */
function stepper (vectors: Float32Array, rows: Float32Array, bias: Float32Array, dims: number): (ex: Example, rate: number) => void {
  const h = new Float32Array(dims)
  const g = new Float32Array(dims)
  const p = new Float64Array(bias.length)
  return ({ words, label }, rate) => {
    h.fill(0)
    for (const w of words) for (let d = 0; d < dims; d++) h[d]! += vectors[w * dims + d]!
    let norm = 0
    for (let d = 0; d < dims; d++) norm += h[d]! * h[d]!
    norm = Math.sqrt(norm) || 1
    for (let d = 0; d < dims; d++) h[d] = h[d]! / norm * TEMPERATURE
    softmax(h, rows, bias, p)
    g.fill(0)
    for (let c = 0; c < p.length; c++) {
      const e = p[c]! - (c === label ? 1 : 0)
      if (Math.abs(e) < SMALL) continue
      for (let d = 0; d < dims; d++) {
        g[d]! += e * rows[c * dims + d]!
        rows[c * dims + d]! -= rate * (e * h[d]! + DECAY * rows[c * dims + d]!)
      }
      bias[c]! -= rate * e
    }
    // (the normalisation's own gradient left out: the words move along the rows' pull, scaled as h was)
    const k = rate * TEMPERATURE / norm / words.length
    for (const w of words) for (let d = 0; d < dims; d++) vectors[w * dims + d]! -= k * g[d]!
  }
}

/** Softmax of the rows' dot products with `h` plus the biases, into `p`. */
export function softmax (h: Float32Array, rows: Float32Array, bias: Float32Array, p: Float64Array): void {
  const dims = h.length
  let max = -Infinity
  for (let c = 0; c < p.length; c++) {
    let s = bias[c]!
    for (let d = 0; d < dims; d++) s += rows[c * dims + d]! * h[d]!
    p[c] = s
    if (s > max) max = s
  }
  let z = 0
  for (let c = 0; c < p.length; c++) { p[c] = Math.exp(p[c]! - max); z += p[c]! }
  for (let c = 0; c < p.length; c++) p[c]! /= z
}
